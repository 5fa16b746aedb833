// Reading conversations: one page, the counts, filters, the two searches,
// and walking every page with an iterator.
import type { Core, RequestOptions } from "../core.js";
import { filtersQuery, listQuery, paramKeys, type ConversationFilters, type ListConversationsParams } from "../list-query.js";
import { iterationLimit, PageIterator, type IterateOptions } from "../pagination.js";
import type {
  Conversation,
  ConversationCounts,
  ConversationPage,
  ConversationSearchResult,
  FilterPage,
  MessageSearchPage,
  components,
} from "../types.js";
import { knownKeys, nonEmptyString, optionalPositiveId, plainObject, queryString } from "../validate.js";
import { filterConditions, type FilterConditionInput, type SearchMessagesParams } from "./conversation-params.js";

const PAGE_SIZE = 25;

type Schemas = components["schemas"];

export class ConversationQueries {
  constructor(protected readonly core: Core) {}

  /** One page (25) of conversations and the counts of the whole query. */
  list(params: ListConversationsParams = {}, options?: RequestOptions) {
    return this.core.call(
      "listConversations",
      options,
      undefined,
      () => ({ query: listQuery(params) }),
      (wire: Schemas["ConversationListResponse"]): ConversationPage => wire.data,
    );
  }

  /** Every conversation of the query, page by page, each once. `limit` stops early. */
  iterate(params: Omit<ListConversationsParams, "page"> & IterateOptions = {}, options?: RequestOptions) {
    const { limit, ...filters } = plainObject("params", params) as typeof params;
    const max = iterationLimit(limit);
    listQuery(filters, paramKeys.iterate); // fail now, not at the first next()
    const unpaged = filters.updated_within !== undefined; // the server returns everything at once
    return new PageIterator<Conversation>(async (page) => {
      const { payload } = await this.list({ ...filters, page: unpaged ? undefined : page }, options);
      return { items: payload, hasMore: !unpaged && payload.length >= PAGE_SIZE };
    }, max);
  }

  /** The four counts (mine, assigned, unassigned, all) for the filters. */
  counts(params: Omit<ConversationFilters, "assignee_type"> = {}, options?: RequestOptions) {
    return this.core.call(
      "getConversationCounts",
      options,
      undefined,
      () => {
        const { assignee_type: _never, ...query } = filtersQuery(params, paramKeys.counts);
        return { query };
      },
      (wire: Schemas["ConversationCountsResponse"]): ConversationCounts => wire.meta,
    );
  }

  /** One page (25) of conversations matching the conditions. */
  filter(conditions: FilterConditionInput[], params: { page?: number } = {}, options?: RequestOptions) {
    return this.core.call<FilterPage>("filterConversations", options, undefined, () => ({
      body: { payload: filterConditions(conditions) },
      query: { page: optionalPositiveId("page", knownKeys("params", params, ["page"]).page) },
    }));
  }

  /** Every conversation matching the conditions, page by page, each once. */
  iterateFilter(conditions: FilterConditionInput[], iterateOptions: IterateOptions = {}, options?: RequestOptions) {
    const max = iterationLimit(knownKeys("iterateOptions", iterateOptions, ["limit"]).limit);
    filterConditions(conditions);
    return new PageIterator<Conversation>(async (page) => {
      const { payload } = await this.filter(conditions, { page }, options);
      return { items: payload, hasMore: payload.length >= PAGE_SIZE };
    }, max);
  }

  /** Conversations with a message containing `q` (message-content search), 25 per page. */
  searchMessages(params: SearchMessagesParams, options?: RequestOptions) {
    return this.core.call<MessageSearchPage>("searchConversationMessages", options, undefined, () => {
      const { q, status, assignee_type, inbox_id, team_id, "labels[]": labels } = filtersQuery(params, paramKeys.searchMessages);
      return { query: { q, status, assignee_type, inbox_id, team_id, "labels[]": labels, page: optionalPositiveId("page", params.page) } };
    });
  }

  /** Conversations whose display id, contact name, email, phone or identifier match `q` (15 per page). */
  search(params: { q: string; page?: number }, options?: RequestOptions) {
    return this.core.call(
      "searchConversations",
      options,
      undefined,
      () => ({
        query: {
          q: nonEmptyString("q", queryString("q", knownKeys("params", params, ["q", "page"]).q)),
          page: optionalPositiveId("page", params.page),
        },
      }),
      (wire: Schemas["ConversationSearchResponse"]): ConversationSearchResult[] => wire.payload.conversations,
    );
  }
}
