// The contract guard of the HTTP door: every request and response checked
// against the bundled spec with ajv (JSON Schema 2020-12, the dialect of
// OpenAPI 3.1; Prism validates 3.1 schemas as draft-07). It never changes an
// answer: it reports violations, which the door logs (interactive use) or
// collects so that a test fails on the first one.
//
// Checked: the operation exists; path and query parameters (strings coerced
// to the schema's type, as Rails reads them); a JSON request body; the
// response status is documented; its media type and its body.
// Not checked: headers and security (the simulator answers 401 itself),
// multipart bodies.
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import * as ajvFormats from "ajv-formats";
import type { FormatsPlugin } from "ajv-formats";
import type { JsonObject, SpecDocument, SpecOperation } from "./spec-document.js";

// ajv-formats is CommonJS: under NodeNext its plugin is the namespace's `default`.
const addFormats = ((ajvFormats as unknown as { default?: FormatsPlugin }).default ?? ajvFormats) as unknown as FormatsPlugin;

export interface Violation {
  where: "request" | "response";
  method: string;
  url: string;
  operationId?: string;
  status?: number;
  messages: string[];
}

/** One readable line per violation, e.g. for a terminal. */
export function formatViolation(v: Violation): string {
  const what = v.where === "response" ? `response ${v.status}` : "request";
  return `contract violation (${what}) ${v.method} ${v.url}${v.operationId ? ` [${v.operationId}]` : ""}: ${v.messages.join("; ")}`;
}

const SPEC_ID = "https://chatwoot-conversations.local/openapi.json";

export interface ExchangeRequest {
  method: string;
  url: URL;
  contentType: string | undefined;
  body: string;
}
export interface ExchangeResponse {
  status: number;
  contentType: string | undefined;
  body: string;
}

export class ContractGuard {
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly spec: SpecDocument) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ components: spec.doc.components, webhooks: spec.doc.webhooks } as object, SPEC_ID);
  }

  /** Violations of a request (empty when it keeps the contract); `undefined` operation when no path matches. */
  checkRequest(request: ExchangeRequest): { operation?: SpecOperation; violations: Violation[] } {
    const base = { where: "request" as const, method: request.method, url: request.url.pathname + request.url.search };
    const found = this.spec.match(request.method, request.url.pathname);
    if (!found) return { violations: [{ ...base, messages: ["no operation of the spec has this method and path"] }] };
    const { operation, params } = found;
    const messages: string[] = [];
    const pathItem = (this.spec.doc.paths as Record<string, JsonObject>)[operation.path] ?? {};
    const declared = [...((pathItem.parameters as unknown[]) ?? []), ...((operation.op.parameters as unknown[]) ?? [])].map((p) => this.spec.deref(p));
    for (const p of declared) {
      const name = String(p.name);
      const schema = (p.schema ?? {}) as JsonObject;
      let value: unknown;
      if (p.in === "path") value = params[name];
      else if (p.in === "query") {
        const all = request.url.searchParams.getAll(name);
        value = all.length === 0 ? undefined : this.isArray(schema) ? all : all.at(-1);
      } else continue;
      if (value === undefined) {
        if (p.required === true) messages.push(`${p.in} parameter ${name} is required`);
        continue;
      }
      messages.push(...this.validate(schema, coerce(this.spec, schema, value)).map((m) => `${p.in} parameter ${name}${m}`));
    }
    const requestBody = operation.op.requestBody ? this.spec.deref(operation.op.requestBody) : undefined;
    const media = requestBody?.content as Record<string, JsonObject> | undefined;
    const type = mediaType(request.contentType);
    if (media?.["application/json"] && (type === "application/json" || (request.body !== "" && type === undefined))) {
      const parsed = parseJson(request.body);
      if (parsed.error) messages.push(`body is not JSON (${parsed.error})`);
      else messages.push(...this.validate(media["application/json"]!.schema, parsed.value).map((m) => `body${m}`));
    } else if (requestBody?.required === true && request.body === "") {
      messages.push("the request body is required");
    }
    return { operation, violations: messages.length ? [{ ...base, operationId: operation.operationId, messages }] : [] };
  }

  /** Violations of the response to a request for `operation`. */
  checkResponse(request: ExchangeRequest, operation: SpecOperation, response: ExchangeResponse): Violation[] {
    const base = { where: "response" as const, method: request.method, url: request.url.pathname + request.url.search, operationId: operation.operationId, status: response.status };
    const responses = (operation.op.responses ?? {}) as JsonObject;
    const declared = responses[String(response.status)] ?? responses[`${String(response.status)[0]}XX`] ?? responses.default;
    if (!declared) return [{ ...base, messages: [`status ${response.status} is not documented`] }];
    const content = this.spec.deref(declared).content as Record<string, JsonObject> | undefined;
    const type = mediaType(response.contentType);
    if (!content) return response.body === "" ? [] : [{ ...base, messages: ["a body where the spec documents none"] }];
    const media = type ? content[type] : undefined;
    if (!media) return [{ ...base, messages: [`media type ${type ?? "(none)"} is not documented (${Object.keys(content).join(", ")})`] }];
    let value: unknown = response.body;
    if (type!.includes("json")) {
      const parsed = parseJson(response.body);
      if (parsed.error) return [{ ...base, messages: [`body is not JSON (${parsed.error})`] }];
      value = parsed.value;
    }
    const messages = this.validate(media.schema, value).map((m) => `body${m}`);
    return messages.length ? [{ ...base, messages }] : [];
  }

  /** Validates a webhook payload against the spec's `webhooks.<event>` request body, if the spec has one. */
  checkWebhook(event: string, payload: unknown): string[] | undefined {
    const item = ((this.spec.doc.webhooks ?? {}) as Record<string, JsonObject>)[event];
    const op = item?.post as JsonObject | undefined;
    if (!op?.requestBody) return undefined;
    const schema = (this.spec.deref(op.requestBody).content as Record<string, JsonObject>)["application/json"]?.schema;
    return this.validate(schema, payload);
  }

  private isArray(schema: JsonObject): boolean {
    return this.spec.deref(schema).type === "array";
  }

  /** ajv messages, each starting with the JSON path of the offending value (" /a/b must be …"). */
  private validate(schema: unknown, data: unknown): string[] {
    if (schema === undefined) return [];
    const key = JSON.stringify(schema);
    let fn = this.compiled.get(key);
    if (!fn) {
      fn = this.ajv.compile(JSON.parse(key.replaceAll('"#/', `"${SPEC_ID}#/`)) as object);
      this.compiled.set(key, fn);
    }
    return fn(data) ? [] : (fn.errors ?? []).slice(0, 5).map(describe);
  }
}

function describe(error: ErrorObject): string {
  const extra = error.keyword === "additionalProperties" ? ` (${String(error.params.additionalProperty)})` : error.keyword === "enum" ? ` (${(error.params.allowedValues as unknown[]).join(", ")})` : "";
  return `${error.instancePath ? ` ${error.instancePath}` : ""} ${error.message ?? error.keyword}${extra}`;
}

const mediaType = (header: string | undefined) => header?.split(";")[0]?.trim().toLowerCase() || undefined;

function parseJson(text: string): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Query and path values are strings: read them as the schema's type, like Rails' params would be used. */
function coerce(spec: SpecDocument, schema: JsonObject, value: unknown): unknown {
  const resolved = spec.deref(schema);
  if (Array.isArray(value)) return value.map((v) => coerce(spec, (resolved.items ?? {}) as JsonObject, v));
  const types = ([] as unknown[]).concat(resolved.type ?? []);
  if (typeof value === "string" && (types.includes("integer") || types.includes("number")) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (typeof value === "string" && types.includes("boolean") && (value === "true" || value === "false")) return value === "true";
  return value;
}
