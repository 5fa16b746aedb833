// Scenarios: listing, counting, filtering, searching and iterating conversations.
import { conversation, conversationPage, filterPage, ids } from "./fixtures.js";
import { acc, body, last, same, walked, collect, type AnyRecord, type Scenario } from "./scenario-kit.js";

const filterConditions = [
  { attribute_key: "status", filter_operator: "equal_to", values: ["open"] },
  { attribute_key: "labels", filter_operator: "equal_to", values: ["vip"], query_operator: "OR" },
  { attribute_key: "created_at", filter_operator: "days_before", values: [7], query_operator: "AND" },
] as const;
const filterWire = {
  payload: [
    { attribute_key: "status", filter_operator: "equal_to", values: ["open"], query_operator: "AND" },
    { attribute_key: "labels", filter_operator: "equal_to", values: ["vip"], query_operator: "OR" },
    { attribute_key: "created_at", filter_operator: "days_before", values: [7], query_operator: null },
  ],
};

export const scenariosList: Scenario[] = [
  // ------------------------------------------------------------ list & co.
  {
    name: "conversations.list() with no filters sends no query",
    method: "conversations.list",
    run: async (c) => c.conversations.list(),
    requests: [{ method: "GET", path: `${acc()}/conversations` }],
    expected: (x) => body(x).data,
  },
  {
    name: "conversations.list() sends every filter, labels as labels[]",
    method: "conversations.list",
    run: async (c) =>
      c.conversations.list({
        status: "all",
        assignee_type: "unassigned",
        inbox_id: 3,
        team_id: 4,
        labels: ["billing", "vip"],
        q: "refund please",
        conversation_type: "mention",
        source_id: "src-1",
        page: 2,
        sort_by: "created_at_asc",
      }),
    requests: [
      {
        method: "GET",
        path: `${acc()}/conversations`,
        query:
          "?status=all&assignee_type=unassigned&inbox_id=3&team_id=4&labels[]=billing&labels[]=vip&q=refund%20please&conversation_type=mention&source_id=src-1&page=2&sort_by=created_at_asc",
      },
    ],
    expected: (x) => body(x).data,
  },
  {
    name: "conversations.list() with updated_within and { account_id: 7 }",
    method: "conversations.list",
    run: async (c) => c.conversations.list({ updated_within: 3600, labels: ["a", "b"] }, { account_id: 7 }),
    requests: [{ method: "GET", path: `${acc(7)}/conversations`, query: "?labels[]=a&labels[]=b&updated_within=3600" }],
    expected: (x) => body(x).data,
  },
  {
    name: "conversations.iterate() walks pages, skipping a conversation repeated on the next page",
    method: "conversations.iterate",
    run: async (c) => collect(c.conversations.iterate({ labels: ["a", "b"], status: "open" })),
    requests: [
      { method: "GET", path: `${acc()}/conversations`, query: "?status=open&labels[]=a&labels[]=b&page=1" },
      { method: "GET", path: `${acc()}/conversations`, query: "?status=open&labels[]=a&labels[]=b&page=2" },
    ],
    respond: {
      [`GET ${acc()}/conversations?status=open&labels[]=a&labels[]=b&page=1`]: conversationPage(ids(1, 25)),
      [`GET ${acc()}/conversations?status=open&labels[]=a&labels[]=b&page=2`]: conversationPage([25, 26, 27]),
    },
    expected: (x) => walked(x.map((e) => (e.responseBody as { data: { payload: unknown[] } }).data.payload)),
  },
  {
    name: "conversations.iterate() with { account_id: 7 } and a limit",
    method: "conversations.iterate",
    run: async (c) => collect(c.conversations.iterate({ limit: 2 }, { account_id: 7 })),
    requests: [{ method: "GET", path: `${acc(7)}/conversations`, query: "?page=1" }],
    respond: { [`GET ${acc(7)}/conversations`]: conversationPage(ids(100, 25)) },
    expected: (x) => walked(x.map((e) => (e.responseBody as { data: { payload: unknown[] } }).data.payload), 2),
  },
  {
    name: "conversations.counts() sends labels[] to /conversations/meta",
    method: "conversations.counts",
    run: async (c) => c.conversations.counts({ status: "all", inbox_id: 3, labels: ["billing", "vip"] }),
    requests: [{ method: "GET", path: `${acc()}/conversations/meta`, query: "?status=all&inbox_id=3&labels[]=billing&labels[]=vip" }],
    expected: (x) => body(x).meta,
  },
  {
    name: "conversations.filter() defaults query_operator to AND and nulls the last one",
    method: "conversations.filter",
    run: async (c) => c.conversations.filter([...filterConditions], { page: 2 }),
    requests: [{ method: "POST", path: `${acc()}/conversations/filter`, query: "?page=2", body: filterWire }],
    expected: same,
  },
  {
    name: "conversations.filter() with one condition and no page",
    method: "conversations.filter",
    run: async (c) =>
      c.conversations.filter([
        { attribute_key: "plan", filter_operator: "equal_to", values: ["pro"], custom_attribute_type: "conversation_attribute", query_operator: "OR" },
      ]),
    requests: [
      {
        method: "POST",
        path: `${acc()}/conversations/filter`,
        body: {
          payload: [
            { attribute_key: "plan", filter_operator: "equal_to", values: ["pro"], custom_attribute_type: "conversation_attribute", query_operator: null },
          ],
        },
      },
    ],
    expected: same,
  },
  {
    name: "conversations.iterateFilter() walks filter pages with the same body",
    method: "conversations.iterateFilter",
    run: async (c) => collect(c.conversations.iterateFilter([...filterConditions])),
    requests: [
      { method: "POST", path: `${acc()}/conversations/filter`, query: "?page=1", body: filterWire },
      { method: "POST", path: `${acc()}/conversations/filter`, query: "?page=2", body: filterWire },
    ],
    respond: {
      [`POST ${acc()}/conversations/filter?page=1`]: filterPage(ids(1, 25)),
      [`POST ${acc()}/conversations/filter?page=2`]: filterPage([24, 30]),
    },
    expected: (x) => walked(x.map((e) => (e.responseBody as { payload: unknown[] }).payload)),
  },
  {
    name: "conversations.searchMessages() sends q, filters and labels[]",
    method: "conversations.searchMessages",
    run: async (c) => c.conversations.searchMessages({ q: "invoice #42", status: "all", inbox_id: 4, labels: ["billing", "vip"], page: 2 }),
    requests: [
      {
        method: "GET",
        path: `${acc()}/conversations/search`,
        query: "?q=invoice%20%2342&status=all&inbox_id=4&labels[]=billing&labels[]=vip&page=2",
      },
    ],
    expected: same,
  },
  {
    name: "conversations.search() hits /search/conversations",
    method: "conversations.search",
    run: async (c) => c.conversations.search({ q: "ada@example.com", page: 2 }),
    requests: [{ method: "GET", path: `${acc()}/search/conversations`, query: "?q=ada%40example.com&page=2" }],
    expected: (x) => (body(x).payload as AnyRecord).conversations,
  },
];
