import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { apiErrorFromResponse, InternalServerError, RateLimitError } from "../../src/errors.js";
import { MAX_RETRY_AFTER_MS } from "../../src/transport/index.js";
import { json, startHarness, text, TOKEN, type Harness } from "../helpers/fault-server.js";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

async function toApiError(res: Response, method = "GET") {
  return apiErrorFromResponse({ status: res.status, headers: res.headers, body: await res.text(), method, url: res.url });
}

describe("retries on HTTP statuses", () => {
  it("500 then 200: retried once, returns the 200", async () => {
    h.server.enqueue(json(500, { error: "boom" }), json(200, { id: 1 }));
    const res = await h.transport().fetch(new Request(h.server.url()));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 1 });
    expect(h.server.count).toBe(2);
    expect(h.sleeper.delays).toHaveLength(1);
  });

  it("503 x3 with maxRetries 2: returns the last 503 after 3 requests", async () => {
    h.server.enqueue(
      json(503, { error: "down 1" }),
      json(503, { error: "down 2" }),
      json(503, { error: "down 3" }),
      json(200, { unreachable: true }),
    );
    const res = await h.transport({ maxRetries: 2 }).fetch(new Request(h.server.url()));
    expect(res.status).toBe(503);
    expect(h.server.count).toBe(3);
    const err = await toApiError(res);
    expect(err).toBeInstanceOf(InternalServerError);
    expect(err.message).toContain("503 down 3");
  });

  it("429 text/plain 'Retry later' then 200, using plain backoff (no Retry-After)", async () => {
    h.server.enqueue(text(429, "Retry later\n"), json(200, { ok: true }));
    const res = await h.transport({ random: () => 0 }).fetch(new Request(h.server.url()));
    expect(res.status).toBe(200);
    expect(h.server.count).toBe(2);
    expect(h.sleeper.delays).toEqual([375]);
  });

  it("a 429 that persists is returned and maps to RateLimitError with the text message", async () => {
    h.server.enqueue(text(429, "Retry later\n"), text(429, "Retry later\n"));
    const res = await h.transport({ maxRetries: 1 }).fetch(new Request(h.server.url()));
    expect(h.server.count).toBe(2);
    const err = await toApiError(res);
    expect(err).toBeInstanceOf(RateLimitError);
    expect(err.message).toBe(`429 Retry later (GET ${h.server.url()})`);
  });

  it("429 with Retry-After: 1 sleeps 1000 ms", async () => {
    h.server.enqueue(json(429, { error: "slow down" }, { "retry-after": "1" }), json(200, {}));
    const res = await h.transport().fetch(new Request(h.server.url()));
    expect(res.status).toBe(200);
    expect(h.server.count).toBe(2);
    expect(h.sleeper.delays).toEqual([1000]);
  });

  it("retry-after-ms wins over Retry-After", async () => {
    h.server.enqueue(json(503, {}, { "retry-after-ms": "250", "retry-after": "30" }), json(200, {}));
    const res = await h.transport().fetch(new Request(h.server.url()));
    expect(res.status).toBe(200);
    expect(h.sleeper.delays).toEqual([250]);
  });

  it("Retry-After as an HTTP date", async () => {
    const when = new Date(Date.now() + 5_000).toUTCString();
    h.server.enqueue(json(503, {}, { "retry-after": when }), json(200, {}));
    const res = await h.transport().fetch(new Request(h.server.url()));
    expect(res.status).toBe(200);
    expect(h.sleeper.delays).toHaveLength(1);
    // HTTP dates have 1 s resolution.
    expect(h.sleeper.delays[0]).toBeGreaterThan(3_500);
    expect(h.sleeper.delays[0]).toBeLessThanOrEqual(5_000);
  });

  it("Retry-After longer than 60 s: gives up and returns the response", async () => {
    h.server.enqueue(json(429, { error: "later" }, { "retry-after": String(MAX_RETRY_AFTER_MS / 1000 + 1) }), json(200, {}));
    const res = await h.transport().fetch(new Request(h.server.url()));
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("61");
    expect(h.server.count).toBe(1);
    expect(h.sleeper.delays).toEqual([]);
    expect(h.log.lines.some((l) => l.level === "warn" && /too long/.test(l.msg))).toBe(true);
  });

  it.each(["Retry 5", "x 1"])("Retry-After %j (which Date.parse reads as a day in 2001) falls back to backoff", async (value) => {
    h.server.enqueue(json(503, {}, { "retry-after": value }), json(200, {}));
    await h.transport({ random: () => 1 }).fetch(new Request(h.server.url()));
    expect(h.sleeper.delays).toEqual([500]);
    expect(h.server.count).toBe(2);
  });

  it("unparseable Retry-After falls back to backoff", async () => {
    h.server.enqueue(json(503, {}, { "retry-after": "soon-ish" }), json(200, {}));
    await h.transport({ random: () => 1 }).fetch(new Request(h.server.url()));
    expect(h.sleeper.delays).toEqual([500]);
  });

  it("HTML 502 from a proxy then 200", async () => {
    h.server.enqueue((_req, res) => {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>");
    }, json(200, { id: 7 }));
    const res = await h.transport().fetch(new Request(h.server.url()));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 7 });
    expect(h.server.count).toBe(2);
  });

  it.each([408, 409, 504])("retries %i for an idempotent GET", async (status) => {
    h.server.enqueue(json(status, {}), json(200, {}));
    const res = await h.transport().fetch(new Request(h.server.url()));
    expect(res.status).toBe(200);
    expect(h.server.count).toBe(2);
  });

  it.each([400, 401, 403, 404, 422, 501])("does not retry %i", async (status) => {
    h.server.enqueue(json(status, { error: "no" }), json(200, {}));
    const res = await h.transport().fetch(new Request(h.server.url()));
    expect(res.status).toBe(status);
    expect(h.server.count).toBe(1);
  });

  it("maxRetries 0 disables retries", async () => {
    h.server.enqueue(json(503, {}), json(200, {}));
    const res = await h.transport({ maxRetries: 0 }).fetch(new Request(h.server.url()));
    expect(res.status).toBe(503);
    expect(h.server.count).toBe(1);
    expect(h.sleeper.delays).toEqual([]);
  });

  it("fetchWith overrides maxRetries per call", async () => {
    const transport = h.transport({ maxRetries: 0 });
    h.server.enqueue(json(500, {}), json(500, {}), json(500, {}), json(200, { third: true }));
    const res = await transport.fetchWith({ maxRetries: 3 })(new Request(h.server.url()));
    expect(res.status).toBe(200);
    expect(h.server.count).toBe(4);

    h.server.enqueue(json(500, {}), json(200, {}));
    const res2 = await transport.fetch(new Request(h.server.url()));
    expect(res2.status).toBe(500);
    expect(h.server.count).toBe(5);
  });

  it("sends the token and accept header on every attempt", async () => {
    h.server.enqueue(json(500, {}), json(200, {}));
    await h.transport().fetch(new Request(h.server.url()));
    for (const req of h.server.requests) {
      expect(req.headers["api_access_token"]).toBe(TOKEN);
      expect(req.headers["accept"]).toBe("application/json");
    }
  });

  it("logs a debug line per attempt and a warn line per retry", async () => {
    h.server.enqueue(json(502, {}), json(200, {}));
    await h.transport({ random: () => 0.5 }).fetch(new Request(h.server.url()));
    const debug = h.log.lines.filter((l) => l.level === "debug");
    const warn = h.log.lines.filter((l) => l.level === "warn");
    expect(debug.map((l) => (l.data as { status: number }).status)).toEqual([502, 200]);
    expect(debug[0]?.data).toMatchObject({ method: "GET", url: h.server.url(), attempt: 1 });
    expect(typeof (debug[0]?.data as { ms: unknown }).ms).toBe("number");
    expect(warn).toHaveLength(1);
    expect(warn[0]?.data).toMatchObject({ reason: "HTTP 502", delayMs: 438, attempt: 1 });
  });
});
