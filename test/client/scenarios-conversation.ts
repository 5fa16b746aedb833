// Scenarios: one conversation (get, create, update, delete, status, priority, assignment).
import { agent, conversation } from "./fixtures.js";
import { acc, conv, SNOOZE_SECONDS, SNOOZE_DATE, SNOOZE_NUMBER, body, same, nothing, type Scenario } from "./scenario-kit.js";

export const scenariosConversation: Scenario[] = [
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
];
