// Answers Rails gives to input a client should not send, found by schemathesis
// (scripts/schemathesis.mjs) and checked against the 4.15.1 source: each one is what the
// server sends, and the spec documents it (every answer below is validated against it).
import { describe, expect, it } from "vitest";
import { ACC, ORIGIN, TOKENS, useSimulator, violations } from "./helpers/harness.js";

const h = useSimulator();

/** A request with a raw body; the answer must be one the spec documents. */
async function raw(method: string, path: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${ORIGIN}${path}`, { method, body, headers: { "content-type": "application/json", api_access_token: TOKENS.admin, ...headers } });
  const text = await res.text();
  const parsed: unknown = res.headers.get("content-type")?.includes("json") && text !== "" ? JSON.parse(text) : text;
  const found = await violations(method, new URL(`${ORIGIN}${path}`).pathname, res.status, res.headers.get("content-type"), parsed, text);
  expect(found, `${method} ${path} → ${res.status} ${text}`).toEqual([]);
  return { status: res.status, body: parsed };
}

const BAD_REQUEST = { status: 400, error: "Bad Request" };
const SERVER_ERROR = { status: 500, error: "Internal Server Error" };

describe("a JSON body that does not parse (ActionDispatch::Http::Parameters::ParseError)", () => {
  it("answers Rails' 400 on every kind of operation that takes a body, and changes nothing", async () => {
    const labels = h.sim.store.labels.size;
    expect(await raw("POST", `${ACC}/labels`, "\u0000")).toEqual({ status: 400, body: BAD_REQUEST });
    expect(h.sim.store.labels.size).toBe(labels);
    expect(await raw("POST", `${ACC}/conversations/filter`, "{not json")).toEqual({ status: 400, body: BAD_REQUEST });
    expect(await raw("POST", `${ACC}/conversations/1/toggle_status`, "'")).toEqual({ status: 400, body: BAD_REQUEST });
    expect(h.sim.store.conversationByDisplayId(1, 1)?.status).toBe("open");
    expect(await raw("POST", `${ACC}/conversations/1/direct_uploads`, "~:")).toEqual({ status: 400, body: BAD_REQUEST });
  });

  it("is found before the token is checked (params are read by ApplicationController's before_actions)", async () => {
    expect(await raw("POST", `${ACC}/labels`, "{", { api_access_token: "" })).toEqual({ status: 400, body: BAD_REQUEST });
    expect(await raw("POST", `${ACC}/labels`, "{", { api_access_token: "unknown-token" })).toEqual({ status: 400, body: BAD_REQUEST });
  });

  it("only for JSON: a body of another media type is not parsed at all", async () => {
    const res = await raw("POST", `${ACC}/labels`, "{", { "content-type": "text/plain" });
    expect(res).toEqual({ status: 422, body: { error: "param is missing or the value is empty: label" } });
  });

  it("a JSON body that is null or false is valid JSON ({_json: …}), not a 400", async () => {
    expect((await raw("PATCH", `${ACC}/labels/1`, "null")).status).toBe(422);
    expect((await raw("PATCH", `${ACC}/labels/1`, "false")).status).toBe(422);
  });
});

describe("documented server errors (500 on input Chatwoot does not handle)", () => {
  it("a filter condition that is not an object fails as Rails' NoMethodError does", async () => {
    expect(await raw("POST", `${ACC}/conversations/filter`, JSON.stringify({ payload: [null] }))).toEqual({ status: 500, body: SERVER_ERROR });
    expect(await raw("POST", `${ACC}/conversations/filter`, JSON.stringify({ payload: [{ attribute_key: "status", filter_operator: "equal_to", values: ["open"] }, 3] }))).toEqual({ status: 500, body: SERVER_ERROR });
  });

  it("participants without user_ids, or with an id that is no user, fail (documented 500)", async () => {
    expect(await raw("PATCH", `${ACC}/conversations/1/participants`, "")).toEqual({ status: 500, body: SERVER_ERROR });
    expect(await raw("DELETE", `${ACC}/conversations/1/participants`, "null")).toEqual({ status: 500, body: SERVER_ERROR });
    expect(await raw("POST", `${ACC}/conversations/1/participants`, JSON.stringify({ user_ids: [9999] }))).toEqual({ status: 500, body: SERVER_ERROR });
  });

  it("an unknown status on create, priority on update: the enum's ArgumentError (documented 500)", async () => {
    expect((await raw("POST", `${ACC}/conversations`, JSON.stringify({ inbox_id: 1, contact_id: 1, status: "AAA" }))).status).toBe(500);
    expect((await raw("PATCH", `${ACC}/conversations/1`, JSON.stringify({ priority: "AAA" }))).status).toBe(500);
  });
});

describe("direct uploads", () => {
  it("metadata that is not a hash is dropped by permit(metadata: {}), not echoed", async () => {
    const blob = { filename: "a.pdf", byte_size: 3, checksum: "x", content_type: "application/pdf", metadata: [null, null] };
    const res = await raw("POST", `${ACC}/conversations/1/direct_uploads`, JSON.stringify({ blob }));
    expect(res.status).toBe(200);
    expect((res.body as { metadata: unknown }).metadata).toEqual({});
  });

  it("a filename, byte_size or checksum that permit drops (or a blank checksum) fails unrescued (documented 500)", async () => {
    const good = { filename: "a.pdf", byte_size: 3, checksum: "x", content_type: "application/pdf" };
    for (const blob of [{ ...good, byte_size: {} }, { ...good, filename: null }, { ...good, checksum: [] }, { ...good, checksum: " " }, { filename: "a.pdf" }]) {
      expect(await raw("POST", `${ACC}/conversations/1/direct_uploads`, JSON.stringify({ blob })), JSON.stringify(blob)).toEqual({ status: 500, body: SERVER_ERROR });
    }
    const cast = await raw("POST", `${ACC}/conversations/1/direct_uploads`, JSON.stringify({ blob: { ...good, byte_size: "12abc" } }));
    expect((cast.body as { byte_size: unknown }).byte_size).toBe(12); // the integer column's to_i
  });
});

describe("bulk contact delete", () => {
  it("removes the contact's contact inboxes too: a create by its source_id is then a 404, not a crash", async () => {
    const ci = [...h.sim.store.contactInboxes.values()].find((x) => h.sim.store.contacts.get(x.contact_id)?.account_id === 1)!;
    expect((await raw("POST", `${ACC}/bulk_actions`, JSON.stringify({ type: "Contact", ids: [ci.contact_id], action_name: "delete" }))).status).toBe(200);
    expect([...h.sim.store.contactInboxes.values()].some((x) => x.contact_id === ci.contact_id)).toBe(false);
    const created = await raw("POST", `${ACC}/conversations`, JSON.stringify({ source_id: ci.source_id, inbox_id: ci.inbox_id }));
    expect(created).toEqual({ status: 404, body: { error: "Resource could not be found" } });
  });
});
