// The bundled spec (dist/openapi.json, rebuilt by the vitest globalSetup):
// operation lookup by method + concrete path, the 200 example, and ajv
// validators for the 200 schema of each operation.
import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import * as formatsModule from "ajv-formats";
import type { FormatsPlugin } from "ajv-formats";

const root = path.resolve(import.meta.dirname, "..", "..");

type Json = Record<string, unknown>;

interface SpecDocument {
  paths: Record<string, Record<string, unknown>>;
  components: Json;
}

export interface SpecOperation {
  operationId: string;
  method: string;
  template: string;
  /** The 200 response's JSON content, or undefined when the 200 has no body. */
  json: { schema?: unknown; example?: unknown; examples?: Record<string, { value?: unknown }> } | undefined;
}

const METHODS = ["get", "post", "put", "patch", "delete"];

export function loadSpec(): SpecDocument {
  return JSON.parse(readFileSync(path.join(root, "dist", "openapi.json"), "utf8")) as SpecDocument;
}

export class Spec {
  readonly doc: SpecDocument;
  readonly operations: SpecOperation[] = [];
  readonly #matchers: { op: SpecOperation; pattern: RegExp; params: number }[] = [];
  readonly #ajv: Ajv2020;
  readonly #validators = new Map<string, ValidateFunction>();

  constructor(doc: SpecDocument = loadSpec()) {
    this.doc = doc;
    for (const [template, item] of Object.entries(doc.paths)) {
      for (const method of METHODS) {
        const raw = item[method] as Json | undefined;
        if (!raw || typeof raw.operationId !== "string") continue;
        const ok = (raw.responses as Json | undefined)?.["200"] as Json | undefined;
        const json = (ok?.content as Json | undefined)?.["application/json"] as SpecOperation["json"];
        const op: SpecOperation = { operationId: raw.operationId, method: method.toUpperCase(), template, json };
        this.operations.push(op);
        this.#matchers.push({
          op,
          params: (template.match(/\{/g) ?? []).length,
          pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`),
        });
      }
    }
    // Literal segments win over templated ones (/conversations/meta over /conversations/{id}).
    this.#matchers.sort((a, b) => a.params - b.params);

    this.#ajv = new Ajv2020({ strict: false, allErrors: true });
    const addFormats = ((formatsModule as unknown as { default?: FormatsPlugin }).default ?? formatsModule) as unknown as FormatsPlugin;
    addFormats(this.#ajv);
    this.#ajv.addSchema({ $id: "openapi.json", components: doc.components });
  }

  find(method: string, pathname: string): SpecOperation {
    const upper = method.toUpperCase();
    const found = this.#matchers.find((m) => m.op.method === upper && m.pattern.test(pathname))?.op;
    if (!found) throw new Error(`no operation in the spec for ${upper} ${pathname}`);
    return found;
  }

  byId(operationId: string): SpecOperation {
    const op = this.operations.find((o) => o.operationId === operationId);
    if (!op) throw new Error(`no operation ${operationId} in the spec`);
    return op;
  }

  /** The first example of the 200 response, if the spec has one. */
  example(op: SpecOperation): { found: boolean; value?: unknown } {
    if (!op.json) return { found: false };
    let first: { value?: unknown; $ref?: string } | undefined = op.json.examples ? Object.values(op.json.examples)[0] : undefined;
    // Media-type examples are $refs to #/components/examples/… in the bundle.
    if (first?.$ref) first = (this.doc as { components?: { examples?: Record<string, { value?: unknown }> } }).components?.examples?.[first.$ref.split("/").pop()!];
    if (first && "value" in first) return { found: true, value: first.value };
    if ("example" in op.json) return { found: true, value: op.json.example };
    return { found: false };
  }

  /** Validates a 200 body against the operation's response schema; returns the error text or null. */
  validate200(op: SpecOperation, body: unknown): string | null {
    if (!op.json?.schema) return body === undefined ? null : `${op.operationId}: the 200 has no body in the spec, got one`;
    let validate = this.#validators.get(op.operationId);
    if (!validate) {
      validate = this.#ajv.compile(rebase(op.json.schema) as Json);
      this.#validators.set(op.operationId, validate);
    }
    return validate(body) ? null : `${op.operationId}: ${this.#ajv.errorsText(validate.errors, { separator: "\n  " })}`;
  }

  /** Validates a value against a component schema, e.g. "Conversation". */
  validateComponent(name: string, value: unknown): string | null {
    const key = `#component:${name}`;
    let validate = this.#validators.get(key);
    if (!validate) {
      validate = this.#ajv.compile({ $ref: `openapi.json#/components/schemas/${name}` });
      this.#validators.set(key, validate);
    }
    return validate(value) ? null : `${name}: ${this.#ajv.errorsText(validate.errors, { separator: "\n  " })}`;
  }
}

/** Local refs (#/components/…) of an operation's schema point into the registered document. */
function rebase(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(rebase);
  if (schema === null || typeof schema !== "object") return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] = key === "$ref" && typeof value === "string" && value.startsWith("#/") ? `openapi.json${value}` : rebase(value);
  }
  return out;
}
