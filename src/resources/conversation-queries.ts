// Reading conversations: one page, the counts, filters, the two searches,
// and walking every page with an iterator.
import type { ApiPromise } from "../api-promise.js";
import type { Core, RequestOptions } from "../core.js";
import { unwrap } from "../response-shape.js";
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
import { filterConditions, type FilterConditionInput, type PageParams, type SearchMessagesParams } from "./conversation-params.js";

const PAGE_SIZE = 25;
/** The envelope of every conversation page: counts and the items. */
const PAGE = { meta: "object", payload: "array" } as const;

/** iterate(): the list filters (no `page`: it pages itself) and an optional `limit`. */
export type IterateConversationsParams = Omit<ListConversationsParams, "page"> & IterateOptions;
/** counts(): the list filters without `assignee_type`, which never changes the counts. */
export type CountsParams = Omit<ConversationFilters, "assignee_type">;
/** search(): the text to look for (display id, contact name, email, phone, identifier). */
export interface SearchParams {
  q: string;
  page?: number | undefined;
}

type Schemas = components["schemas"];

export class ConversationQueries {
  constructor(
    /** @internal */
    protected readonly core: Core,
  ) {}

  /** One page (25) of conversations and the counts of the whole query. */
  list(params: ListConversationsParams = {}, options?: RequestOptions): ApiPromise<ConversationPage> {
    return this.core.call(
      "listConversations",
      options,
      undefined,
      () => ({ query: listQuery(params) }),
      unwrap({ data: PAGE }, (wire: Schemas["ConversationListResponse"]): ConversationPage => wire.data),
    );
  }

  /** Every conversation of the query, page by page, each once. `limit` stops early. */
  iterate(params: IterateConversationsParams = {}, options?: RequestOptions): PageIterator<Conversation> {
    const { limit, ...filters } = plainObject("params", params) as typeof params;
    const max = iterationLimit(limit);
    listQuery(filters, paramKeys.iterate); // fail now, not at the first next()
    const unpaged = filters.updated_within !== undefined; // the server returns everything at once
    return new PageIterator<Conversation>(async (page) => {
      const { data, response } = await this.list({ ...filters, page: unpaged ? undefined : page }, options).withResponse();
      return { items: data.payload, hasMore: !unpaged && data.payload.length >= PAGE_SIZE, response };
    }, max);
  }

  /** The four counts (mine, assigned, unassigned, all) for the filters. */
  counts(params: CountsParams = {}, options?: RequestOptions): ApiPromise<ConversationCounts> {
    return this.core.call(
      "getConversationCounts",
      options,
      undefined,
      () => {
        const { assignee_type: _never, ...query } = filtersQuery(params, paramKeys.counts);
        return { query };
      },
      unwrap({ meta: "object" }, (wire: Schemas["ConversationCountsResponse"]): ConversationCounts => wire.meta),
    );
  }

  /** One page (25) of conversations matching the conditions. */
  filter(conditions: FilterConditionInput[], params: PageParams = {}, options?: RequestOptions): ApiPromise<FilterPage> {
    return this.core.call(
      "filterConversations",
      options,
      undefined,
      () => ({
        body: { payload: filterConditions(conditions) },
        query: { page: optionalPositiveId("page", knownKeys("params", params, ["page"]).page) },
      }),
      unwrap(PAGE, (wire: FilterPage) => wire),
    );
  }

  /** Every conversation matching the conditions, page by page, each once. */
  iterateFilter(conditions: FilterConditionInput[], iterateOptions: IterateOptions = {}, options?: RequestOptions): PageIterator<Conversation> {
    const max = iterationLimit(knownKeys("iterateOptions", iterateOptions, ["limit"]).limit);
    filterConditions(conditions);
    return new PageIterator<Conversation>(async (page) => {
      const { data, response } = await this.filter(conditions, { page }, options).withResponse();
      return { items: data.payload, hasMore: data.payload.length >= PAGE_SIZE, response };
    }, max, "POST");
  }

  /** Conversations with a message containing `q` (message-content search), 25 per page, as slim items (id, uuid, contact, inbox, the matching messages), not full conversations. */
  searchMessages(params: SearchMessagesParams, options?: RequestOptions): ApiPromise<MessageSearchPage> {
    return this.core.call(
      "searchConversationMessages",
      options,
      undefined,
      () => {
        const { q, ...filters } = listQuery(params, paramKeys.searchMessages);
        return { query: { q, ...filters } }; // q first, as the wire always had it
      },
      unwrap(PAGE, (wire: MessageSearchPage) => wire),
    );
  }

  /** Conversations whose display id, contact name, email, phone or identifier match `q` (15 per page). */
  search(params: SearchParams, options?: RequestOptions): ApiPromise<ConversationSearchResult[]> {
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
      unwrap({ payload: { conversations: "array" } }, (wire: Schemas["ConversationSearchResponse"]): ConversationSearchResult[] => wire.payload.conversations),
    );
  }
}
