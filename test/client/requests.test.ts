// Every client method, run against an injected fetch: the exact requests it
// sends (method, path, query bytes, headers, JSON body) and what it resolves
// to, plus wire details (repeated labels[], integer ids, unix seconds).
import { describe, expect, it } from "vitest";
import { CLIENT_TOKEN, conversation, defaultBodies } from "./fixtures.js";
import { BASE_URL, bodyFor, harness, jsonResponse, parseJson, serverLike, type RecordedRequest, type Responder } from "./harness.js";
import { allMethods, scenarios, SNOOZE_NUMBER, SNOOZE_SECONDS, type ExpectedRequest } from "./scenarios.js";
import { Spec } from "./spec.js";

const spec = new Spec();

function normalise(request: RecordedRequest) {
  return { method: request.method, path: request.path, query: request.query, body: parseJson(request.bodyText) };
}

function normaliseExpected(request: ExpectedRequest) {
  return { method: request.method, path: request.path, query: request.query ?? "", body: request.body };
}

const byKey = (a: { method: string; path: string; query: string }, b: { method: string; path: string; query: string }) =>
  `${a.method} ${a.path}${a.query}`.localeCompare(`${b.method} ${b.path}${b.query}`);

describe("the scenario table", () => {
  it("covers every client method", () => {
    const covered = new Set(scenarios.map((s) => s.method));
    expect(allMethods.filter((m) => !covered.has(m))).toEqual([]);
    expect([...covered].filter((m) => !(allMethods as readonly string[]).includes(m))).toEqual([]);
  });

  it("reaches every operation of the spec", () => {
    const reached = new Set(scenarios.flatMap((s) => s.requests.map((r) => spec.find(r.method, r.path).operationId)));
    expect(spec.operations.map((o) => o.operationId).filter((id) => !reached.has(id))).toEqual([]);
  });

  it("answers with bodies that satisfy the spec's 200 schemas", () => {
    const problems: string[] = [];
    for (const op of spec.operations) {
      const { empty, body } = bodyFor(spec, { method: op.method, path: op.template.replace(/\{[^}]+\}/g, "1"), query: "" });
      if (!empty) problems.push(spec.validate200(op, body) ?? "");
      else expect(defaultBodies[op.operationId], `${op.operationId} has an empty 200`).toBeUndefined();
    }
    for (const s of scenarios) {
      for (const [key, body] of Object.entries(s.respond ?? {})) {
        const [method = "", target = ""] = key.split(" ");
        const op = spec.find(method, new URL(target, BASE_URL).pathname);
        problems.push(spec.validate200(op, body) ?? "");
      }
    }
    expect(problems.filter(Boolean)).toEqual([]);
  });
});

describe.each(scenarios)("$name", (scenario) => {
  it("sends exactly the expected requests and resolves to the unwrapped payload", async () => {
    const h = harness(serverLike(spec, scenario));
    const result = await scenario.run(h.client);

    const actual = h.requests.map(normalise);
    const expected = scenario.requests.map(normaliseExpected);
    if (scenario.anyOrder) {
      actual.sort(byKey);
      expected.sort(byKey);
    }
    expect(actual).toStrictEqual(expected);

    for (const request of h.requests) {
      expect(request.headers["api_access_token"], `${request.method} ${request.path}`).toBe(CLIENT_TOKEN);
      if (request.bodyText === "") {
        expect(request.headers["content-type"], `${request.method} ${request.path} has no body`).toBeUndefined();
      } else {
        expect(request.headers["content-type"], `${request.method} ${request.path}`).toMatch(/^application\/json(;|$)/);
      }
    }

    expect(result).toStrictEqual(scenario.expected(h.exchanges));
  });
});

describe("wire details", () => {
  const serve = (): Responder => serverLike(spec);

  it("labels go out as repeated labels[] in list, counts, searchMessages (raw bytes)", async () => {
    const h = harness(serve());
    await h.client.conversations.list({ labels: ["a", "b"] });
    await h.client.conversations.counts({ labels: ["a", "b"] });
    await h.client.conversations.searchMessages({ q: "x", labels: ["a", "b"] });
    expect(h.requests.map((r) => r.query)).toEqual(["?labels[]=a&labels[]=b", "?labels[]=a&labels[]=b", "?q=x&labels[]=a&labels[]=b"]);
    for (const r of h.requests) expect(r.query).not.toMatch(/(^|[?&])labels=/);
  });

  it("user_ids are JSON integers in the raw body", async () => {
    const h = harness(serve());
    await h.client.conversations.participants.add(12, [6, 7]);
    await h.client.conversations.participants.set(12, [5]);
    await h.client.conversations.participants.remove(12, [6]);
    expect(h.requests.map((r) => r.bodyText)).toEqual(['{"user_ids":[6,7]}', '{"user_ids":[5]}', '{"user_ids":[6]}']);
  });

  it("snoozed_until is whole unix seconds for toggle_status, ISO 8601 for create (which stores it as sent)", async () => {
    const h = harness(serve());
    const date = new Date(SNOOZE_SECONDS * 1000 + 999);
    await h.client.conversations.toggleStatus(12, { status: "snoozed", snoozed_until: date });
    await h.client.conversations.toggleStatus(12, { status: "snoozed", snoozed_until: SNOOZE_NUMBER });
    await h.client.conversations.create({ inbox_id: 3, contact_id: 501, status: "snoozed", snoozed_until: date });
    const sent = h.requests.map((r) => (JSON.parse(r.bodyText) as { snoozed_until: unknown }).snoozed_until);
    expect(sent).toStrictEqual([SNOOZE_SECONDS, SNOOZE_NUMBER, new Date(SNOOZE_SECONDS * 1000).toISOString()]);
    for (const r of h.requests.slice(0, 2)) expect(r.bodyText).toMatch(/"snoozed_until":\d+[,}]/);
  });

  it("{ account_id } overrides the account per call only", async () => {
    const h = harness(serve());
    await h.client.conversations.get(12, { account_id: 7 });
    await h.client.conversations.get(12);
    await h.client.labels.get(3, { account_id: 9 });
    expect(h.requests.map((r) => r.path)).toEqual([
      "/api/v1/accounts/7/conversations/12",
      "/api/v1/accounts/1/conversations/12",
      "/api/v1/accounts/9/labels/3",
    ]);
  });

  it("filter: earlier conditions default to AND, an explicit OR is kept, the last one is null", async () => {
    const h = harness(serve());
    await h.client.conversations.filter([
      { attribute_key: "status", filter_operator: "equal_to", values: ["open"] },
      { attribute_key: "priority", filter_operator: "equal_to", values: ["high"], query_operator: "OR" },
      { attribute_key: "inbox_id", filter_operator: "equal_to", values: [3] },
      { attribute_key: "team_id", filter_operator: "is_present", values: [], query_operator: "OR" },
    ]);
    const sent = JSON.parse(h.requests[0]?.bodyText ?? "") as { payload: { query_operator: unknown }[] };
    expect(sent.payload.map((c) => c.query_operator)).toStrictEqual(["AND", "OR", "AND", null]);
    // null is sent explicitly, not dropped.
    expect(h.requests[0]?.bodyText).toContain('"query_operator":null');
  });

  it("a base URL with a path prefix keeps the prefix", async () => {
    const h = harness(() => jsonResponse(conversation(12)), { baseUrl: "https://example.com/chatwoot/" });
    await h.client.conversations.get(12);
    expect(h.requests[0]?.url).toBe("https://example.com/chatwoot/api/v1/accounts/1/conversations/12");
  });

  it("empty-body responses resolve to undefined", async () => {
    const h = harness(serve());
    const c = h.client.conversations;
    const results = await Promise.all([
      c.togglePriority(12, "low"),
      c.mute(12),
      c.unmute(12),
      c.delete(12),
      c.participants.remove(12, [6]),
      h.client.labels.delete(3),
      c.sendTranscript(12, "ada@example.com"),
    ]);
    expect(results).toStrictEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(h.requests).toHaveLength(7);
  });
});
