// ConversationFinder::SORT_OPTIONS and the scopes behind them
// (app/finders/conversation_finder.rb, app/models/concerns/sort_handler.rb,
// Conversation.sort_on_unread in app/models/conversation.rb). Unknown values
// fall back to last_activity_at_desc. Ties break on the newest id, which
// Postgres leaves undefined.
import type { Store } from "./store.js";
import type { Conversation } from "./types.js";

type Compare = (a: Conversation, b: Conversation) => number;

const PRIORITY_RANK = { low: 0, medium: 1, high: 2, urgent: 3 } as const;
const priority = (c: Conversation) => (c.priority === null ? null : PRIORITY_RANK[c.priority]);

const byNumber = (get: (c: Conversation) => number, dir: 1 | -1): Compare => (a, b) => (get(a) - get(b)) * dir;
/** `x DIR NULLS LAST` */
const nullsLast = (get: (c: Conversation) => number | null, dir: 1 | -1): Compare => (a, b) => {
  const x = get(a);
  const y = get(b);
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  return (x - y) * dir;
};
const chain = (...compares: Compare[]): Compare => (a, b) => {
  for (const compare of compares) {
    const r = compare(a, b);
    if (r !== 0) return r;
  }
  return b.id - a.id;
};

const lastActivity = (dir: 1 | -1) => byNumber((c) => c.last_activity_at, dir);
const createdAt = (dir: 1 | -1) => byNumber((c) => c.created_at, dir);
const byPriority = (dir: 1 | -1) => chain(nullsLast(priority, dir), lastActivity(-1));
const byPriorityCreatedAt = chain(nullsLast(priority, -1), createdAt(1));
/** `(waiting_since IS NULL), waiting_since DIR, created_at ASC` */
const byWaitingSince = (dir: 1 | -1) => chain(nullsLast((c) => c.waiting_since, dir), createdAt(1));

/** Incoming messages newer than agent_last_seen_at (not capped, unlike unread_count). */
function unreadMessages(c: Conversation): number {
  let n = 0;
  for (const m of c.messages) if (m.message_type === 0 && (c.agent_last_seen_at === null || m.created_at > c.agent_last_seen_at)) n++;
  return n;
}

const SORTS: Record<string, (store: Store) => Compare> = {
  last_activity_at_asc: () => chain(lastActivity(1)),
  last_activity_at_desc: () => chain(lastActivity(-1)),
  created_at_asc: () => chain(createdAt(1)),
  created_at_desc: () => chain(createdAt(-1)),
  priority_asc: () => byPriority(1),
  priority_desc: () => byPriority(-1),
  waiting_since_asc: () => byWaitingSince(1),
  waiting_since_desc: () => byWaitingSince(-1),
  priority_desc_created_at_asc: () => byPriorityCreatedAt,
  unread: () => {
    const cache = new Map<Conversation, number>();
    const unread = (c: Conversation) => cache.get(c) ?? (cache.set(c, unreadMessages(c)), cache.get(c)!);
    return chain(byNumber(unread, -1), lastActivity(-1));
  },
  // "To be removed in v3.5.0", still there in 4.15.1
  latest: () => chain(lastActivity(-1)),
  sort_on_created_at: () => chain(createdAt(1)),
  sort_on_priority: () => byPriority(-1),
  sort_on_waiting_since: () => byWaitingSince(1),
};

export function comparator(store: Store, sortBy: string | undefined): Compare {
  const make = (sortBy !== undefined && Object.hasOwn(SORTS, sortBy) ? SORTS[sortBy] : SORTS.last_activity_at_desc)!;
  return make(store);
}

export function sortConversations(store: Store, rows: Conversation[], sortBy: string | undefined): Conversation[] {
  return rows.sort(comparator(store, sortBy));
}

/**
 * One page of `rows` in `compare` order without sorting them all: keeps the
 * first page·per rows in a sorted buffer (most rows lose against its last
 * entry at once), so a page of 25 out of 10,000 costs about one comparison per row.
 */
export function pageOf(rows: readonly Conversation[], compare: Compare, page: number, per: number): Conversation[] {
  const keep = page * per;
  if (keep >= rows.length / 4) return [...rows].sort(compare).slice(keep - per, keep);
  const top: Conversation[] = [];
  for (const row of rows) {
    if (top.length === keep && compare(row, top[keep - 1]!) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(top[mid]!, row) <= 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, row);
    if (top.length > keep) top.pop();
  }
  return top.slice(keep - per, keep);
}
