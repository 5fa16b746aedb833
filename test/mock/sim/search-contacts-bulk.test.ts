// search/conversations, a contact's conversations, bulk actions, typing and
// unread counts against the simulator.
import { describe, expect, it } from "vitest";
import type { Conversation } from "../../../src/mock/store/types.js";
import { ACC, TOKENS, useSimulator } from "./helpers/harness.js";

const h = useSimulator({ seed: 11 });
const all = () => h.sim.store.accountConversations(1) as Conversation[];
const agentInboxes = () => new Set([...h.sim.store.inboxes.values()].filter((i) => i.members.has(2)).map((i) => i.id));

describe("GET search/conversations", () => {
  it("matches contact name, email, phone, identifier or display id; newest created first; 15 per page", async () => {
    const c = all()[0]!;
    const contact = h.sim.store.contactOf(c);
    const last = contact.name.split(" ")[1]!.toUpperCase();
    const res = await h.call("GET", `${ACC}/search/conversations?q=${encodeURIComponent(last)}`);
    const expected = all()
      .filter((x) => h.sim.store.contactOf(x).name.toLowerCase().includes(last.toLowerCase()) || String(x.display_id).includes(last) || [h.sim.store.contactOf(x).email, h.sim.store.contactOf(x).phone_number, h.sim.store.contactOf(x).identifier].some((v) => v?.toLowerCase().includes(last.toLowerCase())))
      .sort((a, b) => b.created_at - a.created_at)
      .slice(0, 15);
    expect(res.body.payload.conversations.map((x: { id: number }) => x.id)).toEqual(expected.map((x) => x.display_id));
    const first = res.body.payload.conversations.find((x: { id: number }) => x.id === c.display_id);
    if (first) expect(first.message.id).toBe(c.messages[0]!.id); // the oldest message
    const many = await h.call("GET", `${ACC}/search/conversations?q=test`);
    expect(many.body.payload.conversations.length).toBe(15);
  });

  it("agents search only their inboxes", async () => {
    const res = await h.call("GET", `${ACC}/search/conversations?q=.test&page=1`, { token: TOKENS.agent });
    for (const item of res.body.payload.conversations) expect(agentInboxes().has(item.inbox.id)).toBe(true);
  });
});

describe("a contact's conversations", () => {
  it("returns its 20 most recently active conversations of every status; agents only their inboxes; unknown → 404", async () => {
    const contact = h.sim.store.contactOf(all()[0]!);
    const mine = all().filter((c) => c.contact_id === contact.id);
    const res = await h.call("GET", `${ACC}/contacts/${contact.id}/conversations`);
    expect(res.body.payload.map((c: { id: number }) => c.id).sort()).toEqual(mine.map((c) => c.display_id).sort());
    const agent = await h.call("GET", `${ACC}/contacts/${contact.id}/conversations`, { token: TOKENS.agent });
    expect(agent.body.payload.length).toBe(mine.filter((c) => agentInboxes().has(c.inbox_id)).length);
    expect((await h.call("GET", `${ACC}/contacts/999999/conversations`)).status).toBe(404);
  });
});

describe("POST bulk_actions", () => {
  it("applies fields and labels to the visible ids; removal before addition; unknown type → 422 {success:false}", async () => {
    const [a, b] = all().filter((c) => c.status === "open");
    a!.labels = ["bug", "vip"];
    const res = await h.call("POST", `${ACC}/bulk_actions`, { body: { type: "Conversation", ids: [a!.display_id, b!.display_id], fields: { status: "resolved", assignee_id: 3 }, labels: { remove: ["bug"], add: ["refund"] } } });
    expect(res.status).toBe(200);
    for (const c of [a!, b!]) {
      const shown = await h.call("GET", `${ACC}/conversations/${c.display_id}`);
      expect(shown.body.status).toBe("resolved");
      expect(shown.body.meta.assignee.id).toBe(3);
      expect(shown.body.labels).toContain("refund");
      expect(shown.body.labels).not.toContain("bug");
    }
    expect(await h.call("POST", `${ACC}/bulk_actions`, { body: { type: "Widget", ids: [1] } })).toMatchObject({ status: 422, body: { success: false } });
  });

  it("snoozes with unix seconds; an agent's bulk action skips conversations they cannot see", async () => {
    const c = all().find((x) => x.status === "open")!;
    await h.call("POST", `${ACC}/bulk_actions`, { body: { type: "Conversation", ids: [c.display_id], fields: { status: "snoozed" }, snoozed_until: 1893456000 } });
    expect((await h.call("GET", `${ACC}/conversations/${c.display_id}`)).body).toMatchObject({ status: "snoozed", snoozed_until: "2030-01-01T00:00:00.000Z" });
    const hidden = all().find((x) => !agentInboxes().has(x.inbox_id) && x.status === "open")!;
    await h.call("POST", `${ACC}/bulk_actions`, { body: { type: "Conversation", ids: [hidden.display_id], fields: { status: "resolved" } }, token: TOKENS.agent });
    expect(hidden.status).toBe("open");
  });

  it("contact bulk labels", async () => {
    const contact = h.sim.store.contactOf(all()[1]!);
    await h.call("POST", `${ACC}/bulk_actions`, { body: { type: "Contact", ids: [contact.id], labels: { add: ["sales"] } } });
    expect(contact.labels).toContain("sales");
  });
});

describe("typing and unread counts", () => {
  it("toggle_typing_status on/off emits the typing events; other values nothing; bots allowed", async () => {
    expect((await h.call("POST", `${ACC}/conversations/1/toggle_typing_status`, { body: { typing_status: "on", is_private: true } })).status).toBe(200);
    await h.call("POST", `${ACC}/conversations/1/toggle_typing_status`, { body: { typing_status: "off" }, token: TOKENS.bot });
    await h.call("POST", `${ACC}/conversations/1/toggle_typing_status`, { body: { typing_status: "maybe" } });
    expect(h.events.map((e) => e.event)).toEqual(["conversation_typing_on", "conversation_typing_off"]);
    expect(h.events[0]!.payload).toMatchObject({ event: "conversation_typing_on", is_private: true, user: { id: 1, type: "user" }, conversation: { id: 1 } });
    expect(h.events[1]!.payload).toMatchObject({ is_private: false, user: { id: 1, type: "agent_bot" } });
  });

  it("unread counts: open conversations with incoming messages since the last visit, per inbox, label and team", async () => {
    const unread = all().filter((c) => c.status === "open" && c.messages.some((m) => m.message_type === 0 && (c.agent_last_seen_at === null || m.created_at > c.agent_last_seen_at)));
    const res = await h.call("GET", `${ACC}/conversations/unread_counts`);
    expect(res.body.payload.all_count).toBe(unread.length);
    const target = unread[0]!;
    await h.call("POST", `${ACC}/conversations/${target.display_id}/update_last_seen`);
    expect((await h.call("GET", `${ACC}/conversations/unread_counts`)).body.payload.all_count).toBe(unread.length - 1);
  });
});
