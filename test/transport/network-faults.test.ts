import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConnectionError, TimeoutError } from "../../src/errors.js";
import {
  json,
  neverFinishes,
  rejectionOf,
  resetBeforeResponse,
  resetMidBody,
  startHarness,
  truncatedBody,
  type Harness,
} from "../helpers/fault-server.js";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe("connection faults on an idempotent GET", () => {
  it("connection reset before the response is retried", async () => {
    h.server.enqueue(resetBeforeResponse, json(200, { ok: 1 }));
    const res = await h.transport().fetch(new Request(h.server.url()));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: 1 });
    expect(h.server.count).toBe(2);
  });

  it("connection reset before the response, every time: ConnectionError after 1+maxRetries", async () => {
    h.server.enqueue(resetBeforeResponse, resetBeforeResponse, resetBeforeResponse, json(200, {}));
    const err = await rejectionOf(h.transport({ maxRetries: 2 }).fetch(new Request(h.server.url())), ConnectionError);
    expect(h.server.count).toBe(3);
    expect(err.method).toBe("GET");
    expect(err.url).toBe(h.server.url());
    expect(err.cause).toBeInstanceOf(TypeError);
  });

  it("connection reset mid-body is a failed attempt and is retried", async () => {
    h.server.enqueue(resetMidBody(2000), json(200, { full: true }));
    const res = await h.transport().fetch(new Request(h.server.url()));
    expect(await res.json()).toEqual({ full: true });
    expect(h.server.count).toBe(2);
  });

  it("truncated body (content-length larger than sent) is retried", async () => {
    h.server.enqueue(truncatedBody(), json(200, { whole: true }));
    const res = await h.transport().fetch(new Request(h.server.url()));
    expect(await res.json()).toEqual({ whole: true });
    expect(h.server.count).toBe(2);
  });

  it("truncated body every time: ConnectionError", async () => {
    h.server.enqueue(truncatedBody(), truncatedBody());
    await rejectionOf(h.transport({ maxRetries: 1 }).fetch(new Request(h.server.url())), ConnectionError);
    expect(h.server.count).toBe(2);
  });
});

describe("timeouts", () => {
  it("a response that never finishes: TimeoutError after 1+maxRetries attempts", async () => {
    h.server.enqueue(neverFinishes, neverFinishes, neverFinishes, json(200, {}));
    const started = Date.now();
    const err = await rejectionOf(
      h.transport({ maxRetries: 2, timeoutMs: 200 }).fetch(new Request(h.server.url())),
      TimeoutError,
    );
    const elapsed = Date.now() - started;
    expect(err.timeoutMs).toBe(200);
    expect(h.server.count).toBe(3);
    expect(elapsed).toBeGreaterThanOrEqual(3 * 200 - 20);
    expect(elapsed).toBeLessThan(3_000);
  });

  it("headers that never come also time out, and a later attempt can succeed", async () => {
    h.server.enqueue(() => {
      /* never answer */
    }, json(200, { late: false }));
    const res = await h.transport({ timeoutMs: 200 }).fetch(new Request(h.server.url()));
    expect(await res.json()).toEqual({ late: false });
    expect(h.server.count).toBe(2);
  });

  it("slow but complete under the timeout succeeds in one attempt", async () => {
    h.server.enqueue((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"slow":');
      setTimeout(() => res.end("true}"), 150);
    });
    const res = await h.transport({ timeoutMs: 1_000 }).fetch(new Request(h.server.url()));
    expect(await res.json()).toEqual({ slow: true });
    expect(h.server.count).toBe(1);
  });

  it("fetchWith overrides timeoutMs per call", async () => {
    const transport = h.transport({ timeoutMs: 60_000, maxRetries: 0 });
    h.server.enqueue(neverFinishes);
    const err = await rejectionOf(transport.fetchWith({ timeoutMs: 100 })(new Request(h.server.url())), TimeoutError);
    expect(err.timeoutMs).toBe(100);
    expect(h.server.count).toBe(1);
  });
});

describe("response bodies", () => {
  it("200 with an empty body returns an empty response without throwing", async () => {
    h.server.enqueue((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": 0 });
      res.end();
    });
    const res = await h.transport().fetch(new Request(h.server.url()));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("");
    expect(h.server.count).toBe(1);
  });

  it("204 gets a null body", async () => {
    h.server.enqueue((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const res = await h.transport().fetch(new Request(h.server.url(), { method: "DELETE" }));
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
  });

  it("a 20 MB body is returned intact", async () => {
    const size = 20 * 1024 * 1024;
    const payload = Buffer.alloc(size);
    for (let i = 0; i < size; i += 4) payload.writeUInt32LE(i, i);
    h.server.enqueue((_req, res) => {
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": size });
      res.end(payload);
    });
    const res = await h.transport({ timeoutMs: 10_000 }).fetch(new Request(h.server.url()));
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBe(size);
    expect(body.equals(payload)).toBe(true);
  });

  it("gzip is decoded and framing headers are dropped; other headers are kept", async () => {
    const raw = JSON.stringify({ payload: "z".repeat(5000) });
    const gz = gzipSync(raw);
    h.server.enqueue((_req, res) => {
      res.writeHead(200, {
        "content-type": "application/json; charset=utf-8",
        "content-encoding": "gzip",
        "content-length": gz.length,
        "x-request-id": "req-42",
      });
      res.end(gz);
    });
    const res = await h.transport().fetch(new Request(h.server.url()));
    expect(await res.text()).toBe(raw);
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(res.headers.get("content-length")).toBeNull();
    expect(res.headers.get("transfer-encoding")).toBeNull();
    expect(res.headers.get("x-request-id")).toBe("req-42");
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
  });

  it("keeps status and statusText and exposes the final url", async () => {
    h.server.enqueue((_req, res) => {
      res.writeHead(404, "Nope Not Here", { "content-type": "application/json" });
      res.end('{"error":"x"}');
    });
    const res = await h.transport().fetch(new Request(h.server.url("/api/v1/accounts/1/conversations/9")));
    expect(res.status).toBe(404);
    expect(res.statusText).toBe("Nope Not Here");
    expect(res.url).toBe(h.server.url("/api/v1/accounts/1/conversations/9"));
  });
});
