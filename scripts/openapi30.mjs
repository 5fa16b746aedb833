// Renders the bundled OpenAPI 3.1 spec (dist/openapi.json) as OpenAPI 3.0.3
// (dist/openapi-3.0.json and dist/openapi-3.0.yaml) for tools that read only 3.0,
// such as oapi-codegen.
//
// The walk is structural (document → paths → operations → parameters / request
// bodies / responses / media types → schemas → subschemas), so a property that
// happens to be called `const`, `examples` or `identifier` is never mistaken for
// a keyword. Conversions:
//
//   type: [T, 'null']            → type: T, nullable: true (null added to an enum)
//   type: [A, B, …]  (no null)   → anyOf: [{type: A}, {type: B}, …]
//   type: 'null' alone           → error (no 3.0 equivalent)
//   anyOf/oneOf [X, {type:null}] → allOf: [X], nullable: true   (one branch left)
//                                → anyOf/oneOf: [rest…], nullable: true (several)
//   const: v                     → enum: [v]
//   examples: [a, …] (schema)    → example: a
//   exclusiveMinimum: n (number) → minimum: n, exclusiveMinimum: true (same for max)
//   contentEncoding: base64      → format: byte; contentMediaType (binary) → format: binary
//   $ref with sibling keywords   → allOf: [{$ref}] + siblings (annotation-only siblings kept
//                                  only when they are not description/summary)
//   info.summary, license.identifier, jsonSchemaDialect, $schema/$id/$comment → dropped
//   (license.identifier becomes license.url when no url is given)
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

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const UNSUPPORTED_SCHEMA_KEYWORDS = [
  "prefixItems",
  "if",
  "then",
  "else",
  "$defs",
  "dependentRequired",
  "dependentSchemas",
  "unevaluatedProperties",
  "unevaluatedItems",
  "patternProperties",
  "propertyNames",
  "contains",
  "minContains",
  "maxContains",
  "$dynamicRef",
  "$dynamicAnchor",
  "$anchor",
];
const DROPPED_SCHEMA_KEYWORDS = ["$schema", "$id", "$comment", "$vocabulary"];
const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

export class ConversionError extends Error {}

const WEBHOOKS_NOTE =
  "**Webhooks**: OpenAPI 3.0 cannot describe webhooks. The 3.1 spec's `webhooks` are kept here " +
  "unchanged as the extension `x-webhooks` (ignored by 3.0 tools); their payload schemas " +
  "(`WebhookEvent` and the `Webhook…` schemas) are in `components.schemas`.";

const esc = (key) => String(key).replace(/~/g, "~0").replace(/\//g, "~1");

/** Converts one 3.1 document (plain JSON value) to 3.0.3. Does not mutate its input. */
export function toOpenApi30(input) {
  pendingNullable = [];
  try {
    return convertDocument(input);
  } finally {
    pendingNullable = null;
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
    // 3.0 has no webhooks: keep them, readable, as an extension rather than lose them.
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
  rewriteNullBranches(doc, pendingNullable);
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

const isNullSchema = (s) => s && typeof s === "object" && s.type === "null" && Object.keys(s).every((k) => ["type", "description", "title"].includes(k));

/** Returns the 3.0 rendition of one schema (may be a new object). */
export function schema(s, at = "#") {
  if (typeof s === "boolean") {
    // `true` = any value; `false` = nothing (3.0: not: {}).
    return s ? {} : { not: {} };
  }
  if (!s || typeof s !== "object") return s;

  for (const k of UNSUPPORTED_SCHEMA_KEYWORDS) {
    if (k in s) throw new ConversionError(`${at}: \`${k}\` cannot be expressed in OpenAPI 3.0`);
  }
  for (const k of DROPPED_SCHEMA_KEYWORDS) delete s[k];

  // $ref with siblings: 3.0 ignores everything next to $ref.
  if (s.$ref !== undefined) {
    const siblings = Object.keys(s).filter((k) => k !== "$ref");
    const meaningful = siblings.filter((k) => !["description", "summary"].includes(k));
    if (meaningful.length === 0) return { $ref: s.$ref };
    const { $ref, summary, ...rest } = s;
    void summary;
    return schema({ ...rest, allOf: [{ $ref }, ...(rest.allOf ?? [])] }, at);
  }

  // Subschemas first.
  if (s.properties) for (const [k, v] of Object.entries(s.properties)) s.properties[k] = schema(v, `${at}/properties/${esc(k)}`);
  if (s.items !== undefined) {
    if (Array.isArray(s.items)) throw new ConversionError(`${at}/items: tuple items cannot be expressed in OpenAPI 3.0`);
    s.items = schema(s.items, `${at}/items`);
  }
  if (s.additionalProperties !== undefined && typeof s.additionalProperties === "object") {
    s.additionalProperties = schema(s.additionalProperties, `${at}/additionalProperties`);
  }
  if (s.not !== undefined) s.not = schema(s.not, `${at}/not`);
  for (const k of ["allOf", "anyOf", "oneOf"]) {
    // A bare {type: 'null'} branch is folded into `nullable` below, not converted on its own.
    if (s[k]) s[k] = s[k].map((sub, i) => (k !== "allOf" && isNullSchema(sub) ? sub : schema(sub, `${at}/${k}/${i}`)));
  }

  // const → enum
  if ("const" in s) {
    if (s.enum && !s.enum.some((v) => JSON.stringify(v) === JSON.stringify(s.const))) {
      throw new ConversionError(`${at}: const ${JSON.stringify(s.const)} contradicts enum`);
    }
    s.enum = [s.const];
    delete s.const;
  }

  // examples (array) → example
  if (Array.isArray(s.examples)) {
    if (s.example === undefined && s.examples.length > 0) s.example = s.examples[0];
    delete s.examples;
  }

  // numeric exclusive bounds
  for (const [ex, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ]) {
    if (typeof s[ex] === "number") {
      if (s[bound] !== undefined && s[bound] > s[ex] && ex === "exclusiveMinimum") {
        s[ex] = false; // the inclusive bound is tighter
      } else if (s[bound] !== undefined && s[bound] < s[ex] && ex === "exclusiveMaximum") {
        s[ex] = false;
      } else {
        s[bound] = s[ex];
        s[ex] = true;
      }
    }
  }

  // binary content
  if (s.contentEncoding === "base64" || s.contentEncoding === "base64url") {
    s.format ??= "byte";
    delete s.contentEncoding;
    delete s.contentMediaType;
  } else if (s.contentMediaType !== undefined) {
    s.format ??= "binary";
    delete s.contentMediaType;
    delete s.contentEncoding;
  }

  // type arrays
  if (Array.isArray(s.type)) {
    const types = [...new Set(s.type)];
    const nullable = types.includes("null");
    const rest = types.filter((t) => t !== "null");
    if (rest.length === 0) throw new ConversionError(`${at}: type 'null' alone has no OpenAPI 3.0 equivalent`);
    if (rest.length === 1) {
      s.type = rest[0];
      if (nullable) s.nullable = true;
    } else {
      // Several types: one anyOf branch per type; with null, every branch is nullable
      // (3.0.3: `nullable` works only next to `type`).
      delete s.type;
      const branches = rest.map((t) => (nullable ? { type: t, nullable: true } : { type: t }));
      if (s.anyOf) s.allOf = [...(s.allOf ?? []), { anyOf: branches }];
      else s.anyOf = branches;
    }
  } else if (s.type === "null") {
    throw new ConversionError(`${at}: type 'null' alone has no OpenAPI 3.0 equivalent (use it only inside anyOf/oneOf)`);
  }

  // 3.0.3: an enum must list null explicitly for null to be valid.
  if (s.nullable && Array.isArray(s.enum) && !s.enum.includes(null)) s.enum.push(null);

  // anyOf / oneOf with a {type: 'null'} branch: rewritten once every schema is converted,
  // because the rewrite depends on what the other branches ($refs) resolve to.
  for (const k of ["anyOf", "oneOf"]) {
    if (!s[k]?.some(isNullSchema)) continue;
    if (s[k].every(isNullSchema)) throw new ConversionError(`${at}/${k}: only null branches`);
    if (!pendingNullable) throw new ConversionError(`${at}: null branches can only be converted inside a whole document`);
    pendingNullable.push({ s, k, at });
  }

  return s;
}

let pendingNullable = null;

/** Resolves a local $ref (#/components/...) in doc. */
function resolve(doc, s, seen = new Set()) {
  while (s && s.$ref) {
    if (seen.has(s.$ref)) throw new ConversionError(`circular $ref ${s.$ref}`);
    seen.add(s.$ref);
    if (!s.$ref.startsWith("#/")) throw new ConversionError(`external $ref ${s.$ref} (bundle first)`);
    s = s.$ref
      .slice(2)
      .split("/")
      .map((k) => k.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce((node, k) => node?.[k], doc);
  }
  return s;
}

/** The single JSON type every value of s has, or undefined when that cannot be told. */
function typeOf(doc, s, depth = 0) {
  s = resolve(doc, s);
  if (!s || typeof s !== "object" || depth > 20) return undefined;
  if (typeof s.type === "string") return s.type;
  for (const k of ["allOf", "anyOf", "oneOf"]) {
    if (!s[k]?.length) continue;
    const types = new Set(s[k].map((b) => typeOf(doc, b, depth + 1)));
    if (types.size === 1 && !types.has(undefined)) return [...types][0];
    if (k === "allOf") {
      const known = [...types].filter(Boolean);
      if (known.length === 1) return known[0];
    }
  }
  if (s.properties || s.additionalProperties !== undefined) return "object";
  if (s.items) return "array";
  return undefined;
}

/**
 * `anyOf|oneOf: [X…, {type: 'null'}]` in 3.0.3, where `nullable` only widens the `type`
 * next to it and does not reach into allOf/anyOf/oneOf branches:
 * - one other branch whose target has a plain `type` (no combinators): the target is
 *   copied in with `nullable: true` (and null added to its enum): `{type: string,
 *   enum: [low, …, null], nullable: true}`. Exact, and every 3.0 generator reads it as
 *   an optional/nullable value of the same type.
 * - otherwise: the null branch becomes `{type: T, nullable: true, enum: [null]}` (the
 *   3.0.3 idiom for "only null"), so the union still accepts null and nothing else changes.
 */
function rewriteNullBranches(doc, pending) {
  for (const { s, k } of pending) {
    const rest = s[k].filter((b) => !isNullSchema(b));
    if (rest.length === 1 && !s.allOf) {
      const target = resolve(doc, rest[0]);
      const plain = target && typeof target.type === "string" && !target.allOf && !target.anyOf && !target.oneOf && !target.not;
      if (plain) {
        const own = { ...s };
        delete own[k];
        const copy = structuredClone(target);
        Object.assign(s, copy, own, { nullable: true });
        delete s[k];
        if (Array.isArray(s.enum) && !s.enum.includes(null)) s.enum.push(null);
        continue;
      }
    }
    const type = rest.map((b) => typeOf(doc, b)).find(Boolean) ?? "object";
    s[k] = [...rest, { type, nullable: true, enum: [null] }];
    if (s.nullable && s.type === undefined) delete s.nullable;
  }
}

function findNullBranches(node, out = []) {
  if (Array.isArray(node)) for (const v of node) findNullBranches(v, out);
  else if (node && typeof node === "object") {
    for (const k of ["anyOf", "oneOf"]) {
      if (Array.isArray(node[k]) && node[k].some(isNullSchema)) out.push({ s: node, k });
    }
    for (const v of Object.values(node)) findNullBranches(v, out);
  }
  return out;
}

function collectRefs(node, out = new Set()) {
  if (Array.isArray(node)) for (const v of node) collectRefs(v, out);
  else if (node && typeof node === "object") {
    if (typeof node.$ref === "string") out.add(node.$ref);
    for (const v of Object.values(node)) collectRefs(v, out);
  }
  return out;
}

/**
 * Inlining a nullable target can leave its component unreferenced (e.g. a schema used
 * only through `anyOf: [$ref, null]`). Such schemas are removed; schemas that were
 * already unreferenced in the 3.1 input are kept as they are.
 */
function pruneSchemasUnusedAfterConversion(input, doc) {
  const schemas = doc.components?.schemas;
  if (!schemas) return;
  const usedBefore = collectRefs(input);
  for (;;) {
    const usedNow = collectRefs(doc);
    const orphans = Object.keys(schemas).filter((name) => {
      const ref = `#/components/schemas/${esc(name)}`;
      return usedBefore.has(ref) && !usedNow.has(ref);
    });
    if (orphans.length === 0) return;
    for (const name of orphans) delete schemas[name];
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
