// Type-level tests of the webhook types (vitest typecheck mode): the generated
// `WebhookEvent` is a union keyed on `event`, so a switch narrows each payload,
// and the wire-type differences between top level and nested data survive.
import { describe, expectTypeOf, it } from "vitest";
import type { WebhookEvent, WebhookEventName, WebhookPayload } from "../../src/types.js";

declare const event: WebhookEvent;

describe("WebhookEvent", () => {
  it("names exactly the 12 account events and the 2 agent-bot-only events", () => {
    expectTypeOf<WebhookEventName>().toEqualTypeOf<
      | "conversation_created" | "conversation_status_changed" | "conversation_updated"
      | "conversation_opened" | "conversation_resolved"
      | "message_created" | "message_updated"
      | "contact_created" | "contact_updated"
      | "inbox_created" | "inbox_updated"
      | "webwidget_triggered" | "conversation_typing_on" | "conversation_typing_off"
    >();
  });

  it("narrows on `event`", () => {
    switch (event.event) {
      case "message_created":
        expectTypeOf(event.message_type).toEqualTypeOf<"incoming" | "outgoing" | "template">();
        expectTypeOf(event.created_at).toEqualTypeOf<string>();
        // inside the nested conversation, the same facts have other wire types
        expectTypeOf(event.conversation.messages[0]!.message_type).toEqualTypeOf<0 | 1 | 2 | 3>();
        expectTypeOf(event.conversation.messages[0]!.created_at).toEqualTypeOf<number>();
        // @ts-expect-error a message event has no changed_attributes
        void event.changed_attributes;
        break;
      case "conversation_updated":
        expectTypeOf(event.id).toEqualTypeOf<number>();
        expectTypeOf(event.changed_attributes).not.toBeAny();
        // @ts-expect-error a conversation event has no `conversation` wrapper
        void event.conversation;
        break;
      case "conversation_typing_on":
        expectTypeOf(event.conversation.id).toEqualTypeOf<number>();
        expectTypeOf(event.is_private).toEqualTypeOf<boolean | string>();
        break;
      case "contact_updated":
        expectTypeOf(event.blocked).toEqualTypeOf<boolean>();
        break;
    }
  });

  it("WebhookPayload<E> picks one event", () => {
    expectTypeOf<WebhookPayload<"inbox_updated">["event"]>().toEqualTypeOf<"inbox_updated">();
    expectTypeOf<WebhookPayload<"webwidget_triggered">>().toHaveProperty("event_info");
    // @ts-expect-error not an event name
    type Nope = WebhookPayload<"conversation_deleted">;
  });
});
