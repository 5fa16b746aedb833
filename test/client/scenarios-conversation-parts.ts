// Scenarios: a conversation's labels, participants (join/leave) and custom attributes.
import { agent, conversation, profile } from "./fixtures.js";
import { A, acc, conv, body, last, same, nothing, type Scenario } from "./scenario-kit.js";

export const scenariosConversationParts: Scenario[] = [
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
      { method: "GET", path: `${acc()}/assignable_agents`, query: "?inbox_ids[]=3" },
      { method: "GET", path: `${conv(12)}/participants` },
    ],
    anyOrder: true,
    respond: {
      [`GET ${conv(12)}`]: conversation(12, { inbox_id: 3 }),
      [`GET ${conv(12)}/participants`]: [agent(5), agent(6)],
      [`GET ${acc()}/assignable_agents?inbox_ids[]=3`]: { payload: [agent(5), agent(6), agent(42, { role: "administrator" })] },
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
];
