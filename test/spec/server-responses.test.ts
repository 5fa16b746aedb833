// Realistic server responses (test/fixtures/responses/<operationId>[.<case>].json,
// written from the behaviour reference, not from the spec's examples) must be
// accepted by the spec for their operation and status; and what the server
// never sends must be rejected.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  SpecValidator,
  clone,
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
  body: unknown;
}

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
    ]) {
      expect(() => fixture(name), name).not.toThrow();
    }
  });

  for (const f of fixtures) {
    it(f.file, () => {
      const res = response(spec, operation(spec, f.operationId), String(f.status));
      expect(res, `${f.operationId} documents ${f.status}`).toBeDefined();
      if (f.body === "") {
        // `head :ok`: no body, no content type
        expect(mediaTypeOf(f.headers)).toBeUndefined();
        expect(res!.node.content, `${f.operationId} ${f.status} must not promise a body`).toBeUndefined();
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
});
