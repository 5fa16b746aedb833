// The client over a real node:http server that misbehaves: what is retried,
// what is never duplicated, how iterators resume, and what errors look like.
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  AuthenticationError,
  ConnectionError,
  createChatwootClient,
  InternalServerError,
  RateLimitError,
  type ChatwootClientOptions,
} from "../../src/index.js";
import { closedPort, json, startFaultServer, text, type FaultServer } from "../helpers/fault-server.js";

const TOKEN = "tok-SECRET-5f3a9";
let server: FaultServer;

beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(() => server.close());

function client(extra: Partial<ChatwootClientOptions> = {}) {
  // No real waiting between retries: the backoff schedule itself is tested with the transport.
  return createChatwootClient({ baseUrl: server.origin, apiAccessToken: TOKEN, accountId: 1, ...extra });
}

function conversation(id: number) {
  return { id, inbox_id: 1, status: "open", labels: [], meta: { sender: { id }, channel: "Channel::Api" } };
}
function page(ids: number[]) {
  return json(200, { data: { meta: { mine_count: 0, assigned_count: 0, unassigned_count: 0, all_count: 60 }, payload: ids.map(conversation) } });
}
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

describe("creates are never duplicated", () => {
  it("a create hit by a 500 is sent once and fails with InternalServerError", async () => {
    server.enqueue(json(500, { error: "boom" }), json(200, conversation(9)));
    const error = await client()
      .conversations.create({ inbox_id: 1, contact_id: 2 })
      .then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(server.count).toBe(1);
  });

  it("a message create hit by a 429 is retried (the server refused it) and succeeds", async () => {
    server.enqueue(text(429, "Retry later\n"), json(200, { id: 5, content: "hi" }));
    const message = await client().conversations.messages.create(3, { content: "hi" });
    expect(message.id).toBe(5);
    expect(server.count).toBe(2);
    expect(server.requests[0]?.body.toString()).toBe(server.requests[1]?.body.toString());
  });

  it("a create that hits a refused connection is retried, then fails with ConnectionError", async () => {
    const port = await closedPort();
    let attempts = 0;
    const counting: typeof fetch = (input, init) => {
      attempts += 1;
      return fetch(input, init);
    };
    const chatwoot = createChatwootClient({ baseUrl: `http://127.0.0.1:${port}`, apiAccessToken: TOKEN, accountId: 1, fetch: counting, maxRetries: 2 });
    await expect(chatwoot.conversations.create({ source_id: "abc" })).rejects.toBeInstanceOf(ConnectionError);
    expect(attempts).toBe(3);
  });

  it("toggleStatus without a status (a toggle) is not retried after a 500, with a status it is", async () => {
    server.enqueue(json(500, { error: "boom" }));
    await expect(client().conversations.toggleStatus(4)).rejects.toBeInstanceOf(InternalServerError);
    expect(server.count).toBe(1);

    const ok = { payload: { success: true, conversation_id: 4, current_status: "resolved", snoozed_until: null } };
    server.enqueue(json(500, { error: "boom" }), json(200, ok));
    const result = await client().conversations.toggleStatus(4, { status: "resolved" });
    expect(result.current_status).toBe("resolved");
    expect(server.count).toBe(3);
  });
});

describe("pagination under faults", () => {
  it("a 503 on page 2 is retried in place: every conversation once, one extra request", async () => {
    server.enqueue(page(range(1, 25)), json(503, { error: "busy" }), page(range(26, 25)), page(range(51, 3)));
    const ids: number[] = [];
    for await (const c of client().conversations.iterate({ status: "open" })) ids.push(c.id);
    expect(ids).toEqual(range(1, 53));
    expect(server.count).toBe(4);
    expect(server.requests.map((r) => new URL(r.url, server.origin).searchParams.get("page"))).toEqual(["1", "2", "2", "3"]);
  });

  it("when retries run out, next() throws and the next call resumes from the failed page", async () => {
    server.enqueue(page(range(1, 25)), json(503, { error: "busy" }), page(range(20, 25)), page([]));
    const iterator = client({ maxRetries: 0 }).conversations.iterate();
    const ids: number[] = [];
    for (let i = 0; i < 25; i++) ids.push(((await iterator.next()).value as { id: number }).id);
    await expect(iterator.next()).rejects.toBeInstanceOf(InternalServerError);
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) ids.push(r.value.id);
    // Page 2 shifted by 5 (new activity): 20–24 were already seen and are skipped.
    expect(ids).toEqual(range(1, 44));
    expect(new Set(ids).size).toBe(ids.length);
    expect(server.requests.map((r) => new URL(r.url, server.origin).searchParams.get("page"))).toEqual(["1", "2", "2", "3"]);
  });
});

describe("error bodies", () => {
  it("a devise 401 {errors:[…]} becomes AuthenticationError with the server's message", async () => {
    server.enqueue(json(401, { errors: ["You need to sign in or sign up before continuing."] }));
    const error = await client().conversations.get(1).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toContain("You need to sign in or sign up before continuing.");
    expect(server.count).toBe(1);
  });

  it('a 401 {"error": …} becomes AuthenticationError, never retried', async () => {
    server.enqueue(json(401, { error: "Invalid Access Token" }));
    const error = await client().conversations.list().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expect((error as Error).message).toContain("Invalid Access Token");
    expect(server.count).toBe(1);
  });

  it("a Chatwoot 429 burst (no Retry-After) is ridden out by the default backoff", async () => {
    server.enqueue(text(429, "Retry later\n"), text(429, "Retry later\n"), json(200, { payload: ["vip"] }));
    const started = Date.now();
    expect(await client().conversations.labels.list(2)).toEqual(["vip"]);
    expect(server.count).toBe(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000); // ~0.5 s + ~1 s of backoff, jittered
  });

  it("a 429 after retries run out is a RateLimitError with the text body", async () => {
    server.enqueue(text(429, "Retry later\n"));
    const error = await client({ maxRetries: 0 }).conversations.counts().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).body).toBe("Retry later\n");
  });

  it("no error thrown by the client contains the token", async () => {
    server.enqueue(json(404, { error: "Resource could not be found" }), text(502, "<html>Bad gateway</html>"), text(200, "<html>login</html>"));
    const errors = [
      await client().conversations.get(99).then(() => undefined, (e: unknown) => e),
      await client({ maxRetries: 0 }).labels.list().then(() => undefined, (e: unknown) => e),
      await client().agents.list().then(() => undefined, (e: unknown) => e),
    ];
    expect(errors.map((e) => (e as Error).name)).toEqual(["NotFoundError", "InternalServerError", "InvalidResponseError"]);
    for (const error of errors) {
      for (const view of [String(error), JSON.stringify(error), inspect(error, { depth: 10, showHidden: true }), (error as Error).stack ?? ""]) {
        expect(view).not.toContain(TOKEN);
      }
    }
    // The server did get the token, so the check above is not vacuous.
    expect(server.requests[0]?.headers["api_access_token"]).toBe(TOKEN);
  });
});

describe("escape hatches", () => {
  it("withResponse() gives the raw Response and its headers", async () => {
    server.enqueue(json(200, { payload: [] }, { "x-request-id": "req-42" }));
    const { data, response } = await client().labels.list().withResponse();
    expect(data).toEqual([]);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("req-42");
  });

  it("raw openapi-fetch calls go through the same transport (token, retries)", async () => {
    server.enqueue(json(503, { error: "busy" }), json(200, { payload: ["a"] }));
    const { data } = await client().raw.GET("/api/v1/accounts/{account_id}/conversations/{conversation_id}/labels", {
      params: { path: { account_id: 1, conversation_id: 3 } },
    });
    expect(data).toEqual({ payload: ["a"] });
    expect(server.count).toBe(2);
    expect(server.requests[1]?.headers["api_access_token"]).toBe(TOKEN);
  });
});
