// Every example of the bundled spec is valid against its schema (JSON Schema
// 2020-12, formats checked), every JSON request body and 2xx JSON response has
// examples, and the examples tell a consistent story (the mock server serves them).
import { describe, expect, it } from "vitest";
import {
  SpecValidator,
  at,
  deref,
  describeErrors,
  loadSpec,
  mediaTypes,
  operation,
  operations,
  pointer,
  response,
  type Json,
  type JsonObject,
  type Spec,
} from "./helpers/spec.js";

const spec: Spec = await loadSpec();
const validator = new SpecValidator(spec);

interface ExampleCase {
  name: string;
  schemaPtr: string;
  value: unknown;
  exampleObject?: JsonObject; // for Example Objects (summary, value)
}

const cases: ExampleCase[] = [];
const referencedComponentExamples = new Set<string>();

// 1. Media types (requests and responses): `example` and `examples`.
for (const media of mediaTypes(spec)) {
  const schemaPtr = `${media.ptr}/schema`;
  if ("example" in media.node) cases.push({ name: `${media.where} example`, schemaPtr, value: media.node.example });
  for (const [name, raw] of Object.entries((media.node.examples as JsonObject | undefined) ?? {})) {
    const ref = (raw as JsonObject).$ref;
    if (typeof ref === "string" && ref.startsWith("#/components/examples/")) referencedComponentExamples.add(ref.slice("#/components/examples/".length));
    const example = deref(spec, raw, `${media.ptr}${pointer("examples", name)}`).node;
    cases.push({ name: `${media.where} examples.${name}`, schemaPtr, value: example.value, exampleObject: example });
  }
}

// 1b. Webhook request bodies (the spec's top-level `webhooks`).
const webhookEntries = Object.entries(((spec as JsonObject).webhooks as Record<string, JsonObject> | undefined) ?? {});
for (const [name, item] of webhookEntries) {
  const body = (item.post as JsonObject | undefined)?.requestBody as JsonObject | undefined;
  for (const [type, raw] of Object.entries((body?.content as JsonObject | undefined) ?? {})) {
    const mediaPtr = pointer("webhooks", name, "post", "requestBody", "content", type);
    for (const [exampleName, ex] of Object.entries(((raw as JsonObject).examples as JsonObject | undefined) ?? {})) {
      const ref = (ex as JsonObject).$ref;
      if (typeof ref === "string" && ref.startsWith("#/components/examples/")) referencedComponentExamples.add(ref.slice("#/components/examples/".length));
      const example = deref(spec, ex, `${mediaPtr}${pointer("examples", exampleName)}`).node;
      cases.push({ name: `webhook ${name} ${type} examples.${exampleName}`, schemaPtr: `${mediaPtr}/schema`, value: example.value, exampleObject: example });
    }
  }
}

// 2. Parameters (path-level and operation-level).
for (const op of operations(spec)) {
  const lists: [string, Json | undefined][] = [
    [pointer("paths", op.path, "parameters"), spec.paths[op.path]!.parameters],
    [`${op.ptr}/parameters`, op.op.parameters],
  ];
  for (const [listPtr, list] of lists) {
    (Array.isArray(list) ? list : []).forEach((raw, i) => {
      const param = deref(spec, raw, `${listPtr}/${i}`);
      const schemaPtr = `${param.ptr}/schema`;
      const label = `${op.operationId} parameter ${String(param.node.name)}`;
      if ("example" in param.node) cases.push({ name: `${label} example`, schemaPtr, value: param.node.example });
      for (const [name, ex] of Object.entries((param.node.examples as JsonObject | undefined) ?? {})) {
        const example = deref(spec, ex, `${param.ptr}${pointer("examples", name)}`).node;
        cases.push({ name: `${label} examples.${name}`, schemaPtr, value: example.value, exampleObject: example });
      }
    });
  }
}

// 3. Schema-level `example` / `examples` keywords, anywhere inside component schemas.
const SUBSCHEMA_MAPS = ["properties", "patternProperties", "$defs", "dependentSchemas"];
const SUBSCHEMA_LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"];
const SUBSCHEMA_SINGLE = ["items", "additionalProperties", "not", "if", "then", "else", "contains", "unevaluatedProperties", "unevaluatedItems", "propertyNames"];
function walkSchema(schema: Json | undefined, ptr: string): void {
  if (schema === null || typeof schema !== "object" || Array.isArray(schema)) return;
  if ("example" in schema) cases.push({ name: `schema ${ptr} example`, schemaPtr: ptr, value: schema.example });
  if (Array.isArray(schema.examples)) schema.examples.forEach((value, i) => cases.push({ name: `schema ${ptr} examples[${i}]`, schemaPtr: ptr, value }));
  for (const key of SUBSCHEMA_MAPS) for (const [name, sub] of Object.entries((schema[key] as JsonObject | undefined) ?? {})) walkSchema(sub, `${ptr}${pointer(key, name)}`);
  for (const key of SUBSCHEMA_LISTS) if (Array.isArray(schema[key])) (schema[key] as Json[]).forEach((sub, i) => walkSchema(sub, `${ptr}/${key}/${i}`));
  for (const key of SUBSCHEMA_SINGLE) walkSchema(schema[key], `${ptr}/${key}`);
}
for (const name of Object.keys(spec.components.schemas ?? {})) walkSchema(spec.components.schemas![name], pointer("components", "schemas", name));

describe("every example in the spec is valid against its schema", () => {
  it("finds the examples (the walkers work)", () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });

  for (const c of cases) {
    it(c.name, () => {
      if (c.exampleObject) {
        expect(c.exampleObject.summary, "Example Objects need a summary").toEqual(expect.any(String));
        expect("value" in c.exampleObject, "Example Objects need an inline value").toBe(true);
      }
      const { valid, errors } = validator.validate(c.schemaPtr, c.value);
      expect(valid, describeErrors(errors)).toBe(true);
    });
  }
});

describe("example coverage", () => {
  const isJson = (type: string) => type === "application/json" || type.endsWith("+json");
  const hasExample = (media: JsonObject) => "example" in media || Object.keys((media.examples as JsonObject | undefined) ?? {}).length > 0;

  it("every JSON request body and every 2xx JSON response has at least one example", () => {
    const needing = mediaTypes(spec).filter((m) => {
      const [, kind, type] = m.where.split(" ");
      return isJson(type!) && (kind === "request" || /^2\d\d$/.test(kind!));
    });
    expect(needing.length).toBeGreaterThanOrEqual(40);
    expect(needing.filter((m) => !hasExample(m.node)).map((m) => m.where)).toEqual([]);
  });

  it("every component example is used by a media type (so it is validated above)", () => {
    const unused = Object.keys(spec.components.examples ?? {}).filter((name) => !referencedComponentExamples.has(name));
    expect(Object.keys(spec.components.examples ?? {}).length).toBeGreaterThan(0);
    expect(unused).toEqual([]);
  });
});

// ---- the story the examples tell -------------------------------------------

const examplesOf = (operationId: string, status = "200"): Record<string, JsonObject> => {
  const op = operation(spec, operationId);
  const res = response(spec, op, status);
  const media = res?.node.content && (res.node.content as JsonObject)["application/json"];
  const out: Record<string, JsonObject> = {};
  for (const [name, raw] of Object.entries(((media as JsonObject | undefined)?.examples as JsonObject | undefined) ?? {})) {
    out[name] = deref(spec, raw, "(example)").node;
  }
  return out;
};
const valueOf = (operationId: string, name: string) => examplesOf(operationId)[name]?.value as JsonObject;

type Conv = {
  id: number;
  inbox_id: number;
  account_id: number;
  status: string;
  timestamp: number;
  last_activity_at: number;
  updated_at: number;
  snoozed_until: string | null;
  messages: JsonObject[];
  meta: JsonObject & { channel: string; assignee?: JsonObject; assignee_type?: string; team?: JsonObject };
};

/** Every Conversation-shaped object inside every example value. */
function conversationsIn(value: Json | undefined, where: string, out: { where: string; c: Conv }[] = []) {
  if (Array.isArray(value)) value.forEach((v, i) => conversationsIn(v, `${where}[${i}]`, out));
  else if (value !== null && typeof value === "object") {
    if ("uuid" in value && "meta" in value && "messages" in value && "unread_count" in value) out.push({ where, c: value as unknown as Conv });
    for (const [k, v] of Object.entries(value)) conversationsIn(v, `${where}.${k}`, out);
  }
  return out;
}
const allConversations = cases.flatMap((c) => (c.exampleObject ? conversationsIn(c.value as Json, c.name) : []));
const currentUserId = (Object.values(examplesOf("getProfile"))[0]?.value as JsonObject | undefined)?.id;
const isUserAssigned = (c: Conv) => c.meta.assignee_type === "User";

describe("example conversations are consistent", () => {
  it("there are example conversations to check", () => {
    expect(allConversations.length).toBeGreaterThanOrEqual(20);
  });

  for (const { where, c } of allConversations) {
    it(`${where} (#${c.id})`, () => {
      expect(c.timestamp, "timestamp is last_activity_at").toBe(c.last_activity_at);
      expect(Number.isInteger(c.updated_at), "updated_at is a float with a fraction").toBe(false);
      expect("assignee" in c.meta, "assignee and assignee_type come together").toBe("assignee_type" in c.meta);
      if (c.meta.assignee_type === "AgentBot") expect(c.meta.assignee).toHaveProperty("bot_type");
      if (c.meta.assignee_type === "User") expect(c.meta.assignee).toHaveProperty("role");
      expect(c.status === "snoozed", "snoozed_until is set exactly while snoozed").toBe(c.snoozed_until !== null);
      expect(c.messages.length).toBe(1);
      const latest = c.messages[0]!;
      expect([latest.conversation_id, latest.inbox_id, latest.account_id]).toEqual([c.id, c.inbox_id, c.account_id]);
      expect(latest.message_type, "the latest message is never an activity").not.toBe(2);
      expect(latest.private, "the latest message is never a private note").toBe(false);
      expect(latest.created_at as number).toBeLessThanOrEqual(c.last_activity_at);
    });
  }
});

describe("named examples for the mock server", () => {
  it("getConversation and listConversations offer whatsapp, snoozed and unassigned; the default is the typical one", () => {
    expect(Object.keys(examplesOf("getConversation"))).toEqual(expect.arrayContaining(["whatsapp", "snoozed", "unassigned"]));
    expect(Object.keys(examplesOf("listConversations"))).toEqual(expect.arrayContaining(["whatsapp", "snoozed", "unassigned"]));
    expect(Object.keys(examplesOf("getConversation"))[0]).toBe("whatsapp");
    expect((valueOf("getConversation", "whatsapp") as unknown as Conv).status).toBe("open");
  });

  it("each named conversation example is what its name says", () => {
    const whatsapp = valueOf("getConversation", "whatsapp") as unknown as Conv;
    expect(whatsapp.meta.channel).toBe("Channel::Whatsapp");
    expect(whatsapp.meta.assignee_type).toBe("User");
    const snoozed = valueOf("getConversation", "snoozed") as unknown as Conv;
    expect([snoozed.status, typeof snoozed.snoozed_until]).toEqual(["snoozed", "string"]);
    const unassigned = valueOf("getConversation", "unassigned") as unknown as Conv;
    expect(Object.keys(unassigned.meta)).not.toContain("assignee");
    expect(Object.keys(unassigned.meta)).not.toContain("assignee_type");
    const list = (name: string) => ((valueOf("listConversations", name).data as JsonObject).payload as unknown as Conv[]);
    expect(list("whatsapp").every((c) => c.meta.channel === "Channel::Whatsapp")).toBe(true);
    expect(list("snoozed").every((c) => c.status === "snoozed")).toBe(true);
    expect(list("unassigned").every((c) => !isUserAssigned(c))).toBe(true);
    for (const name of ["whatsapp", "snoozed", "unassigned"]) expect(list(name).length, name).toBeGreaterThan(0);
  });

  it("the default list example is varied: 4-6 conversations, four channels, assigned, unassigned, a team, labels", () => {
    const [first, example] = Object.entries(examplesOf("listConversations"))[0]!;
    const payload = ((example.value as JsonObject).data as JsonObject).payload as unknown as (Conv & { labels: string[] })[];
    expect(first).toBe("open");
    expect(payload.length).toBeGreaterThanOrEqual(4);
    expect(payload.length).toBeLessThanOrEqual(6);
    expect(new Set(payload.map((c) => c.meta.channel))).toEqual(new Set(["Channel::Whatsapp", "Channel::WebWidget", "Channel::Email", "Channel::Api"]));
    expect(payload.some(isUserAssigned)).toBe(true);
    expect(payload.some((c) => !("assignee" in c.meta))).toBe(true);
    expect(payload.some((c) => "team" in c.meta)).toBe(true);
    expect(payload.some((c) => c.labels.length > 0)).toBe(true);
  });

  it("list, filter and message-search examples have counts consistent with their single short page", () => {
    const pages: [string, JsonObject, Conv[]][] = [];
    for (const [name, ex] of Object.entries(examplesOf("listConversations"))) {
      const data = (ex.value as JsonObject).data as JsonObject;
      pages.push([`listConversations ${name}`, data.meta as JsonObject, data.payload as unknown as Conv[]]);
    }
    for (const [name, ex] of Object.entries(examplesOf("filterConversations"))) {
      const v = ex.value as JsonObject;
      pages.push([`filterConversations ${name}`, v.meta as JsonObject, v.payload as unknown as Conv[]]);
    }
    expect(pages.length).toBeGreaterThanOrEqual(8);
    for (const [where, meta, payload] of pages) {
      const all = meta.all_count as number;
      const unassigned = meta.unassigned_count as number;
      const mine = meta.mine_count as number;
      expect(payload.length, where).toBeLessThan(25);
      if ("assigned_count" in meta) expect((meta.assigned_count as number) + unassigned, where).toBe(all);
      expect(mine, where).toBeLessThanOrEqual(all - unassigned);
      if (payload.length === all) {
        // the whole result is on this page: the counts can be recomputed from it
        expect(payload.filter((c) => !isUserAssigned(c)).length, `${where} unassigned_count`).toBe(unassigned);
        expect(payload.filter((c) => c.meta.assignee?.id === currentUserId).length, `${where} mine_count`).toBe(mine);
      } else {
        // filtered by assignee_type: the page holds exactly one of the counted groups
        expect([unassigned, all - unassigned, mine], where).toContain(payload.length);
      }
    }
  });

  it("message-search examples: slim items, counts taken on the page itself (at most 25, all_count = items on page 1)", () => {
    const searches = Object.entries(examplesOf("searchConversationMessages"));
    expect(searches.length).toBeGreaterThanOrEqual(2);
    for (const [name, ex] of searches) {
      const v = ex.value as JsonObject;
      const meta = v.meta as JsonObject;
      const payload = v.payload as JsonObject[];
      expect(meta.all_count, name).toBe(payload.length);
      expect((meta.unassigned_count as number) + 0, name).toBeLessThanOrEqual(meta.all_count as number);
      for (const item of payload) {
        expect(Object.keys(item), name).toEqual(["id", "uuid", "created_at", "contact", "inbox", "messages", "account_id"]);
        expect((item.messages as JsonObject[]).length, `${name} #${String(item.id)} has the matching messages`).toBeGreaterThan(0);
      }
    }
  });

  it("the list and counts examples agree", () => {
    const listMeta = (name: string) => ((valueOf("listConversations", name).data as JsonObject).meta as JsonObject);
    expect(valueOf("getConversationCounts", "open").meta).toEqual(listMeta("open"));
    expect(valueOf("getConversationCounts", "allStatuses").meta).toEqual(listMeta("allStatuses"));
  });

  it("toggle_status, assignment and profile examples cover the awkward cases", () => {
    expect(Object.keys(examplesOf("toggleConversationStatus"))).toEqual(expect.arrayContaining(["resolved", "snoozed"]));
    expect((valueOf("toggleConversationStatus", "snoozed").payload as JsonObject).snoozed_until).toEqual(expect.any(String));
    expect(Object.values(examplesOf("toggleConversationStatus")).some((e) => ((e.value as JsonObject).payload as JsonObject).success === null)).toBe(true);
    const assignments = examplesOf("assignConversation");
    expect(Object.keys(assignments)).toEqual(["agent", "team", "bot", "unassigned"]);
    expect(assignments.unassigned!.value).toBeNull();
    for (const ex of Object.values(examplesOf("getProfile"))) {
      const v = ex.value as JsonObject;
      expect(`${String(v.access_token)} ${String(v.pubsub_token)}`).toMatch(/^EXAMPLE-\S+-not-a-real-secret EXAMPLE-\S+-not-a-real-secret$/);
    }
  });

  it("request examples: create (ids + message, and source_id), snooze in unix seconds, filter ends with a null query_operator", () => {
    const req = (operationId: string) => {
      const op = operation(spec, operationId);
      const media = ((op.op.requestBody as JsonObject).content as JsonObject)["application/json"] as JsonObject;
      return Object.fromEntries(Object.entries(media.examples as JsonObject).map(([n, raw]) => [n, deref(spec, raw, "(example)").node.value as JsonObject]));
    };
    const create = Object.values(req("createConversation"));
    expect(create.some((v) => "inbox_id" in v && "contact_id" in v && "message" in v && !("source_id" in v))).toBe(true);
    expect(create.some((v) => "source_id" in v)).toBe(true);
    expect(req("toggleConversationStatus").snooze).toEqual({ status: "snoozed", snoozed_until: expect.any(Number) });
    for (const [name, v] of Object.entries(req("filterConversations"))) {
      const conditions = v.payload as JsonObject[];
      expect(conditions.length, name).toBeGreaterThanOrEqual(2);
      expect(conditions.at(-1)!.query_operator ?? null, name).toBeNull();
      for (const c of conditions.slice(0, -1)) expect(["AND", "OR"], name).toContain(c.query_operator);
    }
    expect(Object.keys(req("assignConversation"))).toEqual(expect.arrayContaining(["agent", "team", "unassign"]));
    expect(req("assignConversation").unassign).toEqual({ assignee_id: null });
  });

  it("the bundled spec still resolves the examples it references", () => {
    expect(at(spec, "/components/examples/ConversationWhatsapp/value/meta/channel")).toBe("Channel::Whatsapp");
  });
});
