// The server-response fixtures (test/fixtures/responses/<operationId>[.<case>].json,
// written from the Chatwoot 4.15.1 views each cites) and the validator that checks
// one against the spec's schema for its operation, status and content type.
import fs from "node:fs";
import path from "node:path";
import { chatwootSource } from "../../helpers/chatwoot-source.js";
import { SpecValidator, loadSpec, operation, pointer, response, root, type JsonObject, type Spec } from "./spec.js";

export interface Fixture {
  file: string;
  operationId: string;
  case: string | undefined;
  status: number;
  headers: Record<string, string>;
  source: string[];
  body: unknown;
}

/** The Chatwoot source the fixtures cite; absent on machines without the shared tree. */
export const chatwootTree = chatwootSource ?? "";
export const haveTree = chatwootSource !== undefined;

export const spec: Spec = await loadSpec();
export const validator = new SpecValidator(spec);
const dir = path.join(root, "test", "fixtures", "responses");

export const fixtures: Fixture[] = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((file) => {
    const [operationId, ...rest] = file.slice(0, -".json".length).split(".");
    const raw = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Omit<Fixture, "file" | "operationId" | "case">;
    return { file, operationId: operationId!, case: rest.length ? rest.join(".") : undefined, ...raw };
  });
export const fixture = (name: string): Fixture => {
  const found = fixtures.find((f) => f.file === `${name}.json`);
  if (!found) throw new Error(`missing fixture ${name}.json`);
  return found;
};

export const mediaTypeOf = (headers: Record<string, string>) => headers["content-type"]?.split(";")[0]!.trim();

/** Where the schema for this fixture's operation, status and content type lives. */
export function schemaPointer(f: { operationId: string; status: number; headers: Record<string, string> }): string {
  const res = response(spec, operation(spec, f.operationId), String(f.status));
  if (!res) throw new Error(`${f.operationId} does not document status ${f.status}`);
  const type = mediaTypeOf(f.headers);
  const content = res.node.content as JsonObject | undefined;
  if (!type || !content?.[type]) throw new Error(`${f.operationId} ${f.status} does not document ${type ?? "a body"}`);
  return `${res.ptr}${pointer("content", type, "schema")}`;
}

export const check = (f: { operationId: string; status: number; headers: Record<string, string> }, body: unknown) =>
  validator.validate(schemaPointer(f), body);
