// The project's own client against the simulator (MSW setupServer in the
// same process): state carries over between calls, errors arrive as the
// client's typed errors, and iterate() ends.
import { describe, expect, it } from "vitest";
import { createChatwootClient, NotFoundError, AuthenticationError, UnprocessableEntityError } from "../../../src/index.js";
import { ORIGIN, TOKENS, useSimulator } from "./helpers/harness.js";

const h = useSimulator({ seed: 2 });
const client = (token: string = TOKENS.admin) => createChatwootClient({ baseUrl: ORIGIN, apiAccessToken: token, accountId: 1 });

describe("the client against the simulator", () => {
  it("lists, toggles, labels, replies, and the next list shows it", async () => {
    const c = client();
    const first = await c.conversations.list({ status: "open" });
    const target = first.payload[0]!;
    const result = await c.conversations.toggleStatus(target.id, { status: "resolved" });
    expect(result).toMatchObject({ success: true, current_status: "resolved" });
    await c.conversations.labels.set(target.id, ["vip", "billing"]);
    const reply = await c.conversations.messages.create(target.id, { content: "All sorted, closing this." });
    expect(reply.content).toBe("All sorted, closing this.");

    const open = await c.conversations.list({ status: "open" });
    expect(open.payload.map((x) => x.id)).not.toContain(target.id);
    expect(open.meta.all_count).toBe(first.meta.all_count - 1);
    const resolved = await c.conversations.get(target.id);
    expect(resolved).toMatchObject({ status: "resolved", labels: ["vip", "billing"] });
    expect(resolved.messages[0]!.content).toBe("All sorted, closing this.");
  });

  it("iterate() visits every open conversation once and ends", async () => {
    const seen: number[] = [];
    for await (const conversation of client().conversations.iterate({ status: "open" })) seen.push(conversation.id);
    const open = h.sim.store.accountConversations(1).filter((c) => c.status === "open");
    expect(seen.length).toBe(open.length);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("snoozes through the client and reads the ISO time back", async () => {
    const until = new Date(Date.UTC(2031, 0, 2, 3, 4, 5));
    const res = await client().conversations.toggleStatus(3, { status: "snoozed", snoozed_until: until });
    expect(res.snoozed_until).toBe("2031-01-02T03:04:05.000Z");
  });

  it("server errors become the client's typed errors", async () => {
    await expect(client().conversations.get(99999)).rejects.toBeInstanceOf(NotFoundError);
    await expect(client("not-a-token").conversations.list()).rejects.toBeInstanceOf(AuthenticationError);
    await expect(client().labels.create({ title: "billing" })).rejects.toBeInstanceOf(UnprocessableEntityError);
  });
});
