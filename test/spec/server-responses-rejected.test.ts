// What the server never sends must be rejected by the spec: each case mutates a
// valid server-response fixture (test/fixtures/responses/) into a shape the 4.15.1
// views never produce, and expects the error where the mutation is.
import { describe, expect, it } from "vitest";
import { check, fixture } from "./helpers/response-fixtures.js";
import { clone, describeErrors, type JsonObject } from "./helpers/spec.js";

describe("the spec rejects what the server never sends", () => {
  /** The base fixture is valid, the mutated copy is not, and the error is where the mutation is. */
  function rejects(name: string, mutate: (body: JsonObject) => unknown, errorAt?: string) {
    const f = fixture(name);
    expect(check(f, f.body).valid, `${name} itself is valid`).toBe(true);
    const body = clone(f.body) as JsonObject;
    const mutated = mutate(body) ?? body;
    const { valid, errors } = check(f, mutated);
    expect(valid).toBe(false);
    if (errorAt !== undefined) expect(errors.map((e) => e.instancePath), describeErrors(errors)).toContain(errorAt);
  }

  it("a conversation with snoozed_until as a number", () => {
    rejects("getConversation.snoozed", (c) => void (c.snoozed_until = 1764320400), "/snoozed_until");
  });

  it("a conversation with agent_last_seen_at null", () => {
    rejects("getConversation", (c) => void (c.agent_last_seen_at = null), "/agent_last_seen_at");
  });

  it('a conversation with priority "none"', () => {
    rejects("getConversation", (c) => void (c.priority = "none"), "/priority");
  });

  it('a conversation with status "closed"', () => {
    rejects("getConversation", (c) => void (c.status = "closed"), "/status");
  });

  it("a conversation with unread_count 11", () => {
    rejects("getConversation", (c) => void (c.unread_count = 11), "/unread_count");
  });

  it("a conversation with meta.assignee null (the server leaves the key out)", () => {
    rejects("getConversation.unassigned", (c) => void ((c.meta as JsonObject).assignee = null), "/meta/assignee");
  });

  it("a conversation with updated_at as an ISO string", () => {
    rejects("getConversation", (c) => void (c.updated_at = "2025-11-25T08:28:00.734Z"), "/updated_at");
  });

  it("a filter response with a data wrapper", () => {
    rejects("filterConversations", (body) => ({ data: body }));
  });

  it("a list response without data", () => {
    rejects("listConversations", (body) => body.data);
  });

  it("a toggle_status response with a numeric snoozed_until", () => {
    rejects("toggleConversationStatus.snoozed", (body) => void ((body.payload as JsonObject).snoozed_until = 1764320400), "/payload/snoozed_until");
  });

  // ---- 4.15.1 corrections (issue 11) ----

  it("a message from the messages endpoints with account_id, sender_type, sender_id or updated_at (the partial never sends them)", () => {
    for (const key of ["account_id", "sender_type", "sender_id", "updated_at"]) {
      rejects("createConversationMessage", (m) => void (m[key] = key === "updated_at" ? "2025-11-25T08:30:00.517Z" : key === "sender_type" ? "User" : 6));
      rejects("listConversationMessages", (b) => void ((b.payload as JsonObject[])[0]![key] = key === "updated_at" ? "2025-11-25T08:30:00.517Z" : key === "sender_type" ? "Contact" : 1));
    }
  });

  it("messages meta: last-seen as unix seconds, or the assignee as a full agent", () => {
    rejects("listConversationMessages", (b) => void ((b.meta as JsonObject).agent_last_seen_at = 1764058500), "/meta/agent_last_seen_at");
    rejects("listConversationMessages", (b) => void ((b.meta as JsonObject).assignee_last_seen_at = 0), "/meta/assignee_last_seen_at");
    const agent = (fixture("listAgents").body as JsonObject[])[0]!;
    rejects("listConversationMessages", (b) => void ((b.meta as JsonObject).assignee = agent), "/meta/assignee");
  });

  it("a toggle_status response with a meta key (Jbuilder drops the empty block)", () => {
    rejects("toggleConversationStatus", (b) => ({ meta: {}, ...b }));
  });

  it("a message-search item that is a full conversation instead of the slim form", () => {
    const full = fixture("getConversation").body as JsonObject;
    rejects("searchConversationMessages", (b) => void ((b.payload as JsonObject[])[0] = full), "/payload/0");
    rejects("searchConversationMessages", (b) => void ((b.payload as JsonObject[])[0]!.status = "open"), "/payload/0");
  });

  it("search/conversations with agent null, message null, or a message in the embedded form", () => {
    rejects("searchConversations", (b) => void (((b.payload as JsonObject).conversations as JsonObject[])[0]!.agent = null), "/payload/conversations/0/agent");
    rejects("searchConversations", (b) => void (((b.payload as JsonObject).conversations as JsonObject[])[0]!.message = null), "/payload/conversations/0/message");
    const embedded = (fixture("getConversation").body as JsonObject & { messages: JsonObject[] }).messages[0]!;
    rejects("searchConversations", (b) => void (((b.payload as JsonObject).conversations as JsonObject[])[0]!.message = embedded), "/payload/conversations/0/message");
  });

  it("an attachments item with account_id, or without the keys its type lacks", () => {
    rejects("listConversationAttachments.contact-card", (b) => void ((b.payload as JsonObject[])[0]!.account_id = 1), "/payload/0");
    rejects("listConversationAttachments.contact-card", (b) => void delete (b.payload as JsonObject[])[0]!.data_url, "/payload/0");
  });

  it("a filter or counts response with extra or missing counts", () => {
    rejects("filterConversations", (b) => void ((b.meta as JsonObject).assigned_count = 1), "/meta");
    rejects("getConversationCounts", (b) => void delete (b.meta as JsonObject).assigned_count, "/meta");
  });
});

