// Property: any label or search text the client accepts arrives at the server
// exactly as given (as the server's query parser reads it).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatwootClient, InvalidRequestError, type ChatwootClient } from "../../src/index.js";
import { json, startFaultServer, type FaultServer } from "../helpers/fault-server.js";

let server: FaultServer;
let chatwoot: ChatwootClient;
const emptyPage = { data: { meta: { mine_count: 0, assigned_count: 0, unassigned_count: 0, all_count: 0 }, payload: [] } };

beforeAll(async () => {
  server = await startFaultServer();
  chatwoot = createChatwootClient({ baseUrl: server.origin, apiAccessToken: "tok", accountId: 1, maxRetries: 0 });
});
afterAll(() => server.close());

/** What Rails sees: URLSearchParams decodes the same way Rack does for these keys. */
function received() {
  const url = server.requests.at(-1)?.url ?? "";
  return new URL(url, server.origin).searchParams;
}

// Full Unicode, including astral characters, `&`, `=`, `+`, `%`, `#`, brackets and spaces.
const text = fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 });

describe("query strings round-trip", () => {
  it("labels[] values arrive exactly", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(text.filter((s) => !s.includes(",") && s.trim() !== ""), { minLength: 1, maxLength: 4 }), async (labels) => {
        server.enqueue(json(200, emptyPage));
        await chatwoot.conversations.list({ labels });
        expect(received().getAll("labels[]")).toEqual(labels);
      }),
      { numRuns: 60 },
    );
  });

  it("search text q arrives exactly", async () => {
    await fc.assert(
      fc.asyncProperty(text, async (q) => {
        server.enqueue(json(200, { payload: { conversations: [] } }));
        await chatwoot.conversations.search({ q: q.trim() === "" ? `x${q}` : q });
        expect(received().get("q")).toBe(q.trim() === "" ? `x${q}` : q);
      }),
      { numRuns: 60 },
    );
  });

  it("strings that cannot be encoded are refused, not mangled", async () => {
    const before = server.count;
    await expect(chatwoot.conversations.list({ q: "ok\uDC00" })).rejects.toBeInstanceOf(InvalidRequestError);
    expect(server.count).toBe(before);
  });
});
