// A 2xx whose JSON body is not the promised envelope (a proxy's health page, a
// misrouted request: `null`, `{}`, `[]`, `"ok"`) is an InvalidResponseError on
// every method that reads a body, never a bare TypeError or `undefined`; on
// both transport paths (direct, and with middleware on `raw`). Against a real
// node:http server that answers every request with that body.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatwootClient, InvalidResponseError, type ChatwootClient } from "../../src/index.js";
import { allMethods } from "./scenarios.js";
import { listenOnLoopback, type Loopback } from "../helpers/loopback.js";

let body = "null";
let requests = 0;
let server: http.Server;
let origin: string;
let loopback: Loopback;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests += 1;
    req.resume().on("end", () => res.writeHead(200, { "content-type": "application/json" }).end(body));
  });
  loopback = await listenOnLoopback(server);
  origin = loopback.url;
});
afterAll(async () => {
  await loopback.close();
});

const condition = [{ attribute_key: "status", filter_operator: "equal_to" as const, values: ["open"] }];
const first = async (iterator: AsyncIterator<unknown>) => (await iterator.next()).value;

/** Every method whose answer has a body, with valid input. */
const methods: [string, (c: ChatwootClient) => PromiseLike<unknown>][] = [
  ["conversations.list", (c) => c.conversations.list()],
  ["conversations.iterate", (c) => first(c.conversations.iterate())],
  ["conversations.counts", (c) => c.conversations.counts()],
  ["conversations.filter", (c) => c.conversations.filter(condition)],
  ["conversations.iterateFilter", (c) => first(c.conversations.iterateFilter(condition))],
  ["conversations.searchMessages", (c) => c.conversations.searchMessages({ q: "invoice" })],
  ["conversations.search", (c) => c.conversations.search({ q: "ada" })],
  ["conversations.get", (c) => c.conversations.get(12)],
  ["conversations.create", (c) => c.conversations.create({ source_id: "s-1" })],
  ["conversations.update", (c) => c.conversations.update(12, { priority: "high" })],
  ["conversations.toggleStatus", (c) => c.conversations.toggleStatus(12, { status: "resolved" })],
  ["conversations.assign", (c) => c.conversations.assign(12, { assignee_id: 5 })],
  ["conversations.unassign", (c) => c.conversations.unassign(12)],
  ["conversations.markRead", (c) => c.conversations.markRead(12)],
  ["conversations.markUnread", (c) => c.conversations.markUnread(12)],
  ["conversations.attachments", (c) => c.conversations.attachments(12)],
  ["conversations.startVideoCall", (c) => c.conversations.startVideoCall(12)],
  ["conversations.join", (c) => c.conversations.join(12)],
  ["conversations.leave", (c) => c.conversations.leave(12)],
  ["conversations.invitableAgents", (c) => c.conversations.invitableAgents(12)],
  ["conversations.labels.list", (c) => c.conversations.labels.list(12)],
  ["conversations.labels.set", (c) => c.conversations.labels.set(12, ["vip"])],
  ["conversations.labels.add", (c) => c.conversations.labels.add(12, ["vip"])],
  ["conversations.labels.remove", (c) => c.conversations.labels.remove(12, ["vip"])],
  ["conversations.participants.list", (c) => c.conversations.participants.list(12)],
  ["conversations.participants.add", (c) => c.conversations.participants.add(12, [5])],
  ["conversations.participants.set", (c) => c.conversations.participants.set(12, [5])],
  ["conversations.customAttributes.set", (c) => c.conversations.customAttributes.set(12, { plan: "pro" })],
  ["conversations.customAttributes.merge", (c) => c.conversations.customAttributes.merge(12, { plan: "pro" })],
  ["conversations.messages.list", (c) => c.conversations.messages.list(12)],
  ["conversations.messages.create", (c) => c.conversations.messages.create(12, { content: "hi" })],
  ["labels.list", (c) => c.labels.list()],
  ["labels.get", (c) => c.labels.get(3)],
  ["labels.create", (c) => c.labels.create({ title: "vip" })],
  ["labels.update", (c) => c.labels.update(3, { color: "#ff0000" })],
  ["agents.list", (c) => c.agents.list()],
  ["agents.assignable", (c) => c.agents.assignable(3)],
  ["profile.get", (c) => c.profile.get()],
  ["conversations.messages.delete", (c) => c.conversations.messages.delete(12, 88)],
  ["conversations.messages.retry", (c) => c.conversations.messages.retry(12, 88)],
  ["conversations.messages.updateStatus", (c) => c.conversations.messages.updateStatus(12, 88, { status: "delivered" })],
  ["conversations.joinVideoCall", (c) => c.conversations.joinVideoCall(88)],
  ["conversations.unreadCounts", (c) => c.conversations.unreadCounts()],
  ["conversations.uploadFile", (c) => c.conversations.uploadFile(12, { data: new Uint8Array([1, 2]), filename: "a.pdf", contentType: "application/pdf" })],
  ["contacts.conversations", (c) => c.contacts.conversations(301)],
  ["contacts.labels.list", (c) => c.contacts.labels.list(301)],
  ["contacts.labels.set", (c) => c.contacts.labels.set(301, ["vip"])],
];

/** assign()/unassign() legitimately answer null (the server unassigned). */
const nullIsAnAnswer = new Set(["conversations.assign", "conversations.unassign"]);

/** These answer a bare array, so `[]` is a valid (empty) answer for them. */
const emptyArrayIsAnAnswer = new Set(["conversations.participants.list", "conversations.participants.add", "conversations.participants.set", "agents.list"]);

const bodies = ["null", "{}", "[]", '"ok"'];
const valid = (name: string, answer: string) => (answer === "null" && nullIsAnAnswer.has(name)) || (answer === "[]" && emptyArrayIsAnAnswer.has(name));
const cases = methods.flatMap(([name, call]) => bodies.filter((b) => !valid(name, b)).map((b) => ({ name, call, body: b })));

const paths: [string, () => ChatwootClient][] = [
  ["direct", () => createChatwootClient({ baseUrl: origin, apiAccessToken: "tok", accountId: 1, maxRetries: 0 })],
  [
    "with middleware on raw",
    () => {
      const client = createChatwootClient({ baseUrl: origin, apiAccessToken: "tok", accountId: 1, maxRetries: 0 });
      client.raw.use({ onRequest: () => undefined });
      return client;
    },
  ],
];

/** Methods whose answer has no body (nothing to check), and `raw` (openapi-fetch's own result). */
const bodiless = [
  "conversations.delete", "conversations.togglePriority", "conversations.mute", "conversations.unmute",
  "conversations.sendTranscript", "conversations.participants.remove", "labels.delete", "raw",
  "conversations.typing", "conversations.bulk",
];

it("the table covers every client method that reads a body", () => {
  const covered = new Set(methods.map(([name]) => name));
  expect(allMethods.filter((name) => !covered.has(name) && !bodiless.includes(name))).toEqual([]);
});

describe.each(paths)("%s", (_path, makeClient) => {
  it.each(cases)("$name, body $body → InvalidResponseError", async ({ call, body: answer }) => {
    body = answer;
    const before = requests;
    let outcome: unknown;
    try {
      outcome = { resolved: await call(makeClient()) };
    } catch (err) {
      outcome = err;
    }
    expect(outcome).toBeInstanceOf(InvalidResponseError);
    const error = outcome as InvalidResponseError;
    expect(error.status).toBe(200);
    expect(error.message).toMatch(/not the promised envelope/);
    expect(error.bodySnippet).toBe(answer);
    // The first answer was already wrong: nothing more was asked.
    expect(requests - before).toBe(1);
  });

  it("assign() and unassign() resolve null when the server answers null (it unassigned)", async () => {
    body = "null";
    const client = makeClient();
    await expect(client.conversations.assign(12, { assignee_id: 999 })).resolves.toBeNull();
    await expect(client.conversations.unassign(12)).resolves.toBeNull();
  });

  it("methods that answer a bare array resolve [] for []", async () => {
    body = "[]";
    const client = makeClient();
    await expect(client.agents.list()).resolves.toEqual([]);
    await expect(client.conversations.participants.list(12)).resolves.toEqual([]);
  });

  it("the check is not vacuous: a body with the envelope resolves", async () => {
    body = JSON.stringify({ data: { meta: { mine_count: 0, assigned_count: 0, unassigned_count: 0, all_count: 0 }, payload: [] } });
    await expect(makeClient().conversations.list()).resolves.toEqual({ meta: expect.any(Object), payload: [] });
    body = JSON.stringify({ id: 7, title: "vip" });
    await expect(makeClient().labels.get(7)).resolves.toEqual({ id: 7, title: "vip" });
  });
});
