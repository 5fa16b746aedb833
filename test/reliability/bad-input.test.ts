// Bad input is refused before anything is sent: each invalid call rejects with
// InvalidRequestError naming the parameter, and the server sees zero requests.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatwootClient, InvalidRequestError, type ChatwootClient } from "../../src/index.js";
import { startFaultServer, type FaultServer } from "../helpers/fault-server.js";

let server: FaultServer;
let chatwoot: ChatwootClient;

beforeAll(async () => {
  server = await startFaultServer();
  chatwoot = createChatwootClient({ baseUrl: server.origin, apiAccessToken: "secret-token-1234", accountId: 1, maxRetries: 0 });
});
afterAll(() => server.close());

const past = new Date(Date.now() - 60_000);
const ok = { attribute_key: "status", filter_operator: "equal_to", values: ["open"] } as const;

// Deliberately wrong calls; `any` lets us send what TypeScript would refuse (JavaScript callers can).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
const cases: Array<[name: string, param: string, call: (c: Loose) => PromiseLike<unknown>]> = [
  ["string conversation id", "conversation_id", (c) => c.conversations.get("12")],
  ["zero conversation id", "conversation_id", (c) => c.conversations.get(0)],
  ["negative conversation id", "conversation_id", (c) => c.conversations.get(-3)],
  ["fractional conversation id", "conversation_id", (c) => c.conversations.get(1.5)],
  ["unsafe integer id", "conversation_id", (c) => c.conversations.get(2 ** 53)],
  ["NaN id", "conversation_id", (c) => c.conversations.delete(Number.NaN)],
  ["path traversal id", "conversation_id", (c) => c.conversations.get("1/../../profile")],
  ["account override not an id", "account_id", (c) => c.conversations.get(1, { account_id: "2" })],
  ["unknown list status", "status", (c) => c.conversations.list({ status: "closed" })],
  ["unknown assignee_type", "assignee_type", (c) => c.conversations.list({ assignee_type: "mine" })],
  ["unknown sort_by", "sort_by", (c) => c.conversations.list({ sort_by: "newest" })],
  ["page zero", "page", (c) => c.conversations.list({ page: 0 })],
  ["string inbox_id", "inbox_id", (c) => c.conversations.list({ inbox_id: "4" })],
  ["label with comma", "labels[0]", (c) => c.conversations.list({ labels: ["vip,billing"] })],
  ["empty label", "labels[1]", (c) => c.conversations.list({ labels: ["vip", ""] })],
  ["labels not an array", "labels", (c) => c.conversations.counts({ labels: "vip" })],
  ["lone surrogate in q", "q", (c) => c.conversations.list({ q: "\uD800" })],
  ["toggle to unknown status", "status", (c) => c.conversations.toggleStatus(1, { status: "closed" })],
  ["snooze in the past", "snoozed_until", (c) => c.conversations.toggleStatus(1, { status: "snoozed", snoozed_until: past })],
  ["snooze given in milliseconds", "snoozed_until", (c) => c.conversations.toggleStatus(1, { status: "snoozed", snoozed_until: Date.now() + 3_600_000 })],
  ["snooze without snoozed status", "snoozed_until", (c) => c.conversations.toggleStatus(1, { status: "open", snoozed_until: Date.now() / 1000 + 60 })],
  ["priority none", "priority", (c) => c.conversations.togglePriority(1, "none")],
  ["update with priority none", "priority", (c) => c.conversations.update(1, { priority: "none" })],
  ["update of a field the server ignores", "status", (c) => c.conversations.update(1, { status: "resolved" })],
  ["set labels with comma", "labels[0]", (c) => c.conversations.labels.set(1, ["a,b"])],
  ["add no labels", "labels", (c) => c.conversations.labels.add(1, [])],
  ["participants not integers", "user_ids[0]", (c) => c.conversations.participants.add(1, ["5"])],
  ["participants empty", "user_ids", (c) => c.conversations.participants.set(1, [])],
  ["assign without target", "assignee_id", (c) => c.conversations.assign(1, {})],
  ["assign string agent", "assignee_id", (c) => c.conversations.assign(1, { assignee_id: "7" })],
  ["assign to unknown assignee_type", "assignee_type", (c) => c.conversations.assign(1, { assignee_id: 7, assignee_type: "Team" })],
  ["create without source or inbox+contact", "source_id", (c) => c.conversations.create({ inbox_id: 1 })],
  ["create with unknown status", "status", (c) => c.conversations.create({ source_id: "abc", status: "closed" })],
  ["transcript to a non-email", "email", (c) => c.conversations.sendTranscript(1, "not-an-email")],
  ["filter with no conditions", "conditions", (c) => c.conversations.filter([])],
  ["filter with unknown operator", "conditions[1].filter_operator", (c) => c.conversations.filter([ok, { ...ok, filter_operator: "like" }])],
  ["filter with bad query_operator", "conditions[0].query_operator", (c) => c.conversations.filter([{ ...ok, query_operator: "XOR" }, ok])],
  ["message with unknown type", "message_type", (c) => c.conversations.messages.create(1, { content: "hi", message_type: "outbound" })],
  ["message without content", "content", (c) => c.conversations.messages.create(1, {})],
  ["messages before not an id", "before", (c) => c.conversations.messages.list(1, { before: -1 })],
  ["custom attributes not an object", "custom_attributes", (c) => c.conversations.customAttributes.set(1, ["a"])],
  ["label title with space", "title", (c) => c.labels.create({ title: "needs review" })],
  ["label colour not hex", "color", (c) => c.labels.update(3, { color: "red" })],
  ["label id string", "label_id", (c) => c.labels.get("3")],
  ["assignable agents of bad inbox", "inbox_id", (c) => c.agents.assignable(0)],
  ["search with empty q", "q", (c) => c.conversations.search({ q: "" })],
  ["iterate with limit zero", "limit", (c) => Promise.resolve().then(() => c.conversations.iterate({ limit: 0 }))],
];

describe("bad input never reaches the server", () => {
  it("has at least 30 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)("%s → InvalidRequestError(%s)", async (_name, param, call) => {
    const before = server.count;
    const error = await Promise.resolve()
      .then(() => call(chatwoot))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).param).toBe(param);
    expect((error as Error).message).toContain(param);
    expect(server.count).toBe(before);
  });
});

describe("bad client options fail at construction", () => {
  const base = { baseUrl: "https://chat.example.org", apiAccessToken: "t0k3n", accountId: 1 };
  const optionCases: Array<[string, string, Record<string, unknown>]> = [
    ["missing token", "apiAccessToken", { ...base, apiAccessToken: undefined }],
    ["empty token", "apiAccessToken", { ...base, apiAccessToken: "" }],
    ["missing account id", "accountId", { ...base, accountId: undefined }],
    ["string account id", "accountId", { ...base, accountId: "1" }],
    ["ftp base url", "baseUrl", { ...base, baseUrl: "ftp://chat.example.org" }],
    ["relative base url", "baseUrl", { ...base, baseUrl: "/chatwoot" }],
    ["credentials in base url", "baseUrl", { ...base, baseUrl: "https://admin:pw@chat.example.org" }],
    ["negative maxRetries", "maxRetries", { ...base, maxRetries: -1 }],
    ["zero timeout", "timeoutMs", { ...base, timeoutMs: 0 }],
  ];
  it.each(optionCases)("%s → InvalidRequestError(%s)", (_name, param, options) => {
    let error: unknown;
    try {
      createChatwootClient(options as never);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).param).toBe(param);
    // The message must never echo the token or URL credentials back.
    expect(String(error)).not.toContain("t0k3n");
    expect(String(error)).not.toContain(":pw@");
  });
});
