// Renders the bundled OpenAPI 3.1 spec (dist/openapi.json) as OpenAPI 3.0.3
// (dist/openapi-3.0.json and dist/openapi-3.0.yaml) for tools that read only 3.0,
// such as oapi-codegen.
//
// Why hand-written: the one maintained library for this, @apiture/openapi-down-convert
// 0.14.2, exits 0 while leaving numeric `exclusiveMinimum`, `anyOf` with `{type: 'null'}`,
// three-member type arrays, `const: false` and `$defs` unconverted, i.e. a document that
// is not valid 3.0 and that 3.0 generators read as a different API. Do not swap it in
// without re-checking those five. What this converter loses is proven by oasdiff
// (test/generators/openapi30-losses.test.ts; the accepted losses are listed, with their
// reasons, in scripts/openapi30/expected-losses.mjs).
//
// Files: this one walks the document (paths → operations → parameters / bodies /
// responses / media types → schemas) and writes the output; ./openapi30/schema.mjs
// converts one schema; ./openapi30/nullable.mjs rewrites `anyOf: [X, {type: null}]` once
// every schema is converted. The walk is structural, so a property that happens to be
// called `const`, `examples` or `identifier` is never mistaken for a keyword. Conversions:
//
//   type: [T, 'null']            → type: T, nullable: true (null added to an enum)
//   type: [A, B, …]  (no null)   → anyOf: [{type: A}, {type: B}, …]
//   type: 'null' alone           → error (no 3.0 equivalent)
//   anyOf/oneOf [X, {type:null}] → X copied in with nullable: true   (X a plain typed schema)
//                                → [X…, {type: T, nullable: true, enum: [null]}]   (otherwise)
//   const: v                     → enum: [v]
//   examples: [a, …] (schema)    → example: a
//   exclusiveMinimum: n (number) → minimum: n, exclusiveMinimum: true (same for max)
//   contentEncoding: base64      → format: byte; contentMediaType (binary) → format: binary
//   $ref with sibling keywords   → allOf: [{$ref}] + siblings (annotation-only siblings kept
//                                  only when they are not description/summary)
//   info.summary                 → leads info.description
//   license.identifier           → license.url (SPDX page) when no url is given
//   jsonSchemaDialect, $schema/$id/$comment → dropped
//   webhooks                     → x-webhooks (same path items, converted like paths; 3.0
//                                  tools ignore it, its payload schemas stay in components)
//                                  and a note at the end of info.description
//
// Keywords that 3.0 cannot express (prefixItems, if/then/else, $defs, dependentRequired,
// unevaluated*, patternProperties, propertyNames, contains, components.pathItems…) make
// the script FAIL with the JSON pointer of the offending schema, rather than silently
// produce a different API.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";
import { findNullBranches, pruneSchemasUnusedAfterConversion, rewriteNullBranches } from "./openapi30/nullable.mjs";
import { ConversionError, esc, schema as convertSchema } from "./openapi30/schema.mjs";

export { ConversionError };
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

const WEBHOOKS_NOTE =
  "**Webhooks**: OpenAPI 3.0 cannot describe webhooks. The 3.1 spec's `webhooks` are kept here " +
  "unchanged as the extension `x-webhooks` (ignored by 3.0 tools); their payload schemas " +
  "(`WebhookEvent` and the `Webhook…` schemas) are in `components.schemas`.";

// anyOf/oneOf null branches met during one toOpenApi30() call, rewritten at its end.
let pending = null;
const schema = (s, at) => convertSchema(s, at, pending);

/** Converts one 3.1 document (plain JSON value) to 3.0.3. Does not mutate its input. */
export function toOpenApi30(input) {
  pending = [];
  try {
    return convertDocument(input);
  } finally {
    pending = null;
  }
}

function convertDocument(input) {
  const doc = structuredClone(input);
  if (typeof doc.openapi !== "string" || !doc.openapi.startsWith("3.1")) {
    throw new ConversionError(`expected an OpenAPI 3.1 document, got openapi: ${JSON.stringify(doc.openapi)}`);
  }
  doc.openapi = "3.0.3";
  delete doc.jsonSchemaDialect;
  if (doc.webhooks && Object.keys(doc.webhooks).length) {
    // 3.0 has no webhooks: keep them, readable, as an extension rather than lose them
    // (still a loss for 3.0 tools: scripts/openapi30/expected-losses.mjs).
    if (doc["x-webhooks"] !== undefined) throw new ConversionError("#/x-webhooks: already present, cannot hold the webhooks");
    doc["x-webhooks"] = doc.webhooks;
    for (const [name, item] of Object.entries(doc["x-webhooks"])) pathItem(item, `#/x-webhooks/${esc(name)}`);
    doc.info ??= {};
    doc.info.description = `${doc.info.description ?? ""}\n\n${WEBHOOKS_NOTE}`.trimStart();
  }
  delete doc.webhooks;

  if (doc.info) {
    if (doc.info.summary !== undefined) {
      // 3.0 has no info.summary; keep the text by leading the description with it.
      const summary = doc.info.summary;
      delete doc.info.summary;
      if (!doc.info.description?.includes(summary)) {
        doc.info.description = doc.info.description ? `${summary}\n\n${doc.info.description}` : summary;
      }
    }
    const license = doc.info.license;
    if (license && license.identifier !== undefined) {
      if (license.url === undefined) license.url = `https://spdx.org/licenses/${license.identifier}.html`;
      delete license.identifier;
    }
  }

  if (doc.paths === undefined) doc.paths = {};
  for (const [p, item] of Object.entries(doc.paths)) pathItem(item, `#/paths/${esc(p)}`);

  const c = doc.components;
  if (c) {
    if (c.pathItems && Object.keys(c.pathItems).length) throw new ConversionError("#/components/pathItems: not in OpenAPI 3.0");
    delete c.pathItems;
    for (const [k, s] of Object.entries(c.schemas ?? {})) c.schemas[k] = schema(s, `#/components/schemas/${esc(k)}`);
    for (const [k, p] of Object.entries(c.parameters ?? {})) parameter(p, `#/components/parameters/${esc(k)}`);
    for (const [k, h] of Object.entries(c.headers ?? {})) parameter(h, `#/components/headers/${esc(k)}`);
    for (const [k, r] of Object.entries(c.responses ?? {})) response(r, `#/components/responses/${esc(k)}`);
    for (const [k, b] of Object.entries(c.requestBodies ?? {})) content(b.content, `#/components/requestBodies/${esc(k)}/content`);
    for (const [k, cb] of Object.entries(c.callbacks ?? {})) callback(cb, `#/components/callbacks/${esc(k)}`);
    for (const s of Object.values(c.securitySchemes ?? {})) {
      if (s.type === "mutualTLS") throw new ConversionError("securityScheme type mutualTLS is not in OpenAPI 3.0");
    }
  }
  rewriteNullBranches(doc, pending);
  // A copied target may itself contain null branches that were rewritten after the copy
  // was taken (components are converted in document order): repeat until none is left.
  for (let round = 0; ; round++) {
    const left = findNullBranches(doc);
    if (left.length === 0) break;
    if (round > 10) throw new ConversionError(`null branches left after rewriting: ${left.map((x) => x.k).join(", ")}`);
    rewriteNullBranches(doc, left);
  }
  pruneSchemasUnusedAfterConversion(input, doc);
  return doc;
}

function pathItem(item, at) {
  if (!item || item.$ref) return;
  for (const p of item.parameters ?? []) parameter(p, `${at}/parameters`);
  for (const m of HTTP_METHODS) if (item[m]) operation(item[m], `${at}/${m}`);
}

function operation(op, at) {
  (op.parameters ?? []).forEach((p, i) => parameter(p, `${at}/parameters/${i}`));
  if (op.requestBody && !op.requestBody.$ref) content(op.requestBody.content, `${at}/requestBody/content`);
  for (const [code, r] of Object.entries(op.responses ?? {})) response(r, `${at}/responses/${code}`);
  for (const [k, cb] of Object.entries(op.callbacks ?? {})) callback(cb, `${at}/callbacks/${esc(k)}`);
}

function callback(cb, at) {
  if (!cb || cb.$ref) return;
  for (const [expr, item] of Object.entries(cb)) pathItem(item, `${at}/${esc(expr)}`);
}

function parameter(p, at) {
  if (!p || p.$ref) return;
  if (p.schema) p.schema = schema(p.schema, `${at}/schema`);
  if (p.content) content(p.content, `${at}/content`);
}

function response(r, at) {
  if (!r || r.$ref) return;
  for (const [k, h] of Object.entries(r.headers ?? {})) parameter(h, `${at}/headers/${esc(k)}`);
  if (r.content) content(r.content, `${at}/content`);
}

function content(c, at) {
  for (const [mt, media] of Object.entries(c ?? {})) {
    if (media.schema) media.schema = schema(media.schema, `${at}/${esc(mt)}/schema`);
    for (const [k, enc] of Object.entries(media.encoding ?? {})) {
      for (const [h, header] of Object.entries(enc.headers ?? {})) parameter(header, `${at}/${esc(mt)}/encoding/${esc(k)}/headers/${esc(h)}`);
    }
  }
}

export function writeOpenApi30({ input = path.join(root, "dist", "openapi.json"), outDir = path.join(root, "dist") } = {}) {
  const spec = JSON.parse(fs.readFileSync(input, "utf8"));
  const out = toOpenApi30(spec);
  fs.mkdirSync(outDir, { recursive: true });
  // Write to a temp name and rename, so a reader never sees a half-written file.
  for (const [name, text] of [
    ["openapi-3.0.json", JSON.stringify(out, null, 2) + "\n"],
    ["openapi-3.0.yaml", YAML.stringify(out, { lineWidth: 0, aliasDuplicateObjects: false })],
  ]) {
    const target = path.join(outDir, name);
    const tmp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, target);
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    writeOpenApi30();
    console.log("wrote dist/openapi-3.0.json and dist/openapi-3.0.yaml (OpenAPI 3.0.3)");
  } catch (err) {
    if (err instanceof ConversionError) {
      console.error(`openapi30: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
}
