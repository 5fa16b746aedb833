// One JSON Schema 2020-12 schema (OpenAPI 3.1) → its OpenAPI 3.0.3 rendition. The
// conversions are listed in the header of scripts/openapi30.mjs; anyOf/oneOf null branches
// are only collected here (`pending`) and rewritten by ./nullable.mjs once the whole
// document is converted.
export class ConversionError extends Error {}

export const esc = (key) => String(key).replace(/~/g, "~0").replace(/\//g, "~1");

export const UNSUPPORTED_SCHEMA_KEYWORDS = [
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

export const isNullSchema = (s) => s && typeof s === "object" && s.type === "null" && Object.keys(s).every((k) => ["type", "description", "title"].includes(k));

/** Returns the 3.0 rendition of one schema (may be a new object). */
export function schema(s, at = "#", pending = null) {
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
    return schema({ ...rest, allOf: [{ $ref }, ...(rest.allOf ?? [])] }, at, pending);
  }

  // Subschemas first.
  if (s.properties) for (const [k, v] of Object.entries(s.properties)) s.properties[k] = schema(v, `${at}/properties/${esc(k)}`, pending);
  if (s.items !== undefined) {
    if (Array.isArray(s.items)) throw new ConversionError(`${at}/items: tuple items cannot be expressed in OpenAPI 3.0`);
    s.items = schema(s.items, `${at}/items`, pending);
  }
  if (s.additionalProperties !== undefined && typeof s.additionalProperties === "object") {
    s.additionalProperties = schema(s.additionalProperties, `${at}/additionalProperties`, pending);
  }
  if (s.not !== undefined) s.not = schema(s.not, `${at}/not`, pending);
  for (const k of ["allOf", "anyOf", "oneOf"]) {
    // A bare {type: 'null'} branch is folded into `nullable` below, not converted on its own.
    if (s[k]) s[k] = s[k].map((sub, i) => (k !== "allOf" && isNullSchema(sub) ? sub : schema(sub, `${at}/${k}/${i}`, pending)));
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
    if (!pending) throw new ConversionError(`${at}: null branches can only be converted inside a whole document`);
    pending.push({ s, k, at });
  }

  return s;
}

