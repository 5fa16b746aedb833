// The filters the 4.15.1 spec gives two reading methods: messages.list's
// `filter_internal_messages` (the server filters on the parameter's presence, so
// `false` must not be sent) and searchMessages taking the list's filters, sort
// and paging. Wire bytes against a recording node:http server, behaviour
// against the stateful simulator (contract guard collecting).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatwootClient, InvalidRequestError, type ChatwootClient } from "../../src/index.js";
import { startMockServer, type MockServer } from "../../src/mock/index.js";
import { startFaultServer, type FaultServer, type Handler } from "../helpers/fault-server.js";

let server: FaultServer;
let recorded: ChatwootClient;
let mock: MockServer;
let sim: ChatwootClient;

beforeAll(async () => {
  server = await startFaultServer();
  recorded = createChatwootClient({ baseUrl: server.origin, apiAccessToken: "tok", accountId: 7, maxRetries: 0 });
  mock = await startMockServer({ port: 0, host: "127.0.0.1", validate: "collect", log: () => undefined });
  sim = createChatwootClient({ baseUrl: mock.url, apiAccessToken: "sim-admin-token", accountId: 1, maxRetries: 0 });
}, 60_000);
afterAll(async () => {
  await server.close();
  await mock?.close();
});

const page = (body: unknown): Handler => (_req, res) => {
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
};

describe("wire", () => {
  it("filter_internal_messages: true is sent, false is left out (the server filters on presence)", async () => {
    server.enqueue(page({ meta: {}, payload: [] }), page({ meta: {}, payload: [] }));
    await recorded.conversations.messages.list(42, { before: 900, filter_internal_messages: true });
    await recorded.conversations.messages.list(42, { filter_internal_messages: false });
    expect(server.requests.at(-2)?.url).toBe("/api/v1/accounts/7/conversations/42/messages?before=900&filter_internal_messages=true");
    expect(server.requests.at(-1)?.url).toBe("/api/v1/accounts/7/conversations/42/messages");
  });

  it("a non-boolean filter_internal_messages is refused before sending", async () => {
    const before = server.count;
    await expect(recorded.conversations.messages.list(42, { filter_internal_messages: "yes" as never })).rejects.toBeInstanceOf(InvalidRequestError);
    expect(server.count).toBe(before);
  });

  it("searchMessages sends the list's filters, sort and paging", async () => {
    server.enqueue(page({ meta: { mine_count: 0, assigned_count: 0, unassigned_count: 0, all_count: 0 }, payload: [] }));
    await recorded.conversations.searchMessages({ q: "refund", conversation_type: "mention", source_id: "s-1", sort_by: "created_at_asc", updated_within: 3600, page: 2 });
    const url = new URL(server.requests.at(-1)!.url, server.origin);
    expect(url.pathname).toBe("/api/v1/accounts/7/conversations/search");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      q: "refund", conversation_type: "mention", source_id: "s-1", sort_by: "created_at_asc", updated_within: "3600", page: "2",
    });
  });
});

describe("against the simulator", () => {
  it("filter_internal_messages leaves out private notes and activity messages", async () => {
    const { payload } = await sim.conversations.list({ status: "all" });
    const id = payload[0]!.id;
    await sim.conversations.messages.create(id, { content: "internal: check the refund", private: true });
    const all = await sim.conversations.messages.list(id);
    const visible = await sim.conversations.messages.list(id, { filter_internal_messages: true });
    expect(all.payload.some((m) => m.private)).toBe(true);
    expect(visible.payload.some((m) => m.private || m.message_type === 2)).toBe(false);
    expect(visible.payload.length).toBeLessThan(all.payload.length);
    expect(mock.violations).toEqual([]);
  });
});
