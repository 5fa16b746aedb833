// baseUrl: the client adds /api/v1 itself. A baseUrl that already ends in /api
// or /api/v1 (a habit from other SDKs) is refused with the value to pass,
// before anything is sent; a real path prefix is kept.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatwootClient, InvalidRequestError } from "../../src/index.js";
import { json, startFaultServer, type FaultServer } from "../helpers/fault-server.js";

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());

const options = { apiAccessToken: "tok", accountId: 1, maxRetries: 0 };

describe("baseUrl", () => {
  const refused = [
    ["https://app.chatwoot.com/api", "https://app.chatwoot.com"],
    ["https://app.chatwoot.com/api/", "https://app.chatwoot.com"],
    ["https://app.chatwoot.com/api/v1", "https://app.chatwoot.com"],
    ["https://app.chatwoot.com/api/v1/", "https://app.chatwoot.com"],
    ["https://app.chatwoot.com/api/v1/accounts/7", "https://app.chatwoot.com"],
    ["https://example.com/support/api/v1", "https://example.com/support"],
  ];
  it.each(refused)("%s is refused, saying to pass %s", (baseUrl, wanted) => {
    let error: unknown;
    try {
      createChatwootClient({ ...options, baseUrl });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).param).toBe("baseUrl");
    expect((error as Error).message).toContain(`pass "${wanted}"`);
  });

  it("the suggested value works: calls go to <origin>/api/v1/… once", async () => {
    const bad = `${server.origin}/api/v1/`;
    const wanted = /pass "([^"]+)"/.exec((() => {
      try {
        createChatwootClient({ ...options, baseUrl: bad });
        return "";
      } catch (err) {
        return (err as Error).message;
      }
    })())?.[1];
    expect(wanted).toBe(server.origin);
    server.enqueue(json(200, []));
    await createChatwootClient({ ...options, baseUrl: wanted! }).agents.list();
    expect(server.requests.at(-1)?.url).toBe("/api/v1/accounts/1/agents");
  });

  it("a path prefix that is not /api is kept (Chatwoot behind a sub-path)", async () => {
    server.enqueue(json(200, []));
    await createChatwootClient({ ...options, baseUrl: `${server.origin}/support/` }).agents.list();
    expect(server.requests.at(-1)?.url).toBe("/support/api/v1/accounts/1/agents");
  });

  it("/apis or /api-gateway prefixes are not mistaken for /api", () => {
    expect(() => createChatwootClient({ ...options, baseUrl: "https://example.com/apis" })).not.toThrow();
    expect(() => createChatwootClient({ ...options, baseUrl: "https://example.com/api-gateway" })).not.toThrow();
  });
});
