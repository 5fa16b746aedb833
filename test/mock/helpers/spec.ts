// The bundled spec (dist/openapi.json) as the mock tests see it: operations,
// examples, and a JSON Schema 2020-12 validator (ajv) that resolves
// `#/components/...`, optionally "strict" (objects without
// `additionalProperties` get `additionalProperties: false`, so that extra,
// undeclared properties are reported).
import fs from "node:fs";
import path from "node:path";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import * as ajvFormats from "ajv-formats";
import type { FormatsPlugin } from "ajv-formats";
// The same lock and staleness rule as `npm run mock` (and test/spec's helpers).
import { ensureBundle, withBundleLock } from "../../../scripts/mock/spec.mjs";
import { root } from "./process.js";

// ajv-formats is CommonJS: under NodeNext its plugin is the namespace's `default`.
const addFormats = ((ajvFormats as unknown as { default?: FormatsPlugin }).default ?? ajvFormats) as unknown as FormatsPlugin;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export type Spec = JsonObject & { paths: Record<string, JsonObject>; components: Record<string, Record<string, JsonObject>> };

const METHODS = ["get", "put", "post", "patch", "delete"] as const;

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === "object" && !Array.isArray(value);

/** dist/openapi.json (bundled first when stale), read under the bundle lock. */
export function loadSpec(): Spec {
  ensureBundle(root, () => {});
  return withBundleLock(root, () => JSON.parse(fs.readFileSync(path.join(root, "dist", "openapi.json"), "utf8")) as Spec);
}

/** Follows local `$ref`s. */
export function deref(spec: Spec, node: Json | undefined): JsonObject {
  let current = node;
  for (let hops = 0; hops < 20; hops++) {
    if (!isObject(current)) throw new Error(`expected an object, got ${JSON.stringify(current)}`);
    const ref = current.$ref;
    if (typeof ref !== "string") return current;
    current = spec;
    for (const raw of ref.slice(2).split("/")) {
      const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
      current = isObject(current) ? current[token] : undefined;
    }
  }
  throw new Error("$ref loop");
}

export interface Operation {
  operationId: string;
  method: string;
  /** The path template, e.g. /api/v1/accounts/{account_id}/labels */
  path: string;
  op: JsonObject;
}

export function operations(spec: Spec): Operation[] {
  const out: Operation[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (isObject(op)) out.push({ operationId: String(op.operationId), method, path: template, op });
    }
  }
  return out;
}

export function operation(spec: Spec, operationId: string): Operation {
  const found = operations(spec).find((o) => o.operationId === operationId);
  if (!found) throw new Error(`the spec has no operation ${operationId}`);
  return found;
}

/** A request URL for the operation: path parameters 1, required query parameters from their example, enum or type. */
export function requestPath(spec: Spec, o: Operation): string {
  const pathItem = spec.paths[o.path] ?? {};
  const params = [...((pathItem.parameters as Json[]) ?? []), ...((o.op.parameters as Json[]) ?? [])].map((p) => deref(spec, p));
  const query = new URLSearchParams();
  for (const p of params) {
    if (p.in !== "query" || p.required !== true) continue;
    const schema = isObject(p.schema) ? p.schema : {};
    const value = p.example ?? (Array.isArray(schema.enum) ? schema.enum[0] : schema.type === "integer" || schema.type === "number" ? 1 : "a");
    query.set(String(p.name), String(value));
  }
  const qs = query.toString();
  return o.path.replace(/\{[^}]+\}/g, "1") + (qs ? `?${qs}` : "");
}

/** The response object (dereferenced) of an operation for a status. */
export function response(spec: Spec, o: Operation, status: string): JsonObject | undefined {
  const responses = o.op.responses as JsonObject;
  return status in responses ? deref(spec, responses[status]) : undefined;
}

/** `[mediaType, mediaTypeObject]` of a response or request body, or undefined when it has no content. */
export function content(target: JsonObject | undefined): [string, JsonObject] | undefined {
  const entries = Object.entries((target?.content as JsonObject | undefined) ?? {});
  const first = entries[0];
  return first ? [first[0], first[1] as JsonObject] : undefined;
}

/** Named examples of a media type object, in order, dereferenced: `[name, value]`. */
export function examples(spec: Spec, media: JsonObject | undefined): [string, Json][] {
  return Object.entries((media?.examples as JsonObject | undefined) ?? {}).map(([name, example]) => [name, deref(spec, example).value as Json]);
}

/** The first request-body example, or undefined when the operation has no body. */
export function firstRequestExample(spec: Spec, o: Operation): Json | undefined {
  if (!o.op.requestBody) return undefined;
  const media = content(deref(spec, o.op.requestBody))?.[1];
  const first = examples(spec, media)[0];
  if (!first) throw new Error(`${o.operationId} has a request body without examples`);
  return first[1];
}

/** Adds `additionalProperties: false` to every object schema that does not say. */
export function strictify(schema: Json): Json {
  if (!isObject(schema)) return schema;
  const out: JsonObject = { ...schema };
  for (const key of ["properties", "patternProperties", "$defs", "dependentSchemas"]) {
    const map = out[key];
    if (isObject(map)) out[key] = Object.fromEntries(Object.entries(map).map(([k, v]) => [k, strictify(v)]));
  }
  for (const key of ["items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames"]) {
    if (isObject(out[key])) out[key] = strictify(out[key]);
  }
  for (const key of ["allOf", "anyOf", "oneOf", "prefixItems"]) {
    const list = out[key];
    if (Array.isArray(list)) out[key] = list.map(strictify);
  }
  const types = Array.isArray(out.type) ? out.type : [out.type];
  const objectLike = types.includes("object") || isObject(out.properties);
  if (objectLike && !("additionalProperties" in out) && !("unevaluatedProperties" in out) && !("allOf" in out)) {
    out.additionalProperties = false;
  }
  return out;
}

const SPEC_ID = "https://chatwoot-conversations.local/mock-tests/openapi.json";

export class Validator {
  private readonly ajv: Ajv2020;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(
    spec: Spec,
    private readonly strict = false,
  ) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    const schemas = spec.components.schemas ?? {};
    const components = { ...spec.components, schemas: strict ? Object.fromEntries(Object.entries(schemas).map(([k, v]) => [k, strictify(v)])) : schemas };
    this.ajv.addSchema({ components } as object, SPEC_ID);
  }

  /** Error messages (empty when valid). `schema` may `$ref` `#/components/...`. */
  errors(schema: Json, data: unknown): string[] {
    const key = JSON.stringify(schema);
    let fn = this.cache.get(key);
    if (!fn) {
      const rooted = JSON.parse(key.replaceAll('"#/components/', `"${SPEC_ID}#/components/`)) as Json;
      fn = this.ajv.compile((this.strict ? strictify(rooted) : rooted) as object);
      this.cache.set(key, fn);
    }
    return fn(data) ? [] : (fn.errors ?? []).map(describe);
  }
}

function describe(error: ErrorObject): string {
  const extra = error.keyword === "additionalProperties" ? ` (${String(error.params.additionalProperty)})` : "";
  return `${error.instancePath || "/"} ${error.message ?? error.keyword}${extra}`;
}
