// ConversationFinder (app/finders/conversation_finder.rb): the list, the
// counts and the message-content search behind GET conversations, /meta and
// /search, with the permission filter of
// app/services/conversations/permission_filter_service.rb.
import type { Params } from "../params.js";
import { list, present, str, toInt } from "../params.js";
import { comparator, pageOf } from "./sort.js";
import type { Store } from "./store.js";
import type { Caller, Conversation, Message } from "./types.js";

export const PER_PAGE = 25;

export interface Counts {
  mine_count: number;
  assigned_count: number;
  unassigned_count: number;
  all_count: number;
}

export interface FinderResult {
  conversations: Conversation[];
  count: Counts;
  /** With `q`: the matching messages of each conversation (the search view shows them). */
  matches: Map<Conversation, Message[]>;
}

/** Thrown for `current_account.teams.find(params[:team_id])` misses. */
export class TeamNotFound extends Error {}

const STATUSES = new Set(["open", "resolved", "pending", "snoozed"]);

export function findConversations(store: Store, caller: Caller, accountId: number, params: Params): FinderResult {
  const userId = caller.kind === "user" ? caller.user.id : -1;
  const visible = store.visibleInboxIds(caller, accountId);
  const inboxParam = params.inbox_id;
  const teamParam = params.team_id;
  let teamId: number | null = null;
  if (present(teamParam)) {
    const team = store.teams.get(toInt(teamParam));
    if (!team || team.account_id !== accountId) throw new TeamNotFound();
    teamId = team.id;
  }
  const inboxIds = present(inboxParam) ? new Set(list(inboxParam).map((v) => toInt(v)).filter((id) => visible === "all" || visible.has(id))) : null;
  const conversationType = str(params.conversation_type);
  const q = str(params.q);
  const status = str(params.status) ?? "open";
  const labels = present(params.labels) ? list(params.labels).flatMap((l) => String(l).split(",")).map((l) => l.trim()).filter(Boolean) : null;
  const sourceId = str(params.source_id);
  const needle = q !== undefined ? q.toLowerCase() : null;
  const matches = new Map<Conversation, Message[]>();

  let candidates: readonly Conversation[] = store.accountConversations(accountId);
  if (conversationType === "participating") {
    // `current_user.participating_conversations`: replaces the relation (no inbox or permission filter).
    candidates = candidates.filter((c) => c.participants.includes(userId));
  }
  const result: Conversation[] = [];
  for (const c of candidates) {
    if (conversationType !== "participating") {
      if (inboxIds && !inboxIds.has(c.inbox_id)) continue;
      if (visible !== "all" && !visible.has(c.inbox_id)) continue;
      if (conversationType === "mention" && !c.mentions.has(userId)) continue;
      if (conversationType === "unattended" && !(c.first_reply_created_at === null || c.waiting_since !== null)) continue;
    }
    if (q === undefined && status !== "all" && (c.status !== status || !STATUSES.has(status))) continue;
    if (teamId !== null && c.team_id !== teamId) continue;
    if (labels && !c.labels.some((l) => labels.includes(l))) continue;
    if (sourceId !== undefined && store.contactInboxOf(c)?.source_id !== sourceId) continue;
    if (needle !== null) {
      const hits = c.messages.filter((m) => (m.message_type === 0 || m.message_type === 1) && m.content !== null && m.content.toLowerCase().includes(needle));
      if (hits.length === 0) continue;
      matches.set(c, hits);
    }
    result.push(c);
  }

  const compare = comparator(store, str(params.sort_by));
  const updatedWithin = present(params.updated_within) ? toInt(params.updated_within) : null;
  const page = Math.max(1, toInt(params.page ?? 1));

  let mine = 0;
  let unassigned = 0;
  for (const c of result) {
    if (c.assignee_id === userId) mine++;
    if (c.assignee_id === null) unassigned++;
  }
  // With `q`, filter_by_query goes through the paginating `conversations` method, so the
  // counts are taken on the page (each at most 25, shrinking on later pages).
  const paged = q !== undefined && updatedWithin === null;
  const onPage = (total: number) => (paged ? Math.min(Math.max(total - PER_PAGE * (page - 1), 0), PER_PAGE) : total);
  const [mineCount, unassignedCount, allCount] = [onPage(mine), onPage(unassigned), onPage(result.length)];
  const count = { mine_count: mineCount, assigned_count: allCount - unassignedCount, unassigned_count: unassignedCount, all_count: allCount };

  const assigneeType = str(params.assignee_type);
  const byAssignee = (c: Conversation) =>
    assigneeType === "me" ? c.assignee_id === userId : assigneeType === "unassigned" ? c.assignee_id === null : assigneeType === "assigned" ? c.assignee_id !== null : true;
  const rows = assigneeType === "me" || assigneeType === "unassigned" || assigneeType === "assigned" ? result.filter(byAssignee) : result;
  // updated_within turns pagination off: every match updated in the window.
  const conversations = updatedWithin !== null ? rows.filter((c) => c.updated_at > store.now() - updatedWithin).sort(compare) : pageOf(rows, compare, page, PER_PAGE);
  return { conversations, count, matches };
}
