// A test's own node:http server on 127.0.0.1 (a free port), and a close that
// does not wait for keep-alive connections to time out.
import type http from "node:http";
import type { AddressInfo } from "node:net";

export interface Loopback {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function listenOnLoopback(server: http.Server): Promise<Loopback> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
