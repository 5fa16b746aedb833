// Validation and wire mapping of the conversation list filters.
import {
  assigneeTypeFilterValues,
  conversationSortByValues,
  conversationStatusFilterValues,
  conversationTypeValues,
} from "./generated/schema.js";
import type { AssigneeTypeFilter, ConversationSortBy, ConversationStatusFilter, ConversationType } from "./types.js";
import { labelList, optionalOneOf, optionalPositiveId, plainObject, queryString } from "./validate.js";

/** Filters of the conversation list, with the spec's wire names (`labels` is sent as `labels[]`). */
export interface ConversationFilters {
  /** Default `open`; ignored by the server when `q` is given. */
  status?: ConversationStatusFilter;
  /** Filters the payload only, never the counts. */
  assignee_type?: AssigneeTypeFilter;
  inbox_id?: number;
  team_id?: number;
  /** Conversations with ANY of these labels. */
  labels?: string[];
  /** Text contained in a message. */
  q?: string;
  conversation_type?: ConversationType;
  source_id?: string;
}

export interface ListConversationsParams extends ConversationFilters {
  /** Page number from 1; 25 conversations per page. */
  page?: number;
  sort_by?: ConversationSortBy;
  /** Seconds; the server then returns every match at once (no pages). */
  updated_within?: number;
}

export function filtersQuery(params: ConversationFilters) {
  plainObject("params", params);
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

export function listQuery(params: ListConversationsParams) {
  return {
    ...filtersQuery(params),
    page: optionalPositiveId("page", params.page),
    sort_by: optionalOneOf("sort_by", params.sort_by, conversationSortByValues),
    updated_within: optionalPositiveId("updated_within", params.updated_within),
  };
}
