// Conversation actions that are more than a column update: mute/unmute
// (app/models/concerns/conversation_mute_helpers.rb), typing
// (app/services/conversations/typing_status_manager.rb), read state
// (ConversationsController#update_last_seen / #unread) and deletion.
import { typingWebhook } from "../views/webhook.js";
import { saveConversation, type Actor } from "./conversation-changes.js";
import { createActivityMessage } from "./messages.js";
import type { Store } from "./store.js";
import type { Caller, Conversation } from "./types.js";

/** Conversation#mute!: resolves, blocks the contact, "… has muted the conversation". */
export function muteConversation(store: Store, conversation: Conversation, actor: Actor): void {
  saveConversation(store, conversation, { status: "resolved" }, actor);
  store.contactOf(conversation).blocked = true;
  if (actor.name) createActivityMessage(store, conversation, `${actor.name} has muted the conversation`);
}

/** Conversation#unmute!: unblocks the contact (status unchanged). */
export function unmuteConversation(store: Store, conversation: Conversation, actor: Actor): void {
  store.contactOf(conversation).blocked = false;
  if (actor.name) createActivityMessage(store, conversation, `${actor.name} has unmuted the conversation`);
}

/** TypingStatusManager#toggle_typing_status: "on"/"off" fire an event; other values nothing. */
export function toggleTyping(store: Store, conversation: Conversation, caller: Caller, status: unknown, isPrivate: unknown): void {
  if (status !== "on" && status !== "off") return;
  const event = status === "on" ? "conversation_typing_on" : "conversation_typing_off";
  const flag = isPrivate === undefined || isPrivate === null || isPrivate === false ? false : isPrivate;
  store.emit({ event, accountId: conversation.account_id, payload: { event, ...typingWebhook(store, conversation, caller, flag as boolean) } });
}

/** update_last_seen_on_conversation: update_columns, so no events. */
function setLastSeen(conversation: Conversation, at: number | null, assigneeToo: boolean) {
  conversation.agent_last_seen_at = at;
  if (assigneeToo) conversation.assignee_last_seen_at = at;
}

/** ConversationsController#update_last_seen, with its one-hour throttle when nothing is unread. */
export function markRead(store: Store, conversation: Conversation, caller: Caller): void {
  const now = store.now();
  const isAssignee = caller.kind === "user" && conversation.assignee_id === caller.user.id;
  const since = (t: number | null) => conversation.messages.some((m) => t === null || m.created_at > t);
  if (isAssignee && since(conversation.assignee_last_seen_at)) return setLastSeen(conversation, now, true);
  if (!isAssignee && since(conversation.agent_last_seen_at)) return setLastSeen(conversation, now, false);
  const stale = (t: number | null) => t === null || t < now - 3600;
  const needed = stale(conversation.agent_last_seen_at) || (isAssignee && stale(conversation.assignee_last_seen_at));
  if (needed) setLastSeen(conversation, now, isAssignee);
}

/** ConversationsController#unread: one second before the last incoming message, or nil. */
export function markUnread(conversation: Conversation): void {
  const incoming = conversation.messages.filter((m) => m.message_type === 0 && m.account_id === conversation.account_id);
  const last = incoming[incoming.length - 1];
  setLastSeen(conversation, last ? last.created_at - 1 : null, true);
}

/** Conversations::DeleteService: the job that destroys it runs at once here. */
export function deleteConversation(store: Store, conversation: Conversation): void {
  store.removeConversation(conversation);
}
