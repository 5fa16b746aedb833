// join() and leave() with an already-aborted signal send nothing, not even the
// profile lookup they start with; against a real node:http server that counts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AbortError, createChatwootClient, type ChatwootClient } from "../../src/index.js";
import { json, startFaultServer, type FaultServer } from "../helpers/fault-server.js";
import { agent, profile } from "./fixtures.js";

let server: FaultServer;
let client: ChatwootClient;
beforeAll(async () => {
  server = await startFaultServer();
  client = createChatwootClient({ baseUrl: server.origin, apiAccessToken: "tok", accountId: 1, maxRetries: 0 });
});
afterAll(() => server.close());

describe("an already-aborted signal", () => {
  it.each([
    ["join", (c: ChatwootClient, signal: AbortSignal) => c.conversations.join(12, { signal })],
    ["leave", (c: ChatwootClient, signal: AbortSignal) => c.conversations.leave(12, { signal })],
  ])("%s() rejects with AbortError and sends no request", async (_name, call) => {
    const before = server.count;
    const signal = AbortSignal.abort(new Error("user left the page"));
    await expect(call(client, signal)).rejects.toBeInstanceOf(AbortError);
    // A request started in the background would still be on its way: give it time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.count - before).toBe(0);
  });

  it("a later join() without a signal still works (nothing half-cached)", async () => {
    server.enqueue(json(200, profile), json(200, [agent(profile.id)]));
    await expect(client.conversations.join(12)).resolves.toEqual([agent(profile.id)]);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      "GET /api/v1/profile",
      "POST /api/v1/accounts/1/conversations/12/participants",
    ]);
  });
});
