// Methods normally skip openapi-fetch's request() and build the URL and body with its
// exported serializers (core.direct). Once middleware is added to `raw`, the same methods
// go through openapi-fetch's request() itself (core.compatible). Both paths must put the
// same request on the wire: method, path and query, JSON body and its Content-Type.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatwootClient, type ChatwootClient } from "../../src/index.js";
import { json, startFaultServer, type FaultServer } from "../helpers/fault-server.js";

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(() => server.close());

const page = { data: { meta: { mine_count: 0, assigned_count: 0, unassigned_count: 0, all_count: 0 }, payload: [] } };
const toggled = { meta: {}, payload: { success: true, conversation_id: 7, current_status: "snoozed" } };

/** The calls compared, each with the answer the fake server gives it. */
const calls: Array<[string, (c: ChatwootClient) => Promise<unknown>, unknown]> = [
  ["list with every kind of filter", (c) => c.conversations.list({ status: "open", labels: ["vip", "b2b"], q: "héllo wörld & co", inbox_id: 4, page: 2, sort_by: "last_activity_at_desc" }), page],
  ["list with no parameters", (c) => c.conversations.list(), page],
  ["toggleStatus with a JSON body", (c) => c.conversations.toggleStatus(7, { status: "snoozed", snoozed_until: 4_102_444_800 }), toggled],
  ["labels.list on another account", (c) => c.labels.list({ account_id: 9 }), { payload: [] }],
];

async function wireOf(client: ChatwootClient, call: (c: ChatwootClient) => Promise<unknown>, answer: unknown) {
  server.enqueue(json(200, answer));
  await call(client);
  const request = server.requests.at(-1)!;
  return { method: request.method, url: request.url, contentType: request.headers["content-type"], body: request.body.toString("utf8") };
}

describe("direct path and openapi-fetch's own path send the same request", () => {
  const options = { apiAccessToken: "tok", accountId: 1, maxRetries: 0 };

  it.each(calls)("%s", async (_name, call, answer) => {
    const direct = createChatwootClient({ ...options, baseUrl: `${server.origin}/support/` });
    const viaOpenapiFetch = createChatwootClient({ ...options, baseUrl: `${server.origin}/support/` });
    viaOpenapiFetch.raw.use({ onRequest: () => undefined }); // any middleware switches the path

    const a = await wireOf(direct, call, answer);
    const b = await wireOf(viaOpenapiFetch, call, answer);
    expect(a).toEqual(b);
    expect(a.url.startsWith("/support/api/v1/")).toBe(true);
  });
});
