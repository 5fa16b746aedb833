// Scenarios: simple conversation actions, account labels, agents, profile and raw openapi-fetch.
import { conversation, profile } from "./fixtures.js";
import { acc, conv, body, same, nothing, type Scenario } from "./scenario-kit.js";

export const scenariosAccount: Scenario[] = [
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
    requests: [{ method: "GET", path: `${acc()}/assignable_agents`, query: "?inbox_ids[]=3" }],
    expected: (x) => body(x).payload,
  },
  {
    name: "agents.assignable() with { account_id: 7 }",
    method: "agents.assignable",
    run: async (c) => c.agents.assignable(3, { account_id: 7 }),
    requests: [{ method: "GET", path: `${acc(7)}/assignable_agents`, query: "?inbox_ids[]=3" }],
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
