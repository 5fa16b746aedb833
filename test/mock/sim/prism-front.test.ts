// `npm run mock` with Prism's validating proxy in front: requests Prism cannot pass on
// still get the answer Rails gives (found by schemathesis, scripts/schemathesis.mjs).
// Prism 5.14.2 answers 501 to a method the spec does not declare and to a GET with a
// body, its own 400 to a JSON body that does not parse, and never answers a JSON body
// `null`, `false` or `0`; node's default header limit answered a long URL with 431.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, freePort, startMock, waitUntil, type MockProcess } from "../helpers/process.js";

let mock: MockProcess;
beforeAll(async () => {
  mock = await startMock("node", ["--port", String(await freePort())], { env: cleanEnv() });
  await waitUntil(() => mock.output().includes("Prism's validating proxy is up"), 60_000, "Prism to start");
}, 90_000);
afterAll(async () => {
  await mock?.stop("SIGKILL");
});

function send(method: string, path: string, body?: string): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = { api_access_token: "sim-admin-token" };
  if (body !== undefined) Object.assign(headers, { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) });
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(path, mock.url), { method, headers, agent: false, timeout: 8000 }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("timeout", () => req.destroy(new Error(`${method} ${path}: no answer in 8 s`)));
    req.on("error", reject);
    req.end(body);
  });
}

const ACC = "/api/v1/accounts/1";

describe("requests Prism's proxy cannot pass on reach the simulator", () => {
  it("a method the spec does not declare on a known path: Rails' routing 404", async () => {
    expect(await send("GET", `${ACC}/bulk_actions`)).toEqual({ status: 404, body: '{"status":404,"error":"Not Found"}' });
    expect(await send("PUT", `${ACC}/labels/1`, "{}")).toEqual({ status: 404, body: '{"status":404,"error":"Not Found"}' });
  });

  it("a GET with a body: the body is ignored (conversations/filter is conversations#show with id 'filter')", async () => {
    expect(await send("GET", `${ACC}/conversations/filter`, '{"payload":[]}')).toEqual({ status: 404, body: '{"error":"Resource could not be found"}' });
  });

  it("a JSON body that does not parse: Rails' 400", async () => {
    expect(await send("POST", `${ACC}/labels`, "\u0000")).toEqual({ status: 400, body: '{"status":400,"error":"Bad Request"}' });
  });

  it("a JSON body null, false or 0 is answered (params[:label] is missing: 422)", async () => {
    for (const body of ["null", "false", "0"]) {
      expect(await send("PATCH", `${ACC}/labels/1`, body), body).toEqual({ status: 422, body: '{"error":"param is missing or the value is empty: label"}' });
    }
  });

  it("a 30 kB query string reaches the operation (no 431)", async () => {
    const res = await send("GET", `${ACC}/conversations?labels[]=${"a".repeat(30_000)}`);
    expect(res.status).toBe(200);
  });

  it("an ordinary request is still answered", async () => {
    expect((await send("GET", `${ACC}/conversations/1`)).status).toBe(200);
  });
});
