// verifyWebhook resolves to the spec's WebhookEvent union; a switch on `event` narrows it.
import { describe, expectTypeOf, it } from "vitest";
import { verifyWebhook, type WebhookEvent, type WebhookPayload, type WebhookVerificationError } from "../../src/index.js";

describe("verifyWebhook types", () => {
  it("resolves to WebhookEvent and narrows on event", async () => {
    const event = await verifyWebhook("", {}, "secret");
    expectTypeOf(event).toEqualTypeOf<WebhookEvent>();
    if (event.event === "message_created") {
      expectTypeOf(event).toEqualTypeOf<WebhookPayload<"message_created">>();
      expectTypeOf(event.conversation.id).toEqualTypeOf<number>();
    }
    if (event.event === "conversation_typing_on") expectTypeOf(event.is_private).toEqualTypeOf<boolean | string>(); // as sent: form callers send a string
  });

  it("takes raw bodies only, and the reason is a closed set", () => {
    expectTypeOf(verifyWebhook).parameter(0).toEqualTypeOf<string | Uint8Array | ArrayBuffer>();
    // @ts-expect-error a parsed object is not a raw body
    void verifyWebhook({ event: "message_created" }, {}, "secret");
    expectTypeOf<WebhookVerificationError["reason"]>().toEqualTypeOf<
      "missing_signature" | "malformed_signature" | "missing_timestamp" | "malformed_timestamp" | "stale_timestamp" | "future_timestamp" | "bad_signature" | "invalid_body"
    >();
  });
});
