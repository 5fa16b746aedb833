// The webhook-worthy events store mutations emit, with payloads built as
// Chatwoot's WebhookListener builds them (app/listeners/webhook_listener.rb,
// app/presenters/conversations/event_data_presenter.rb, app/models/message.rb).
// When the spec has `webhooks`, every payload is validated against it too.
import { describe, expect, it } from "vitest";
import { ACC, TOKENS, useSimulator, webhookViolations } from "./helpers/harness.js";

const h = useSimulator();
const names = () => h.events.map((e) => e.event);

// (The harness validates every emitted payload against the spec's `webhooks` after each test.)

it("the spec's webhook schemas reject a payload of the wrong shape", async () => {
  await h.call("POST", `${ACC}/conversations/1/toggle_priority`, { body: { priority: "urgent" } });
  const event = h.events[0]!;
  expect(await webhookViolations(event)).toEqual([]);
  expect((await webhookViolations({ ...event, payload: { ...event.payload, id: "one" } }))!.length).toBeGreaterThan(0);
});

describe("conversation events", () => {
  it("a status change fires conversation_status_changed (changed_attributes null) then conversation_updated", async () => {
    const id = h.sim.store.accountConversations(1).find((c) => c.status === "open")!.display_id;
    await h.call("POST", `${ACC}/conversations/${id}/toggle_status`, { body: { status: "resolved" } });
    expect(names()).toEqual(["conversation_status_changed", "conversation_updated"]);
    const [changed, updated] = h.events;
    expect(changed!.payload).toMatchObject({ event: "conversation_status_changed", changed_attributes: null, id, status: "resolved", account: { id: 1, name: "Acme Support" } });
    expect(changed!.accountId).toBe(1);
    const attrs = updated!.payload.changed_attributes as Record<string, { previous_value: unknown; current_value: unknown }>[];
    expect(attrs).toContainEqual({ status: { previous_value: "open", current_value: "resolved" } });
    expect(attrs.some((a) => "updated_at" in a)).toBe(true);
    // Webhook shape, not the REST one: meta keys present with null, no uuid/muted.
    expect(updated!.payload).not.toHaveProperty("uuid");
    expect(updated!.payload).not.toHaveProperty("muted");
    expect(updated!.payload.meta).toHaveProperty("team");
  });

  it("labels, priority, assignment and custom attributes fire conversation_updated with the changed column", async () => {
    await h.call("POST", `${ACC}/conversations/2/labels`, { body: { labels: ["vip", "bug"] } });
    await h.call("POST", `${ACC}/conversations/2/toggle_priority`, { body: { priority: "urgent" } });
    await h.call("POST", `${ACC}/conversations/2/assignments`, { body: { assignee_id: 5 } });
    await h.call("POST", `${ACC}/conversations/2/custom_attributes`, { body: { custom_attributes: { x: 1 } } });
    const columns = h.events.filter((e) => e.event === "conversation_updated").map((e) => (e.payload.changed_attributes as object[]).flatMap((a) => Object.keys(a)));
    expect(columns.some((c) => c.includes("label_list"))).toBe(true);
    expect(columns.some((c) => c.includes("priority"))).toBe(true);
    expect(columns.some((c) => c.includes("assignee_id"))).toBe(true);
    expect(columns.some((c) => c.includes("custom_attributes"))).toBe(true);
  });

  it("creating a conversation fires conversation_created; a message with it fires message_created", async () => {
    const contact = h.sim.store.contactOf(h.sim.store.conversationByDisplayId(1, 1)!);
    await h.call("POST", `${ACC}/conversations`, { body: { inbox_id: 2, contact_id: contact.id, message: { content: "Hello from the API" } } });
    expect(names()[0]).toBe("conversation_created");
    expect(names()).toContain("message_created");
  });

  it("read state changes fire nothing (update_columns)", async () => {
    await h.call("POST", `${ACC}/conversations/3/unread`);
    await h.call("POST", `${ACC}/conversations/3/update_last_seen`);
    expect(h.events).toEqual([]);
  });
});

describe("message events", () => {
  it("message_created carries the webhook message: string type, ISO created_at, nested conversation", async () => {
    await h.call("POST", `${ACC}/conversations/4/messages`, { body: { content: "Line one  \nline two\n\n" } });
    const created = h.events.find((e) => e.event === "message_created")!;
    expect(created.payload).toMatchObject({ event: "message_created", message_type: "outgoing", private: false, sender: { id: 1, type: "user", email: "amelia.hart@acme.test" }, inbox: { id: expect.any(Number), name: expect.any(String) }, conversation: { id: 4 } });
    expect(created.payload.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(created.payload).not.toHaveProperty("status");
    // The nested conversation's last chat message has its text normalized (hard breaks → newlines, trailing newlines cut).
    const nested = (created.payload.conversation as { messages: { content: string; message_type: number }[] }).messages[0]!;
    expect(nested).toMatchObject({ content: "Line one\nline two", message_type: 1 });
  });

  it("private notes fire message_created too; activity messages never", async () => {
    await h.call("POST", `${ACC}/conversations/5/messages`, { body: { content: "internal", private: true } });
    await h.call("POST", `${ACC}/conversations/5/mute`);
    const messages = h.events.filter((e) => e.event === "message_created");
    expect(messages).toHaveLength(1);
    expect(messages[0]!.payload.private).toBe(true);
  });

  it("status updates, deletes and retries fire message_updated; an unchanged status fires nothing", async () => {
    const api = h.sim.store.accountConversations(1).find((c) => h.sim.store.inboxOf(c).channel_type === "Channel::Api")!;
    const m = api.messages[0]!;
    const path = `${ACC}/conversations/${api.display_id}/messages/${m.id}`;
    await h.call("PATCH", path, { body: { status: "read" } });
    await h.call("PATCH", path, { body: { status: "read" } });
    await h.call("DELETE", path);
    await h.call("POST", `${path}/retry`);
    expect(names()).toEqual(["message_updated", "message_updated", "message_updated"]);
    expect(h.events[1]!.payload).toMatchObject({ content: "This message was deleted", content_attributes: { deleted: true } });
  });

  it("a contact's incoming message sends the contact as sender and reopens (status events first)", async () => {
    const api = h.sim.store.accountConversations(1).find((c) => h.sim.store.inboxOf(c).channel_type === "Channel::Api" && c.status === "resolved")!;
    await h.call("POST", `${ACC}/conversations/${api.display_id}/messages`, { body: { content: "hello?", message_type: "incoming" }, token: TOKENS.bot });
    expect(names().slice(0, 3)).toEqual(["conversation_status_changed", "conversation_updated", "message_created"]);
    const created = h.events.find((e) => e.event === "message_created")!;
    expect(created.payload.sender).toMatchObject({ id: api.contact_id, blocked: false });
    expect(created.payload.sender).not.toHaveProperty("type");
  });
});

describe("onEvent", () => {
  it("unsubscribes", async () => {
    const seen: string[] = [];
    h.sim.store.conversationByDisplayId(1, 6)!.priority = null;
    const off = h.sim.onEvent((e) => seen.push(e.event));
    await h.call("POST", `${ACC}/conversations/6/toggle_priority`, { body: { priority: "low" } });
    off();
    await h.call("POST", `${ACC}/conversations/6/toggle_priority`, { body: { priority: "high" } });
    expect(seen).toEqual(["conversation_updated"]);
  });
});

describe("activity messages (ActivityMessageHandler texts, config/locales/en.yml)", () => {
  const activities = (id: number) => h.sim.store.conversationByDisplayId(1, id)!.messages.filter((m) => m.message_type === 2).map((m) => m.content);

  it("status, priority, labels and assignment changes leave activity messages naming the actor", async () => {
    const c = h.sim.store.accountConversations(1).find((x) => x.status === "open" && x.priority === null && x.labels.length === 0 && h.sim.store.inboxOf(x).members.has(2))!;
    const id = c.display_id;
    const before = activities(id).length;
    const wasBens = c.assignee_id === 2;
    await h.call("POST", `${ACC}/conversations/${id}/toggle_status`, { body: { status: "resolved" } });
    await h.call("POST", `${ACC}/conversations/${id}/toggle_priority`, { body: { priority: "urgent" } });
    await h.call("POST", `${ACC}/conversations/${id}/labels`, { body: { labels: ["vip"] } });
    await h.call("POST", `${ACC}/conversations/${id}/toggle_status`, { body: { status: "open" }, token: TOKENS.agent });
    expect(activities(id).slice(before)).toEqual([
      "Conversation was marked resolved by Amelia Hart",
      "Amelia Hart set the priority to urgent",
      "Amelia Hart added vip",
      "Conversation was reopened by Ben Ortiz",
      ...(wasBens ? [] : ["Ben Ortiz self-assigned this conversation"]),
    ]);
    // Activity counts as activity: the conversation moves to the top of the list.
    const list = await h.call("GET", `${ACC}/conversations`);
    expect(list.body.data.payload[0].id).toBe(id);
    expect(list.body.data.payload[0].messages[0].message_type).toBe(2);
  });
});
