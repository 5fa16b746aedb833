// Shared helpers of the spec tests: a fresh dist/openapi.json, a JSON Schema
// 2020-12 validator that resolves `#/components/...` inside it, and walkers
// over operations, media types and examples.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import * as ajvFormats from "ajv-formats";
import type { FormatsPlugin } from "ajv-formats";
import { ensureBundle, withBundleLock } from "../../../scripts/mock/spec.mjs";

// ajv-formats is CommonJS: under NodeNext its plugin is the namespace's `default`.
const addFormats = ((ajvFormats as unknown as { default?: FormatsPlugin }).default ?? ajvFormats) as unknown as FormatsPlugin;

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const bundledJson = path.join(root, "dist", "openapi.json");

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
export type Spec = JsonObject & { paths: Record<string, JsonObject>; components: Record<string, Record<string, JsonObject>> };

export const METHODS = ["get", "put", "post", "patch", "delete", "head", "options", "trace"] as const;

/** dist/openapi.json, bundled again first when it is missing or older than anything under openapi/. */
export async function loadSpec(): Promise<Spec> {
  ensureBundle(root, () => undefined);
  // The same lock the mock and other helpers take, so nobody reads a half-written bundle.
  return withBundleLock(root, () => JSON.parse(fs.readFileSync(bundledJson, "utf8")) as Spec);
}

/** JSON Pointer escaping of one reference token. */
export const esc = (token: string) => token.replace(/~/g, "~0").replace(/\//g, "~1");
export const pointer = (...tokens: string[]) => tokens.map((t) => `/${esc(t)}`).join("");

export function at(spec: Spec, ptr: string): Json | undefined {
  let node: Json | undefined = spec;
  for (const raw of ptr.split("/").slice(1)) {
    const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, Json>)[token];
  }
  return node;
}

/** Follows local `$ref`s; returns the node and the pointer where it really lives. */
export function deref(spec: Spec, node: Json | undefined, ptr: string): { node: JsonObject; ptr: string } {
  let current = node;
  let where = ptr;
  for (let hops = 0; hops < 20; hops++) {
    if (current === null || typeof current !== "object" || Array.isArray(current)) throw new Error(`no object at ${where}`);
    const ref = (current as JsonObject).$ref;
    if (typeof ref !== "string") return { node: current as JsonObject, ptr: where };
    if (!ref.startsWith("#/")) throw new Error(`non-local $ref ${ref} at ${where}`);
    where = ref.slice(1);
    current = at(spec, where);
  }
  throw new Error(`$ref loop at ${ptr}`);
}

export interface Operation {
  operationId: string;
  method: string;
  path: string;
  op: JsonObject;
  ptr: string;
}

export function operations(spec: Spec): Operation[] {
  const out: Operation[] = [];
  for (const [p, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (op && typeof op === "object" && !Array.isArray(op)) {
        out.push({ operationId: String(op.operationId), method, path: p, op, ptr: pointer("paths", p, method) });
      }
    }
  }
  return out;
}

export function operation(spec: Spec, operationId: string): Operation {
  const found = operations(spec).find((o) => o.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId}`);
  return found;
}

/** The response object of an operation for a status (dereferenced), or undefined. */
export function response(spec: Spec, op: Operation, status: string) {
  const responses = op.op.responses as JsonObject;
  if (!(status in responses)) return undefined;
  return deref(spec, responses[status], `${op.ptr}${pointer("responses", status)}`);
}

export function requestBody(spec: Spec, op: Operation) {
  if (!op.op.requestBody) return undefined;
  return deref(spec, op.op.requestBody, `${op.ptr}/requestBody`);
}

export interface MediaType {
  where: string; // human-readable location
  ptr: string; // pointer of the media type object
  node: JsonObject;
}

/** Every media type object of requests and responses of every operation. */
export function mediaTypes(spec: Spec): MediaType[] {
  const out: MediaType[] = [];
  for (const op of operations(spec)) {
    const body = requestBody(spec, op);
    for (const [type, media] of Object.entries((body?.node.content as JsonObject | undefined) ?? {})) {
      out.push({ where: `${op.operationId} request ${type}`, ptr: `${body!.ptr}${pointer("content", type)}`, node: media as JsonObject });
    }
    for (const status of Object.keys(op.op.responses as JsonObject)) {
      const res = response(spec, op, status)!;
      for (const [type, media] of Object.entries((res.node.content as JsonObject | undefined) ?? {})) {
        out.push({ where: `${op.operationId} ${status} ${type}`, ptr: `${res.ptr}${pointer("content", type)}`, node: media as JsonObject });
      }
    }
  }
  return out;
}

export class SpecValidator {
  static readonly SPEC_ID = "https://chatwoot-conversations.local/openapi.json";
  private readonly ajv: Ajv2020;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(readonly spec: Spec) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addSchema(spec as object, SpecValidator.SPEC_ID);
  }

  /** Validates data against the schema found at a JSON pointer of the bundled spec. */
  validate(schemaPtr: string, data: unknown): { valid: boolean; errors: ErrorObject[] } {
    let fn = this.cache.get(schemaPtr);
    if (fn === undefined) {
      if (at(this.spec, schemaPtr) === undefined) throw new Error(`no schema at ${schemaPtr}`);
      fn = this.ajv.compile({ $ref: `${SpecValidator.SPEC_ID}#${schemaPtr}` });
      this.cache.set(schemaPtr, fn);
    }
    const valid = fn(data) as boolean;
    return { valid, errors: valid ? [] : [...(fn.errors ?? [])] };
  }

  /** Validates against a component schema by name. */
  validateSchema(name: string, data: unknown) {
    return this.validate(pointer("components", "schemas", name), data);
  }
}

export const describeErrors = (errors: ErrorObject[]) =>
  errors.map((e) => `${e.instancePath || "(root)"} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`).join("\n");

/** Plain deep copy of JSON data. */
export const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
