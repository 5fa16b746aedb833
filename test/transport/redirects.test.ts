import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ConnectionError } from "../../src/errors.js";
import { MAX_REDIRECTS } from "../../src/transport/index.js";
import {
  json,
  redirect,
  rejectionOf,
  startFaultServer,
  startHarness,
  TOKEN,
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

describe("redirects", () => {
  it("same-origin redirect is followed with the token", async () => {
    h.server.enqueue(redirect(301, "/api/v1/accounts/1/conversations/2"), json(200, { id: 2 }));
    const res = await h.transport().fetch(new Request(h.server.url("/api/v1/accounts/1/conversations/1")));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 2 });
    expect(res.url).toBe(h.server.url("/api/v1/accounts/1/conversations/2"));
    expect(h.server.requests.map((r) => r.url)).toEqual([
      "/api/v1/accounts/1/conversations/1",
      "/api/v1/accounts/1/conversations/2",
    ]);
    expect(h.server.requests.map((r) => r.headers["api_access_token"])).toEqual([TOKEN, TOKEN]);
  });

  it("cross-origin redirect is followed without the token", async () => {
    h.server.enqueue(redirect(302, other.url("/files/export.json")));
    other.enqueue(json(200, { exported: true }));
    const res = await h.transport().fetch(
      new Request(h.server.url(), { headers: { authorization: "Bearer caller-secret", "x-keep": "1" } }),
    );
    expect(await res.json()).toEqual({ exported: true });
    expect(h.server.count).toBe(1);
    expect(h.server.requests[0]?.headers["api_access_token"]).toBe(TOKEN);
    expect(other.count).toBe(1);
    const seen = other.requests[0]!;
    expect(seen.headers["api_access_token"]).toBeUndefined();
    expect(seen.headers["authorization"]).toBeUndefined();
    expect(JSON.stringify(seen.headers)).not.toContain(TOKEN);
    expect(seen.headers["x-keep"]).toBe("1");
  });

  it("a redirect back to the base origin gets the token again", async () => {
    h.server.enqueue(redirect(307, other.url("/bounce")), json(200, { back: true }));
    other.enqueue(redirect(307, h.server.url("/home")));
    const res = await h.transport().fetch(new Request(h.server.url()));
    expect(await res.json()).toEqual({ back: true });
    expect(other.requests[0]?.headers["api_access_token"]).toBeUndefined();
    expect(h.server.requests.map((r) => r.headers["api_access_token"])).toEqual([TOKEN, TOKEN]);
  });

  it("303 turns a POST into a GET without body", async () => {
    h.server.enqueue(redirect(303, "/result"), json(200, { done: true }));
    const res = await h.transport().fetch(
      new Request(h.server.url(), { method: "POST", headers: { "content-type": "application/json" }, body: '{"a":1}' }),
    );
    expect(res.status).toBe(200);
    const [first, second] = h.server.requests;
    expect(first?.method).toBe("POST");
    expect(first?.body.toString()).toBe('{"a":1}');
    expect(second?.method).toBe("GET");
    expect(second?.body.length).toBe(0);
    expect(second?.headers["content-type"]).toBeUndefined();
  });

  it("302 turns a POST into a GET", async () => {
    h.server.enqueue(redirect(302, "/result"), json(200, {}));
    await h.transport().fetch(new Request(h.server.url(), { method: "POST", body: "x" }));
    expect(h.server.requests.map((r) => r.method)).toEqual(["POST", "GET"]);
  });

  it.each([307, 308])("%i keeps the method and body", async (status) => {
    h.server.enqueue(redirect(status, "/moved"), json(201, {}));
    const res = await h.transport().fetch(
      new Request(h.server.url(), { method: "POST", headers: { "content-type": "application/json" }, body: '{"b":2}' }),
    );
    expect(res.status).toBe(201);
    const second = h.server.requests[1]!;
    expect(second.method).toBe("POST");
    expect(second.body.toString()).toBe('{"b":2}');
    expect(second.headers["content-type"]).toBe("application/json");
    expect(second.headers["api_access_token"]).toBe(TOKEN);
  });

  it(`more than ${MAX_REDIRECTS} hops: ConnectionError, not retried`, async () => {
    for (let i = 0; i < 10; i++) h.server.enqueue(redirect(302, `/hop/${i}`));
    const err = await rejectionOf(h.transport().fetch(new Request(h.server.url())), ConnectionError);
    expect(err.message).toContain("Too many redirects");
    expect(h.server.count).toBe(MAX_REDIRECTS + 1);
  });

  it("exactly MAX_REDIRECTS hops still succeed", async () => {
    for (let i = 0; i < MAX_REDIRECTS; i++) h.server.enqueue(redirect(308, `/hop/${i}`));
    h.server.enqueue(json(200, { ok: true }));
    const res = await h.transport().fetch(new Request(h.server.url()));
    expect(res.status).toBe(200);
    expect(h.server.count).toBe(MAX_REDIRECTS + 1);
  });

  it("a redirect to a non-http scheme fails", async () => {
    h.server.enqueue(redirect(302, "file:///etc/passwd"));
    const err = await rejectionOf(h.transport().fetch(new Request(h.server.url())), ConnectionError);
    expect(err.message).toContain("unsupported protocol");
  });

  it("a 3xx without Location is returned as is", async () => {
    h.server.enqueue((_req, res) => {
      res.writeHead(302, { "content-type": "text/plain" });
      res.end("nowhere");
    });
    const res = await h.transport().fetch(new Request(h.server.url()));
    expect(res.status).toBe(302);
    expect(await res.text()).toBe("nowhere");
  });

  it("an opaqueredirect response (browsers) becomes a ConnectionError", async () => {
    const opaque = new Response(null, { status: 200 });
    Object.defineProperty(opaque, "type", { value: "opaqueredirect" });
    Object.defineProperty(opaque, "status", { value: 0 });
    const transport = h.transport({ fetch: async () => opaque });
    const err = await rejectionOf(transport.fetch(new Request(h.server.url())), ConnectionError);
    expect(err.message).toContain("opaqueredirect");
  });

  it("never sends the token to a request URL on another origin", async () => {
    other.enqueue(json(200, {}));
    await h.transport().fetch(new Request(other.url("/elsewhere"), { headers: { api_access_token: "caller-supplied" } }));
    expect(other.requests[0]?.headers["api_access_token"]).toBeUndefined();
  });

  it("replaces a caller-supplied api_access_token header with the configured one", async () => {
    h.server.enqueue(json(200, {}));
    await h.transport().fetch(new Request(h.server.url(), { headers: { api_access_token: "caller-supplied" } }));
    expect(h.server.requests[0]?.headers["api_access_token"]).toBe(TOKEN);
  });
});
