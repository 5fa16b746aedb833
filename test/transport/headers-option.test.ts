// The `headers` option, per client and per call: sent to the base origin with
// every request (tracing, `Prefer` for the mock), never to another origin, and
// refused when it would replace the token or break the request. Real server.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createChatwootClient, InvalidRequestError, type ChatwootClientOptions } from "../../src/index.js";
import { json, redirect, startFaultServer, TOKEN, type FaultServer } from "../helpers/fault-server.js";

let server: FaultServer;
let other: FaultServer;
beforeEach(async () => {
  server = await startFaultServer();
  other = await startFaultServer();
});
afterEach(async () => {
  await server.close();
  await other.close();
});

function client(extra: Partial<ChatwootClientOptions> = {}) {
  return createChatwootClient({ baseUrl: server.origin, apiAccessToken: TOKEN, accountId: 1, maxRetries: 0, ...extra });
}
const page = json(200, { data: { meta: {}, payload: [] } });
const LIST = "/api/v1/accounts/{account_id}/conversations" as const;

describe("headers per client and per call", () => {
  it("the client's headers go with every request; a call's headers add to and override them", async () => {
    const chatwoot = client({ headers: { "X-Trace-Id": "client-1", Prefer: "example=empty" } });
    server.enqueue(page, page);
    await chatwoot.conversations.list();
    await chatwoot.conversations.list({}, { headers: { prefer: "code=404, example=x", "x-call": "c" } });
    const [first, second] = server.requests;
    expect(first?.headers["x-trace-id"]).toBe("client-1");
    expect(first?.headers["prefer"]).toBe("example=empty");
    expect(second?.headers["x-trace-id"]).toBe("client-1");
    expect(second?.headers["prefer"]).toBe("code=404, example=x");
    expect(second?.headers["x-call"]).toBe("c");
    expect(second?.headers["api_access_token"]).toBe(TOKEN);
  });

  it("the request's own headers win: a JSON body keeps its content-type", async () => {
    server.enqueue(json(200, { id: 5, title: "vip" }));
    await client({ headers: { "content-type": "text/plain" } }).labels.create({ title: "vip" });
    expect(server.requests[0]?.headers["content-type"]).toBe("application/json");
  });

  it("raw gets the client's headers too, and per-request headers of openapi-fetch win", async () => {
    const chatwoot = client({ headers: { "x-trace-id": "t1", prefer: "example=a" } });
    server.enqueue(page);
    await chatwoot.raw.GET(LIST, { params: { path: { account_id: 1 } }, headers: { prefer: "example=b" } });
    expect(server.requests[0]?.headers["x-trace-id"]).toBe("t1");
    expect(server.requests[0]?.headers["prefer"]).toBe("example=b");
  });

  it("are never sent to another origin after a redirect (like the token)", async () => {
    server.enqueue(redirect(302, other.url("/elsewhere")));
    other.enqueue(page);
    await client({ headers: { "x-secret-proxy-key": "k1" } }).conversations.list({}, { headers: { "x-call": "c" } });
    const seen = other.requests[0]?.headers ?? {};
    expect(seen["x-secret-proxy-key"]).toBeUndefined();
    expect(seen["x-call"]).toBeUndefined();
    expect(seen["api_access_token"]).toBeUndefined();
  });

  it("are sent again on a same-origin redirect hop", async () => {
    server.enqueue(redirect(302, "/api/v1/accounts/1/conversations?moved=1"), page);
    await client({ headers: { "x-trace-id": "t2" } }).conversations.list();
    expect(server.requests[1]?.headers["x-trace-id"]).toBe("t2");
  });
});

describe("bad headers are refused before anything is sent", () => {
  it.each([
    [{ api_access_token: "other" }, /would replace the API token/],
    [{ "API_ACCESS_TOKEN": "other" }, /would replace the API token/],
    [{ "content-length": "3" }, /set by the HTTP layer/],
    [{ host: "evil.test" }, /set by the HTTP layer/],
    [{ "bad name": "x" }, /not a valid header name/],
    [{ "x-a": "1\r\nx-injected: 1" }, /CR, LF, NUL or non-Latin-1/],
    [{ "x-a": "zero\u200bwidth" }, /CR, LF, NUL or non-Latin-1/],
    [{ "x-a": 5 }, /must be a string/],
  ])("client option %o", (headers, message) => {
    const error = (() => {
      try {
        client({ headers: headers as Record<string, string> });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).param).toBe("headers");
    expect((error as Error).message).toMatch(message);
  });

  it("a call's bad headers reject that call with nothing sent", async () => {
    const err = await client()
      .conversations.list({}, { headers: { Api_Access_Token: "x" } })
      .then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidRequestError);
    expect(server.count).toBe(0);
  });
});
