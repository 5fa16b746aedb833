import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConnectionError, TimeoutError } from "../../src/errors.js";
import { createTransport } from "../../src/transport/index.js";
import {
  closedPort,
  json,
  neverFinishes,
  recordingSleep,
  rejectionOf,
  resetBeforeResponse,
  startHarness,
  TOKEN,
  type Harness,
} from "../helpers/fault-server.js";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

function post(url: string, body: unknown = { content: "hello" }): Request {
  return new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

/** Wraps the real fetch to count attempts (for targets where no test server sees them). */
function countingFetch(): { fetch: typeof globalThis.fetch; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    fetch: (input, init) => {
      calls.push(`${init?.method ?? "GET"} ${String(input)}`);
      return globalThis.fetch(input, init);
    },
  };
}

describe("non-idempotent requests (POST by default)", () => {
  it("a POST hit by a 500 is sent exactly once and the 500 is returned", async () => {
    h.server.enqueue(json(500, { error: "boom" }), json(200, {}));
    const res = await h.transport().fetch(post(h.server.url("/api/v1/accounts/1/conversations/1/messages")));
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: "boom" });
    expect(h.server.count).toBe(1);
    expect(h.sleeper.delays).toEqual([]);
  });

  it.each([409, 502, 503, 504])("a POST hit by %i is not retried", async (status) => {
    h.server.enqueue(json(status, {}), json(200, {}));
    const res = await h.transport().fetch(post(h.server.url()));
    expect(res.status).toBe(status);
    expect(h.server.count).toBe(1);
  });

  it("a POST hit by 429 is retried (the server did not process it)", async () => {
    h.server.enqueue(json(429, { error: "rate" }), json(200, { id: 5 }));
    const res = await h.transport().fetch(post(h.server.url()));
    expect(res.status).toBe(200);
    expect(h.server.count).toBe(2);
    expect(h.server.requests.map((r) => r.method)).toEqual(["POST", "POST"]);
  });

  it("a POST to a refused port is retried, then fails with ConnectionError", async () => {
    const port = await closedPort();
    const counter = countingFetch();
    const sleeper = recordingSleep();
    const transport = createTransport({
      baseUrl: `http://127.0.0.1:${port}`,
      apiAccessToken: TOKEN,
      fetch: counter.fetch,
      sleep: sleeper.sleep,
      maxRetries: 2,
    });
    const err = await rejectionOf(transport.fetch(post(`http://127.0.0.1:${port}/x`)), ConnectionError);
    expect(counter.calls).toHaveLength(3);
    expect(sleeper.delays).toHaveLength(2);
    expect(err.code).toBe("ECONNREFUSED");
    expect(err.message).toContain("ECONNREFUSED");
  });

  it.each(["ENOTFOUND", "EAI_AGAIN"])("a POST failing DNS (%s) is retried", async (code) => {
    let calls = 0;
    const transport = createTransport({
      baseUrl: "https://chat.example.test",
      apiAccessToken: TOKEN,
      sleep: async () => undefined,
      fetch: async () => {
        calls++;
        const cause = Object.assign(new Error(`getaddrinfo ${code} chat.example.test`), { code });
        throw new TypeError("fetch failed", { cause });
      },
    });
    const err = await rejectionOf(transport.fetch(post("https://chat.example.test/api")), ConnectionError);
    expect(calls).toBe(3);
    expect(err.code).toBe(code);
  });

  it("finds ECONNREFUSED inside an AggregateError (happy eyeballs)", async () => {
    let calls = 0;
    const transport = createTransport({
      baseUrl: "http://localhost:1",
      apiAccessToken: TOKEN,
      sleep: async () => undefined,
      maxRetries: 1,
      fetch: async () => {
        calls++;
        const inner = [
          Object.assign(new Error("connect ECONNREFUSED ::1:1"), { code: "ECONNREFUSED" }),
          Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }),
        ];
        throw new TypeError("fetch failed", { cause: new AggregateError(inner) });
      },
    });
    await rejectionOf(transport.fetch(post("http://localhost:1/api")), ConnectionError);
    expect(calls).toBe(2);
  });

  it("a POST whose connection is reset is not retried", async () => {
    h.server.enqueue(resetBeforeResponse, json(200, {}));
    const err = await rejectionOf(h.transport().fetch(post(h.server.url())), ConnectionError);
    expect(h.server.count).toBe(1);
    expect(err.code).toBe("UND_ERR_SOCKET");
  });

  it("a POST that times out is not retried", async () => {
    h.server.enqueue(neverFinishes, json(200, {}));
    await rejectionOf(h.transport({ timeoutMs: 150 }).fetch(post(h.server.url())), TimeoutError);
    expect(h.server.count).toBe(1);
  });
});

describe("idempotent writes", () => {
  it("an idempotent POST is re-sent with an identical body on retry", async () => {
    const payload = { labels: ["billing", "vip"], note: "ünïcødé ✓" };
    h.server.enqueue(json(500, {}), json(502, {}), json(200, { payload: ["billing", "vip"] }));
    const res = await h.transport().fetchWith({ idempotent: true })(
      post(h.server.url("/api/v1/accounts/1/conversations/3/labels"), payload),
    );
    expect(res.status).toBe(200);
    expect(h.server.count).toBe(3);
    const [first, ...rest] = h.server.requests;
    expect(JSON.parse(first!.body.toString("utf8"))).toEqual(payload);
    for (const req of rest) {
      expect(req.method).toBe("POST");
      expect(req.body.equals(first!.body)).toBe(true);
      expect(req.headers["content-type"]).toBe("application/json");
    }
  });

  it("uses the isIdempotent option with method and URL", async () => {
    const seen: string[] = [];
    const transport = h.transport({
      isIdempotent: (method, url) => {
        seen.push(`${method} ${url.pathname}`);
        return method === "POST" && url.pathname.endsWith("/labels");
      },
    });
    h.server.enqueue(json(503, {}), json(200, {}));
    const res = await transport.fetch(post(h.server.url("/api/v1/accounts/1/conversations/3/labels")));
    expect(res.status).toBe(200);
    expect(h.server.count).toBe(2);

    h.server.enqueue(json(503, {}), json(200, {}));
    const res2 = await transport.fetch(post(h.server.url("/api/v1/accounts/1/conversations/3/messages")));
    expect(res2.status).toBe(503);
    expect(h.server.count).toBe(3);
    expect(seen).toEqual([
      "POST /api/v1/accounts/1/conversations/3/labels",
      "POST /api/v1/accounts/1/conversations/3/messages",
    ]);
  });

  it("CallOptions.idempotent = false beats the default for GET", async () => {
    h.server.enqueue(json(500, {}), json(200, {}));
    const res = await h.transport().fetchWith({ idempotent: false })(new Request(h.server.url()));
    expect(res.status).toBe(500);
    expect(h.server.count).toBe(1);
  });

  it("PATCH and DELETE are not idempotent by default", async () => {
    h.server.enqueue(json(500, {}), json(500, {}), json(200, {}));
    const t = h.transport();
    expect((await t.fetch(new Request(h.server.url(), { method: "PATCH", body: "{}" }))).status).toBe(500);
    expect((await t.fetch(new Request(h.server.url(), { method: "DELETE" }))).status).toBe(500);
    expect(h.server.count).toBe(2);
  });
});
