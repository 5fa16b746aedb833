// Webhook payloads shaped as Chatwoot 4.15.1 builds them, and signed as
// lib/webhooks/trigger.rb signs them, with node:crypto (an implementation
// independent of the WebCrypto code under test).
// Shapes: app/presenters/conversations/event_data_presenter.rb (webhook_data),
// app/models/message.rb (webhook_data, push_event_data), app/models/contact.rb,
// app/models/user.rb, app/listeners/webhook_listener.rb.
import { createHmac } from "node:crypto";

const account = { id: 1, name: "Acme Support" };
const contact = {
  additional_attributes: { city: "Lisbon" },
  custom_attributes: {},
  email: "maria@example.com",
  id: 42,
  identifier: null,
  name: "María <Ops> & Co",
  phone_number: "+351912345678",
  thumbnail: "",
  blocked: false,
  type: "contact",
};
const agent = { id: 3, name: "Ana", available_name: "Ana", avatar_url: "", type: "user", availability_status: "online", thumbnail: "" };

/** ConversationPayload: Conversations::EventDataPresenter#webhook_data. */
export function conversationPayload(status = "open") {
  return {
    additional_attributes: {},
    can_reply: true,
    channel: "Channel::Api",
    contact_inbox: {
      id: 17, contact_id: 42, inbox_id: 2, source_id: "c0ffee-17", created_at: "2026-11-27T09:00:00.000Z",
      updated_at: "2026-11-27T09:00:00.000Z", hmac_verified: false, pubsub_token: "pst-17",
    },
    id: 1234,
    inbox_id: 2,
    messages: [
      {
        id: 987, content: "Order #5 arrived broken 😞 <see photo>", account_id: 1, inbox_id: 2, conversation_id: 1234,
        message_type: 0, created_at: 1764316800, updated_at: "2026-11-28T08:00:00.000Z", private: false, status: "sent",
        source_id: null, content_type: "text", content_attributes: {}, sender_type: "Contact", sender_id: 42,
        external_source_ids: {}, additional_attributes: {}, processed_message_content: "Order #5 arrived broken 😞 <see photo>",
        sentiment: {}, conversation: { assignee_id: 3, unread_count: 1, last_activity_at: 1764316800, contact_inbox: { source_id: "c0ffee-17" } },
        sender: contact,
      },
    ],
    labels: ["billing"],
    meta: { sender: contact, assignee: agent, assignee_type: "User", team: null, hmac_verified: false },
    status,
    custom_attributes: {},
    snoozed_until: null,
    unread_count: 1,
    first_reply_created_at: null,
    priority: null,
    waiting_since: 1764316800,
    agent_last_seen_at: 0,
    contact_last_seen_at: 0,
    last_activity_at: 1764316800,
    timestamp: 1764316800,
    created_at: 1764230400,
    updated_at: 1764316800.123456,
    account,
  };
}

/** message_created: Message#webhook_data merged with the event name. */
export function messageCreated() {
  return {
    account,
    additional_attributes: {},
    content_attributes: {},
    content_type: "text",
    content: "Order #5 arrived broken 😞 <see photo>",
    conversation: conversationPayload(),
    created_at: "2026-11-28T08:00:00.000Z",
    id: 987,
    inbox: { id: 2, name: "API inbox" },
    message_type: "incoming",
    private: false,
    sender: { account, additional_attributes: {}, avatar: "", custom_attributes: {}, email: "maria@example.com", id: 42, identifier: null, name: "María <Ops> & Co", phone_number: "+351912345678", thumbnail: "", blocked: false },
    source_id: null,
    event: "message_created",
  };
}

/** conversation_status_changed: changed_attributes arrives as null (base_listener.rb, status_change already cleared). */
export function conversationStatusChanged() {
  return { ...conversationPayload("resolved"), event: "conversation_status_changed", changed_attributes: null };
}

/** conversation_typing_on: WebhookListener#handle_typing_status. */
export function typingOn() {
  return { event: "conversation_typing_on", user: { id: 3, name: "Ana", email: "ana@acme.test", type: "user" }, conversation: conversationPayload(), is_private: false };
}

/**
 * What Ruby's `payload.to_json` writes in a Rails app: JSON with `<`, `>`, `&`,
 * U+2028 and U+2029 escaped (ActiveSupport's escape_html_entities_in_json), so
 * `JSON.stringify(JSON.parse(body))` is NOT the same bytes.
 */
export function railsToJson(payload: unknown): string {
  return JSON.stringify(payload).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The headers Webhooks::Trigger#request_headers sends. */
export function signLikeTrigger(secret: string, body: string, timestamp: number, deliveryId = "5f0e9a4c-1b7e-4d8f-9a63-2c1e0b7d4f10") {
  const ts = String(timestamp);
  return {
    "Content-Type": "application/json",
    Accept: "application/json",
    "X-Chatwoot-Delivery": deliveryId,
    "X-Chatwoot-Timestamp": ts,
    "X-Chatwoot-Signature": `sha256=${createHmac("sha256", secret).update(`${ts}.${body}`).digest("hex")}`,
  };
}

/** A secret as has_secure_token makes them (24 base58 characters). */
export const SECRET = "x9KqT3vWmZ7pRb2LcN8sYf4H";
