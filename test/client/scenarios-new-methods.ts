// Scenarios: the methods for support tools and bots (message delete/retry/status,
// typing, bulk actions, unread counts, Dyte join, contacts, assignable agents).
// Files (multipart) and direct uploads are covered in attachments.test.ts and
// direct-upload.test.ts; the direct-upload operation is reached here through raw.
import { agent } from "./fixtures.js";
import { acc, conv, body, same, nothing, SNOOZE_SECONDS, type Scenario } from "./scenario-kit.js";

const payload = (x: Parameters<typeof body>[0], i = 0) => body(x, i).payload;

export const scenariosNewMethods: Scenario[] = [
  {
    name: "conversations.messages.delete() DELETEs the message and resolves to it",
    method: "conversations.messages.delete",
    run: async (c) => c.conversations.messages.delete(12, 88401),
    requests: [{ method: "DELETE", path: `${conv(12)}/messages/88401` }],
    expected: same,
  },
  {
    name: "conversations.messages.retry() POSTs retry without a body",
    method: "conversations.messages.retry",
    run: async (c) => c.conversations.messages.retry(12, 88401),
    requests: [{ method: "POST", path: `${conv(12)}/messages/88401/retry` }],
    expected: same,
  },
  {
    name: "conversations.messages.updateStatus() PATCHes status and external_error",
    method: "conversations.messages.updateStatus",
    run: async (c) => c.conversations.messages.updateStatus(12, 88401, { status: "failed", external_error: "Recipient unreachable" }),
    requests: [{ method: "PATCH", path: `${conv(12)}/messages/88401`, body: { status: "failed", external_error: "Recipient unreachable" } }],
    expected: same,
  },
  {
    name: "conversations.typing() POSTs typing_status and is_private",
    method: "conversations.typing",
    run: async (c) => c.conversations.typing(12, "on", { private: true }),
    requests: [{ method: "POST", path: `${conv(12)}/toggle_typing_status`, body: { typing_status: "on", is_private: true } }],
    expected: nothing,
  },
  {
    name: "conversations.bulk() POSTs one bulk action for many conversations",
    method: "conversations.bulk",
    run: async (c) => c.conversations.bulk({ ids: [12, 13], status: "snoozed", snoozed_until: SNOOZE_SECONDS, team_id: 2, labels: { add: ["refund"] } }),
    requests: [
      {
        method: "POST",
        path: `${acc()}/bulk_actions`,
        body: { type: "Conversation", ids: [12, 13], fields: { status: "snoozed", team_id: 2 }, snoozed_until: SNOOZE_SECONDS, labels: { add: ["refund"] } },
      },
    ],
    expected: nothing,
  },
  {
    name: "conversations.unreadCounts() unwraps payload",
    method: "conversations.unreadCounts",
    run: async (c) => c.conversations.unreadCounts(),
    requests: [{ method: "GET", path: `${acc()}/conversations/unread_counts` }],
    expected: payload,
  },
  {
    name: "conversations.joinVideoCall() POSTs the meeting message id",
    method: "conversations.joinVideoCall",
    run: async (c) => c.conversations.joinVideoCall(88370),
    requests: [{ method: "POST", path: `${acc()}/integrations/dyte/add_participant_to_meeting`, body: { message_id: 88370 } }],
    expected: same,
  },
  {
    name: "contacts.conversations() unwraps payload",
    method: "contacts.conversations",
    run: async (c) => c.contacts.conversations(301),
    requests: [{ method: "GET", path: `${acc()}/contacts/301/conversations` }],
    expected: payload,
  },
  {
    name: "contacts.labels.list() unwraps payload",
    method: "contacts.labels.list",
    run: async (c) => c.contacts.labels.list(301),
    requests: [{ method: "GET", path: `${acc()}/contacts/301/labels` }],
    expected: payload,
  },
  {
    name: "contacts.labels.set() replaces the labels",
    method: "contacts.labels.set",
    run: async (c) => c.contacts.labels.set(301, ["vip", "wholesale"]),
    requests: [{ method: "POST", path: `${acc()}/contacts/301/labels`, body: { labels: ["vip", "wholesale"] } }],
    expected: payload,
  },
  {
    name: "agents.assignable({ inbox_ids }) sends one inbox_ids[] per inbox",
    method: "agents.assignable",
    run: async (c) => c.agents.assignable({ inbox_ids: [3, 7] }),
    requests: [{ method: "GET", path: `${acc()}/assignable_agents`, query: "?inbox_ids[]=3&inbox_ids[]=7" }],
    expected: payload,
  },
  {
    name: "raw reaches the deprecated per-inbox assignable_agents",
    method: "raw",
    run: async (c) => {
      const { data, error } = await c.raw.GET("/api/v1/accounts/{account_id}/inboxes/{inbox_id}/assignable_agents", {
        params: { path: { account_id: 1, inbox_id: 3 } },
      });
      if (error !== undefined) throw new Error(`raw.GET failed: ${JSON.stringify(error)}`);
      return data;
    },
    requests: [{ method: "GET", path: `${acc()}/inboxes/3/assignable_agents` }],
    respond: { [`GET ${acc()}/inboxes/3/assignable_agents`]: { payload: [agent(5)] } },
    expected: same,
  },
  {
    name: "raw reaches direct_uploads (conversations.uploadFile's first step)",
    method: "raw",
    run: async (c) => {
      const { data, error } = await c.raw.POST("/api/v1/accounts/{account_id}/conversations/{conversation_id}/direct_uploads", {
        params: { path: { account_id: 1, conversation_id: 12 } },
        body: { blob: { filename: "label.pdf", byte_size: 48213, checksum: "1B2M2Y8AsgTpgAmY7PhCfg==", content_type: "application/pdf" } },
      });
      if (error !== undefined) throw new Error(`raw.POST failed: ${JSON.stringify(error)}`);
      return data;
    },
    requests: [
      {
        method: "POST",
        path: `${conv(12)}/direct_uploads`,
        body: { blob: { filename: "label.pdf", byte_size: 48213, checksum: "1B2M2Y8AsgTpgAmY7PhCfg==", content_type: "application/pdf" } },
      },
    ],
    expected: same,
  },
];
