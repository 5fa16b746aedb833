// Behaviours found in review: clearing a team, case-insensitive label union,
// null params from untyped callers.
import { afterEach, beforeEach, expect, it } from "vitest";
import { createChatwootClient, InvalidRequestError } from "../../src/index.js";
import { json, startFaultServer, type FaultServer } from "../helpers/fault-server.js";

let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(() => server.close());
const client = () => createChatwootClient({ baseUrl: server.origin, apiAccessToken: "tok", accountId: 1, maxRetries: 0 });

it("assign(id, { team_id: 0 }) sends 0, the server's way to remove the team", async () => {
  server.enqueue(json(200, null));
  expect(await client().conversations.assign(5, { team_id: 0 })).toBeNull();
  expect(JSON.parse(server.requests[0]!.body.toString())).toEqual({ team_id: 0 });
});

it("labels.add compares case-insensitively, as the server stores titles lower-cased", async () => {
  server.enqueue(json(200, { payload: ["vip"] }), json(200, { payload: ["vip", "billing"] }));
  await client().conversations.labels.add(5, ["VIP", "billing", "Billing"]);
  expect(JSON.parse(server.requests[1]!.body.toString())).toEqual({ labels: ["vip", "billing"] });
});

it("null params from untyped code is an InvalidRequestError, not a TypeError", async () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const loose = client().conversations as any;
  for (const call of [() => loose.toggleStatus(1, null), () => loose.list(null), () => loose.attachments(1, null), () => loose.iterate(null)]) {
    const error = await Promise.resolve().then(call).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).param).toBe("params");
  }
  expect(server.count).toBe(0);
});
