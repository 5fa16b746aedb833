// The methods added for support tools and bots: the exact request each one
// sends (method, path, query bytes, body bytes), captured by a real node:http
// server on 127.0.0.1, what it resolves to, what it refuses before sending, and
// whether it is retried (from the spec's x-idempotent).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createChatwootClient, InvalidRequestError, PermissionDeniedError, type ChatwootClient } from "../../src/index.js";
import { json, rejectionOf, startFaultServer, TOKEN, type FaultServer, type Handler } from "../helpers/fault-server.js";

const ACC = "/api/v1/accounts/3";
const MESSAGE = { id: 88401, content: "This message was deleted", content_type: "text", message_type: 1, private: false, content_attributes: { deleted: true } };
const AGENT = { id: 22, account_id: 3, availability_status: "busy", auto_offline: true, confirmed: true, email: "t@acme.example", provider: "email", available_name: "Tomás", name: "Tomás Oliveira", role: "agent", thumbnail: "" };
const empty: Handler = (_req, res) => res.writeHead(200, { "content-length": "0" }).end();

let server: FaultServer;
let chatwoot: ChatwootClient;
beforeEach(async () => {
  server = await startFaultServer();
  chatwoot = createChatwootClient({ baseUrl: server.origin, apiAccessToken: TOKEN, accountId: 3, maxRetries: 1 });
});
afterEach(() => server.close());

/** The one request the server received: method, path with query, body text. */
function sent(index = 0) {
  const request = server.requests[index]!;
  return { method: request.method, url: request.url, type: request.headers["content-type"], body: request.body.toString("utf8") };
}

describe("wire bytes and results", () => {
  it.each<[string, (c: ChatwootClient) => Promise<unknown>, Handler, { method: string; url: string; body: string }, unknown]>([
    ["messages.delete", (c) => c.conversations.messages.delete(1042, 88401), json(200, MESSAGE), { method: "DELETE", url: `${ACC}/conversations/1042/messages/88401`, body: "" }, MESSAGE],
    ["messages.retry", (c) => c.conversations.messages.retry(1042, 88401), json(200, MESSAGE), { method: "POST", url: `${ACC}/conversations/1042/messages/88401/retry`, body: "" }, MESSAGE],
    [
      "messages.updateStatus",
      (c) => c.conversations.messages.updateStatus(1042, 88401, { status: "failed", external_error: "131047: re-engagement window closed" }),
      json(200, MESSAGE),
      { method: "PATCH", url: `${ACC}/conversations/1042/messages/88401`, body: '{"status":"failed","external_error":"131047: re-engagement window closed"}' },
      MESSAGE,
    ],
    ["typing on", (c) => c.conversations.typing(1042, "on"), empty, { method: "POST", url: `${ACC}/conversations/1042/toggle_typing_status`, body: '{"typing_status":"on"}' }, undefined],
    [
      "typing off, private",
      (c) => c.conversations.typing(1042, "off", { private: true }),
      empty,
      { method: "POST", url: `${ACC}/conversations/1042/toggle_typing_status`, body: '{"typing_status":"off","is_private":true}' },
      undefined,
    ],
    [
      "bulk",
      (c) => c.conversations.bulk({ ids: [1042, 1043], status: "open", assignee_id: null, team_id: 2, labels: { add: ["refund"], remove: ["order-status"] } }),
      empty,
      {
        method: "POST",
        url: `${ACC}/bulk_actions`,
        body: '{"type":"Conversation","ids":[1042,1043],"fields":{"status":"open","assignee_id":null,"team_id":2},"labels":{"add":["refund"],"remove":["order-status"]}}',
      },
      undefined,
    ],
    [
      "bulk snooze",
      (c) => c.conversations.bulk({ ids: [1060], status: "snoozed", snoozed_until: 4_102_444_800 }),
      empty,
      { method: "POST", url: `${ACC}/bulk_actions`, body: '{"type":"Conversation","ids":[1060],"fields":{"status":"snoozed"},"snoozed_until":4102444800}' },
      undefined,
    ],
    [
      "unreadCounts",
      (c) => c.conversations.unreadCounts(),
      json(200, { payload: { all_count: 5, inboxes: { "11": 3, "14": 2 }, labels: {}, teams: { "2": 3 } } }),
      { method: "GET", url: `${ACC}/conversations/unread_counts`, body: "" },
      { all_count: 5, inboxes: { "11": 3, "14": 2 }, labels: {}, teams: { "2": 3 } },
    ],
    [
      "joinVideoCall",
      (c) => c.conversations.joinVideoCall(88370),
      json(200, { id: "6f0c", name: "Tomás", token: "dyte-jwt" }),
      { method: "POST", url: `${ACC}/integrations/dyte/add_participant_to_meeting`, body: '{"message_id":88370}' },
      { id: "6f0c", name: "Tomás", token: "dyte-jwt" },
    ],
    [
      "contacts.conversations",
      (c) => c.contacts.conversations(301),
      json(200, { payload: [{ id: 1042 }, { id: 977 }] }),
      { method: "GET", url: `${ACC}/contacts/301/conversations`, body: "" },
      [{ id: 1042 }, { id: 977 }],
    ],
    ["contacts.labels.list", (c) => c.contacts.labels.list(301), json(200, { payload: ["vip"] }), { method: "GET", url: `${ACC}/contacts/301/labels`, body: "" }, ["vip"]],
    [
      "contacts.labels.set",
      (c) => c.contacts.labels.set(301, ["vip", "atacado"]),
      json(200, { payload: ["atacado", "vip"] }),
      { method: "POST", url: `${ACC}/contacts/301/labels`, body: '{"labels":["vip","atacado"]}' },
      ["atacado", "vip"],
    ],
    [
      "agents.assignable({ inbox_ids })",
      (c) => c.agents.assignable({ inbox_ids: [3, 7] }),
      json(200, { payload: [AGENT] }),
      { method: "GET", url: `${ACC}/assignable_agents?inbox_ids[]=3&inbox_ids[]=7`, body: "" },
      [AGENT],
    ],
    [
      "agents.assignable(inboxId)",
      (c) => c.agents.assignable(3),
      json(200, { payload: [AGENT] }),
      { method: "GET", url: `${ACC}/assignable_agents?inbox_ids[]=3`, body: "" },
      [AGENT],
    ],
  ])("%s", async (_name, call, handler, request, result) => {
    server.enqueue(handler);
    expect(await call(chatwoot)).toEqual(result);
    expect(server.count).toBe(1);
    const { method, url, body, type } = sent();
    expect({ method, url, body }).toEqual(request);
    expect(type).toBe(body === "" ? undefined : "application/json");
    expect(server.requests[0]!.headers["api_access_token"]).toBe(TOKEN);
  });
});

describe("retries follow x-idempotent", () => {
  const busy = json(503, { error: "busy" });
  it.each<[string, (c: ChatwootClient) => Promise<unknown>, number]>([
    ["messages.retry (sends a message)", (c) => c.conversations.messages.retry(1042, 88401), 1],
    ["joinVideoCall (creates a participant)", (c) => c.conversations.joinVideoCall(88370), 1],
    ["messages.delete", (c) => c.conversations.messages.delete(1042, 88401), 2],
    ["typing", (c) => c.conversations.typing(1042, "on"), 2],
    ["bulk", (c) => c.conversations.bulk({ ids: [1], status: "resolved" }), 2],
    ["contacts.labels.set", (c) => c.contacts.labels.set(301, []), 2],
  ])("%s: %i attempt(s) on a 503", async (_name, call, attempts) => {
    server.enqueue(busy, busy);
    await expect(call(chatwoot)).rejects.toMatchObject({ status: 503 });
    expect(server.count).toBe(attempts);
  });
});

describe("errors", () => {
  it("updateStatus outside an API inbox is a 403 PermissionDeniedError with the server's message", async () => {
    server.enqueue(json(403, { error: "Message status update is only allowed for API inboxes" }));
    const error = await rejectionOf(chatwoot.conversations.messages.updateStatus(1042, 1, { status: "read" }), PermissionDeniedError);
    expect(error.message).toContain("only allowed for API inboxes");
  });
});

describe("refused before sending", () => {
  it.each<[string, (c: ChatwootClient) => Promise<unknown>, string]>([
    ["message id", (c) => c.conversations.messages.delete(1042, 0), "message_id"],
    ["status", (c) => c.conversations.messages.updateStatus(1042, 1, { status: "seen" as never }), "status"],
    ["status missing", (c) => c.conversations.messages.updateStatus(1042, 1, {}), "status"],
    ["unknown field", (c) => c.conversations.messages.updateStatus(1042, 1, { status: "read", error: "x" } as never), "error"],
    ["typing value", (c) => c.conversations.typing(1042, "yes" as never), "status"],
    ["typing private", (c) => c.conversations.typing(1042, "on", { private: "yes" as never }), "private"],
    ["bulk without ids", (c) => c.conversations.bulk({ ids: [], status: "open" }), "ids"],
    ["bulk bad id", (c) => c.conversations.bulk({ ids: [1, -2], status: "open" }), "ids[1]"],
    ["bulk nothing to do", (c) => c.conversations.bulk({ ids: [1] }), "params"],
    ["bulk empty labels", (c) => c.conversations.bulk({ ids: [1], labels: {} }), "params"],
    ["bulk status", (c) => c.conversations.bulk({ ids: [1], status: "closed" as never }), "status"],
    ["bulk snooze without status", (c) => c.conversations.bulk({ ids: [1], snoozed_until: 4_102_444_800 }), "snoozed_until"],
    ["bulk snooze in the past", (c) => c.conversations.bulk({ ids: [1], status: "snoozed", snoozed_until: 1_000_000 }), "snoozed_until"],
    ["bulk label with comma", (c) => c.conversations.bulk({ ids: [1], labels: { add: ["a,b"] } }), "labels.add[0]"],
    ["bulk typo", (c) => c.conversations.bulk({ ids: [1], assigneeId: 3 } as never), "assigneeId"],
    ["contact id", (c) => c.contacts.conversations(1.5), "contact_id"],
    ["contact labels not an array", (c) => c.contacts.labels.set(301, "vip" as never), "labels"],
    ["inbox_ids empty", (c) => c.agents.assignable({ inbox_ids: [] }), "inbox_ids"],
    ["inbox id", (c) => c.agents.assignable(0), "inbox_id"],
    ["dyte message id", (c) => c.conversations.joinVideoCall(-1), "message_id"],
  ])("%s", async (_name, call, param) => {
    const error = await rejectionOf(call(chatwoot), InvalidRequestError);
    expect(error.param).toBe(param);
    expect(server.count).toBe(0);
  });
});
