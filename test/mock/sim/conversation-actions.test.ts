// One conversation's actions against the simulator: show, update, toggle
// status/priority, custom attributes, read/unread, mute/unmute, transcript,
// attachments, delete (app/controllers/api/v1/accounts/conversations_controller.rb).
import { describe, expect, it } from "vitest";
import type { Conversation } from "../../../src/mock/store/types.js";
import { ACC, TOKENS, useSimulator } from "./helpers/harness.js";

const h = useSimulator();
const conv = (id: number) => h.sim.store.conversationByDisplayId(1, id) as Conversation;
const firstWhere = (match: (c: Conversation) => boolean) => (h.sim.store.accountConversations(1) as Conversation[]).find(match)!;
const agentInboxes = () => new Set([...h.sim.store.inboxes.values()].filter((i) => i.members.has(2)).map((i) => i.id));

describe("show and update", () => {
  it("shows a conversation by display id; unknown → 404; an agent outside its inbox and team → 401", async () => {
    const res = await h.call("GET", `${ACC}/conversations/5`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(5);
    expect(res.body.meta.sender.id).toBe(conv(5).contact_id);
    expect(await h.call("GET", `${ACC}/conversations/9999`)).toMatchObject({ status: 404, body: { error: "Resource could not be found" } });
    const hidden = firstWhere((c) => !agentInboxes().has(c.inbox_id) && (c.team_id === null || !h.sim.store.teams.get(c.team_id)!.members.has(2)));
    expect(await h.call("GET", `${ACC}/conversations/${hidden.display_id}`, { token: TOKENS.agent })).toMatchObject({ status: 401, body: { error: "You are not authorized to do this action" } });
  });

  it("an agent may open a conversation of another inbox through its team", async () => {
    const c = firstWhere((x) => !agentInboxes().has(x.inbox_id));
    c.team_id = 1; // Ben is in team 1
    expect((await h.call("GET", `${ACC}/conversations/${c.display_id}`, { token: TOKENS.agent })).status).toBe(200);
  });

  it("PATCH changes the priority and silently ignores status, assignee and team", async () => {
    const before = conv(2);
    const status = before.status;
    const res = await h.call("PATCH", `${ACC}/conversations/2`, { body: { priority: "urgent", status: status === "open" ? "resolved" : "open", assignee_id: 3, team_id: 2 } });
    expect(res.status).toBe(200);
    expect(res.body.priority).toBe("urgent");
    expect(res.body.status).toBe(status);
    const cleared = await h.call("PATCH", `${ACC}/conversations/2`, { body: { priority: null } });
    expect(cleared.body.priority).toBeNull();
  });
});

describe("toggle_status", () => {
  it("sets an explicit status; then toggles open ↔ resolved; pending opens", async () => {
    const id = firstWhere((c) => c.status === "open").display_id;
    const resolved = await h.call("POST", `${ACC}/conversations/${id}/toggle_status`, { body: { status: "resolved" } });
    expect(resolved.body).toEqual({ payload: { success: true, conversation_id: id, current_status: "resolved", snoozed_until: null } });
    const toggled = await h.call("POST", `${ACC}/conversations/${id}/toggle_status`, { body: {} });
    expect(toggled.body.payload.current_status).toBe("open");
    const again = await h.call("POST", `${ACC}/conversations/${id}/toggle_status`);
    expect(again.body.payload.current_status).toBe("resolved");
    const pending = firstWhere((c) => c.status === "pending").display_id;
    expect((await h.call("POST", `${ACC}/conversations/${pending}/toggle_status`)).body.payload.current_status).toBe("open");
    const list = await h.call("GET", `${ACC}/conversations?status=resolved`);
    expect(list.body.data.payload.map((c: { id: number }) => c.id)).toContain(id);
  });

  it("snoozes with unix seconds and answers ISO 8601; leaving snoozed clears it", async () => {
    const id = firstWhere((c) => c.status === "open").display_id;
    const until = 1893456000; // 2030-01-01T00:00:00Z
    const res = await h.call("POST", `${ACC}/conversations/${id}/toggle_status`, { body: { status: "snoozed", snoozed_until: until } });
    expect(res.body.payload).toMatchObject({ current_status: "snoozed", snoozed_until: "2030-01-01T00:00:00.000Z" });
    expect((await h.call("GET", `${ACC}/conversations/${id}`)).body.snoozed_until).toBe("2030-01-01T00:00:00.000Z");
    const open = await h.call("POST", `${ACC}/conversations/${id}/toggle_status`, { body: { status: "open" } });
    expect(open.body.payload.snoozed_until).toBeNull();
  });

  it("a plain agent who opens takes the assignment; an administrator does not", async () => {
    const c = firstWhere((x) => x.status === "resolved" && agentInboxes().has(x.inbox_id) && x.assignee_id !== 2);
    await h.call("POST", `${ACC}/conversations/${c.display_id}/toggle_status`, { body: { status: "open" }, token: TOKENS.agent });
    expect((await h.call("GET", `${ACC}/conversations/${c.display_id}`)).body.meta.assignee.id).toBe(2);
    const d = firstWhere((x) => x.status === "resolved" && x.assignee_id !== 1 && x !== c);
    const before = d.assignee_id;
    await h.call("POST", `${ACC}/conversations/${d.display_id}/toggle_status`, { body: { status: "open" } });
    expect(conv(d.display_id).assignee_id).toBe(before);
  });

  it("a bot handing a pending conversation over gets success null; an unknown status is a 500", async () => {
    const pending = firstWhere((c) => c.status === "pending");
    const res = await h.call("POST", `${ACC}/conversations/${pending.display_id}/toggle_status`, { body: { status: "open" }, token: TOKENS.bot });
    expect(res.body.payload).toMatchObject({ success: null, current_status: "open" });
    expect((await h.call("POST", `${ACC}/conversations/1/toggle_status`, { body: { status: "closed" } })).status).toBe(500);
  });
});

describe("priority, custom attributes, read state", () => {
  it("toggle_priority sets and clears; PATCH-visible afterwards", async () => {
    expect((await h.call("POST", `${ACC}/conversations/4/toggle_priority`, { body: { priority: "high" } })).status).toBe(200);
    expect((await h.call("GET", `${ACC}/conversations/4`)).body.priority).toBe("high");
    await h.call("POST", `${ACC}/conversations/4/toggle_priority`, { body: {} });
    expect((await h.call("GET", `${ACC}/conversations/4`)).body.priority).toBeNull();
  });

  it("custom_attributes replaces the whole object", async () => {
    await h.call("POST", `${ACC}/conversations/6/custom_attributes`, { body: { custom_attributes: { order_id: "A-1", plan: "pro" } } });
    const res = await h.call("POST", `${ACC}/conversations/6/custom_attributes`, { body: { custom_attributes: { plan: "enterprise" } } });
    expect(res.body).toEqual({ custom_attributes: { plan: "enterprise" } });
    expect((await h.call("GET", `${ACC}/conversations/6`)).body.custom_attributes).toEqual({ plan: "enterprise" });
  });

  it("unread sets the last-seen times before the last incoming message; update_last_seen clears the unread count", async () => {
    const c = firstWhere((x) => x.messages.some((m) => m.message_type === 0));
    const unread = await h.call("POST", `${ACC}/conversations/${c.display_id}/unread`);
    const lastIncoming = [...c.messages].reverse().find((m) => m.message_type === 0)!;
    expect(unread.body.agent_last_seen_at).toBe(Math.floor(lastIncoming.created_at - 1));
    expect(unread.body.unread_count).toBeGreaterThan(0);
    const read = await h.call("POST", `${ACC}/conversations/${c.display_id}/update_last_seen`);
    expect(read.body.unread_count).toBe(0);
    expect(read.body.agent_last_seen_at).toBeGreaterThan(unread.body.agent_last_seen_at);
  });
});

describe("mute, transcript, attachments, delete", () => {
  it("mute resolves and blocks the contact (every conversation of it is muted); unmute unblocks", async () => {
    const c = firstWhere((x) => x.status === "open");
    expect((await h.call("POST", `${ACC}/conversations/${c.display_id}/mute`)).status).toBe(200);
    const shown = await h.call("GET", `${ACC}/conversations/${c.display_id}`);
    expect(shown.body).toMatchObject({ status: "resolved", muted: true, meta: { sender: { blocked: true } } });
    expect(shown.body.messages[0].content).toBe("Amelia Hart has muted the conversation");
    // A blocked contact's incoming message does not reopen; its new conversation starts resolved.
    const created = await h.call("POST", `${ACC}/conversations`, { body: { inbox_id: 2, contact_id: c.contact_id } });
    expect(created.body.status).toBe("resolved");
    await h.call("POST", `${ACC}/conversations/${c.display_id}/unmute`);
    expect((await h.call("GET", `${ACC}/conversations/${c.display_id}`)).body).toMatchObject({ status: "resolved", muted: false });
  });

  it("transcript needs an email", async () => {
    expect(await h.call("POST", `${ACC}/conversations/1/transcript`, { body: {} })).toMatchObject({ status: 422, body: { error: "email param missing" } });
    expect((await h.call("POST", `${ACC}/conversations/1/transcript`, { body: { email: "a@b.test" } })).status).toBe(200);
  });

  it("lists attachments newest first with total_count", async () => {
    const c = firstWhere((x) => x.messages.some((m) => m.attachments.length > 0));
    const res = await h.call("GET", `${ACC}/conversations/${c.display_id}/attachments`);
    expect(res.body.meta.total_count).toBe(c.messages.flatMap((m) => m.attachments).length);
    expect(res.body.payload[0]).toMatchObject({ file_type: "image", extension: "png" });
  });

  it("only administrators delete; then the conversation is gone", async () => {
    const c = firstWhere((x) => agentInboxes().has(x.inbox_id));
    expect((await h.call("DELETE", `${ACC}/conversations/${c.display_id}`, { token: TOKENS.agent })).status).toBe(401);
    expect((await h.call("DELETE", `${ACC}/conversations/${c.display_id}`)).status).toBe(200);
    expect((await h.call("GET", `${ACC}/conversations/${c.display_id}`)).status).toBe(404);
  });
});
