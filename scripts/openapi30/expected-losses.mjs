// What the 3.0 rendition (dist/openapi-3.0.json) may differ in from the 3.1 source, as
// `oasdiff changelog dist/openapi.json dist/openapi-3.0.json --auto-upgrade` reports it.
// test/generators/openapi30-losses.test.ts fails on any change no rule below explains.
//
// Two real losses (3.0 cannot say it), and three things oasdiff reports that are the same
// API written another way (it compares unions branch by branch, so an inlined branch
// reads as new properties, enums and types). Where a rule depends on the spec, it is
// computed from the 3.1 source, never from a list of names.
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

const resolve = (doc, s) => {
  for (let i = 0; s && typeof s.$ref === "string" && i < 20; i++) {
    s = s.$ref.slice(2).split("/").reduce((n, k) => n?.[k.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
  }
  return s;
};
const isNull = (s) => s && typeof s === "object" && s.type === "null";
const nullUnion = (doc, s) => ["anyOf", "oneOf"].some((k) => resolve(doc, s)?.[k]?.some(isNull));
const multiType = (s) => Array.isArray(s?.type) && s.type.filter((t) => t !== "null").length > 1;

/** Facts about the 3.1 source the rules need: which property names hold which construct. */
export function sourceFacts(doc) {
  const facts = { nullUnionProps: new Set(), multiTypeProps: new Set(), constProps: new Set(), binaryProps: new Set(), inlinable: new Set() };
  const seen = new Set();
  const walk = (s) => {
    if (!s || typeof s !== "object" || seen.has(s)) return;
    seen.add(s);
    for (const k of ["anyOf", "oneOf"]) {
      if (!s[k]?.some(isNull)) continue;
      for (const b of s[k]) if (typeof b.$ref === "string") facts.inlinable.add(b.$ref.split("/").pop());
    }
    for (const [name, p] of Object.entries(s.properties ?? {})) {
      if (nullUnion(doc, p)) facts.nullUnionProps.add(name);
      const target = resolve(doc, p);
      if (multiType(target) || multiType(resolve(doc, target?.items))) facts.multiTypeProps.add(name);
      if (target && "const" in target) facts.constProps.add(name);
      const branches = [target, ...(target?.anyOf ?? []), ...(target?.oneOf ?? [])].map((t) => resolve(doc, t));
      const binary = (t) => t && ("contentMediaType" in t || "contentEncoding" in t);
      if (branches.some((t) => binary(t) || binary(resolve(doc, t?.items)))) facts.binaryProps.add(name);
    }
    for (const v of Object.values(s)) if (v && typeof v === "object") walk(v);
  };
  walk(doc);
  return facts;
}

/** The property path segments a change's text names (`a/b/items/c` → a, b, items, c). */
const segments = (text) => [...text.matchAll(/`([^`]+)`/g)].flatMap((m) => m[1].split("/"));

/** Is the 200 response (or request body) of the change's operation itself a union with a null branch? */
function operationUnionHasNull(doc, change) {
  const op = doc.paths?.[change.path]?.[change.operation?.toLowerCase()];
  if (!op || !METHODS.includes(change.operation.toLowerCase())) return false;
  const bodies = [op.requestBody, ...Object.values(op.responses ?? {})].map((b) => resolve(doc, b));
  return bodies.some((b) => Object.values(b?.content ?? {}).some((m) => nullUnion(doc, m.schema)));
}

const NULL_UNION_IDS = new Set(
  [
    "property-enum-value-added",
    "property-became-enum",
    "property-list-of-types-narrowed",
    "property-type-generalized",
    "property-type-specialized",
    "property-any-of-removed",
    "property-one-of-removed",
    "required-property-added",
    "optional-property-added",
  ].flatMap((id) => [`response-${id}`, `request-${id}`]),
);

export const EXPECTED_LOSSES = [
  {
    name: "webhooks",
    loss: true,
    reason: "OpenAPI 3.0 has no webhooks: the rendition keeps them as the extension `x-webhooks` (with their payload schemas in components), which 3.0 tools ignore; the 3.1 spec has them as webhooks.",
    test: (c) => c.id === "webhook-removed",
  },
  {
    name: "const",
    loss: true,
    reason: "3.0 has no `const`; it becomes a one-value `enum`, which accepts the same value but reads as an enum to generators.",
    test: (c, facts) => /-const-removed$/.test(c.id) || (/-(became-enum|enum-value-added)$/.test(c.id) && segments(c.text).some((s) => facts.constProps.has(s))),
  },
  {
    name: "nullable union, inlined",
    loss: false,
    reason:
      "`anyOf/oneOf: [X, {type: 'null'}]` is rendered as X with `nullable: true` (X copied in, so its own schema may go) or with a `{nullable: true, enum: [null]}` branch: the same values, but oasdiff compares the union's branches one by one and reports X's content as added enums, types and properties.",
    test: (c, facts, doc) => {
      if (c.id === "api-schema-removed") return facts.inlinable.has(/`([^`]+)`/.exec(c.text)?.[1]);
      if (!NULL_UNION_IDS.has(c.id)) return false;
      return segments(c.text).some((s) => facts.nullUnionProps.has(s) || (/^(anyOf|oneOf)\[subschema #\d+\]$/.test(s) && operationUnionHasNull(doc, c)));
    },
  },
  {
    name: "type array → anyOf",
    loss: false,
    reason: "`type: [A, B, C]` becomes `anyOf: [{type: A}, {type: B}, {type: C}]` (3.0 allows one type per schema): the same values, reported by oasdiff as a change of the list of types.",
    test: (c, facts) => /-list-of-types-(widened|narrowed)$/.test(c.id) && segments(c.text).some((s) => facts.multiTypeProps.has(s)),
  },
  {
    name: "binary content",
    loss: false,
    reason: "`contentMediaType` / `contentEncoding: base64` are 3.1 keywords; 3.0 says the same with `format: binary` / `format: byte`, which oasdiff reports as the media type or encoding being removed.",
    // A union of binary branches (one file or a list) is compared branch by branch: the rewritten
    // branches are reported as removed and added again.
    test: (c, facts) =>
      /-content-(media-type|encoding)-(changed|removed)$|-any-of-(added|removed)$/.test(c.id) && segments(c.text).some((s) => facts.binaryProps.has(s)),
  },
  {
    name: "version not bumped",
    loss: false,
    reason: "oasdiff's note that a change it rates as breaking came without a version bump: the changes themselves are classified by the rules above.",
    test: (c) => c.id === "api-version-not-bumped",
  },
];

/** Splits oasdiff's changes into those a rule explains (per rule) and those none does. */
export function classify(changes, doc31) {
  const facts = sourceFacts(doc31);
  const byRule = Object.fromEntries(EXPECTED_LOSSES.map((r) => [r.name, 0]));
  const unexplained = [];
  for (const c of changes) {
    const rule = EXPECTED_LOSSES.find((r) => r.test(c, facts, doc31));
    if (rule) byRule[rule.name]++;
    else unexplained.push(c);
  }
  return { byRule, unexplained };
}
