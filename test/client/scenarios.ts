// One table of client calls, shared by the unit test (injected fetch, exact
// wire assertions) and the Prism test (the same calls against a mock built
// from the spec). Each scenario says what the client must send and how its
// result relates to what the server answered.
import type { ChatwootClient } from "../../src/index.js";
import { agent, conversation, conversationPage, filterPage, ids, profile } from "./fixtures.js";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

export interface ExpectedRequest {
  method: HttpMethod;
  /** Pathname, e.g. /api/v1/accounts/1/conversations/12. */
  path: string;
  /** Exact search string bytes (with the leading "?"); omitted means no query at all. */
  query?: string;
  /** The JSON body; omitted means no body (and no content-type). */
  body?: unknown;
}

/** One request as it went out, and what came back. */
export interface Exchange {
  method: string;
  path: string;
  query: string;
  requestBody: unknown;
  /** Parsed JSON of the 200 body; undefined when empty. */
  responseBody: unknown;
}

export interface Scenario {
  name: string;
  /** The client method it exercises, e.g. "conversations.labels.add". */
  method: string;
  run: (client: ChatwootClient) => Promise<unknown>;
  requests: ExpectedRequest[];
  /** The requests are concurrent: compare them as a set. */
  anyOrder?: boolean;
  /** The value `run` must resolve to, computed from what the server answered. */
  expected: (exchanges: Exchange[]) => unknown;
  /**
   * Response bodies for the unit test, keyed "METHOD /path?query" (exact) or
   * "METHOD /path"; anything else gets the spec's example or a fixture.
   */
  respond?: Record<string, unknown>;
}

// ---------------------------------------------------------------------------

export const A = 1; // the client's default account
const acc = (account = A) => `/api/v1/accounts/${account}`;
const conv = (id = 12, account = A) => `${acc(account)}/conversations/${id}`;

/** 2100-01-01T00:00:00Z: far enough in the future for any test run. */
export const SNOOZE_SECONDS = 4_102_444_800;
/** A Date with milliseconds, which must become whole seconds on the wire. */
export const SNOOZE_DATE = new Date("2100-01-01T00:00:00.900Z");
export const SNOOZE_NUMBER = SNOOZE_SECONDS + 86_400;

type AnyRecord = Record<string, unknown>;
const body = (x: Exchange[], i = 0): AnyRecord => x[i]?.responseBody as AnyRecord;
const last = (x: Exchange[]): AnyRecord => x[x.length - 1]?.responseBody as AnyRecord;
const same = (x: Exchange[]) => x[0]?.responseBody;
const nothing = () => undefined;

/** What a page walk yields: every conversation of every page, each id once, up to `limit`. */
function walked(pages: unknown[], limit = Infinity): unknown[] {
  const seen = new Set<number>();
  const out: unknown[] = [];
  for (const page of pages) {
    for (const item of page as { id: number }[]) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      if (out.length < limit) out.push(item);
    }
  }
  return out;
}

async function collect<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterator) out.push(item);
  return out;
}

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

export const scenarios: Scenario[] = [
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
  // ------------------------------------------------------------ one conversation
  {
    name: "conversations.get()",
    method: "conversations.get",
    run: async (c) => c.conversations.get(12),
    requests: [{ method: "GET", path: conv(12) }],
    expected: same,
  },
  {
    name: "conversations.get() with { account_id: 7 }",
    method: "conversations.get",
    run: async (c) => c.conversations.get(12, { account_id: 7 }),
    requests: [{ method: "GET", path: conv(12, 7) }],
    expected: same,
  },
  {
    name: "conversations.create() with source_id, a Date snoozed_until and a first message",
    method: "conversations.create",
    run: async (c) =>
      c.conversations.create({
        source_id: "c4f2e6b0-contact-inbox",
        inbox_id: 3,
        status: "snoozed",
        snoozed_until: SNOOZE_DATE,
        custom_attributes: { plan: "pro" },
        message: { content: "Hello from the API" },
      }),
    requests: [
      {
        method: "POST",
        path: `${acc()}/conversations`,
        body: {
          source_id: "c4f2e6b0-contact-inbox",
          inbox_id: 3,
          status: "snoozed",
          snoozed_until: new Date(SNOOZE_SECONDS * 1000).toISOString(), // create stores it as sent: ISO 8601
          custom_attributes: { plan: "pro" },
          message: { content: "Hello from the API" },
        },
      },
    ],
    expected: same,
  },
  {
    name: "conversations.create() with inbox_id + contact_id and numeric snoozed_until",
    method: "conversations.create",
    run: async (c) =>
      c.conversations.create({ inbox_id: 3, contact_id: 501, assignee_id: 5, team_id: 2, status: "snoozed", snoozed_until: SNOOZE_NUMBER }),
    requests: [
      {
        method: "POST",
        path: `${acc()}/conversations`,
        body: { inbox_id: 3, contact_id: 501, assignee_id: 5, team_id: 2, status: "snoozed", snoozed_until: new Date(SNOOZE_NUMBER * 1000).toISOString() },
      },
    ],
    expected: same,
  },
  {
    name: "conversations.update() sets the priority",
    method: "conversations.update",
    run: async (c) => c.conversations.update(12, { priority: "high" }),
    requests: [{ method: "PATCH", path: conv(12), body: { priority: "high" } }],
    expected: same,
  },
  {
    name: "conversations.update() clears the priority with null and sets the SLA policy",
    method: "conversations.update",
    run: async (c) => c.conversations.update(12, { priority: null, sla_policy_id: 3 }),
    requests: [{ method: "PATCH", path: conv(12), body: { priority: null, sla_policy_id: 3 } }],
    expected: same,
  },
  {
    name: "conversations.delete() resolves to undefined",
    method: "conversations.delete",
    run: async (c) => c.conversations.delete(12),
    requests: [{ method: "DELETE", path: conv(12) }],
    expected: nothing,
  },
  {
    name: "conversations.toggleStatus() without a status toggles",
    method: "conversations.toggleStatus",
    run: async (c) => c.conversations.toggleStatus(12),
    requests: [{ method: "POST", path: `${conv(12)}/toggle_status`, body: {} }],
    expected: (x) => body(x).payload,
  },
  {
    name: "conversations.toggleStatus() to resolved",
    method: "conversations.toggleStatus",
    run: async (c) => c.conversations.toggleStatus(12, { status: "resolved" }),
    requests: [{ method: "POST", path: `${conv(12)}/toggle_status`, body: { status: "resolved" } }],
    expected: (x) => body(x).payload,
  },
  {
    name: "conversations.toggleStatus() snoozed until a Date sends integer seconds",
    method: "conversations.toggleStatus",
    run: async (c) => c.conversations.toggleStatus(12, { status: "snoozed", snoozed_until: SNOOZE_DATE }),
    requests: [{ method: "POST", path: `${conv(12)}/toggle_status`, body: { status: "snoozed", snoozed_until: SNOOZE_SECONDS } }],
    expected: (x) => body(x).payload,
  },
  {
    name: "conversations.toggleStatus() snoozed until unix seconds sends them unchanged",
    method: "conversations.toggleStatus",
    run: async (c) => c.conversations.toggleStatus(12, { status: "snoozed", snoozed_until: SNOOZE_NUMBER }),
    requests: [{ method: "POST", path: `${conv(12)}/toggle_status`, body: { status: "snoozed", snoozed_until: SNOOZE_NUMBER } }],
    expected: (x) => body(x).payload,
  },
  {
    name: "conversations.togglePriority() sets a priority, resolves to undefined",
    method: "conversations.togglePriority",
    run: async (c) => c.conversations.togglePriority(12, "urgent"),
    requests: [{ method: "POST", path: `${conv(12)}/toggle_priority`, body: { priority: "urgent" } }],
    expected: nothing,
  },
  {
    name: "conversations.togglePriority(null) clears the priority",
    method: "conversations.togglePriority",
    run: async (c) => c.conversations.togglePriority(12, null),
    requests: [{ method: "POST", path: `${conv(12)}/toggle_priority`, body: { priority: null } }],
    expected: nothing,
  },
  {
    name: "conversations.assign() an agent",
    method: "conversations.assign",
    run: async (c) => c.conversations.assign(12, { assignee_id: 5 }),
    requests: [{ method: "POST", path: `${conv(12)}/assignments`, body: { assignee_id: 5 } }],
    expected: same,
  },
  {
    name: "conversations.assign() an agent bot",
    method: "conversations.assign",
    run: async (c) => c.conversations.assign(12, { assignee_id: 9, assignee_type: "AgentBot" }),
    requests: [{ method: "POST", path: `${conv(12)}/assignments`, body: { assignee_id: 9, assignee_type: "AgentBot" } }],
    respond: {
      [`POST ${conv(12)}/assignments`]: { id: 9, name: "Triage bot", description: null, thumbnail: null, outgoing_url: "https://bots.example.com/hook", bot_type: "webhook" },
    },
    expected: same,
  },
  {
    name: "conversations.assign() a team",
    method: "conversations.assign",
    run: async (c) => c.conversations.assign(12, { team_id: 2 }),
    requests: [{ method: "POST", path: `${conv(12)}/assignments`, body: { team_id: 2 } }],
    respond: {
      [`POST ${conv(12)}/assignments`]: {
        id: 2,
        name: "billing",
        description: "Billing questions",
        allow_auto_assign: true,
        account_id: 1,
        created_at: "2025-01-10T08:00:00.000Z",
        updated_at: "2025-01-10T08:00:00.000Z",
      },
    },
    expected: same,
  },
  {
    name: "conversations.unassign() sends assignee_id null",
    method: "conversations.unassign",
    run: async (c) => c.conversations.unassign(12),
    requests: [{ method: "POST", path: `${conv(12)}/assignments`, body: { assignee_id: null } }],
    respond: { [`POST ${conv(12)}/assignments`]: null },
    expected: same,
  },
  // ------------------------------------------------------------ conversation labels
  {
    name: "conversations.labels.list() returns the titles",
    method: "conversations.labels.list",
    run: async (c) => c.conversations.labels.list(12),
    requests: [{ method: "GET", path: `${conv(12)}/labels` }],
    expected: (x) => body(x).payload,
  },
  {
    name: "conversations.labels.set() replaces the labels",
    method: "conversations.labels.set",
    run: async (c) => c.conversations.labels.set(12, ["billing", "vip"]),
    requests: [{ method: "POST", path: `${conv(12)}/labels`, body: { labels: ["billing", "vip"] } }],
    expected: (x) => body(x).payload,
  },
  {
    name: "conversations.labels.set([]) clears the labels",
    method: "conversations.labels.set",
    run: async (c) => c.conversations.labels.set(12, []),
    requests: [{ method: "POST", path: `${conv(12)}/labels`, body: { labels: [] } }],
    respond: { [`POST ${conv(12)}/labels`]: { payload: [] } },
    expected: (x) => body(x).payload,
  },
  {
    name: "conversations.labels.add() reads, then writes the union",
    method: "conversations.labels.add",
    run: async (c) => c.conversations.labels.add(12, ["vip", "urgent"]),
    requests: [
      { method: "GET", path: `${conv(12)}/labels` },
      { method: "POST", path: `${conv(12)}/labels`, body: { labels: ["billing", "vip", "urgent"] } },
    ],
    respond: {
      [`GET ${conv(12)}/labels`]: { payload: ["billing", "vip"] },
      [`POST ${conv(12)}/labels`]: { payload: ["billing", "urgent", "vip"] },
    },
    expected: (x) => last(x).payload,
  },
  {
    name: "conversations.labels.add() with { account_id: 7 } uses account 7 for both requests",
    method: "conversations.labels.add",
    run: async (c) => c.conversations.labels.add(12, ["vip"], { account_id: 7 }),
    requests: [
      { method: "GET", path: `${conv(12, 7)}/labels` },
      { method: "POST", path: `${conv(12, 7)}/labels`, body: { labels: ["billing", "vip"] } },
    ],
    respond: {
      [`GET ${conv(12, 7)}/labels`]: { payload: ["billing"] },
      [`POST ${conv(12, 7)}/labels`]: { payload: ["billing", "vip"] },
    },
    expected: (x) => last(x).payload,
  },
  {
    name: "conversations.labels.remove() reads, then writes the rest",
    method: "conversations.labels.remove",
    run: async (c) => c.conversations.labels.remove(12, ["billing"]),
    requests: [
      { method: "GET", path: `${conv(12)}/labels` },
      { method: "POST", path: `${conv(12)}/labels`, body: { labels: ["vip"] } },
    ],
    respond: {
      [`GET ${conv(12)}/labels`]: { payload: ["billing", "vip"] },
      [`POST ${conv(12)}/labels`]: { payload: ["vip"] },
    },
    expected: (x) => last(x).payload,
  },
  // ------------------------------------------------------------ participants
  {
    name: "conversations.participants.list()",
    method: "conversations.participants.list",
    run: async (c) => c.conversations.participants.list(12),
    requests: [{ method: "GET", path: `${conv(12)}/participants` }],
    expected: same,
  },
  {
    name: "conversations.participants.add() sends user_ids as integers",
    method: "conversations.participants.add",
    run: async (c) => c.conversations.participants.add(12, [6, 7]),
    requests: [{ method: "POST", path: `${conv(12)}/participants`, body: { user_ids: [6, 7] } }],
    expected: same,
  },
  {
    name: "conversations.participants.set() PATCHes the whole set",
    method: "conversations.participants.set",
    run: async (c) => c.conversations.participants.set(12, [5, 6]),
    requests: [{ method: "PATCH", path: `${conv(12)}/participants`, body: { user_ids: [5, 6] } }],
    expected: same,
  },
  {
    name: "conversations.participants.remove() DELETEs with a body, resolves to undefined",
    method: "conversations.participants.remove",
    run: async (c) => c.conversations.participants.remove(12, [6]),
    requests: [{ method: "DELETE", path: `${conv(12)}/participants`, body: { user_ids: [6] } }],
    expected: nothing,
  },
  {
    name: "conversations.join() reads the profile, then adds the current user",
    method: "conversations.join",
    run: async (c) => c.conversations.join(12),
    requests: [
      { method: "GET", path: "/api/v1/profile" },
      { method: "POST", path: `${conv(12)}/participants`, body: { user_ids: [profile.id] } },
    ],
    respond: { "GET /api/v1/profile": profile, [`POST ${conv(12)}/participants`]: [agent(42, { role: "administrator" })] },
    expected: (x) => last(x),
  },
  {
    name: "conversations.join() with { account_id: 7 }",
    method: "conversations.join",
    run: async (c) => c.conversations.join(12, { account_id: 7 }),
    requests: [
      { method: "GET", path: "/api/v1/profile" },
      { method: "POST", path: `${conv(12, 7)}/participants`, body: { user_ids: [profile.id] } },
    ],
    respond: { "GET /api/v1/profile": profile, [`POST ${conv(12, 7)}/participants`]: [agent(42, { account_id: 7 })] },
    expected: (x) => last(x),
  },
  {
    name: "conversations.leave() reads the profile, then removes the current user",
    method: "conversations.leave",
    run: async (c) => c.conversations.leave(12),
    requests: [
      { method: "GET", path: "/api/v1/profile" },
      { method: "DELETE", path: `${conv(12)}/participants`, body: { user_ids: [profile.id] } },
    ],
    respond: { "GET /api/v1/profile": profile },
    expected: nothing,
  },
  {
    name: "conversations.invitableAgents() = the inbox's assignable agents minus the participants",
    method: "conversations.invitableAgents",
    run: async (c) => c.conversations.invitableAgents(12),
    requests: [
      { method: "GET", path: conv(12) },
      { method: "GET", path: `${acc()}/inboxes/3/assignable_agents` },
      { method: "GET", path: `${conv(12)}/participants` },
    ],
    anyOrder: true,
    respond: {
      [`GET ${conv(12)}`]: conversation(12, { inbox_id: 3 }),
      [`GET ${conv(12)}/participants`]: [agent(5), agent(6)],
      [`GET ${acc()}/inboxes/3/assignable_agents`]: { payload: [agent(5), agent(6), agent(42, { role: "administrator" })] },
    },
    expected: (x) => {
      const find = (suffix: string) => x.find((e) => e.method === "GET" && e.path.endsWith(suffix))?.responseBody;
      const taken = new Set((find("/participants") as { id: number }[]).map((a) => a.id));
      return (find("/assignable_agents") as { payload: { id: number }[] }).payload.filter((a) => !taken.has(a.id));
    },
  },
  // ------------------------------------------------------------ custom attributes
  {
    name: "conversations.customAttributes.set() replaces the object",
    method: "conversations.customAttributes.set",
    run: async (c) => c.conversations.customAttributes.set(12, { plan: "enterprise", seats: 5 }),
    requests: [{ method: "POST", path: `${conv(12)}/custom_attributes`, body: { custom_attributes: { plan: "enterprise", seats: 5 } } }],
    expected: (x) => body(x).custom_attributes,
  },
  {
    name: "conversations.customAttributes.merge() reads the conversation, then writes the merge",
    method: "conversations.customAttributes.merge",
    run: async (c) => c.conversations.customAttributes.merge(12, { plan: "enterprise", legacy_id: undefined }),
    requests: [
      { method: "GET", path: conv(12) },
      { method: "POST", path: `${conv(12)}/custom_attributes`, body: { custom_attributes: { plan: "enterprise", seats: 5 } } },
    ],
    respond: {
      [`GET ${conv(12)}`]: conversation(12, { custom_attributes: { plan: "pro", seats: 5, legacy_id: "A-17" } }),
      [`POST ${conv(12)}/custom_attributes`]: { custom_attributes: { plan: "enterprise", seats: 5 } },
    },
    expected: (x) => last(x).custom_attributes,
  },
  // ------------------------------------------------------------ simple actions
  {
    name: "conversations.markRead() POSTs update_last_seen without a body",
    method: "conversations.markRead",
    run: async (c) => c.conversations.markRead(12),
    requests: [{ method: "POST", path: `${conv(12)}/update_last_seen` }],
    expected: same,
  },
  {
    name: "conversations.markUnread() POSTs unread without a body",
    method: "conversations.markUnread",
    run: async (c) => c.conversations.markUnread(12),
    requests: [{ method: "POST", path: `${conv(12)}/unread` }],
    expected: same,
  },
  {
    name: "conversations.mute() resolves to undefined",
    method: "conversations.mute",
    run: async (c) => c.conversations.mute(12),
    requests: [{ method: "POST", path: `${conv(12)}/mute` }],
    expected: nothing,
  },
  {
    name: "conversations.unmute() resolves to undefined",
    method: "conversations.unmute",
    run: async (c) => c.conversations.unmute(12),
    requests: [{ method: "POST", path: `${conv(12)}/unmute` }],
    expected: nothing,
  },
  {
    name: "conversations.sendTranscript() sends the email",
    method: "conversations.sendTranscript",
    run: async (c) => c.conversations.sendTranscript(12, "ada@example.com"),
    requests: [{ method: "POST", path: `${conv(12)}/transcript`, body: { email: "ada@example.com" } }],
    expected: nothing,
  },
  {
    name: "conversations.attachments()",
    method: "conversations.attachments",
    run: async (c) => c.conversations.attachments(12),
    requests: [{ method: "GET", path: `${conv(12)}/attachments` }],
    expected: same,
  },
  {
    name: "conversations.attachments() page 2",
    method: "conversations.attachments",
    run: async (c) => c.conversations.attachments(12, { page: 2 }),
    requests: [{ method: "GET", path: `${conv(12)}/attachments`, query: "?page=2" }],
    expected: same,
  },
  {
    name: "conversations.messages.list()",
    method: "conversations.messages.list",
    run: async (c) => c.conversations.messages.list(12),
    requests: [{ method: "GET", path: `${conv(12)}/messages` }],
    expected: same,
  },
  {
    name: "conversations.messages.list() before a message id",
    method: "conversations.messages.list",
    run: async (c) => c.conversations.messages.list(12, { before: 1011 }),
    requests: [{ method: "GET", path: `${conv(12)}/messages`, query: "?before=1011" }],
    expected: same,
  },
  {
    name: "conversations.messages.create() sends a private note",
    method: "conversations.messages.create",
    run: async (c) => c.conversations.messages.create(12, { content: "Customer is on the pro plan", private: true, echo_id: "tmp-1" }),
    requests: [
      { method: "POST", path: `${conv(12)}/messages`, body: { content: "Customer is on the pro plan", private: true, echo_id: "tmp-1" } },
    ],
    expected: same,
  },
  {
    name: "conversations.startVideoCall() posts the display id to the Dyte integration",
    method: "conversations.startVideoCall",
    run: async (c) => c.conversations.startVideoCall(12),
    requests: [{ method: "POST", path: `${acc()}/integrations/dyte/create_a_meeting`, body: { conversation_id: 12 } }],
    expected: same,
  },
  // ------------------------------------------------------------ account labels
  {
    name: "labels.list()",
    method: "labels.list",
    run: async (c) => c.labels.list(),
    requests: [{ method: "GET", path: `${acc()}/labels` }],
    expected: (x) => body(x).payload,
  },
  {
    name: "labels.list() with { account_id: 7 }",
    method: "labels.list",
    run: async (c) => c.labels.list({ account_id: 7 }),
    requests: [{ method: "GET", path: `${acc(7)}/labels` }],
    expected: (x) => body(x).payload,
  },
  {
    name: "labels.get()",
    method: "labels.get",
    run: async (c) => c.labels.get(3),
    requests: [{ method: "GET", path: `${acc()}/labels/3` }],
    expected: same,
  },
  {
    name: "labels.create()",
    method: "labels.create",
    run: async (c) => c.labels.create({ title: "urgent", description: "Needs an answer today", color: "#ff0000", show_on_sidebar: true }),
    requests: [
      {
        method: "POST",
        path: `${acc()}/labels`,
        body: { title: "urgent", description: "Needs an answer today", color: "#ff0000", show_on_sidebar: true },
      },
    ],
    expected: same,
  },
  {
    name: "labels.update()",
    method: "labels.update",
    run: async (c) => c.labels.update(3, { color: "#00ff00" }),
    requests: [{ method: "PATCH", path: `${acc()}/labels/3`, body: { color: "#00ff00" } }],
    expected: same,
  },
  {
    name: "labels.delete() resolves to undefined",
    method: "labels.delete",
    run: async (c) => c.labels.delete(3),
    requests: [{ method: "DELETE", path: `${acc()}/labels/3` }],
    expected: nothing,
  },
  // ------------------------------------------------------------ agents, profile
  {
    name: "agents.list()",
    method: "agents.list",
    run: async (c) => c.agents.list(),
    requests: [{ method: "GET", path: `${acc()}/agents` }],
    expected: same,
  },
  {
    name: "agents.assignable() unwraps payload",
    method: "agents.assignable",
    run: async (c) => c.agents.assignable(3),
    requests: [{ method: "GET", path: `${acc()}/inboxes/3/assignable_agents` }],
    expected: (x) => body(x).payload,
  },
  {
    name: "agents.assignable() with { account_id: 7 }",
    method: "agents.assignable",
    run: async (c) => c.agents.assignable(3, { account_id: 7 }),
    requests: [{ method: "GET", path: `${acc(7)}/inboxes/3/assignable_agents` }],
    expected: (x) => body(x).payload,
  },
  {
    name: "profile.get()",
    method: "profile.get",
    run: async (c) => c.profile.get(),
    requests: [{ method: "GET", path: "/api/v1/profile" }],
    respond: { "GET /api/v1/profile": profile },
    expected: same,
  },
  // ------------------------------------------------------------ raw openapi-fetch
  {
    name: "raw.GET() a conversation, typed by path",
    method: "raw",
    run: async (c) => {
      const { data, error } = await c.raw.GET("/api/v1/accounts/{account_id}/conversations/{conversation_id}", {
        params: { path: { account_id: 1, conversation_id: 12 } },
      });
      if (error !== undefined) throw new Error(`raw.GET failed: ${JSON.stringify(error)}`);
      return data;
    },
    requests: [{ method: "GET", path: conv(12) }],
    expected: same,
  },
  {
    name: "raw.GET() the list with labels[] serialises repeated brackets",
    method: "raw",
    run: async (c) => {
      const { data, error } = await c.raw.GET("/api/v1/accounts/{account_id}/conversations", {
        params: { path: { account_id: 1 }, query: { status: "all", "labels[]": ["billing", "vip"] } },
      });
      if (error !== undefined) throw new Error(`raw.GET failed: ${JSON.stringify(error)}`);
      return data;
    },
    requests: [{ method: "GET", path: `${acc()}/conversations`, query: "?status=all&labels[]=billing&labels[]=vip" }],
    expected: same,
  },
  {
    name: "raw.POST() labels of a conversation",
    method: "raw",
    run: async (c) => {
      const { data, error } = await c.raw.POST("/api/v1/accounts/{account_id}/conversations/{conversation_id}/labels", {
        params: { path: { account_id: 1, conversation_id: 12 } },
        body: { labels: ["vip"] },
      });
      if (error !== undefined) throw new Error(`raw.POST failed: ${JSON.stringify(error)}`);
      return data;
    },
    requests: [{ method: "POST", path: `${conv(12)}/labels`, body: { labels: ["vip"] } }],
    expected: same,
  },
];

/** Every client method the table must cover. */
export const allMethods = [
  "conversations.list",
  "conversations.iterate",
  "conversations.counts",
  "conversations.filter",
  "conversations.iterateFilter",
  "conversations.searchMessages",
  "conversations.search",
  "conversations.get",
  "conversations.create",
  "conversations.update",
  "conversations.delete",
  "conversations.toggleStatus",
  "conversations.togglePriority",
  "conversations.assign",
  "conversations.unassign",
  "conversations.labels.list",
  "conversations.labels.set",
  "conversations.labels.add",
  "conversations.labels.remove",
  "conversations.participants.list",
  "conversations.participants.add",
  "conversations.participants.set",
  "conversations.participants.remove",
  "conversations.join",
  "conversations.leave",
  "conversations.invitableAgents",
  "conversations.customAttributes.set",
  "conversations.customAttributes.merge",
  "conversations.markRead",
  "conversations.markUnread",
  "conversations.mute",
  "conversations.unmute",
  "conversations.sendTranscript",
  "conversations.attachments",
  "conversations.messages.list",
  "conversations.messages.create",
  "conversations.startVideoCall",
  "labels.list",
  "labels.get",
  "labels.create",
  "labels.update",
  "labels.delete",
  "agents.list",
  "agents.assignable",
  "profile.get",
  "raw",
] as const;
