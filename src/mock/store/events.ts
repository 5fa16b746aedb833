// The events a store mutation emits: the webhook-worthy ones of Chatwoot's
// WebhookListener (app/listeners/webhook_listener.rb). `payload` is the body a
// webhook receives, built as Chatwoot builds it (see ../views/webhook.ts).
export type SimulatorEventName =
  | "conversation_created"
  | "conversation_status_changed"
  | "conversation_updated"
  | "message_created"
  | "message_updated"
  | "conversation_typing_on"
  | "conversation_typing_off";

export interface SimulatorEvent {
  event: SimulatorEventName;
  accountId: number;
  /** The webhook body, `event` key included, exactly as Chatwoot posts it. */
  payload: Record<string, unknown>;
}
