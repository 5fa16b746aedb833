// Creating and changing messages with Message's callbacks (app/models/message.rb):
// reopening the conversation, last activity, first reply / waiting_since,
// mentions, and the message_created / message_updated events (webhook_listener.rb:
// only incoming, outgoing and template messages are sent; activity never).
import { messageWebhook } from "../views/webhook.js";
import { saveConversation, type Actor } from "./conversation-changes.js";
import type { Store } from "./store.js";
import type { Attachment, Conversation, Message, MessageType } from "./types.js";

export type NewMessage = Partial<Omit<Message, "id" | "account_id" | "inbox_id" | "conversation_id" | "attachments">> & {
  message_type: MessageType;
  attachments?: Omit<Attachment, "id" | "message_id" | "account_id">[];
};

const webhookSendable = (m: Message) => m.message_type !== 2;

/** Builds and saves a message, then runs execute_after_create_commit_callbacks. */
export function createMessage(store: Store, conversation: Conversation, input: NewMessage, actor: Actor | null): Message {
  const now = input.created_at ?? store.now();
  const id = store.nextId("messages");
  const message: Message = {
    id,
    account_id: conversation.account_id,
    inbox_id: conversation.inbox_id,
    conversation_id: conversation.id,
    message_type: input.message_type,
    content: input.content ?? null,
    content_type: input.content_type ?? "text",
    status: input.status ?? "sent",
    content_attributes: input.content_attributes ?? {},
    additional_attributes: input.additional_attributes ?? {},
    private: input.private ?? false,
    source_id: input.source_id ?? null,
    sender_type: input.sender_type ?? null,
    sender_id: input.sender_id ?? null,
    external_source_ids: {},
    processed_message_content: input.content ?? null,
    sentiment: {},
    created_at: now,
    updated_at: now,
    echo_id: input.echo_id ?? null,
    attachments: [],
  };
  for (const a of input.attachments ?? []) message.attachments.push({ ...a, id: store.nextId("attachments"), message_id: id, account_id: conversation.account_id });
  conversation.messages.push(message);
  store.messages.set(id, message);
  afterCreate(store, conversation, message, actor);
  return message;
}

/** Conversations::ActivityMessageJob: an activity message (type 2), no sender, no webhook. */
export function createActivityMessage(store: Store, conversation: Conversation, content: string): Message {
  return createMessage(store, conversation, { message_type: 2, content }, null);
}

function afterCreate(store: Store, conversation: Conversation, message: Message, actor: Actor | null) {
  const contact = store.contactOf(conversation);
  // reopen_conversation: an incoming message reopens (not when muted).
  if (message.message_type === 0 && !contact.blocked) {
    if (conversation.status === "snoozed") saveConversation(store, conversation, { status: "open" }, actor);
    else if (conversation.status === "resolved") {
      const inbox = store.inboxOf(conversation);
      const status = inbox.active_bot ? "pending" : "open";
      // reopened_by_contact? in an API inbox: Current.executed_by = the contact.
      const byContact = inbox.channel_type === "Channel::Api" && !message.private && message.sender_type === "Contact";
      saveConversation(store, conversation, { status }, byContact ? { userId: null, name: null, byContact } : actor);
    }
  }
  // set_conversation_activity (update_columns: no events)
  conversation.last_activity_at = message.created_at;
  conversation.updated_at = store.now();
  if (message.private && message.content) {
    // Messages::MentionService: mention://user/<id>/<name> links in a private note
    for (const match of message.content.matchAll(/mention:\/\/user\/(\d+)\//g)) conversation.mentions.add(Number(match[1]));
  }
  if (webhookSendable(message)) {
    store.emit({ event: "message_created", accountId: conversation.account_id, payload: { ...messageWebhook(store, message, conversation), event: "message_created" } });
  }
  if (validFirstReply(conversation, message)) {
    saveConversation(store, conversation, { first_reply_created_at: message.created_at, waiting_since: null }, actor);
  } else if (message.message_type !== 2) {
    updateWaitingSince(store, conversation, message, actor);
  }
  if (message.sender_type === "Contact") contact.last_activity_at = store.now();
}

const humanResponse = (m: Message) => m.message_type === 1 && m.sender_type === "User" && !m.content_attributes.automation_rule_id && !m.additional_attributes.campaign_id;

/** Message#valid_first_reply? */
function validFirstReply(conversation: Conversation, message: Message): boolean {
  if (!humanResponse(message) || message.private) return false;
  if (conversation.first_reply_created_at !== null) return false;
  const humanReplies = conversation.messages.filter((m) => m.message_type === 1 && m.sender_type !== "AgentBot" && !m.private && !m.additional_attributes.campaign_id);
  return humanReplies.length <= 1;
}

/** Message#update_waiting_since */
function updateWaitingSince(store: Store, conversation: Conversation, message: Message, actor: Actor | null) {
  if (conversation.waiting_since !== null && !message.private) {
    const botResponse = message.message_type === 1 && message.sender_type === "AgentBot";
    if (humanResponse(message) || botResponse) saveConversation(store, conversation, { waiting_since: null }, actor);
  }
  if (message.message_type === 0 && conversation.waiting_since === null) saveConversation(store, conversation, { waiting_since: message.created_at }, actor);
}

/** `message.update!`: saves the changed columns and fires message_updated when something changed. */
export function updateMessage(store: Store, conversation: Conversation, message: Message, changes: Partial<Message>): boolean {
  let changed = false;
  for (const [key, value] of Object.entries(changes)) {
    const k = key as keyof Message;
    if (JSON.stringify(message[k]) === JSON.stringify(value)) continue;
    (message as unknown as Record<string, unknown>)[k] = value;
    changed = true;
  }
  if (!changed) return false;
  message.updated_at = store.now();
  if (webhookSendable(message)) {
    store.emit({ event: "message_updated", accountId: conversation.account_id, payload: { ...messageWebhook(store, message, conversation), event: "message_updated" } });
  }
  return true;
}
