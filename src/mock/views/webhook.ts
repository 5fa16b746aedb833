// Webhook bodies as Chatwoot builds them:
// - conversation: Conversations::EventDataPresenter#webhook_data
//   (app/presenters/conversations/event_data_presenter.rb)
// - message: Message#webhook_data (app/models/message.rb)
// - typing: WebhookListener#handle_typing_status (app/listeners/webhook_listener.rb)
import type { Store } from "../store/store.js";
import type { Caller, Contact, Conversation, Message } from "../store/types.js";
import { MESSAGE_TYPES } from "../store/types.js";
import { lastMessage, canReply } from "./conversation.js";
import { attachmentPush, messagePush } from "./message.js";
import { accountWebhook, botPush, botWebhook, contactPush, contactWebhook, userPush, userWebhook } from "./people.js";
import { iso, isoOrNull, toI } from "./time.js";

/** Messages::WebhookContentNormalizer: markdown hard breaks become newlines, trailing newlines go. */
export function normalizeContent(content: string | null): string | null {
  if (content === null) return null;
  return content.replace(/ {2,}\n|\\\n/g, "\n").replace(/\n+$/, "");
}

/** The contact_inbox record as `as_json` writes it. */
function contactInboxRecord(store: Store, conversation: Conversation) {
  const ci = store.contactInboxOf(conversation);
  if (!ci) return null;
  return {
    id: ci.id,
    contact_id: ci.contact_id,
    inbox_id: ci.inbox_id,
    source_id: ci.source_id,
    created_at: iso(ci.created_at),
    updated_at: iso(ci.updated_at),
    hmac_verified: ci.hmac_verified,
    pubsub_token: ci.pubsub_token,
  };
}

export function conversationWebhook(store: Store, conversation: Conversation): Record<string, unknown> {
  const bot = conversation.assignee_agent_bot_id === null ? undefined : store.bots.get(conversation.assignee_agent_bot_id);
  const user = conversation.assignee_id === null ? undefined : store.users.get(conversation.assignee_id);
  const team = conversation.team_id === null ? undefined : store.teams.get(conversation.team_id);
  // `chat` scope: neither activity nor private.
  const lastChat = lastMessage(conversation, (m) => m.message_type !== 2 && !m.private);
  return {
    additional_attributes: conversation.additional_attributes,
    can_reply: canReply(store, conversation),
    channel: store.inboxOf(conversation).channel_type,
    contact_inbox: contactInboxRecord(store, conversation),
    id: conversation.display_id,
    inbox_id: conversation.inbox_id,
    messages: lastChat ? [webhookPushMessage(store, lastChat, conversation)] : [],
    labels: conversation.labels,
    meta: {
      sender: contactPush(store.contactOf(conversation)),
      assignee: bot ? botPush(bot) : user ? userPush(user) : null,
      assignee_type: bot ? "AgentBot" : user ? "User" : null,
      team: team ? { id: team.id, name: team.name } : null,
      hmac_verified: store.contactInboxOf(conversation)?.hmac_verified ?? null,
    },
    status: conversation.status,
    custom_attributes: conversation.custom_attributes,
    snoozed_until: isoOrNull(conversation.snoozed_until),
    unread_count: store.unreadCount(conversation),
    first_reply_created_at: isoOrNull(conversation.first_reply_created_at),
    priority: conversation.priority,
    waiting_since: toI(conversation.waiting_since),
    agent_last_seen_at: toI(conversation.agent_last_seen_at),
    contact_last_seen_at: toI(conversation.contact_last_seen_at),
    last_activity_at: toI(conversation.last_activity_at),
    timestamp: toI(conversation.last_activity_at),
    created_at: toI(conversation.created_at),
    updated_at: conversation.updated_at,
    account: accountWebhook(store, conversation.account_id),
  };
}

/** Message#webhook_push_event_data: push data with the text normalized. */
function webhookPushMessage(store: Store, message: Message, conversation: Conversation) {
  return {
    ...messagePush(store, message, conversation),
    content: normalizeContent(message.content),
    processed_message_content: normalizeContent(message.processed_message_content),
  };
}

function senderWebhook(store: Store, message: Message) {
  if (message.sender_id === null) return null;
  if (message.sender_type === "User") {
    const user = store.users.get(message.sender_id);
    return user ? userWebhook(user) : null;
  }
  if (message.sender_type === "Contact") {
    const contact = store.contacts.get(message.sender_id);
    return contact ? contactWebhook(store, contact) : null;
  }
  const bot = store.bots.get(message.sender_id);
  return bot ? botWebhook(bot) : null;
}

export function messageWebhook(store: Store, message: Message, conversation: Conversation): Record<string, unknown> {
  const inbox = store.inboxOf(conversation);
  return {
    account: accountWebhook(store, message.account_id),
    additional_attributes: message.additional_attributes,
    content_attributes: message.content_attributes,
    content_type: message.content_type,
    content: message.content,
    conversation: conversationWebhook(store, conversation),
    created_at: iso(message.created_at),
    id: message.id,
    inbox: { id: inbox.id, name: inbox.name },
    message_type: MESSAGE_TYPES[message.message_type],
    private: message.private,
    sender: senderWebhook(store, message),
    source_id: message.source_id,
    ...(message.attachments.length > 0 ? { attachments: message.attachments.map(attachmentPush) } : {}),
  };
}

/** The typing payload; `user` is the caller (a user or a bot) or the contact. */
export function typingWebhook(store: Store, conversation: Conversation, who: Caller | Contact, isPrivate: boolean) {
  const user = "kind" in who ? (who.kind === "user" ? userWebhook(who.user) : botWebhook(who.bot)) : contactWebhook(store, who);
  return { user, conversation: conversationWebhook(store, conversation), is_private: isPrivate };
}
