/**
 * A scriptable HTTP server for fault-injection tests: a real node:http server
 * on 127.0.0.1 that answers each request with the next handler from a queue
 * and records what it received.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { inspect } from "node:util";
import { createTransport, type Transport, type TransportOptions } from "../../src/transport/index.js";

export type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface FaultServer {
  /** e.g. http://127.0.0.1:43567 */
  readonly origin: string;
  readonly port: number;
  /** Absolute URL for a path on this server. */
  url(path?: string): string;
  /** Every request received, in order. */
  readonly requests: RecordedRequest[];
  readonly count: number;
  /** Queue handlers; each request consumes one. Unscripted requests get 418. */
  enqueue(...handlers: Handler[]): void;
  close(): Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  const queue: Handler[] = [];
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      const handler = queue.shift() ?? unscripted;
      handler(req, res, body);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    port,
    url: (path = "/api/v1/accounts/1/conversations") => new URL(path, origin).href,
    requests,
    get count() {
      return requests.length;
    },
    enqueue: (...handlers) => queue.push(...handlers),
    close: () =>
      new Promise<void>((resolve) => {
        // Hanging responses would keep close() waiting forever.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

const unscripted: Handler = (_req, res) => {
  res.writeHead(418, { "content-type": "text/plain" });
  res.end("unscripted request");
};

/** A port on 127.0.0.1 that nothing listens on (bound, noted, closed). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

// ---------------------------------------------------------------------------
// Handler builders
// ---------------------------------------------------------------------------

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
    res.end(text);
  };
}

export function text(status: number, body: string, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { "content-type": "text/plain", "content-length": Buffer.byteLength(body), ...headers });
    res.end(body);
  };
}

/** Drops the connection without answering. */
export const resetBeforeResponse: Handler = (req) => {
  req.socket.destroy();
};

/** Sends headers and half the body, then drops the connection. */
export function resetMidBody(total = 1000): Handler {
  return (_req, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": total });
    res.write("x".repeat(total / 2), () => setTimeout(() => res.socket?.destroy(), 20));
  };
}

/** Promises more bytes (content-length) than it sends, then ends the socket cleanly. */
export function truncatedBody(): Handler {
  return (_req, res) => {
    res.writeHead(200, { "content-type": "application/json", "content-length": 100 });
    res.write('{"partial":', () => res.socket?.end());
  };
}

/** Sends headers and a first chunk, then never finishes. */
export const neverFinishes: Handler = (_req, res) => {
  res.writeHead(200, { "content-type": "application/json" });
  res.write('{"slow":');
};

export function redirect(status: number, location: string): Handler {
  return (_req, res) => {
    res.writeHead(status, { location, "content-length": 0 });
    res.end();
  };
}

// ---------------------------------------------------------------------------
// Test doubles
// ---------------------------------------------------------------------------

/** A sleep that records requested delays and resolves at once. */
export function recordingSleep(): { sleep: (ms: number, signal?: AbortSignal) => Promise<void>; delays: number[] } {
  const delays: number[] = [];
  return {
    delays,
    sleep: async (ms) => {
      delays.push(ms);
    },
  };
}

export interface CapturedLog {
  level: string;
  msg: string;
  data: unknown;
}

/** A logger capturing every call, with all four levels. */
export function captureLogger(): {
  logger: Required<Record<"debug" | "info" | "warn" | "error", (msg: string, data?: Record<string, unknown>) => void>>;
  lines: CapturedLog[];
  serialized(): string;
} {
  const lines: CapturedLog[] = [];
  const at = (level: string) => (msg: string, data?: Record<string, unknown>) => {
    lines.push({ level, msg, data });
  };
  return {
    lines,
    logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") },
    serialized: () => lines.map((l) => `${l.level} ${l.msg} ${inspect(l.data, { depth: 10 })}`).join("\n"),
  };
}

/** Every way an error could end up in a log, as one string. */
export function renderError(err: unknown): string {
  return [String(err), JSON.stringify(err), inspect(err, { depth: 10, showHidden: true })].join("\n");
}

// ---------------------------------------------------------------------------
// Secrets
// ---------------------------------------------------------------------------

/** The token every transport test uses; it must never show up in logs or errors. */
export const TOKEN = "cw_tok_7Hq2SECRETxZ9";

/**
 * Awaits a rejection, checks its class and that no rendering of it leaks the token.
 * Returns the error for further assertions.
 */
export async function rejectionOf<T extends Error>(
  promise: Promise<unknown>,
  errorClass: abstract new (...args: never[]) => T,
): Promise<T> {
  let caught: unknown;
  try {
    await promise;
  } catch (err) {
    caught = err;
  }
  if (!(caught instanceof errorClass)) {
    throw new Error(`expected ${errorClass.name}, got ${caught === undefined ? "a resolved promise" : inspect(caught)}`);
  }
  if (renderError(caught).includes(TOKEN)) throw new Error(`${caught.name} leaks the API token`);
  return caught;
}

// ---------------------------------------------------------------------------
// Per-test harness
// ---------------------------------------------------------------------------

export interface Harness {
  server: FaultServer;
  log: ReturnType<typeof captureLogger>;
  sleeper: ReturnType<typeof recordingSleep>;
  /** A transport aimed at `server`, logging to `log`, sleeping via `sleeper` (override anything). */
  transport(overrides?: Partial<TransportOptions>): Transport;
  /** Closes the server and fails if any captured log line contains the token. */
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const server = await startFaultServer();
  const log = captureLogger();
  const sleeper = recordingSleep();
  return {
    server,
    log,
    sleeper,
    transport: (overrides = {}) =>
      createTransport({ baseUrl: server.origin, apiAccessToken: TOKEN, logger: log.logger, sleep: sleeper.sleep, ...overrides }),
    close: async () => {
      await server.close();
      if (log.serialized().includes(TOKEN)) throw new Error("a log line contains the API token");
    },
  };
}
