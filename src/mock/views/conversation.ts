// The Conversation object: app/views/api/v1/conversations/partials/_conversation.json.jbuilder
// (every endpoint that returns a conversation), and the slim one of the
// message search, app/views/api/v1/models/_conversation.json.jbuilder.
import type { Store } from "../store/store.js";
import type { Caller, Conversation, Message } from "../store/types.js";
import { messagePush } from "./message.js";
import { agentView, botSlim, contactView, teamView } from "./people.js";
import { iso, toI } from "./time.js";

const REPLY_WINDOWS: Record<string, number> = { "Channel::Whatsapp": 24 * 3600, "Channel::Tiktok": 48 * 3600 };

/** Conversations::MessageWindowService#can_reply? (channels with a reply window). */
export function canReply(store: Store, conversation: Conversation): boolean {
  const window = REPLY_WINDOWS[store.inboxOf(conversation).channel_type];
  if (window === undefined) return true;
  const lastIncoming = lastMessage(conversation, (m) => m.message_type === 0);
  return lastIncoming !== undefined && store.now() < lastIncoming.created_at + window;
}

export function lastMessage(conversation: Conversation, match: (m: Message) => boolean = () => true): Message | undefined {
  const list = conversation.messages;
  for (let i = list.length - 1; i >= 0; i--) if (match(list[i]!)) return list[i];
  return undefined;
}

/** `meta` of the partial: sender, channel, assignee (+type) when assigned, team when set. */
function meta(store: Store, conversation: Conversation, caller: Caller | null) {
  const bot = conversation.assignee_agent_bot_id === null ? undefined : store.bots.get(conversation.assignee_agent_bot_id);
  const user = conversation.assignee_id === null ? undefined : store.users.get(conversation.assignee_id);
  const team = conversation.team_id === null ? undefined : store.teams.get(conversation.team_id);
  const callerId = caller?.kind === "user" ? caller.user.id : null;
  return {
    sender: contactView(store.contactOf(conversation)),
    channel: store.inboxOf(conversation).channel_type,
    ...(bot
      ? { assignee: botSlim(bot), assignee_type: "AgentBot" }
      : user
        ? { assignee: agentView(user, conversation.account_id), assignee_type: "User" }
        : {}),
    ...(team ? { team: teamView(team, callerId) } : {}),
    hmac_verified: store.contactInboxOf(conversation)?.hmac_verified ?? null,
  };
}

/** api/v1/conversations/partials/_conversation.json.jbuilder */
export function conversationView(store: Store, conversation: Conversation, caller: Caller | null) {
  const last = lastMessage(conversation);
  const lastNonActivity = lastMessage(conversation, (m) => m.message_type !== 2);
  return {
    meta: meta(store, conversation, caller),
    id: conversation.display_id,
    messages: last ? [messagePush(store, last, conversation)] : [],
    account_id: conversation.account_id,
    uuid: conversation.uuid,
    additional_attributes: conversation.additional_attributes,
    agent_last_seen_at: toI(conversation.agent_last_seen_at),
    assignee_last_seen_at: toI(conversation.assignee_last_seen_at),
    can_reply: canReply(store, conversation),
    contact_last_seen_at: toI(conversation.contact_last_seen_at),
    custom_attributes: conversation.custom_attributes,
    inbox_id: conversation.inbox_id,
    labels: conversation.labels,
    muted: store.contactOf(conversation).blocked,
    snoozed_until: conversation.snoozed_until === null ? null : iso(conversation.snoozed_until),
    status: conversation.status,
    created_at: toI(conversation.created_at),
    updated_at: conversation.updated_at,
    timestamp: toI(conversation.last_activity_at),
    first_reply_created_at: toI(conversation.first_reply_created_at),
    unread_count: store.unreadCount(conversation),
    last_non_activity_message: lastNonActivity ? messagePush(store, lastNonActivity, conversation) : null,
    last_activity_at: toI(conversation.last_activity_at),
    priority: conversation.priority,
    waiting_since: toI(conversation.waiting_since),
    sla_policy_id: conversation.sla_policy_id,
  };
}

/** api/v1/models/_conversation.json.jbuilder: the message search's item, `messages` = the matches. */
export function conversationSearchItem(store: Store, conversation: Conversation, matches: Message[]) {
  const contact = store.contactOf(conversation);
  const inbox = store.inboxOf(conversation);
  return {
    id: conversation.display_id,
    uuid: conversation.uuid,
    created_at: toI(conversation.created_at),
    contact: { id: contact.id, name: contact.name },
    inbox: { id: inbox.id, name: inbox.name, channel_type: inbox.channel_type },
    messages: matches.map((m) => {
      const name = senderName(store, m);
      return {
        content: m.content,
        id: m.id,
        ...(name !== undefined ? { sender_name: name } : {}),
        message_type: m.message_type,
        created_at: toI(m.created_at),
      };
    }),
    account_id: conversation.account_id,
  };
}

function senderName(store: Store, m: Message): string | undefined {
  if (m.sender_id === null) return undefined;
  const sender = m.sender_type === "User" ? store.users.get(m.sender_id) : m.sender_type === "Contact" ? store.contacts.get(m.sender_id) : store.bots.get(m.sender_id);
  return sender?.name;
}
