// The 22 known errors of Chatwoot's official swagger file (section 7 of the
// behaviour reference) must not reappear in our spec. One test per error,
// checked mechanically against the bundled dist/openapi.json.
import { describe, expect, it } from "vitest";
import {
  SpecValidator,
  deref,
  loadSpec,
  operation,
  operations,
  pointer,
  requestBody,
  response,
  type Json,
  type JsonObject,
  type Spec,
} from "./helpers/spec.js";

const spec: Spec = await loadSpec();
const validator = new SpecValidator(spec);

const schemaPtr = (name: string) => pointer("components", "schemas", name);
/** A component schema, dereferenced. */
const schema = (name: string) => deref(spec, spec.components.schemas![name], schemaPtr(name)).node;
/** A property of a component schema, dereferenced (through any chain of $refs). */
const prop = (name: string, property: string) => {
  const props = schema(name).properties as JsonObject;
  expect(props, `${name} has properties`).toBeDefined();
  expect(Object.keys(props), `${name}.${property}`).toContain(property);
  return deref(spec, props[property], `${schemaPtr(name)}${pointer("properties", property)}`).node;
};
const required = (name: string) => (schema(name).required as string[] | undefined) ?? [];
/** The JSON schema pointer of an operation's response. */
const responseSchemaPtr = (operationId: string, status = "200", type = "application/json") => {
  const res = response(spec, operation(spec, operationId), status);
  expect(res, `${operationId} documents ${status}`).toBeDefined();
  return `${res!.ptr}${pointer("content", type, "schema")}`;
};
const responseSchemaRef = (operationId: string, status = "200") => {
  const res = response(spec, operation(spec, operationId), status)!;
  return (((res.node.content as JsonObject)["application/json"] as JsonObject).schema as JsonObject).$ref;
};
const valid = (ptr: string, data: unknown) => validator.validate(ptr, data).valid;
const types = (node: JsonObject) => (Array.isArray(node.type) ? node.type : [node.type]) as string[];
/** The schemas a oneOf/anyOf combines, as `$ref`s or inline types. */
const branches = (node: JsonObject, keyword: "oneOf" | "anyOf") => (node[keyword] as JsonObject[]).map((b) => (b.$ref as string | undefined) ?? `type:${String(b.type)}`);

/** Every schema object in components.schemas and inline in operations, with its pointer. */
function allSchemas(): { ptr: string; node: JsonObject }[] {
  const out: { ptr: string; node: JsonObject }[] = [];
  const visit = (node: Json | undefined, ptr: string) => {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${ptr}/${i}`));
    if ("type" in node || "enum" in node || "oneOf" in node || "anyOf" in node || "properties" in node) out.push({ ptr, node });
    for (const [k, v] of Object.entries(node)) if (k !== "examples" && k !== "example") visit(v, `${ptr}${pointer(k)}`);
  };
  visit(spec.components.schemas as unknown as Json, "/components/schemas");
  visit(spec.components.parameters as unknown as Json, "/components/parameters");
  visit(spec.paths as unknown as Json, "/paths");
  return out;
}

const swaggerErrorBody = { description: "Unauthorized", errors: [{ field: "id", message: "is invalid", code: "invalid" }] };

describe("none of the 22 errors of the official swagger is in the spec", () => {
  it("#1 filter: no `data` wrapper and no `assigned_count`", () => {
    expect(responseSchemaRef("filterConversations")).toBe("#/components/schemas/ConversationFilterResponse");
    expect(Object.keys(schema("ConversationFilterResponse").properties as JsonObject).sort()).toEqual(["meta", "payload"]);
    expect(required("ConversationFilterResponse")).not.toContain("data");
    const meta = prop("ConversationFilterResponse", "meta");
    expect(Object.keys(meta.properties as JsonObject)).not.toContain("assigned_count");
    expect(meta.required).not.toContain("assigned_count");
    const ptr = responseSchemaPtr("filterConversations");
    expect(valid(ptr, { meta: { mine_count: 0, unassigned_count: 0, all_count: 0 }, payload: [] })).toBe(true);
    expect(valid(ptr, { data: { meta: { mine_count: 0, unassigned_count: 0, all_count: 0 }, payload: [] } })).toBe(false);
  });

  it("#2 create returns the full Conversation, not {id, account_id, inbox_id}", () => {
    expect(responseSchemaRef("createConversation")).toBe("#/components/schemas/Conversation");
    expect(required("Conversation")).toEqual(expect.arrayContaining(["messages", "meta", "status", "uuid", "labels"]));
    expect(valid(responseSchemaPtr("createConversation"), { id: 1043, account_id: 3, inbox_id: 14 })).toBe(false);
  });

  it("#3 assignments return an Agent, a slim bot, a Team or null, never a user with tokens", () => {
    expect(responseSchemaRef("assignConversation")).toBe("#/components/schemas/AssignmentResponse");
    expect(branches(schema("AssignmentResponse"), "oneOf").sort()).toEqual(["#/components/schemas/Agent", "#/components/schemas/AgentBotSummary", "#/components/schemas/Team", "type:null"].sort());
    for (const name of ["Agent", "AgentBotSummary", "Team"]) {
      const props = Object.keys(schema(name).properties as JsonObject);
      for (const secret of ["access_token", "pubsub_token", "uid"]) expect(props, `${name} must not document ${secret}`).not.toContain(secret);
    }
    expect(valid(responseSchemaPtr("assignConversation"), null)).toBe(true);
  });

  it("#4 errors: 401 instead of 403, 422 instead of 400, and never {description, errors:[{field,…}]}", () => {
    // The only 403s in Chatwoot 4.15.1 (message status on non-API inboxes, unread counts
    // feature off). The only 400s are Rails' own, never a validation error: a JSON body
    // that does not parse (every operation that takes a body) and ParameterMissing on
    // direct uploads, both `{"status":400,"error":"Bad Request"}`.
    const allowed403 = new Set(["updateConversationMessageStatus", "getConversationUnreadCounts"]);
    const allowed400 = new Set(["createConversationDirectUpload"]);
    for (const op of operations(spec)) {
      const statuses = Object.keys(op.op.responses as JsonObject);
      if (!allowed403.has(op.operationId)) expect(statuses, op.operationId).not.toContain("403");
      if (!allowed400.has(op.operationId) && !op.op.requestBody) expect(statuses, op.operationId).not.toContain("400");
      if (op.op.requestBody) expect(statuses, `${op.operationId} documents Rails' 400 for an unparsable body`).toContain("400");
      if (statuses.includes("400")) expect(valid(responseSchemaPtr(op.operationId, "400"), { status: 400, error: "Bad Request" }), op.operationId).toBe(true);
      expect(statuses, op.operationId).toContain("401");
      for (const status of statuses.filter((s) => s.startsWith("4") && s !== "429")) {
        expect(valid(responseSchemaPtr(op.operationId, status), swaggerErrorBody), `${op.operationId} ${status}`).toBe(false);
      }
    }
    for (const { ptr, node } of allSchemas()) {
      const props = (node.properties as JsonObject | undefined) ?? {};
      if ("description" in props && "errors" in props) throw new Error(`${ptr} has the swagger error shape`);
    }
    const unauthorized = responseSchemaPtr("getConversation", "401");
    expect(valid(unauthorized, { error: "You are not authorized to do this action" })).toBe(true);
    expect(valid(unauthorized, { errors: ["You need to sign in or sign up before continuing."] })).toBe(true);
    const unprocessable = responseSchemaPtr("createLabel", "422");
    expect(valid(unprocessable, { message: "Title has already been taken", attributes: ["title"] })).toBe(true);
    expect(valid(unprocessable, { error: "param is missing or the value is empty: title" })).toBe(true);
  });

  it("#5 every status enum includes snoozed", () => {
    expect(schema("ConversationStatus").enum).toContain("snoozed");
    expect(schema("ConversationStatusFilter").enum).toContain("snoozed");
    const statusEnums = allSchemas().filter(({ node }) => Array.isArray(node.enum) && (node.enum as Json[]).includes("resolved"));
    expect(statusEnums.length).toBeGreaterThanOrEqual(2);
    for (const { ptr, node } of statusEnums) expect(node.enum, ptr).toContain("snoozed");
    for (const op of operations(spec)) {
      for (const raw of ((op.op.parameters as Json[] | undefined) ?? [])) {
        const param = deref(spec, raw, "").node;
        if (param.name === "status") expect(deref(spec, param.schema, "").node.enum, op.operationId).toContain("snoozed");
      }
    }
  });

  it("#6 snoozed_until is an ISO 8601 string or null in responses, never a number", () => {
    for (const name of ["Conversation", "ToggleStatusResult"]) {
      const node = prop(name, "snoozed_until");
      expect(types(node).sort(), name).toEqual(["null", "string"]);
      expect(node.format, name).toBe("date-time");
      expect(required(name), name).toContain("snoozed_until");
    }
    const ptr = `${schemaPtr("Conversation")}/properties/snoozed_until`;
    expect(valid(ptr, "2025-11-24T08:00:00.000Z")).toBe(true);
    expect(valid(ptr, null)).toBe(true);
    expect(valid(ptr, 1763971200)).toBe(false);
  });

  it("#7 last-seen times, first_reply_created_at and waiting_since are integers, 0 when unset, never null", () => {
    for (const field of ["agent_last_seen_at", "assignee_last_seen_at", "contact_last_seen_at", "first_reply_created_at", "waiting_since"]) {
      const node = prop("Conversation", field);
      expect(types(node), field).toEqual(["integer"]);
      expect(required("Conversation"), field).toContain(field);
      const ptr = `${schemaPtr("Conversation")}${pointer("properties", field)}`;
      expect(valid(ptr, 0), field).toBe(true);
      expect(valid(ptr, null), field).toBe(false);
    }
  });

  it("#8 updated_at is a number with a fraction", () => {
    const node = prop("Conversation", "updated_at");
    expect(types(node)).toEqual(["number"]);
    expect(valid(`${schemaPtr("Conversation")}/properties/updated_at`, 1763716535.482917)).toBe(true);
  });

  it("#9 conversation ids are documented as display ids", () => {
    const displayId = /display id/i;
    expect(spec.components.parameters!.ConversationId!.description).toMatch(displayId);
    expect(prop("Conversation", "id").description).toMatch(displayId);
    expect(prop("ToggleStatusResult", "conversation_id").description).toMatch(displayId);
    expect(prop("Message", "conversation_id").description).toMatch(displayId);
    expect(prop("CreateDyteMeetingRequest", "conversation_id").description).toMatch(displayId);
    expect(prop("ConversationSearchResult", "id").description).toMatch(displayId);
    for (const op of operations(spec).filter((o) => o.path.includes("{conversation_id}"))) {
      const params = [...((spec.paths[op.path]!.parameters as Json[] | undefined) ?? []), ...((op.op.parameters as Json[] | undefined) ?? [])];
      const id = params.map((p) => deref(spec, p, "").node).find((p) => p.name === "conversation_id");
      expect(id?.description, op.operationId).toMatch(displayId);
    }
  });

  it("#10 meta.assignee is an Agent (or slim bot); meta.team and meta.assignee_type exist", () => {
    const assignee = prop("ConversationMeta", "assignee");
    expect(branches(assignee, "oneOf").sort()).toEqual(["#/components/schemas/Agent", "#/components/schemas/AgentBotSummary"]);
    expect((schema("ConversationMeta").properties as JsonObject).team).toEqual({ $ref: "#/components/schemas/ConversationTeam" });
    expect(prop("ConversationMeta", "assignee_type").enum).toEqual(["User", "AgentBot"]);
    for (const optional of ["assignee", "assignee_type", "team"]) expect(required("ConversationMeta")).not.toContain(optional);
  });

  it("#11 unread_count is capped at 10, and says so", () => {
    const node = prop("Conversation", "unread_count");
    expect(node.maximum).toBe(10);
    expect(node.description).toMatch(/10/);
  });

  it("#12 applied_sla and sla_events are optional", () => {
    prop("Conversation", "applied_sla");
    prop("Conversation", "sla_events");
    expect(required("Conversation")).not.toContain("applied_sla");
    expect(required("Conversation")).not.toContain("sla_events");
  });

  it("#13 the list documents sort_by, conversation_type, source_id, updated_within, 25 per page and q disabling status", () => {
    const list = operation(spec, "listConversations");
    const params = ((list.op.parameters as Json[]) ?? []).map((p) => deref(spec, p, "").node);
    expect(params.map((p) => p.name)).toEqual(expect.arrayContaining(["sort_by", "conversation_type", "source_id", "updated_within", "page", "status", "q"]));
    expect(params.find((p) => p.name === "page")!.description).toMatch(/25/);
    expect(String(list.op.description)).toMatch(/25/);
    const status = params.find((p) => p.name === "status")!;
    const q = params.find((p) => p.name === "q")!;
    expect(`${String(status.description)} ${String(q.description)}`).toMatch(/`q`.*ignored|ignored.*`q`|`status` is ignored/i);
  });

  it("#14 labels is sent as labels[] (one per label), not as a plain exploded `labels`", () => {
    for (const id of ["listConversations", "getConversationCounts", "searchConversationMessages"]) {
      const params = (((operation(spec, id).op.parameters as Json[]) ?? []).map((p) => deref(spec, p, "").node));
      expect(params.map((p) => p.name), id).not.toContain("labels");
      const labels = params.find((p) => p.name === "labels[]");
      expect(labels, id).toBeDefined();
      expect(labels!.in).toBe("query");
      expect(labels!.style ?? "form").toBe("form");
      expect(labels!.explode ?? true).toBe(true);
      expect(deref(spec, labels!.schema, "").node.type).toBe("array");
    }
  });

  it("#15 filter: every operator, the per-attribute table and the null last query_operator", () => {
    const operators = schema("FilterOperator");
    expect([...(operators.enum as string[])].sort()).toEqual(
      ["equal_to", "not_equal_to", "contains", "does_not_contain", "is_present", "is_not_present", "is_greater_than", "is_less_than", "days_before"].sort(),
    );
    for (const key of ["status", "assignee_id", "inbox_id", "team_id", "campaign_id", "labels", "contact_id", "priority", "browser_language", "conversation_language", "display_id", "referer", "mail_subject", "created_at", "last_activity_at"]) {
      expect(String(operators.description), key).toContain(`\`${key}\``);
    }
    const qo = `${schemaPtr("QueryOperator")}`;
    expect(valid(qo, null)).toBe(true);
    expect(valid(qo, "AND")).toBe(true);
    expect(valid(qo, "XOR")).toBe(false);
    expect(`${String(schema("FilterConversationsRequest").description)} ${String(prop("FilterConversationsRequest", "payload").description)}`).toMatch(/last.*null/i);
  });

  it("#16 create: source_id optional with inbox_id + contact_id; hmac_verified and lock_to_single_conversation documented", () => {
    expect(required("CreateConversationRequest")).not.toContain("source_id");
    expect(types(prop("CreateConversationRequest", "hmac_verified"))).toEqual(["boolean"]);
    const body = requestBody(spec, operation(spec, "createConversation"))!;
    const ptr = `${body.ptr}${pointer("content", "application/json", "schema")}`;
    expect(valid(ptr, { inbox_id: 14, contact_id: 304, message: { content: "Hi" } })).toBe(true);
    expect(`${String(operation(spec, "createConversation").op.description)} ${String(schema("CreateConversationRequest").description)}`).toMatch(/lock_to_single_conversation|locked to a single conversation/i);
  });

  it('#17 no priority enum contains "none"; null clears', () => {
    for (const { ptr, node } of allSchemas()) if (Array.isArray(node.enum)) expect(node.enum, ptr).not.toContain("none");
    expect(schema("ConversationPriority").enum).toEqual(["low", "medium", "high", "urgent"]);
    for (const name of ["UpdateConversationRequest", "TogglePriorityRequest"]) {
      expect(valid(schemaPtr(name), { priority: null }), name).toBe(true);
      expect(valid(schemaPtr(name), { priority: "none" }), name).toBe(false);
    }
  });

  it("#18 toggle_status: status optional; the response has snoozed_until and may have success null", () => {
    const op = operation(spec, "toggleConversationStatus");
    expect((op.op.requestBody as JsonObject).required).not.toBe(true);
    expect(required("ToggleStatusRequest")).not.toContain("status");
    expect(valid(schemaPtr("ToggleStatusRequest"), {})).toBe(true);
    expect(required("ToggleStatusResult")).toEqual(expect.arrayContaining(["success", "snoozed_until", "current_status", "conversation_id"]));
    expect(types(prop("ToggleStatusResult", "success")).sort()).toEqual(["boolean", "null"]);
    const payload = { success: null, conversation_id: 1035, current_status: "open", snoozed_until: null };
    expect(valid(responseSchemaPtr("toggleConversationStatus"), { payload })).toBe(true);
    // Jbuilder drops the view's empty `meta` block: the server never sends `meta`.
    expect(valid(responseSchemaPtr("toggleConversationStatus"), { meta: {}, payload })).toBe(false);
  });

  it("#19 custom_attributes is documented as a replacement, not an update", () => {
    const op = operation(spec, "setConversationCustomAttributes");
    expect(String(op.op.summary)).toMatch(/replace/i);
    expect(String(op.op.summary)).not.toMatch(/update/i);
    expect(String(op.op.description)).toMatch(/replaces/i);
    expect(String(schema("CustomAttributes").description)).toMatch(/replaces/i);
  });

  it("#20 the endpoints the swagger misses exist", () => {
    const acc = "/api/v1/accounts/{account_id}";
    const conv = `${acc}/conversations/{conversation_id}`;
    const present = new Set(operations(spec).map((o) => `${o.method.toUpperCase()} ${o.path}`));
    for (const endpoint of [
      `GET ${conv}/participants`, `POST ${conv}/participants`, `PATCH ${conv}/participants`, `DELETE ${conv}/participants`,
      `GET ${acc}/conversations/search`, `GET ${acc}/search/conversations`,
      `POST ${conv}/update_last_seen`, `POST ${conv}/unread`, `POST ${conv}/mute`, `POST ${conv}/unmute`,
      `POST ${conv}/transcript`, `GET ${conv}/attachments`, `DELETE ${conv}`,
      `POST ${acc}/integrations/dyte/create_a_meeting`, `GET ${acc}/inboxes/{inbox_id}/assignable_agents`,
    ]) {
      expect(present.has(endpoint), endpoint).toBe(true);
    }
  });

  it("#21 agents: provider and custom_attributes documented, no 403", () => {
    prop("Agent", "provider");
    prop("Agent", "custom_attributes");
    expect(required("Agent")).not.toContain("custom_attributes");
    expect(Object.keys(operation(spec, "listAgents").op.responses as JsonObject)).not.toContain("403");
    expect(responseSchemaRef("listAgents")).toBe("#/components/schemas/AgentList");
  });

  it("#22 every operation documents 429 as text/plain without Retry-After, and the rate limits are stated", () => {
    for (const op of operations(spec)) {
      const res = response(spec, op, "429");
      expect(res, op.operationId).toBeDefined();
      expect(Object.keys(res!.node.content as JsonObject), op.operationId).toEqual(["text/plain"]);
      expect(deref(spec, ((res!.node.content as JsonObject)["text/plain"] as JsonObject).schema, "").node.type, op.operationId).toBe("string");
      expect(Object.keys((res!.node.headers as JsonObject | undefined) ?? {}).map((h) => h.toLowerCase()), op.operationId).not.toContain("retry-after");
      expect(String(res!.node.description), op.operationId).toMatch(/Retry-After/);
    }
    expect(String(operation(spec, "getConversationCounts").op.description)).toMatch(/30 requests per minute/);
    expect(String(operation(spec, "sendConversationTranscript").op.description)).toMatch(/1000 per hour/);
    expect(String(spec.components.responses!.TooManyRequests!.description)).toMatch(/3000 requests\/minute per IP/);
  });
});
