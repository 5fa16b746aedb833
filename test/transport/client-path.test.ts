// How a client method reaches the transport. openapi-fetch builds the URL and
// the JSON body, but (without middleware) no Request: the core sends the plan
// with transport.send() and reads the body once. Middleware added to
// chatwoot.raw switches every method to openapi-fetch's own Request and a
// readable Response, as before.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createChatwootClient, InvalidResponseError, NotFoundError, type ChatwootClientOptions } from "../../src/index.js";
import { json, startFaultServer, text, type FaultServer } from "../helpers/fault-server.js";

const TOKEN = "tok-PATH-7c1e";
const OriginalRequest = globalThis.Request;
let built = 0;
let server: FaultServer;

beforeEach(async () => {
  server = await startFaultServer();
  built = 0;
  // openapi-fetch picks up globalThis.Request when the client is created: count what it builds.
  globalThis.Request = class CountingRequest extends OriginalRequest {
    constructor(...args: ConstructorParameters<typeof Request>) {
      super(...args);
      built++;
    }
  };
});
afterEach(async () => {
  globalThis.Request = OriginalRequest;
  await server.close();
});

function client(extra: Partial<ChatwootClientOptions> = {}) {
  return createChatwootClient({ baseUrl: server.origin, apiAccessToken: TOKEN, accountId: 1, maxRetries: 0, ...extra });
}

describe("the direct path (no middleware)", () => {
  it("sends openapi-fetch's URL and JSON body through the transport, without building a Request", async () => {
    server.enqueue(json(200, { id: 5, title: "vip" }));
    const label = await client().labels.create({ title: "vip", description: "d é" });
    expect(label).toMatchObject({ id: 5 });
    expect(built).toBe(0);
    const [seen] = server.requests;
    expect(`${seen?.method} ${seen?.url}`).toBe("POST /api/v1/accounts/1/labels");
    expect(seen?.body.toString()).toBe(JSON.stringify({ title: "vip", description: "d é" }));
    expect(seen?.headers["content-type"]).toBe("application/json");
    expect(seen?.headers["api_access_token"]).toBe(TOKEN);
  });

  it("a GET has no content-type; the query is serialized by openapi-fetch", async () => {
    server.enqueue(json(200, { data: { meta: {}, payload: [] } }));
    await client().conversations.list({ status: "open", labels: ["a b", "c"], page: 2 });
    const [seen] = server.requests;
    expect(seen?.headers["content-type"]).toBeUndefined();
    expect(seen?.url).toBe("/api/v1/accounts/1/conversations?status=open&labels[]=a%20b&labels[]=c&page=2");
  });

  it("withResponse() gives the transport's Response: status and headers, body already read", async () => {
    server.enqueue(json(200, { payload: ["x"] }, { "x-request-id": "rq-7" }));
    const { data, response } = await client().labels.list().withResponse();
    expect(data).toEqual(["x"]);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("rq-7");
    expect(response.bodyUsed).toBe(true);
    expect(response.url).toBe(server.url("/api/v1/accounts/1/labels"));
  });

  it("error statuses become the same typed errors (body parsed, framing headers left out)", async () => {
    server.enqueue(json(404, { error: "Resource could not be found" }, { "x-request-id": "rq-404" }));
    const err = await client()
      .labels.get(9)
      .then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    const notFound = err as NotFoundError;
    expect(notFound.body).toEqual({ error: "Resource could not be found" });
    expect(notFound.requestId).toBe("rq-404");
    expect(notFound.headers["content-length"]).toBeUndefined();
    expect(notFound.message).toBe(`404 Resource could not be found (GET ${server.url("/api/v1/accounts/1/labels/9")})`);
  });

  it("a text error body is kept as text", async () => {
    server.enqueue(text(500, "<html><title>Oops</title></html>"));
    const err = (await client()
      .labels.list()
      .then(() => undefined, (e: unknown) => e)) as NotFoundError;
    expect(err.body).toBe("<html><title>Oops</title></html>");
    expect(err.message).toContain("500 Oops");
  });

  it("invalid and empty bodies are InvalidResponseErrors", async () => {
    server.enqueue(text(200, "<html>"), text(200, "  \n"));
    const invalid = await client().labels.list().then(() => undefined, (e: unknown) => e);
    const empty = await client().labels.list().then(() => undefined, (e: unknown) => e);
    expect(invalid).toBeInstanceOf(InvalidResponseError);
    expect((invalid as Error).message).toMatch(/not valid JSON/);
    expect(empty).toBeInstanceOf(InvalidResponseError);
    expect((empty as Error).message).toMatch(/empty, JSON was expected/);
  });
});

describe("with middleware on chatwoot.raw", () => {
  it("methods go through openapi-fetch's Request, which middleware may change, and a readable Response", async () => {
    server.enqueue(json(200, { payload: ["a"] }), json(200, { payload: ["b"] }));
    const chatwoot = client();
    await chatwoot.labels.list(); // direct path
    expect(built).toBe(0);

    const seenBodies: unknown[] = [];
    chatwoot.raw.use({
      onRequest: ({ request }) => {
        request.headers.set("x-trace", "t-1");
        return request;
      },
      onResponse: async ({ response }) => {
        seenBodies.push(await response.clone().json());
        return response;
      },
    });
    expect(await chatwoot.labels.list()).toEqual(["b"]);
    expect(built).toBeGreaterThan(0);
    expect(server.requests[1]?.headers["x-trace"]).toBe("t-1");
    expect(server.requests[1]?.headers["api_access_token"]).toBe(TOKEN);
    expect(seenBodies).toEqual([{ payload: ["b"] }]);
  });

  it("errors map the same way on that path", async () => {
    server.enqueue(json(404, { error: "nope" }));
    const chatwoot = client();
    chatwoot.raw.use({ onRequest: ({ request }) => request });
    const err = await chatwoot.labels.get(3).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(NotFoundError);
    expect((err as NotFoundError).body).toEqual({ error: "nope" });
    expect((err as NotFoundError).url).toBe(server.url("/api/v1/accounts/1/labels/3"));
  });
});
