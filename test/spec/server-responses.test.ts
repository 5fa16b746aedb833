// Realistic server responses (test/fixtures/responses/<operationId>[.<case>].json,
// written from the Chatwoot 4.15.1 views each one cites, not from the spec's
// examples) must be accepted by the spec for their operation and status; and
// what the server never sends must be rejected.
import { chatwootSource } from "../helpers/chatwoot-source.js";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  SpecValidator,
  clone,
  deref,
  describeErrors,
  loadSpec,
  operation,
  operations,
  pointer,
  response,
  root,
  type JsonObject,
  type Spec,
} from "./helpers/spec.js";

interface Fixture {
  file: string;
  operationId: string;
  case: string | undefined;
  status: number;
  headers: Record<string, string>;
  source: string[];
  body: unknown;
}

/** The Chatwoot source the fixtures cite; absent on machines without the shared tree. */
const chatwootTree = chatwootSource ?? "";
const haveTree = chatwootSource !== undefined;

const spec: Spec = await loadSpec();
const validator = new SpecValidator(spec);
const dir = path.join(root, "test", "fixtures", "responses");

const fixtures: Fixture[] = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((file) => {
    const [operationId, ...rest] = file.slice(0, -".json".length).split(".");
    const raw = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Omit<Fixture, "file" | "operationId" | "case">;
    return { file, operationId: operationId!, case: rest.length ? rest.join(".") : undefined, ...raw };
  });
const fixture = (name: string): Fixture => {
  const found = fixtures.find((f) => f.file === `${name}.json`);
  if (!found) throw new Error(`missing fixture ${name}.json`);
  return found;
};

const mediaTypeOf = (headers: Record<string, string>) => headers["content-type"]?.split(";")[0]!.trim();

/** Where the schema for this fixture's operation, status and content type lives. */
function schemaPointer(f: { operationId: string; status: number; headers: Record<string, string> }): string {
  const res = response(spec, operation(spec, f.operationId), String(f.status));
  if (!res) throw new Error(`${f.operationId} does not document status ${f.status}`);
  const type = mediaTypeOf(f.headers);
  const content = res.node.content as JsonObject | undefined;
  if (!type || !content?.[type]) throw new Error(`${f.operationId} ${f.status} does not document ${type ?? "a body"}`);
  return `${res.ptr}${pointer("content", type, "schema")}`;
}

const check = (f: { operationId: string; status: number; headers: Record<string, string> }, body: unknown) => validator.validate(schemaPointer(f), body);

describe("server responses are accepted by the spec", () => {
  it("there is a fixture for every operation", () => {
    const ids = new Set(operations(spec).map((o) => o.operationId));
    expect(fixtures.length).toBeGreaterThanOrEqual(ids.size);
    expect(fixtures.filter((f) => !ids.has(f.operationId)).map((f) => f.file), "fixtures naming an unknown operation").toEqual([]);
    const with2xx = new Set(fixtures.filter((f) => f.status >= 200 && f.status < 300).map((f) => f.operationId));
    expect([...ids].filter((id) => !with2xx.has(id)), "operations without a 2xx fixture").toEqual([]);
  });

  it("every fixture cites the 4.15.1 files it was written from", () => {
    for (const f of fixtures) {
      expect(f.source, f.file).toEqual(expect.arrayContaining([expect.stringMatching(/^(app|config|lib)\//)]));
      expect(f.source.length, f.file).toBeGreaterThan(0);
      if (haveTree) for (const file of f.source) expect(fs.existsSync(path.join(chatwootTree, file)), `${f.file}: ${file}`).toBe(true);
    }
  });

  it("every x-chatwoot-source of the spec names a file of the 4.15.1 tree", () => {
    for (const op of operations(spec)) {
      const sources = op.op["x-chatwoot-source"] as string[] | undefined;
      expect(Array.isArray(sources) && sources.length > 0, op.operationId).toBe(true);
      if (haveTree) for (const file of sources!) expect(fs.existsSync(path.join(chatwootTree, file)), `${op.operationId}: ${file}`).toBe(true);
    }
  });

  it("the awkward cases are all there", () => {
    for (const name of [
      "getConversation.snoozed",
      "getConversation.unassigned",
      "filterConversations",
      "toggleConversationStatus.bot-success-null",
      "assignConversation.unassigned",
      "listConversations.429",
      "listConversations.401-no-token",
      "getConversation.401-invalid-token",
      "createLabel.422-duplicate",
      "sendConversationTranscript.422-missing-email",
      "getConversation.404",
      "listConversationAttachments.contact-card",
      "assignConversation.unknown-agent",
      "assignConversation.unknown-team",
      "sendConversationTranscript.402-plan",
      "sendConversationTranscript.429-daily-limit",
      "createConversationMessage.echo-attachment",
      "createConversationMessage.422-incoming",
      "createDyteMeeting.422-dyte",
      "getLabel.401-agent",
      "createLabel.422-invalid-title",
    ]) {
      expect(() => fixture(name), name).not.toThrow();
    }
  });

  for (const f of fixtures) {
    it(f.file, () => {
      const res = response(spec, operation(spec, f.operationId), String(f.status));
      expect(res, `${f.operationId} documents ${f.status}`).toBeDefined();
      if (f.body === "") {
        // `head :ok` / `head :too_many_requests`: no body, no content type
        expect(mediaTypeOf(f.headers)).toBeUndefined();
        const content = res!.node.content as JsonObject | undefined;
        if (f.status >= 200 && f.status < 300) expect(content, `${f.operationId} ${f.status} must not promise a body`).toBeUndefined();
        // an error status that documents a text body must allow it to be empty
        else expect(validator.validate(`${res!.ptr}${pointer("content", "text/plain", "schema")}`, "").valid).toBe(true);
        return;
      }
      const { valid, errors } = check(f, f.body);
      expect(valid, describeErrors(errors)).toBe(true);
    });
  }
});

describe("the awkward cases, spelled out", () => {
  it("a snoozed conversation has an ISO snoozed_until; an unassigned one has no assignee keys at all", () => {
    const snoozed = fixture("getConversation.snoozed").body as JsonObject;
    expect([snoozed.status, typeof snoozed.snoozed_until]).toEqual(["snoozed", "string"]);
    const meta = (fixture("getConversation.unassigned").body as JsonObject).meta as JsonObject;
    expect(Object.keys(meta)).not.toContain("assignee");
    expect(Object.keys(meta)).not.toContain("assignee_type");
  });

  it("the filter response has no data wrapper and no assigned_count", () => {
    const body = fixture("filterConversations").body as JsonObject;
    expect(Object.keys(body).sort()).toEqual(["meta", "payload"]);
    expect(body.meta).not.toHaveProperty("assigned_count");
  });

  it("toggle_status with success null and an assignment answering null are valid", () => {
    const toggled = fixture("toggleConversationStatus.bot-success-null");
    expect((toggled.body as JsonObject & { payload: JsonObject }).payload.success).toBeNull();
    expect(check(toggled, toggled.body).valid).toBe(true);
    const unassigned = fixture("assignConversation.unassigned");
    expect(unassigned.body).toBeNull();
    expect(check(unassigned, null).valid).toBe(true);
  });

  it("a 429 is text/plain `Retry later\\n` without Retry-After, and so is the spec's 429 of every operation", () => {
    for (const name of ["listConversations.429", "getConversationCounts.429"]) {
      const f = fixture(name);
      expect(f.status).toBe(429);
      expect(mediaTypeOf(f.headers)).toBe("text/plain");
      expect(Object.keys(f.headers).map((h) => h.toLowerCase())).not.toContain("retry-after");
      expect(f.body).toBe("Retry later\n");
      expect(typeof f.body).toBe("string");
      expect(check(f, f.body).valid).toBe(true);
    }
    for (const op of operations(spec)) {
      const res = response(spec, op, "429");
      expect(Object.keys((res?.node.content as JsonObject | undefined) ?? {}), op.operationId).toEqual(["text/plain"]);
      expect(validator.validate(`${res!.ptr}${pointer("content", "text/plain", "schema")}`, "Retry later\n").valid).toBe(true);
      expect(validator.validate(`${res!.ptr}${pointer("content", "text/plain", "schema")}`, { error: "Retry later" }).valid, op.operationId).toBe(false);
      expect(Object.keys((res!.node.headers as JsonObject | undefined) ?? {}).map((h) => h.toLowerCase()), op.operationId).not.toContain("retry-after");
    }
  });

  it("both 401 shapes (Devise's errors array and the usual error string) are accepted", () => {
    const devise = fixture("listConversations.401-no-token");
    expect(devise.body).toEqual({ errors: ["You need to sign in or sign up before continuing."] });
    expect(check(devise, devise.body).valid).toBe(true);
    const invalid = fixture("getConversation.401-invalid-token");
    expect(invalid.body).toEqual({ error: "Invalid Access Token" });
    expect(check(invalid, invalid.body).valid).toBe(true);
    expect(check(invalid, { errors: "not an array" }).valid).toBe(false);
  });

  it("both 422 shapes (error string, message + attributes) are accepted", () => {
    const validation = fixture("createLabel.422-duplicate");
    expect(check(validation, validation.body).valid).toBe(true);
    const missing = fixture("sendConversationTranscript.422-missing-email");
    expect(check(missing, missing.body).valid).toBe(true);
    expect(check(validation, { message: "Title has already been taken" }).valid, "attributes is required").toBe(false);
  });

  it("a 404 is `{error}`", () => {
    const f = fixture("getConversation.404");
    expect(check(f, f.body).valid).toBe(true);
    expect(check(f, { description: "Not found", errors: [{ field: "id", message: "not found", code: "not_found" }] }).valid).toBe(false);
  });
});

describe("the spec rejects what the server never sends", () => {
  /** The base fixture is valid, the mutated copy is not, and the error is where the mutation is. */
  function rejects(name: string, mutate: (body: JsonObject) => unknown, errorAt?: string) {
    const f = fixture(name);
    expect(check(f, f.body).valid, `${name} itself is valid`).toBe(true);
    const body = clone(f.body) as JsonObject;
    const mutated = mutate(body) ?? body;
    const { valid, errors } = check(f, mutated);
    expect(valid).toBe(false);
    if (errorAt !== undefined) expect(errors.map((e) => e.instancePath), describeErrors(errors)).toContain(errorAt);
  }

  it("a conversation with snoozed_until as a number", () => {
    rejects("getConversation.snoozed", (c) => void (c.snoozed_until = 1764320400), "/snoozed_until");
  });

  it("a conversation with agent_last_seen_at null", () => {
    rejects("getConversation", (c) => void (c.agent_last_seen_at = null), "/agent_last_seen_at");
  });

  it('a conversation with priority "none"', () => {
    rejects("getConversation", (c) => void (c.priority = "none"), "/priority");
  });

  it('a conversation with status "closed"', () => {
    rejects("getConversation", (c) => void (c.status = "closed"), "/status");
  });

  it("a conversation with unread_count 11", () => {
    rejects("getConversation", (c) => void (c.unread_count = 11), "/unread_count");
  });

  it("a conversation with meta.assignee null (the server leaves the key out)", () => {
    rejects("getConversation.unassigned", (c) => void ((c.meta as JsonObject).assignee = null), "/meta/assignee");
  });

  it("a conversation with updated_at as an ISO string", () => {
    rejects("getConversation", (c) => void (c.updated_at = "2025-11-25T08:28:00.734Z"), "/updated_at");
  });

  it("a filter response with a data wrapper", () => {
    rejects("filterConversations", (body) => ({ data: body }));
  });

  it("a list response without data", () => {
    rejects("listConversations", (body) => body.data);
  });

  it("a toggle_status response with a numeric snoozed_until", () => {
    rejects("toggleConversationStatus.snoozed", (body) => void ((body.payload as JsonObject).snoozed_until = 1764320400), "/payload/snoozed_until");
  });

  // ---- 4.15.1 corrections (issue 11) ----

  it("a message from the messages endpoints with account_id, sender_type, sender_id or updated_at (the partial never sends them)", () => {
    for (const key of ["account_id", "sender_type", "sender_id", "updated_at"]) {
      rejects("createConversationMessage", (m) => void (m[key] = key === "updated_at" ? "2025-11-25T08:30:00.517Z" : key === "sender_type" ? "User" : 6));
      rejects("listConversationMessages", (b) => void ((b.payload as JsonObject[])[0]![key] = key === "updated_at" ? "2025-11-25T08:30:00.517Z" : key === "sender_type" ? "Contact" : 1));
    }
  });

  it("messages meta: last-seen as unix seconds, or the assignee as a full agent", () => {
    rejects("listConversationMessages", (b) => void ((b.meta as JsonObject).agent_last_seen_at = 1764058500), "/meta/agent_last_seen_at");
    rejects("listConversationMessages", (b) => void ((b.meta as JsonObject).assignee_last_seen_at = 0), "/meta/assignee_last_seen_at");
    const agent = (fixture("listAgents").body as JsonObject[])[0]!;
    rejects("listConversationMessages", (b) => void ((b.meta as JsonObject).assignee = agent), "/meta/assignee");
  });

  it("a toggle_status response with a meta key (Jbuilder drops the empty block)", () => {
    rejects("toggleConversationStatus", (b) => ({ meta: {}, ...b }));
  });

  it("a message-search item that is a full conversation instead of the slim form", () => {
    const full = fixture("getConversation").body as JsonObject;
    rejects("searchConversationMessages", (b) => void ((b.payload as JsonObject[])[0] = full), "/payload/0");
    rejects("searchConversationMessages", (b) => void ((b.payload as JsonObject[])[0]!.status = "open"), "/payload/0");
  });

  it("search/conversations with agent null, message null, or a message in the embedded form", () => {
    rejects("searchConversations", (b) => void (((b.payload as JsonObject).conversations as JsonObject[])[0]!.agent = null), "/payload/conversations/0/agent");
    rejects("searchConversations", (b) => void (((b.payload as JsonObject).conversations as JsonObject[])[0]!.message = null), "/payload/conversations/0/message");
    const embedded = (fixture("getConversation").body as JsonObject & { messages: JsonObject[] }).messages[0]!;
    rejects("searchConversations", (b) => void (((b.payload as JsonObject).conversations as JsonObject[])[0]!.message = embedded), "/payload/conversations/0/message");
  });

  it("an attachments item with account_id, or without the keys its type lacks", () => {
    rejects("listConversationAttachments.contact-card", (b) => void ((b.payload as JsonObject[])[0]!.account_id = 1), "/payload/0");
    rejects("listConversationAttachments.contact-card", (b) => void delete (b.payload as JsonObject[])[0]!.data_url, "/payload/0");
  });

  it("a filter or counts response with extra or missing counts", () => {
    rejects("filterConversations", (b) => void ((b.meta as JsonObject).assigned_count = 1), "/meta");
    rejects("getConversationCounts", (b) => void delete (b.meta as JsonObject).assigned_count, "/meta");
  });
});

describe("what the server does send, beyond the single fixtures", () => {
  it("updated_within returns every match: more than 25 conversations in one list response are valid", () => {
    const f = fixture("listConversations");
    const body = clone(f.body) as JsonObject & { data: { payload: JsonObject[] } };
    const one = body.data.payload[0]!;
    body.data.payload = Array.from({ length: 30 }, (_, i) => ({ ...clone(one), id: 1000 + i }));
    expect(check(f, body).valid, describeErrors(check(f, body).errors)).toBe(true);
  });

  it("label titles: Unicode letters and digits, at least 2 characters, not starting with - or _", () => {
    const title = (t: string) => validator.validateSchema("CreateLabelRequest", { title: t }).valid;
    for (const ok of ["vip", "café", "größe-2", "заказ_1", "12"]) expect(title(ok), ok).toBe(true);
    for (const bad of ["a", "-vip", "_vip", "vip!", "two words", ""]) expect(title(bad), bad).toBe(false);
    expect(validator.validateSchema("UpdateLabelRequest", { title: "-x" }).valid).toBe(false);
  });

  it("toggle_priority and assignments accept the bodies the server accepts", () => {
    const op = operation(spec, "toggleConversationPriority");
    expect((op.op.requestBody as JsonObject).required).not.toBe(true);
    expect(validator.validateSchema("AssignmentRequest", {}).valid).toBe(true);
    expect(validator.validateSchema("UpdateConversationRequest", { status: "resolved", priority: "high" }).valid, "status is ignored, not refused").toBe(true);
    expect(validator.validateSchema("UpdateConversationRequest", { priority: "none" }).valid).toBe(false);
  });

  it("the inbox assignable_agents endpoint is deprecated; messages list takes filter_internal_messages", () => {
    expect(operation(spec, "listInboxAssignableAgents").op.deprecated).toBe(true);
    const params = (operation(spec, "listConversationMessages").op.parameters as JsonObject[]).map((p) => deref(spec, p, "(param)").node.name);
    expect(params).toEqual(expect.arrayContaining(["before", "after", "filter_internal_messages"]));
    const search = (operation(spec, "searchConversationMessages").op.parameters as JsonObject[]).map((p) => deref(spec, p, "(param)").node.name);
    expect(search).toEqual(expect.arrayContaining(["conversation_type", "source_id", "sort_by", "updated_within"]));
  });
});
