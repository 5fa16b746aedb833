import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AbortError,
  apiErrorFromResponse,
  ChatwootError,
  ConnectionError,
  InvalidRequestError,
  InvalidResponseError,
  TimeoutError,
} from "../../src/errors.js";
import { createTransport, isLoopbackHost, redact } from "../../src/transport/index.js";
import {
  captureLogger,
  closedPort,
  json,
  neverFinishes,
  redirect,
  rejectionOf,
  renderError,
  resetBeforeResponse,
  startHarness,
  text,
  TOKEN,
  type Harness,
} from "../helpers/fault-server.js";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await h.close();
});

const ok = async (): Promise<Response> => new Response("{}", { status: 200 });

describe("plain-http warning", () => {
  it("warns once per transport for a non-loopback http host", async () => {
    const log = captureLogger();
    const transport = createTransport({ baseUrl: "http://chatwoot.internal.example", apiAccessToken: TOKEN, logger: log.logger, fetch: ok });
    await transport.fetch(new Request("http://chatwoot.internal.example/api/v1/accounts/1/conversations"));
    await transport.fetch(new Request("http://chatwoot.internal.example/api/v1/accounts/1/labels"));
    const warnings = log.lines.filter((l) => l.level === "warn");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.msg).toMatch(/plain http/);
    expect(warnings[0]?.data).toEqual({ host: "chatwoot.internal.example" });
    expect(log.serialized()).not.toContain(TOKEN);

    // A second transport warns again (once per transport).
    const log2 = captureLogger();
    await createTransport({ baseUrl: "http://chatwoot.internal.example", apiAccessToken: TOKEN, logger: log2.logger, fetch: ok }).fetch(
      new Request("http://chatwoot.internal.example/x"),
    );
    expect(log2.lines.filter((l) => l.level === "warn")).toHaveLength(1);
  });

  it.each(["http://127.0.0.1:3000", "http://127.4.5.6", "http://localhost:3000", "http://app.localhost", "http://[::1]:3000", "https://chat.example.com"])(
    "does not warn for %s",
    async (base) => {
      const log = captureLogger();
      const transport = createTransport({ baseUrl: base, apiAccessToken: TOKEN, logger: log.logger, fetch: ok });
      await transport.fetch(new Request(`${base}/api`));
      expect(log.lines.filter((l) => l.level === "warn")).toEqual([]);
    },
  );

  it("does not warn against the real 127.0.0.1 test server", async () => {
    h.server.enqueue(json(200, {}));
    await h.transport().fetch(new Request(h.server.url()));
    expect(h.log.lines.filter((l) => l.level === "warn")).toEqual([]);
  });

  it("uses console.warn (once) when no logger is given", async () => {
    const spy = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const transport = createTransport({ baseUrl: "http://10.0.0.8:3000", apiAccessToken: TOKEN, fetch: ok });
    await transport.fetch(new Request("http://10.0.0.8:3000/a"));
    await transport.fetch(new Request("http://10.0.0.8:3000/b"));
    expect(spy).toHaveBeenCalledTimes(1);
    expect(String(spy.mock.calls[0]?.[0])).toMatch(/plain http/);
    expect(JSON.stringify(spy.mock.calls)).not.toContain(TOKEN);
  });

  it("does not warn when the token is not sent (other origin)", async () => {
    const log = captureLogger();
    const transport = createTransport({ baseUrl: "https://chat.example.com", apiAccessToken: TOKEN, logger: log.logger, fetch: ok });
    await transport.fetch(new Request("http://cdn.example.com/file"));
    expect(log.lines.filter((l) => l.level === "warn")).toEqual([]);
  });

  it("is otherwise silent without a logger", async () => {
    const spies = (["debug", "info", "warn", "error", "log"] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation(() => undefined),
    );
    h.server.enqueue(json(500, {}), json(200, {}));
    await createTransport({ baseUrl: h.server.origin, apiAccessToken: TOKEN, sleep: async () => undefined }).fetch(
      new Request(h.server.url()),
    );
    expect(h.server.count).toBe(2);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});

describe("log redaction", () => {
  it("redacts the token from URLs in log lines", async () => {
    const url = h.server.url(`/api/v1/search?q=${TOKEN}`);
    h.server.enqueue(json(503, {}), json(200, {}));
    await h.transport().fetch(new Request(url));
    const all = h.log.serialized();
    expect(h.log.lines.length).toBeGreaterThanOrEqual(3);
    expect(all).toContain("[REDACTED]");
    expect(all).not.toContain(TOKEN);
  });

  it("redact() handles strings, nested objects and arrays, and ignores an empty secret", () => {
    expect(redact(`a${TOKEN}b${TOKEN}`, TOKEN)).toBe("a[REDACTED]b[REDACTED]");
    expect(redact({ x: [TOKEN, { y: `t=${TOKEN}` }], n: 1 }, TOKEN)).toEqual({ x: ["[REDACTED]", { y: "t=[REDACTED]" }], n: 1 });
    expect(redact("abc", "")).toBe("abc");
  });

  it("a throwing logger does not break requests", async () => {
    h.server.enqueue(json(500, {}), json(200, {}));
    const boom = (): never => {
      throw new Error("logger down");
    };
    const res = await h.transport({ logger: { debug: boom, warn: boom } }).fetch(new Request(h.server.url()));
    expect(res.status).toBe(200);
  });

  it("never logs request headers", async () => {
    h.server.enqueue(json(500, {}), json(200, {}));
    await h.transport().fetch(new Request(h.server.url(), { headers: { "x-custom-header": "hdr-value-123" } }));
    const all = h.log.serialized();
    expect(all).not.toContain("hdr-value-123");
    expect(all).not.toContain("api_access_token");
  });
});

describe("errors never carry the token", () => {
  function assertClean(err: unknown): void {
    const rendered = renderError(err);
    expect(rendered).not.toContain(TOKEN);
    expect(rendered).not.toContain("api_access_token");
  }

  it("every error class thrown by the transport, rendered every way", async () => {
    const thrown: ChatwootError[] = [];
    const t = h.transport({ maxRetries: 0, timeoutMs: 150 });

    h.server.enqueue(resetBeforeResponse);
    thrown.push(await rejectionOf(t.fetch(new Request(h.server.url())), ConnectionError));

    h.server.enqueue(neverFinishes);
    thrown.push(await rejectionOf(t.fetch(new Request(h.server.url())), TimeoutError));

    h.server.enqueue(neverFinishes);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    thrown.push(await rejectionOf(t.fetchWith({ signal: controller.signal })(new Request(h.server.url())), AbortError));

    for (let i = 0; i < 7; i++) h.server.enqueue(redirect(302, "/loop"));
    thrown.push(await rejectionOf(t.fetch(new Request(h.server.url())), ConnectionError));

    const port = await closedPort();
    const refused = createTransport({ baseUrl: `http://127.0.0.1:${port}`, apiAccessToken: TOKEN, maxRetries: 0 });
    thrown.push(await rejectionOf(refused.fetch(new Request(`http://127.0.0.1:${port}/`)), ConnectionError));

    thrown.push(await rejectionOf(t.fetchWith({ timeoutMs: -1 })(new Request(h.server.url())), InvalidRequestError));

    // The server did receive the token in these requests, so the checks above are meaningful.
    expect(h.server.requests.length).toBeGreaterThan(0);
    for (const req of h.server.requests) expect(req.headers["api_access_token"]).toBe(TOKEN);

    // HTTP errors as the client builds them from a transport response.
    for (const [status, handler] of [
      [401, json(401, { error: "Invalid Access Token" })],
      [404, json(404, { error: "Resource could not be found" })],
      [422, json(422, { message: "Invalid", attributes: ["x"] })],
      [429, text(429, "Retry later\n")],
      [500, text(500, "<html><title>Oops</title></html>")],
    ] as const) {
      h.server.enqueue(handler);
      const res = await t.fetch(new Request(h.server.url()));
      expect(res.status).toBe(status);
      thrown.push(apiErrorFromResponse({ status: res.status, headers: res.headers, body: await res.text(), method: "GET", url: res.url }));
    }
    thrown.push(new InvalidResponseError({ status: 200, method: "GET", url: h.server.url(), body: "<html>" }));

    expect(new Set(thrown.map((e) => e.name))).toEqual(
      new Set([
        "ConnectionError",
        "TimeoutError",
        "AbortError",
        "InvalidRequestError",
        "AuthenticationError",
        "NotFoundError",
        "UnprocessableEntityError",
        "RateLimitError",
        "InternalServerError",
        "InvalidResponseError",
      ]),
    );
    for (const err of thrown) assertClean(err);
    expect(h.log.serialized()).not.toContain(TOKEN);
  });

  it("the ConnectionError cause chain holds no request headers", async () => {
    h.server.enqueue(resetBeforeResponse);
    const err = await rejectionOf(
      h.transport({ maxRetries: 0 }).fetch(new Request(h.server.url(), { headers: { "x-marker": "marker-77" } })),
      ConnectionError,
    );
    expect(err.cause).toBeDefined();
    assertClean(err);
    expect(renderError(err)).not.toContain("marker-77");
  });
});

describe("isLoopbackHost", () => {
  it.each([
    ["localhost", true],
    ["LOCALHOST", true],
    ["api.localhost", true],
    ["127.0.0.1", true],
    ["127.255.0.9", true],
    ["[::1]", true],
    ["::1", true],
    ["128.0.0.1", false],
    ["10.0.0.1", false],
    ["localhost.example.com", false],
    ["127.0.0.1.nip.io", false],
    ["chat.example.com", false],
  ])("%s → %s", (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});
