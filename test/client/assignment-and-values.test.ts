// assign() answers the agent, bot or team it assigned; the exported guards tell
// them apart on real answers (node:http server, bodies shaped like Chatwoot's).
// The enum value lists exported from the root are exactly the spec's enums.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as root from "../../src/index.js";
import { createChatwootClient, isAgent, isAgentBot, isTeam, type ChatwootClient } from "../../src/index.js";
import { json, startFaultServer, type FaultServer } from "../helpers/fault-server.js";
import { agent } from "./fixtures.js";
import { loadSpec } from "./spec.js";

let server: FaultServer;
let client: ChatwootClient;
beforeAll(async () => {
  server = await startFaultServer();
  client = createChatwootClient({ baseUrl: server.origin, apiAccessToken: "tok", accountId: 1, maxRetries: 0 });
});
afterAll(() => server.close());

const bot = { id: 9, name: "Triage bot", description: null, thumbnail: null, outgoing_url: null, bot_type: "webhook" };
const team = { id: 2, name: "billing", description: null, allow_auto_assign: true, account_id: 1, created_at: "2025-11-21T09:00:00.000Z", updated_at: "2025-11-21T09:00:00.000Z" };

describe("assign() results and the guards", () => {
  it.each([
    ["an agent", () => client.conversations.assign(12, { assignee_id: 5 }), agent(5), [true, false, false]],
    ["a bot", () => client.conversations.assign(12, { assignee_id: 9, assignee_type: "AgentBot" }), bot, [false, true, false]],
    ["a team", () => client.conversations.assign(12, { team_id: 2 }), team, [false, false, true]],
    ["null (unassigned)", () => client.conversations.assign(12, { team_id: 0 }), null, [false, false, false]],
  ] as const)("%s: isAgent/isAgentBot/isTeam = %j", async (_name, call, answer, [agentGuard, botGuard, teamGuard]) => {
    server.enqueue(json(200, answer));
    const result = await call();
    expect(result).toEqual(answer);
    expect([isAgent(result), isAgentBot(result), isTeam(result)]).toEqual([agentGuard, botGuard, teamGuard]);
  });
});

describe("value lists for select boxes", () => {
  const schemas = loadSpec().components.schemas as Record<string, { enum?: unknown[] }>;
  const lists: [keyof typeof root, string][] = [
    ["conversationStatusValues", "ConversationStatus"],
    ["conversationStatusFilterValues", "ConversationStatusFilter"],
    ["conversationPriorityValues", "ConversationPriority"],
    ["conversationSortByValues", "ConversationSortBy"],
    ["conversationTypeValues", "ConversationType"],
    ["assigneeTypeFilterValues", "AssigneeTypeFilter"],
    ["assigneeKindValues", "AssigneeKind"],
    ["messageTypeValues", "MessageType"],
    ["messageStatusValues", "MessageStatus"],
    ["filterOperatorValues", "FilterOperator"],
    ["availabilityStatusValues", "AvailabilityStatus"],
    ["attachmentFileTypeValues", "AttachmentFileType"],
  ];
  it.each(lists)("%s is exported from the root and equals the spec's %s enum", (name, schema) => {
    expect(schemas[schema]?.enum).toBeDefined();
    expect(root[name]).toEqual(schemas[schema]?.enum);
  });
});
