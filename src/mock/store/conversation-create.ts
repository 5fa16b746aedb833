// Creating a conversation: ContactInboxBuilder (app/builders/contact_inbox_builder.rb),
// ConversationBuilder (app/builders/conversation_builder.rb) and the create
// callbacks of app/models/conversation.rb (determine_conversation_status,
// ensure_waiting_since, conversation_created) and AssignmentHandler.
import { conversationWebhook } from "../views/webhook.js";
import type { Actor } from "./conversation-changes.js";
import { createActivityMessage } from "./messages.js";
import type { Store } from "./store.js";
import type { Contact, ContactInbox, Conversation, ConversationStatus, Inbox } from "./types.js";

/** A v4 uuid; Web Crypto where it exists (Node 20, secure browser contexts). */
export const uuid = (): string =>
  typeof globalThis.crypto?.randomUUID === "function"
    ? globalThis.crypto.randomUUID()
    : "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, (c) => ((Math.random() * 16) | (c === "x" ? 0 : 8)).toString(16).slice(-1));

/** ContactInboxBuilder#perform; throws the ParameterMissing text when a source id cannot be made. */
export function buildContactInbox(store: Store, contact: Contact, inbox: Inbox, sourceId: string | undefined, hmacVerified: boolean): ContactInbox {
  let source = sourceId;
  if (!source) {
    if (inbox.channel_type === "Channel::Email") source = contact.email ?? undefined;
    else if (inbox.channel_type === "Channel::Whatsapp") source = contact.phone_number?.replace("+", "");
    else source = uuid();
    if (!source) throw new Error(`param is missing or the value is empty: ${inbox.channel_type === "Channel::Email" ? "contact email" : "contact phone number"}`);
  }
  for (const ci of store.contactInboxes.values()) {
    if (ci.contact_id === contact.id && ci.inbox_id === inbox.id && ci.source_id === source) return ci;
  }
  const taken = [...store.contactInboxes.values()].find((ci) => ci.inbox_id === inbox.id && ci.source_id === source);
  if (taken) {
    // RecordNotUnique: channels with derived ids move the old record aside, the others fail.
    if (!["Channel::Email", "Channel::Whatsapp"].includes(inbox.channel_type)) throw new SourceIdTaken();
    taken.source_id = `${inbox.channel_type === "Channel::Whatsapp" ? "whatsapp:" : ""}${Math.floor(Math.random() * 10)}${source}`;
  }
  const now = store.now();
  const ci: ContactInbox = { id: store.nextId("contact_inboxes"), contact_id: contact.id, inbox_id: inbox.id, source_id: source, hmac_verified: hmacVerified, pubsub_token: uuid().replace(/-/g, "").slice(0, 24), created_at: now, updated_at: now };
  store.contactInboxes.set(ci.id, ci);
  return ci;
}

export class SourceIdTaken extends Error {}

export interface NewConversation {
  status?: ConversationStatus;
  additional_attributes?: Record<string, unknown>;
  custom_attributes?: Record<string, unknown>;
  snoozed_until?: number | null;
  assignee_id?: number | null;
  team_id?: number | null;
}

/** ConversationBuilder#perform: the inbox's single conversation when locked, else a new one. */
export function createConversation(store: Store, contactInbox: ContactInbox, input: NewConversation, actor: Actor | null): Conversation {
  const inbox = store.inboxes.get(contactInbox.inbox_id)!;
  const contact = store.contacts.get(contactInbox.contact_id)!;
  if (inbox.lock_to_single_conversation) {
    const existing = store.accountConversations(inbox.account_id).filter((c) => c.contact_inbox_id === contactInbox.id);
    if (existing.length > 0) return existing[existing.length - 1]!;
  }
  let status: ConversationStatus = input.status ?? "open";
  // determine_conversation_status
  if (contact.blocked) status = "resolved";
  else if (inbox.active_bot) status = "pending";
  const now = store.now();
  const conversation: Conversation = {
    id: store.nextId("conversations"),
    account_id: inbox.account_id,
    display_id: store.nextDisplayId(inbox.account_id),
    uuid: uuid(),
    inbox_id: inbox.id,
    contact_id: contact.id,
    contact_inbox_id: contactInbox.id,
    status,
    priority: null,
    assignee_id: input.assignee_id ?? null,
    assignee_agent_bot_id: null,
    team_id: input.team_id ?? null,
    campaign_id: null,
    sla_policy_id: null,
    labels: [],
    additional_attributes: input.additional_attributes ?? {},
    custom_attributes: input.custom_attributes ?? {},
    snoozed_until: status === "snoozed" ? (input.snoozed_until ?? null) : null,
    created_at: Math.floor(now),
    updated_at: now,
    last_activity_at: Math.floor(now),
    agent_last_seen_at: null,
    assignee_last_seen_at: null,
    contact_last_seen_at: null,
    first_reply_created_at: null,
    waiting_since: Math.floor(now),
    participants: [],
    mentions: new Set(),
    messages: [],
  };
  store.addConversation(conversation);
  store.emit({ event: "conversation_created", accountId: conversation.account_id, payload: { ...conversationWebhook(store, conversation), event: "conversation_created" } });
  // AssignmentHandler#process_assignment_activities runs on create too.
  if (actor?.name) {
    const team = conversation.team_id === null ? undefined : store.teams.get(conversation.team_id);
    const assignee = conversation.assignee_id === null ? undefined : store.users.get(conversation.assignee_id);
    if (team) createActivityMessage(store, conversation, assignee ? `Assigned to ${assignee.name} via ${team.name} by ${actor.name}` : `Assigned to ${team.name} by ${actor.name}`);
    else if (assignee) createActivityMessage(store, conversation, actor.userId === assignee.id ? `${actor.name} self-assigned this conversation` : `Assigned to ${assignee.name} by ${actor.name}`);
  }
  return conversation;
}
