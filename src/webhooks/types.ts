// PLACEHOLDER until the spec's `webhooks:` section and `WebhookEvent` schema
// land (branch spec-new); then this becomes components["schemas"]["WebhookEvent"].
// Shapes from app/listeners/webhook_listener.rb and agent_bot_listener.rb.

type Payload<E extends string> = { event: E } & Record<string, unknown>;

export type WebhookEvent =
  | Payload<"conversation_created">
  | Payload<"conversation_status_changed">
  | Payload<"conversation_updated">
  | Payload<"conversation_opened">
  | Payload<"conversation_resolved">
  | Payload<"message_created">
  | Payload<"message_updated">
  | Payload<"contact_created">
  | Payload<"contact_updated">
  | Payload<"inbox_created">
  | Payload<"inbox_updated">
  | Payload<"webwidget_triggered">
  | Payload<"conversation_typing_on">
  | Payload<"conversation_typing_off">;
