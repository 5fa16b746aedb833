// Unknown keys in a method's params are refused before anything is sent, naming
// the key and, when it is a near miss, the key that was meant. `account_id` in
// params is refused with a pointer to the per-call options. Against a real
// node:http server that must receive nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatwootClient, InvalidRequestError, type ChatwootClient } from "../../src/index.js";
import { startFaultServer, type FaultServer } from "../helpers/fault-server.js";

let server: FaultServer;
let client: ChatwootClient;

beforeAll(async () => {
  server = await startFaultServer();
  client = createChatwootClient({ baseUrl: server.origin, apiAccessToken: "tok", accountId: 7, maxRetries: 0 });
});
afterAll(() => server.close());

/** Untyped callers (JavaScript, JSON from elsewhere) can pass anything. */
const loose = (value: unknown) => value as never;
const condition = { attribute_key: "status", filter_operator: "equal_to", values: ["open"] };

type Case = [name: string, call: (c: ChatwootClient) => unknown, param: string, hint: string];
const cases: Case[] = [
  ["list({ inboxId })", (c) => c.conversations.list(loose({ inboxId: 3 })), "inboxId", "did you mean inbox_id?"],
  ["list({ account_id })", (c) => c.conversations.list(loose({ account_id: 9 })), "account_id", "per-call options"],
  ["list({ sortBy })", (c) => c.conversations.list(loose({ sortBy: "priority_asc" })), "sortBy", "did you mean sort_by?"],
  ["list({ statuss })", (c) => c.conversations.list(loose({ statuss: "open" })), "statuss", "did you mean status?"],
  ["list({ label })", (c) => c.conversations.list(loose({ label: ["vip"] })), "label", "did you mean labels?"],
  ["counts({ teamId })", (c) => c.conversations.counts(loose({ teamId: 2 })), "teamId", "did you mean team_id?"],
  ["counts({ assignee_type })", (c) => c.conversations.counts(loose({ assignee_type: "me" })), "assignee_type", "known: status"],
  ["search({ query })", (c) => c.conversations.search(loose({ query: "ada" })), "query", "known: q, page"],
  ["searchMessages({ q, inboxId })", (c) => c.conversations.searchMessages(loose({ q: "x", inboxId: 1 })), "inboxId", "did you mean inbox_id?"],
  ["filter(conditions, { Page })", (c) => c.conversations.filter([condition as never], loose({ Page: 2 })), "Page", "did you mean page?"],
  ["filter([{ attributeKey }])", (c) => c.conversations.filter(loose([{ ...condition, attributeKey: "x" }])), "attributeKey", "did you mean attribute_key?"],
  ["toggleStatus({ snoozedUntil })", (c) => c.conversations.toggleStatus(1, loose({ status: "snoozed", snoozedUntil: 1 })), "snoozedUntil", "did you mean snoozed_until?"],
  ["assign({ assigneeId })", (c) => c.conversations.assign(1, loose({ assigneeId: 4 })), "assigneeId", "did you mean assignee_id?"],
  ["assign({ assignee_id, team_id })", (c) => c.conversations.assign(1, loose({ assignee_id: 4, team_id: 2 })), "team_id", "not both"],
  ["update({ account_id })", (c) => c.conversations.update(1, loose({ priority: "low", account_id: 9 })), "account_id", "per-call options"],
  ["update({ status })", (c) => c.conversations.update(1, loose({ status: "open" })), "status", "use toggleStatus"],
  ["create({ account_id })", (c) => c.conversations.create(loose({ source_id: "s", account_id: 9 })), "account_id", "per-call options"],
  ["create({ inboxId })", (c) => c.conversations.create(loose({ source_id: "s", inboxId: 3 })), "inboxId", "did you mean inbox_id?"],
  ["attachments({ pg })", (c) => c.conversations.attachments(1, loose({ pg: 2 })), "pg", "known: page"],
  ["messages.list({ since })", (c) => c.conversations.messages.list(1, loose({ since: 5 })), "since", "known: before, after"],
  ["messages.create({ messageType })", (c) => c.conversations.messages.create(1, loose({ content: "hi", messageType: 1 })), "messageType", "did you mean message_type?"],
  ["labels.create({ colour })", (c) => c.labels.create(loose({ title: "vip", colour: "#ff0000" })), "colour", "did you mean color?"],
];

describe("unknown keys in params", () => {
  it.each(cases)("%s → InvalidRequestError naming the key, nothing sent", async (_name, call, param, hint) => {
    const before = server.count;
    let error: unknown;
    try {
      await call(client);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).param).toBe(param);
    expect((error as InvalidRequestError).message).toContain(param);
    expect((error as InvalidRequestError).message).toContain(hint);
    expect(server.count - before).toBe(0);
  });

  it("iterate() and iterateFilter() refuse unknown keys at once, before any request", () => {
    expect(() => client.conversations.iterate(loose({ inboxId: 3 }))).toThrow(/did you mean inbox_id\?/);
    expect(() => client.conversations.iterate(loose({ page: 2 }))).toThrow(InvalidRequestError);
    expect(() => client.conversations.iterate(loose({ account_id: 9 }))).toThrow(/per-call options/);
    expect(() => client.conversations.iterateFilter([condition as never], loose({ max: 5 }))).toThrow(InvalidRequestError);
    expect(server.count).toBe(0);
  });

  it("the account in the per-call options is honoured (the documented way)", async () => {
    server.enqueue((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"data":{"meta":{"mine_count":0,"assigned_count":0,"unassigned_count":0,"all_count":0},"payload":[]}}'));
    const page = await client.conversations.list({ inbox_id: 3 }, { account_id: 9 });
    expect(page.payload).toEqual([]);
    expect(server.requests.at(-1)?.url).toBe("/api/v1/accounts/9/conversations?inbox_id=3");
  });
});

describe("unknown keys in the per-call options", () => {
  const optionCases: [string, (c: ChatwootClient) => unknown, string, string][] = [
    ["list({}, { accountId })", (c) => c.conversations.list({}, loose({ accountId: 9 })), "accountId", "did you mean account_id?"],
    ["get(1, { timeout })", (c) => c.conversations.get(1, loose({ timeout: 500 })), "timeout", "known: account_id, signal"],
    ["toggleStatus(1, {}, { retries })", (c) => c.conversations.toggleStatus(1, {}, loose({ maxretries: 0 })), "maxretries", "did you mean maxRetries?"],
    ["labels.list({ header })", (c) => c.labels.list(loose({ header: { a: "b" } })), "header", "did you mean headers?"],
  ];
  it.each(optionCases)("%s → InvalidRequestError naming the key, nothing sent", async (_name, call, param, hint) => {
    const before = server.count;
    const error = await Promise.resolve(call(client)).then(() => undefined, (err: unknown) => err);
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).param).toBe(param);
    expect((error as InvalidRequestError).message).toContain(hint);
    expect(server.count - before).toBe(0);
  });

  it("known options pass (account_id, signal, timeoutMs, maxRetries, headers)", async () => {
    server.enqueue((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"payload":[]}'));
    const options = { account_id: 9, signal: new AbortController().signal, timeoutMs: 5000, maxRetries: 0, headers: { "x-trace": "t1" } };
    await expect(client.labels.list(options)).resolves.toEqual([]);
    expect(server.requests.at(-1)?.url).toBe("/api/v1/accounts/9/labels");
  });
});
