import createClient from "openapi-fetch";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { apiErrorFromResponse, NotFoundError } from "../../src/errors.js";
import { json, startHarness, TOKEN, type Harness } from "../helpers/fault-server.js";

/** A minimal hand-written paths type, enough to drive openapi-fetch. */
interface paths {
  "/api/v1/accounts/{account_id}/conversations/{conversation_id}": {
    parameters: { query?: never; header?: never; path: { account_id: number; conversation_id: number }; cookie?: never };
    get: {
      parameters: { query?: never; header?: never; path: { account_id: number; conversation_id: number }; cookie?: never };
      requestBody?: never;
      responses: {
        200: { headers: Record<string, unknown>; content: { "application/json": { id: number } } };
        404: { headers: Record<string, unknown>; content: { "application/json": { error: string } } };
      };
    };
  };
  "/api/v1/accounts/{account_id}/conversations/{conversation_id}/labels": {
    parameters: { query?: never; header?: never; path: { account_id: number; conversation_id: number }; cookie?: never };
    post: {
      parameters: { query?: never; header?: never; path: { account_id: number; conversation_id: number }; cookie?: never };
      requestBody: { content: { "application/json": { labels: string[] } } };
      responses: {
        200: { headers: Record<string, unknown>; content: { "application/json": { payload: string[] } } };
      };
    };
  };
}

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const params = { path: { account_id: 1, conversation_id: 9 } };

describe("with openapi-fetch 0.17", () => {
  it("works as createClient({ fetch }) and retries transparently", async () => {
    const client = createClient<paths>({ baseUrl: h.server.origin, fetch: h.transport().fetch });
    h.server.enqueue(json(502, {}), json(200, { id: 9 }));
    const { data, error, response } = await client.GET("/api/v1/accounts/{account_id}/conversations/{conversation_id}", { params });
    expect(error).toBeUndefined();
    expect(data).toEqual({ id: 9 });
    expect(response.status).toBe(200);
    expect(h.server.count).toBe(2);
    expect(h.server.requests[1]?.headers["api_access_token"]).toBe(TOKEN);
  });

  it("an empty 200 body gives data undefined (no JSON parse error)", async () => {
    const client = createClient<paths>({ baseUrl: h.server.origin, fetch: h.transport().fetch });
    h.server.enqueue((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end();
    });
    const { data, error } = await client.GET("/api/v1/accounts/{account_id}/conversations/{conversation_id}", { params });
    expect(error).toBeUndefined();
    expect(data).toBeUndefined();
  });

  it("an error status comes back as openapi-fetch's error and maps to NotFoundError", async () => {
    const client = createClient<paths>({ baseUrl: h.server.origin, fetch: h.transport().fetch });
    h.server.enqueue(json(404, { error: "Resource could not be found" }, { "x-request-id": "rq-1" }));
    const { data, error, response } = await client.GET("/api/v1/accounts/{account_id}/conversations/{conversation_id}", { params });
    expect(data).toBeUndefined();
    expect(error).toEqual({ error: "Resource could not be found" });
    const err = apiErrorFromResponse({ status: response.status, headers: response.headers, body: error, method: "GET", url: response.url });
    expect(err).toBeInstanceOf(NotFoundError);
    expect(err.requestId).toBe("rq-1");
    expect(err.message).toBe(`404 Resource could not be found (GET ${h.server.url("/api/v1/accounts/1/conversations/9")})`);
  });

  it("per-request fetch from fetchWith: an idempotent POST body is re-sent on retry", async () => {
    const transport = h.transport();
    const client = createClient<paths>({ baseUrl: h.server.origin, fetch: transport.fetch });
    h.server.enqueue(json(503, {}), json(200, { payload: ["a", "b"] }));
    const { data } = await client.POST("/api/v1/accounts/{account_id}/conversations/{conversation_id}/labels", {
      params,
      body: { labels: ["a", "b"] },
      fetch: transport.fetchWith({ idempotent: true }),
    });
    expect(data).toEqual({ payload: ["a", "b"] });
    expect(h.server.count).toBe(2);
    expect(h.server.requests.map((r) => JSON.parse(r.body.toString()))).toEqual([{ labels: ["a", "b"] }, { labels: ["a", "b"] }]);
  });
});

describe("fetch compatibility", () => {
  it("accepts (url string, init) and (URL, init) like fetch does", async () => {
    h.server.enqueue(json(200, { a: 1 }), json(201, { b: 2 }));
    const t = h.transport();
    const r1 = await t.fetch(h.server.url("/one"), { method: "PUT", body: "x", headers: { "x-h": "1" } });
    const r2 = await t.fetch(new URL(h.server.url("/two")));
    expect([r1.status, r2.status]).toEqual([200, 201]);
    expect(h.server.requests.map((r) => `${r.method} ${r.url} ${r.body.toString()}`)).toEqual(["PUT /one x", "GET /two "]);
    expect(h.server.requests[0]?.headers["x-h"]).toBe("1");
  });

  it("forwards Request settings and non-standard init keys to the underlying fetch", async () => {
    const seen: RequestInit[] = [];
    const t = h.transport({
      fetch: async (_input, init) => {
        seen.push(init ?? {});
        return new Response("{}", { status: 200 });
      },
    });
    const dispatcher = { marker: "dispatcher" };
    await t.fetch(new Request(h.server.url(), { credentials: "include", cache: "no-store" }), { dispatcher } as RequestInit);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ credentials: "include", cache: "no-store", redirect: "manual", method: "GET" });
    expect((seen[0] as { dispatcher?: unknown }).dispatcher).toBe(dispatcher);
    expect(seen[0]?.signal).toBeInstanceOf(AbortSignal);
  });

  it("keeps a caller-chosen Accept header", async () => {
    h.server.enqueue(json(200, {}));
    await h.transport().fetch(new Request(h.server.url(), { headers: { accept: "text/csv" } }));
    expect(h.server.requests[0]?.headers["accept"]).toBe("text/csv");
  });
});
