// POST conversations: ContactInboxBuilder + ConversationBuilder
// (app/controllers/api/v1/accounts/conversations_controller.rb#create).
import { describe, expect, it } from "vitest";
import { ACC, TOKENS, useSimulator } from "./helpers/harness.js";

const h = useSimulator();
const contactId = () => h.sim.store.contactOf(h.sim.store.conversationByDisplayId(1, 1)!).id;

describe("POST conversations", () => {
  it("creates from inbox_id + contact_id (no source_id needed) with the next display id, message and attributes", async () => {
    const next = Math.max(...h.sim.store.accountConversations(1).map((c) => c.display_id)) + 1;
    const res = await h.call("POST", `${ACC}/conversations`, {
      body: { inbox_id: 2, contact_id: contactId(), status: "pending", custom_attributes: { order_id: "A-7" }, additional_attributes: { source: "api" }, message: { content: "Where is my parcel?" } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: next, status: "pending", inbox_id: 2, custom_attributes: { order_id: "A-7" }, additional_attributes: { source: "api" } });
    expect(res.body.messages[0]).toMatchObject({ content: "Where is my parcel?", message_type: 1 });
    expect((await h.call("GET", `${ACC}/conversations/${next}`)).status).toBe(200);
  });

  it("finds the contact inbox by source_id alone; an unknown one is 404; a taken one is 422", async () => {
    const ci = h.sim.store.contactInboxOf(h.sim.store.conversationByDisplayId(1, 1)!)!;
    const res = await h.call("POST", `${ACC}/conversations`, { body: { source_id: ci.source_id } });
    expect(res.body.inbox_id).toBe(ci.inbox_id);
    expect(res.body.meta.sender.id).toBe(ci.contact_id);
    expect((await h.call("POST", `${ACC}/conversations`, { body: { source_id: "no-such-source" } })).status).toBe(404);
    const api = [...h.sim.store.contactInboxes.values()].find((x) => h.sim.store.inboxes.get(x.inbox_id)!.channel_type === "Channel::Api")!;
    const other = [...h.sim.store.contacts.values()].find((c) => c.account_id === 1 && c.id !== api.contact_id)!;
    const taken = await h.call("POST", `${ACC}/conversations`, { body: { inbox_id: api.inbox_id, contact_id: other.id, source_id: api.source_id } });
    expect(taken).toMatchObject({ status: 422, body: { error: "source_id should be unique" } });
  });

  it("assigns at creation, keeps snoozed_until only when snoozed, and starts pending in an inbox with a bot", async () => {
    const snoozed = await h.call("POST", `${ACC}/conversations`, { body: { inbox_id: 1, contact_id: contactId(), status: "snoozed", snoozed_until: "2030-01-01T00:00:00Z", assignee_id: 3, team_id: 1 } });
    expect(snoozed.body).toMatchObject({ status: "snoozed", snoozed_until: "2030-01-01T00:00:00.000Z", meta: { assignee: { id: 3 }, team: { id: 1 } } });
    h.sim.store.inboxes.get(1)!.active_bot = true;
    const bot = await h.call("POST", `${ACC}/conversations`, { body: { inbox_id: 1, contact_id: contactId(), status: "open" } });
    expect(bot.body.status).toBe("pending");
  });

  it("an inbox locked to one conversation returns the contact inbox's latest conversation", async () => {
    const c = h.sim.store.conversationByDisplayId(1, 1)!;
    h.sim.store.inboxes.get(c.inbox_id)!.lock_to_single_conversation = true;
    // Without source_id, API and widget inboxes get a fresh contact inbox (a new uuid): pass the existing one.
    const sourceId = h.sim.store.contactInboxOf(c)!.source_id;
    const res = await h.call("POST", `${ACC}/conversations`, { body: { inbox_id: c.inbox_id, contact_id: c.contact_id, source_id: sourceId } });
    const latest = h.sim.store.accountConversations(1).filter((x) => x.contact_inbox_id === c.contact_inbox_id).at(-1)!;
    expect(res.body.id).toBe(latest.display_id);
  });

  it("an agent may not create in an inbox they are not a member of; unknown inbox or contact is 404", async () => {
    const foreign = [...h.sim.store.inboxes.values()].find((i) => i.account_id === 1 && !i.members.has(2))!;
    expect((await h.call("POST", `${ACC}/conversations`, { body: { inbox_id: foreign.id, contact_id: contactId() }, token: TOKENS.agent })).status).toBe(401);
    expect((await h.call("POST", `${ACC}/conversations`, { body: { inbox_id: 999, contact_id: contactId() } })).status).toBe(404);
    expect((await h.call("POST", `${ACC}/conversations`, { body: { inbox_id: 1, contact_id: 999999 } })).status).toBe(404);
  });
});
