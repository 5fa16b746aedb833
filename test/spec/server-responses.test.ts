// Realistic server responses (test/fixtures/responses/<operationId>[.<case>].json,
// written from the Chatwoot 4.15.1 views each one cites, not from the spec's
// examples) must be accepted by the spec for their operation and status; and
// what the server never sends must be rejected.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chatwootTree, check, fixture, fixtures, haveTree, mediaTypeOf, spec, validator } from "./helpers/response-fixtures.js";
import { clone, deref, describeErrors, operation, operations, pointer, response, type JsonObject } from "./helpers/spec.js";

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
