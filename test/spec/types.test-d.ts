// Type-level tests of src/generated/schema.ts (vitest typecheck mode): the
// generated types refuse what the server never sends or cannot handle.
// Every `@ts-expect-error` fails the run if the line ever compiles.
import { describe, expectTypeOf, it } from "vitest";
import type { components, operations, paths } from "../../src/generated/schema.js";

type Schemas = components["schemas"];
type Conversation = Schemas["Conversation"];
type ConversationMeta = Schemas["ConversationMeta"];
type ConversationPath = paths["/api/v1/accounts/{account_id}/conversations/{conversation_id}"];
type ListQuery = NonNullable<operations["listConversations"]["parameters"]["query"]>;

declare const conversation: Conversation;

describe("priority", () => {
  it('has no "none" and accepts null', () => {
    expectTypeOf<Conversation["priority"]>().toEqualTypeOf<"low" | "medium" | "high" | "urgent" | null>();
    expectTypeOf<null>().toExtend<Conversation["priority"]>();
    expectTypeOf<"none">().not.toExtend<Conversation["priority"]>();

    const cleared: Conversation = { ...conversation, priority: null };
    const update: Schemas["UpdateConversationRequest"] = { priority: null };
    const toggle: Schemas["TogglePriorityRequest"] = { priority: null };
    void [cleared, update, toggle];

    // @ts-expect-error "none" makes the server fail with a 500
    const none: Conversation["priority"] = "none";
    // @ts-expect-error not in a PATCH body either
    const patchNone: Schemas["UpdateConversationRequest"] = { priority: "none" };
    // @ts-expect-error nor in toggle_priority
    const toggleNone: Schemas["TogglePriorityRequest"] = { priority: "none" };
    void [none, patchNone, toggleNone];
  });
});

describe("status", () => {
  it('includes snoozed and refuses "closed"', () => {
    expectTypeOf<Conversation["status"]>().toEqualTypeOf<"open" | "resolved" | "pending" | "snoozed">();
    // @ts-expect-error there is no "closed" status
    const closed: Conversation["status"] = "closed";
    // @ts-expect-error nor in toggle_status
    const toggle: Schemas["ToggleStatusRequest"] = { status: "closed" };
    void [closed, toggle];
  });

  it("toggle_status does not require a status", () => {
    const toggleWithoutStatus: Schemas["ToggleStatusRequest"] = {};
    void toggleWithoutStatus;
    expectTypeOf<Schemas["ToggleStatusResult"]["success"]>().toEqualTypeOf<boolean | null>();
  });
});

describe("conversation id path parameter", () => {
  it("is a number (the display id), never a string", () => {
    expectTypeOf<ConversationPath["get"]["parameters"]["path"]["conversation_id"]>().toEqualTypeOf<number>();
    expectTypeOf<operations["toggleConversationStatus"]["parameters"]["path"]["conversation_id"]>().toEqualTypeOf<number>();
    const ok: ConversationPath["get"]["parameters"]["path"] = { account_id: 3, conversation_id: 1042 };
    // @ts-expect-error "1042" is a string
    const stringId: ConversationPath["get"]["parameters"]["path"] = { account_id: 3, conversation_id: "1042" };
    void [ok, stringId];
  });
});

describe("timestamps", () => {
  it("snoozed_until is an ISO string or null, not a number", () => {
    expectTypeOf<Conversation["snoozed_until"]>().toEqualTypeOf<string | null>();
    const snoozed: Conversation = { ...conversation, status: "snoozed", snoozed_until: "2025-11-24T08:00:00.000Z" };
    // @ts-expect-error unix seconds are what toggle_status takes, not what a Conversation holds
    const numeric: Conversation = { ...conversation, snoozed_until: 1763971200 };
    void [snoozed, numeric];
    // ...while the toggle_status request takes unix seconds
    expectTypeOf<NonNullable<Schemas["ToggleStatusRequest"]["snoozed_until"]>>().toEqualTypeOf<number>();
  });

  it("last-seen times are numbers, never null", () => {
    expectTypeOf<Conversation["agent_last_seen_at"]>().toEqualTypeOf<number>();
    // @ts-expect-error unset is 0, not null
    const unset: Conversation = { ...conversation, agent_last_seen_at: null };
    void unset;
  });
});

describe("meta", () => {
  it("assignee, assignee_type and team are optional (absent when unassigned)", () => {
    const unassigned: ConversationMeta = { sender: conversation.meta.sender, channel: "Channel::WebWidget", hmac_verified: null };
    void unassigned;
    expectTypeOf<undefined>().toExtend<ConversationMeta["assignee"]>();
    expectTypeOf<undefined>().toExtend<ConversationMeta["assignee_type"]>();
    expectTypeOf<undefined>().toExtend<ConversationMeta["team"]>();
    // @ts-expect-error absent, not null
    const nullAssignee: ConversationMeta = { ...unassigned, assignee: null };
    void nullAssignee;
    // reading it forces a check
    // @ts-expect-error possibly undefined
    const id: number = conversation.meta.assignee.id;
    void id;
  });

  it("a Conversation has no assignee_id, team_id or contact_id", () => {
    expectTypeOf<Conversation>().not.toHaveProperty("assignee_id");
    expectTypeOf<Conversation>().not.toHaveProperty("team_id");
    expectTypeOf<Conversation>().not.toHaveProperty("contact_id");
  });
});

describe("listConversations query", () => {
  it("uses the key labels[] (not labels)", () => {
    expectTypeOf<ListQuery>().toHaveProperty("labels[]");
    expectTypeOf<ListQuery>().not.toHaveProperty("labels");
    expectTypeOf<NonNullable<ListQuery["labels[]"]>>().toEqualTypeOf<string[]>();
    const ok: ListQuery = { "labels[]": ["billing", "vip"], status: "snoozed" };
    // @ts-expect-error `labels` would make the server keep only the last label
    const plain: ListQuery = { labels: ["billing", "vip"] };
    void [ok, plain];
  });
});

describe("4.15.1 shapes (issue 11)", () => {
  type Message = Schemas["Message"];
  it("a message of the messages endpoints has none of the embedded form's extra keys", () => {
    for (const key of ["account_id", "sender_type", "sender_id", "updated_at"] as const) {
      expectTypeOf<Message>().not.toHaveProperty(key);
      expectTypeOf<Schemas["EmbeddedMessage"]>().toHaveProperty(key);
    }
  });

  it("a sender is a union keyed on `type`", () => {
    type Sender = NonNullable<Message["sender"]>;
    expectTypeOf<Sender["type"]>().toEqualTypeOf<"user" | "contact" | "agent_bot">();
    const sender = {} as Sender;
    if (sender.type === "contact") expectTypeOf(sender.blocked).toEqualTypeOf<boolean>();
    // @ts-expect-error only contacts have `blocked`
    void sender.blocked;
  });

  it("messages meta: last-seen values are ISO strings or null; the assignee is the short user form", () => {
    type Meta = Schemas["MessageListMeta"];
    expectTypeOf<Meta["agent_last_seen_at"]>().toEqualTypeOf<string | null>();
    expectTypeOf<NonNullable<Meta["assignee"]>>().not.toHaveProperty("role");
  });

  it("message search items are slim, toggle_status has no meta, search results have no null agent", () => {
    type Item = Schemas["ConversationMessageSearchResponse"]["payload"][number];
    expectTypeOf<Item>().not.toHaveProperty("status");
    expectTypeOf<Item["contact"]>().toEqualTypeOf<{ id: number; name: string | null }>();
    expectTypeOf<Schemas["ToggleStatusResponse"]>().not.toHaveProperty("meta");
    expectTypeOf<null>().not.toExtend<Schemas["ConversationSearchResult"]["agent"]>();
  });
});
