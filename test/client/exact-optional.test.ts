// Consumers who compile with `exactOptionalPropertyTypes` pass optional inputs
// that may be undefined (`{ inbox_id: maybeId }`); the runtime treats undefined
// as absent, so the types must accept it too. Compiled with that flag.
import { expect, it } from "vitest";
import { probe } from "./typescript-service.js";

const consumer = `import { createChatwootClient } from "../../src/index.js";
declare const maybeId: number | undefined;
declare const maybeText: string | undefined;
declare const maybeSignal: AbortSignal | undefined;
const client = createChatwootClient({ baseUrl: "https://chat.example.com", apiAccessToken: "t", accountId: 1, maxRetries: undefined, timeoutMs: undefined });
const options = { account_id: maybeId, signal: maybeSignal, timeoutMs: undefined, maxRetries: undefined };
void client.conversations.list({ inbox_id: maybeId, team_id: maybeId, q: maybeText, page: maybeId, status: undefined, labels: undefined }, options);
void client.conversations.iterate({ inbox_id: maybeId, limit: maybeId }, options);
void client.conversations.counts({ inbox_id: maybeId, q: maybeText });
void client.conversations.search({ q: "ada", page: maybeId });
void client.conversations.searchMessages({ q: maybeText, inbox_id: maybeId, page: maybeId });
void client.conversations.filter([{ attribute_key: "status", filter_operator: "equal_to", values: ["open"], query_operator: undefined, custom_attribute_type: maybeText }], { page: maybeId });
void client.conversations.iterateFilter([{ attribute_key: "status", filter_operator: "equal_to", values: ["open"] }], { limit: maybeId });
void client.conversations.create({ source_id: "s", inbox_id: maybeId, assignee_id: maybeId, team_id: maybeId, snoozed_until: undefined, status: undefined });
void client.conversations.update(1, { priority: undefined, sla_policy_id: maybeId });
void client.conversations.toggleStatus(1, { status: undefined, snoozed_until: undefined });
void client.conversations.assign(1, { assignee_id: 5, assignee_type: undefined });
void client.conversations.attachments(1, { page: maybeId });
void client.conversations.messages.list(1, { before: maybeId, after: maybeId });
void client.conversations.messages.create(1, { content: "hi", private: undefined, message_type: undefined });
void client.labels.create({ title: "vip", description: maybeText, color: maybeText });
void client.labels.update(1, { title: maybeText, show_on_sidebar: undefined });
void client.conversations.messages.create(1, { content: maybeText, attachments: undefined, echo_id: maybeText });
void client.conversations.messages.updateStatus(1, 2, { status: "failed", external_error: maybeText });
void client.conversations.typing(1, "on", { private: undefined });
void client.conversations.bulk({ ids: [1], status: undefined, assignee_id: maybeId, team_id: undefined, labels: { add: undefined, remove: ["x"] } });
void client.agents.assignable({ inbox_ids: [1] }, options);
void client.conversations.get(1, { headers: undefined, account_id: maybeId });
`;

it("compiles under exactOptionalPropertyTypes", () => {
  expect(probe(consumer, { exactOptionalPropertyTypes: true }).errors()).toEqual([]);
}, 60_000);

it("the check has teeth: a required field given undefined does not compile", () => {
  const bad = `import { createChatwootClient } from "../../src/index.js";
const client = createChatwootClient({ baseUrl: "https://chat.example.com", apiAccessToken: "t", accountId: 1 });
void client.conversations.search({ q: undefined });
`;
  const errors = probe(bad, { exactOptionalPropertyTypes: true }).errors();
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(/^TS2322/);
}, 60_000);
