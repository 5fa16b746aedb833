// `anyOf|oneOf: [X, {type: 'null'}]` has no direct 3.0.3 form: rewritten after every
// schema is converted (the rewrite depends on what $refs resolve to), then schemas that
// only the rewritten unions used are pruned.
import { ConversionError, esc, isNullSchema } from "./schema.mjs";

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
export function rewriteNullBranches(doc, pending) {
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

export function findNullBranches(node, out = []) {
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
export function pruneSchemasUnusedAfterConversion(input, doc) {
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

