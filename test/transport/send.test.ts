// transport.send(): the fast path the client's methods take. It shares attempts,
// retries, redirects and timeouts with transport.fetch (tested in the other
// files through fetch); these tests cover what is its own: the plain request
// description in, and the real Response plus the body text (read once, inside
// the attempt) out.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AbortError, ConnectionError, InvalidRequestError, TimeoutError } from "../../src/errors.js";
import {
  json,
  neverFinishes,
  redirect,
  rejectionOf,
  resetMidBody,
  startFaultServer,
  startHarness,
  TOKEN,
  truncatedBody,
  type FaultServer,
  type Harness,
} from "../helpers/fault-server.js";

let h: Harness;
let other: FaultServer;
beforeEach(async () => {
  h = await startHarness();
  other = await startFaultServer();
});
afterEach(async () => {
  await other.close();
  await h.close();
});

describe("send()", () => {
  it("sends method, headers and a string body; returns the Response and the text", async () => {
    h.server.enqueue(json(201, { id: 7 }, { "x-request-id": "rq-9" }));
    const { response, text } = await h.transport().send({
      method: "post",
      url: h.server.url("/api/v1/accounts/1/labels"),
      headers: { "Content-Type": "application/json", "X-Extra": "1" },
      body: '{"title":"vip"}',
    });
    expect(JSON.parse(text)).toEqual({ id: 7 });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-request-id")).toBe("rq-9");
    expect(response.bodyUsed).toBe(true); // read once, by the transport
    expect(response.url).toBe(h.server.url("/api/v1/accounts/1/labels"));
    const [seen] = h.server.requests;
    expect(seen?.method).toBe("POST");
    expect(seen?.body.toString()).toBe('{"title":"vip"}');
    expect(seen?.headers["content-type"]).toBe("application/json");
    expect(seen?.headers["x-extra"]).toBe("1");
    expect(seen?.headers["accept"]).toBe("application/json");
    expect(seen?.headers["api_access_token"]).toBe(TOKEN);
  });

  it("accepts a URL object and keeps a caller's Accept; a caller's token header is replaced", async () => {
    h.server.enqueue(json(200, {}));
    await h.transport().send({ method: "GET", url: new URL(h.server.url()), headers: { accept: "text/csv", api_access_token: "forged" } });
    expect(h.server.requests[0]?.headers["accept"]).toBe("text/csv");
    expect(h.server.requests[0]?.headers["api_access_token"]).toBe(TOKEN);
  });

  it("rejects a URL that does not parse, before sending", async () => {
    const err = await rejectionOf(h.transport().send({ method: "GET", url: "not a url" }), InvalidRequestError);
    expect(err.param).toBe("url");
  });

  it("a reset mid-body fails the attempt, which is retried", async () => {
    h.server.enqueue(resetMidBody(2000), json(200, { full: true }));
    const { text } = await h.transport().send({ method: "GET", url: h.server.url() });
    expect(JSON.parse(text)).toEqual({ full: true });
    expect(h.server.count).toBe(2);
  });

  it("a truncated body every time: ConnectionError after 1+maxRetries", async () => {
    h.server.enqueue(truncatedBody(), truncatedBody());
    await rejectionOf(h.transport({ maxRetries: 1 }).send({ method: "GET", url: h.server.url() }), ConnectionError);
    expect(h.server.count).toBe(2);
  });

  it("a body that never ends times out (the read is under the attempt's timeout)", async () => {
    h.server.enqueue(neverFinishes, json(200, { late: false }));
    const { text } = await h.transport({ timeoutMs: 150 }).send({ method: "GET", url: h.server.url() });
    expect(JSON.parse(text)).toEqual({ late: false });
    expect(h.server.count).toBe(2);
  });

  it("timeouts of a non-idempotent call are not retried", async () => {
    h.server.enqueue(neverFinishes, json(200, {}));
    const err = await rejectionOf(
      h.transport({ timeoutMs: 100 }).send({ method: "POST", url: h.server.url(), body: "{}" }, { idempotent: false }),
      TimeoutError,
    );
    expect(err.timeoutMs).toBe(100);
    expect(h.server.count).toBe(1);
  });

  it("the caller's signal aborts while the body is being read, at once and without a retry", async () => {
    h.server.enqueue(neverFinishes, json(200, {}));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 60);
    const started = Date.now();
    const err = await rejectionOf(
      h.transport({ timeoutMs: 5_000 }).send({ method: "GET", url: h.server.url() }, { signal: controller.signal }),
      AbortError,
    );
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(err.cause).toBeInstanceOf(DOMException);
    expect(h.server.count).toBe(1);
  });

  it("an aborted signal sends nothing", async () => {
    const controller = new AbortController();
    controller.abort();
    await rejectionOf(h.transport().send({ method: "GET", url: h.server.url() }, { signal: controller.signal }), AbortError);
    expect(h.server.count).toBe(0);
  });

  it("a 204 gives an empty text", async () => {
    h.server.enqueue((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const { response, text } = await h.transport().send({ method: "DELETE", url: h.server.url() });
    expect(response.status).toBe(204);
    expect(text).toBe("");
  });

  it("error statuses come back (after retries) with their text, not as exceptions", async () => {
    h.server.enqueue(json(503, { error: "busy" }), json(404, { error: "gone" }));
    const { response, text } = await h.transport().send({ method: "GET", url: h.server.url() });
    expect(response.status).toBe(404);
    expect(JSON.parse(text)).toEqual({ error: "gone" });
    expect(h.sleeper.delays).toHaveLength(1);
  });

  it("follows a cross-origin redirect without the token; the body is re-sent on 307", async () => {
    h.server.enqueue(redirect(307, other.url("/elsewhere")));
    other.enqueue(json(200, { moved: true }));
    const { response, text } = await h.transport().send(
      { method: "PUT", url: h.server.url(), headers: { "content-type": "application/json", authorization: "Bearer x" }, body: '{"a":1}' },
      { idempotent: true },
    );
    expect(JSON.parse(text)).toEqual({ moved: true });
    expect(response.url).toBe(other.url("/elsewhere"));
    const seen = other.requests[0]!;
    expect(seen.method).toBe("PUT");
    expect(seen.body.toString()).toBe('{"a":1}');
    expect(seen.headers["api_access_token"]).toBeUndefined();
    expect(seen.headers["authorization"]).toBeUndefined();
    expect(h.server.requests[0]?.headers["api_access_token"]).toBe(TOKEN);
  });

  it("an injected fetch: its Response gets the hop's url, and a non-aborting fetch still aborts at once", async () => {
    const transport = h.transport({ fetch: async () => new Response('{"ok":true}', { status: 200 }) });
    const { response, text } = await transport.send({ method: "GET", url: h.server.url("/x") });
    expect(text).toBe('{"ok":true}');
    expect(response.url).toBe(h.server.url("/x"));

    const hanging = h.transport({ fetch: () => new Promise<Response>(() => undefined), timeoutMs: 5_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    await rejectionOf(hanging.send({ method: "GET", url: h.server.url() }, { signal: controller.signal }), AbortError);
  });

  it("Response.error() from an injected fetch is a connection failure", async () => {
    const transport = h.transport({ fetch: async () => Response.error(), maxRetries: 0 });
    await rejectionOf(transport.send({ method: "GET", url: h.server.url() }), ConnectionError);
  });
});
