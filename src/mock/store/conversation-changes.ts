// Saving a conversation as Chatwoot's model callbacks do (app/models/conversation.rb,
// app/models/concerns/assignment_handler.rb, activity_message_handler.rb and
// friends): before-save rules, the activity messages, and the webhook-worthy
// events conversation_status_changed / conversation_updated with
// `changed_attributes` (app/listeners/base_listener.rb, webhook_listener.rb).
import { conversationWebhook } from "../views/webhook.js";
import { iso } from "../views/time.js";
import { createActivityMessage } from "./messages.js";
import type { Store } from "./store.js";
import type { Conversation } from "./types.js";

/** The columns a caller may change through saveConversation. */
export type ConversationChanges = Partial<
  Pick<
    Conversation,
    | "status"
    | "priority"
    | "assignee_id"
    | "assignee_agent_bot_id"
    | "team_id"
    | "labels"
    | "custom_attributes"
    | "additional_attributes"
    | "snoozed_until"
    | "waiting_since"
    | "first_reply_created_at"
  >
>;

/** Who acts: names the activity messages ("… by Amelia Hart"); null for the system. */
export interface Actor {
  userId: number | null;
  name: string | null;
  /** Current.executed_by is the contact: a reopen by its incoming message reads as the system's. */
  byContact?: boolean;
}

const WATCHED = ["team_id", "assignee_id", "assignee_agent_bot_id", "status", "snoozed_until", "custom_attributes", "label_list", "waiting_since", "first_reply_created_at", "priority"];
const TIME_COLUMNS = new Set(["snoozed_until", "waiting_since", "first_reply_created_at", "updated_at"]);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** How Rails writes a previous/current value in changed_attributes. */
function changeValue(column: string, value: unknown): unknown {
  if (TIME_COLUMNS.has(column) && typeof value === "number") return iso(value);
  return value;
}

/**
 * Applies the changes like `conversation.update!` and runs the after-commit
 * callbacks. Returns the names of the columns that changed.
 */
export function saveConversation(store: Store, conversation: Conversation, input: ConversationChanges, actor: Actor | null): string[] {
  const next: ConversationChanges = { ...input };
  // before_validation reset_agent_bot_when_assignee_present
  const assigneeId = next.assignee_id !== undefined ? next.assignee_id : conversation.assignee_id;
  if (assigneeId !== null) next.assignee_agent_bot_id = null;
  // AssignmentHandler#ensure_assignee_is_from_team: a new team drops an assignee who is not in it.
  if (next.team_id !== undefined && next.team_id !== conversation.team_id && next.team_id !== null && assigneeId !== null) {
    const team = store.teams.get(next.team_id);
    if (team && !team.members.has(assigneeId)) next.assignee_id = null;
  }
  // before_save ensure_snooze_until_reset
  if ((next.status ?? conversation.status) !== "snoozed") next.snoozed_until = null;

  const previous: Record<string, [unknown, unknown]> = {};
  for (const [key, value] of Object.entries(next) as [keyof ConversationChanges, unknown][]) {
    const before = conversation[key];
    if (same(before, value)) continue;
    const column = key === "labels" ? "label_list" : key;
    previous[column] = [changeValue(column, before), changeValue(column, value)];
    if (key === "labels") previous.cached_label_list = [(before as string[]).join(", "), (value as string[]).join(", ")];
    (conversation as unknown as Record<string, unknown>)[key] = value;
  }
  const changed = Object.keys(previous);
  if (changed.length === 0) return changed;
  const before = conversation.updated_at;
  conversation.updated_at = store.now();
  previous.updated_at = [iso(before), iso(conversation.updated_at)];

  // handle_resolved_status_change (update_column: no further events)
  if (previous.status && conversation.status === "resolved") conversation.waiting_since = null;
  createActivities(store, conversation, previous, actor);
  dispatch(store, conversation, previous);
  return changed;
}

function dispatch(store: Store, conversation: Conversation, previous: Record<string, [unknown, unknown]>) {
  const changedAttributes = Object.entries(previous).map(([k, [p, c]]) => ({ [k]: { previous_value: p, current_value: c } }));
  if (previous.status) {
    // Fed `status_change`, which Rails has cleared after the save: always null.
    store.emit({ event: "conversation_status_changed", accountId: conversation.account_id, payload: { ...conversationWebhook(store, conversation), event: "conversation_status_changed", changed_attributes: null } });
  }
  const language = previous.additional_attributes && !same((previous.additional_attributes[0] as Record<string, unknown>)?.conversation_language, (previous.additional_attributes[1] as Record<string, unknown>)?.conversation_language);
  if (WATCHED.some((k) => k in previous) || language) {
    store.emit({ event: "conversation_updated", accountId: conversation.account_id, payload: { ...conversationWebhook(store, conversation), event: "conversation_updated", changed_attributes: changedAttributes } });
  }
}

const STATUS_TEXT: Record<string, string> = {
  resolved: "Conversation was marked resolved by %{user_name}",
  open: "Conversation was reopened by %{user_name}",
  pending: "Conversation was marked as pending by %{user_name}",
  snoozed: "Conversation was snoozed by %{user_name}",
};

const fill = (text: string, values: Record<string, string>) => text.replace(/%\{(\w+)\}/g, (_, k: string) => values[k] ?? "");

/** The activity messages of ActivityMessageHandler, AssignmentHandler and friends (config/locales/en.yml texts). */
function createActivities(store: Store, conversation: Conversation, previous: Record<string, [unknown, unknown]>, actor: Actor | null) {
  if (actor?.byContact && previous.status && conversation.status === "open") {
    createActivityMessage(store, conversation, "System reopened the conversation due to a new incoming message.");
    return;
  }
  const userName = actor?.name ?? null;
  if (!userName) return; // the system acting (no Current.user): no activity text for these changes
  if (previous.status) createActivityMessage(store, conversation, fill(STATUS_TEXT[conversation.status]!, { user_name: userName }));
  if (previous.priority) {
    const [old, now] = previous.priority as [string | null, string | null];
    const text = old && now ? `${userName} changed the priority from ${old} to ${now}` : now ? `${userName} set the priority to ${now}` : `${userName} removed the priority`;
    createActivityMessage(store, conversation, text);
  }
  if (previous.label_list) {
    const [old, now] = previous.label_list as [string[], string[]];
    const added = now.filter((l) => !old.includes(l));
    const removed = old.filter((l) => !now.includes(l));
    if (added.length) createActivityMessage(store, conversation, `${userName} added ${added.join(", ")}`);
    if (removed.length) createActivityMessage(store, conversation, `${userName} removed ${removed.join(", ")}`);
  }
  if (previous.team_id) {
    const team = conversation.team_id === null ? undefined : store.teams.get(conversation.team_id);
    const assignee = conversation.assignee_id === null ? undefined : store.users.get(conversation.assignee_id);
    const oldTeam = store.teams.get(previous.team_id[0] as number);
    const text = team
      ? previous.assignee_id && assignee
        ? `Assigned to ${assignee.name} via ${team.name} by ${userName}`
        : `Assigned to ${team.name} by ${userName}`
      : `Unassigned from ${oldTeam?.name ?? ""} by ${userName}`;
    createActivityMessage(store, conversation, text);
  } else if (previous.assignee_id) {
    const assignee = conversation.assignee_id === null ? undefined : store.users.get(conversation.assignee_id);
    const text = !assignee
      ? `Conversation unassigned by ${userName}`
      : actor?.userId === assignee.id
        ? `${userName} self-assigned this conversation`
        : `Assigned to ${assignee.name} by ${userName}`;
    createActivityMessage(store, conversation, text);
  }
}
