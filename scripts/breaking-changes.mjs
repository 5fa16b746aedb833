// Breaking-change check: compares the bundled spec (dist/openapi.json) with the last
// released one (openapi/released/openapi.json) and fails on changes that break
// existing clients or clients regenerated from the spec:
//
//   removed-operation           an operation (method + path) is gone
//   changed-operation-id        an operation's operationId changed (generated method names change)
//   removed-response            a documented 2xx response status is gone
//   removed-response-field      a field of a response body is gone (any status present in both)
//   new-required-parameter      a parameter is new and required, or became required
//   new-required-request-field  a request body field is new and required, or became required
//                               (also: the request body itself became required)
//   narrowed-enum               an enum lost a value (one change per removed value)
//
// Every change has a stable id, e.g.
//   removed-response-field:listConversations:200:data.payload[].status
// An intended break is acknowledged by listing its id in
// openapi/released/ACKNOWLEDGED_BREAKS.json (["id", …] or [{"id": "…", "reason": "…"}, …])
// or in the ACK_BREAKING_CHANGES environment variable (comma-separated ids).
//
// Usage:
//   node scripts/breaking-changes.mjs [--base FILE] [--head FILE] [--ack FILE] [--json]
//   node scripts/breaking-changes.mjs --write-baseline   # after a release: head → released baseline
// Exit status: 0 no unacknowledged breaks, 1 unacknowledged breaks, 2 usage/input error.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DEFAULT_BASE = path.join(root, "openapi", "released", "openapi.json");
export const DEFAULT_HEAD = path.join(root, "dist", "openapi.json");
export const DEFAULT_ACK = path.join(root, "openapi", "released", "ACKNOWLEDGED_BREAKS.json");
export const ACK_ENV = "ACK_BREAKING_CHANGES";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

// ---------------------------------------------------------------------------
// Spec helpers
// ---------------------------------------------------------------------------

function resolveRef(doc, ref) {
  if (!ref.startsWith("#/")) throw new Error(`external $ref ${ref}: compare bundled specs`);
  return ref
    .slice(2)
    .split("/")
    .map((k) => decodeURIComponent(k).replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((node, k) => (node === undefined ? undefined : node[k]), doc);
}

/** Follows $ref chains of non-schema objects (parameters, responses, request bodies). */
function deref(doc, obj) {
  const seen = new Set();
  while (obj && typeof obj === "object" && typeof obj.$ref === "string") {
    if (seen.has(obj.$ref)) throw new Error(`circular $ref ${obj.$ref}`);
    seen.add(obj.$ref);
    obj = resolveRef(doc, obj.$ref);
  }
  return obj;
}

function operations(doc) {
  const out = new Map();
  for (const [p, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = deref(doc, rawItem) ?? {};
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const key = `${method.toUpperCase()} ${p}`;
      out.set(key, { key, op, pathParams: item.parameters ?? [], name: op.operationId ?? key });
    }
  }
  return out;
}

function jsonSchemaOf(doc, contentMap) {
  const content = contentMap ?? {};
  const type = Object.keys(content).find((t) => /^application\/(.+\+)?json\b/.test(t)) ?? Object.keys(content).find((t) => t.includes("json"));
  return type === undefined ? undefined : content[type].schema;
}

const isNullOnly = (s) => s && typeof s === "object" && s.type === "null";

/**
 * Walks a schema and records, per field path, whether the field is required in its
 * parent, plus every enum keyed by its canonical location (the last $ref followed by the
 * path inside it, so a shared component is reported once).
 *
 * Paths: `a.b` (property), `a[]` (array items), `a{}` (additionalProperties), '' (root).
 * allOf: a field exists if any member has it, and is required if any member requires it.
 * anyOf/oneOf (null branches ignored): exists if any branch has it, required only if
 * every branch requires it (the client may pick the branch without it).
 */
export function collectSchema(doc, schema) {
  const enums = new Map(); // origin -> Set(JSON values)
  const addEnum = (origin, values) => {
    const set = enums.get(origin) ?? new Set();
    for (const v of values) set.add(JSON.stringify(v));
    enums.set(origin, set);
  };

  const mergeAll = (maps) => {
    const out = new Map();
    for (const m of maps) for (const [fp, info] of m) out.set(fp, { required: (out.get(fp)?.required ?? false) || info.required });
    return out;
  };
  const mergeUnion = (maps) => {
    const out = new Map();
    for (const m of maps) for (const fp of m.keys()) out.set(fp, { required: maps.every((x) => x.get(fp)?.required === true) });
    return out;
  };

  function walk(s, p, origin, stack) {
    if (!s || typeof s !== "object") return new Map();
    if (typeof s.$ref === "string") {
      if (stack.includes(s.$ref)) return new Map(); // recursive schema
      const target = walk(resolveRef(doc, s.$ref), p, s.$ref, [...stack, s.$ref]);
      const { $ref, ...rest } = s; // 3.1 allows keywords next to $ref
      void $ref;
      return Object.keys(rest).length ? mergeAll([target, walk(rest, p, origin, stack)]) : target;
    }
    if (Array.isArray(s.enum)) addEnum(origin, s.enum);
    if ("const" in s) addEnum(origin, [s.const]);
    const parts = [];
    const own = new Map();
    const required = new Set(Array.isArray(s.required) ? s.required : []);
    for (const [name, sub] of Object.entries(s.properties ?? {})) {
      const child = p === "" ? name : `${p}.${name}`;
      own.set(child, { required: required.has(name) });
      parts.push(walk(sub, child, `${origin}/properties/${name}`, stack));
    }
    parts.push(own);
    if (s.items && typeof s.items === "object") parts.push(walk(s.items, `${p}[]`, `${origin}/items`, stack));
    if (s.additionalProperties && typeof s.additionalProperties === "object") {
      parts.push(walk(s.additionalProperties, `${p}{}`, `${origin}/additionalProperties`, stack));
    }
    (s.allOf ?? []).forEach((sub, i) => parts.push(walk(sub, p, `${origin}/allOf/${i}`, stack)));
    for (const k of ["anyOf", "oneOf"]) {
      const branches = (s[k] ?? []).map((sub, i) => [sub, i]).filter(([sub]) => !isNullOnly(sub));
      const maps = branches.map(([sub, i]) => walk(sub, p, `${origin}/${k}/${i}`, stack));
      if (maps.length === 1) parts.push(maps[0]);
      else if (maps.length > 1) parts.push(mergeUnion(maps));
    }
    return mergeAll(parts);
  }
  const fields = walk(schema, "", "#inline", []);
  return { fields, enums };
}

function parentOf(fp) {
  const m = /^(.*?)(?:\.[^.[\]{}]+|\[\]|\{\})$/.exec(fp);
  return m ? m[1] : "";
}

// ---------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------

/**
 * Returns the breaking changes from `base` to `head` (both bundled OpenAPI 3.x
 * documents as plain objects): [{ id, kind, message }].
 */
export function compareSpecs(base, head) {
  const changes = [];
  const add = (kind, idTail, message) => changes.push({ id: `${kind}:${idTail}`, kind, message });

  const baseOps = operations(base);
  const headOps = operations(head);
  const baseEnums = new Map();
  const headEnums = new Map();
  const mergeEnums = (into, from, fallbackPrefix) => {
    for (const [origin, values] of from) {
      const key = origin.startsWith("#inline") ? `${fallbackPrefix}${origin.slice("#inline".length)}` : origin;
      const set = into.get(key) ?? new Set();
      for (const v of values) set.add(v);
      into.set(key, set);
    }
  };

  for (const [key, b] of baseOps) {
    const h = headOps.get(key);
    if (!h) {
      add("removed-operation", key, `${key} (${b.name}) was removed`);
      continue;
    }
    const name = b.name;
    if (b.op.operationId !== undefined && h.op.operationId !== b.op.operationId) {
      add("changed-operation-id", key, `${key}: operationId changed from ${b.op.operationId} to ${h.op.operationId}`);
    }

    // Parameters (path-level and operation-level; operation-level wins).
    const params = (doc, entry) => {
      const map = new Map();
      for (const raw of [...entry.pathParams, ...(entry.op.parameters ?? [])]) {
        const prm = deref(doc, raw);
        if (prm) map.set(`${prm.in}.${prm.name}`, prm);
      }
      return map;
    };
    const bp = params(base, b);
    const hp = params(head, h);
    for (const [pk, prm] of hp) {
      const before = bp.get(pk);
      if (prm.required && !(before && before.required)) {
        add("new-required-parameter", `${name}:${pk}`, `${name}: parameter ${pk} is ${before ? "now required" : "new and required"}`);
      }
    }
    for (const [pk, prm] of bp) {
      const after = hp.get(pk);
      if (after && prm.schema && after.schema) {
        mergeEnums(baseEnums, collectSchema(base, prm.schema).enums, `${name}:parameter:${pk}`);
        mergeEnums(headEnums, collectSchema(head, after.schema).enums, `${name}:parameter:${pk}`);
      }
    }

    // Request body.
    const bBody = deref(base, b.op.requestBody);
    const hBody = deref(head, h.op.requestBody);
    if (hBody?.required && !bBody?.required) {
      add("new-required-request-field", `${name}:(body)`, `${name}: the request body is ${bBody ? "now required" : "new and required"}`);
    }
    const bReq = bBody ? jsonSchemaOf(base, bBody.content) : undefined;
    const hReq = hBody ? jsonSchemaOf(head, hBody.content) : undefined;
    if (hReq) {
      const hf = collectSchema(head, hReq);
      const bf = bReq ? collectSchema(base, bReq) : { fields: new Map(), enums: new Map() };
      for (const [fp, info] of hf.fields) {
        if (!info.required) continue;
        const before = bf.fields.get(fp);
        if (before?.required) continue;
        // The property that holds this field (array items and map values belong to it).
        const owner = parentOf(fp).replace(/(\[\]|\{\})+$/, "");
        // A required field inside an object the client never had to send is not a break
        // unless that object already existed.
        if (owner !== "" && !bf.fields.has(owner)) continue;
        if (owner === "" && !bReq) continue; // a brand-new body is reported above when required
        add("new-required-request-field", `${name}:${fp}`, `${name}: request field ${fp} is ${before ? "now required" : "new and required"}`);
      }
      if (bReq) {
        mergeEnums(baseEnums, bf.enums, `${name}:request`);
        mergeEnums(headEnums, hf.enums, `${name}:request`);
      }
    }

    // Responses.
    const bResps = b.op.responses ?? {};
    const hResps = h.op.responses ?? {};
    for (const [status, rawResp] of Object.entries(bResps)) {
      const hRaw = hResps[status];
      if (!hRaw) {
        if (/^2/.test(status)) add("removed-response", `${name}:${status}`, `${name}: response ${status} was removed`);
        continue;
      }
      const bs = jsonSchemaOf(base, deref(base, rawResp)?.content);
      const hs = jsonSchemaOf(head, deref(head, hRaw)?.content);
      if (!bs) continue;
      const bf = collectSchema(base, bs);
      const hf = hs ? collectSchema(head, hs) : { fields: new Map(), enums: new Map() };
      for (const fp of bf.fields.keys()) {
        if (!hf.fields.has(fp)) add("removed-response-field", `${name}:${status}:${fp}`, `${name}: response ${status} no longer has ${fp}`);
      }
      mergeEnums(baseEnums, bf.enums, `${name}:response:${status}`);
      mergeEnums(headEnums, hf.enums, `${name}:response:${status}`);
    }
  }

  // Enums of named schemas, even where no operation reaches them any more.
  for (const [schemaName, s] of Object.entries(base.components?.schemas ?? {})) {
    const after = head.components?.schemas?.[schemaName];
    if (!after) continue;
    const ref = `#/components/schemas/${schemaName}`;
    mergeEnums(baseEnums, relabel(collectSchema(base, s).enums, ref), ref);
    mergeEnums(headEnums, relabel(collectSchema(head, after).enums, ref), ref);
  }

  for (const [origin, values] of baseEnums) {
    const after = headEnums.get(origin);
    if (!after) continue; // location gone: reported as a removed field/operation instead
    for (const v of values) {
      if (!after.has(v)) add("narrowed-enum", `${origin}:${v}`, `enum at ${origin} no longer allows ${v}`);
    }
  }

  // De-duplicate (a field reached through several statuses/operations is reported per place, ids are unique).
  const seen = new Set();
  return changes.filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
}

function relabel(enums, ref) {
  const out = new Map();
  for (const [origin, values] of enums) out.set(origin.startsWith("#inline") ? `${ref}${origin.slice("#inline".length)}` : origin, values);
  return out;
}

// ---------------------------------------------------------------------------
// Acknowledgements and CLI
// ---------------------------------------------------------------------------

export function readAcknowledged({ file = DEFAULT_ACK, env = process.env } = {}) {
  const ids = new Set();
  if (file && fs.existsSync(file)) {
    const list = JSON.parse(fs.readFileSync(file, "utf8"));
    const items = Array.isArray(list) ? list : list.acknowledged;
    if (!Array.isArray(items)) throw new Error(`${file}: expected an array of change ids or {id, reason} objects`);
    for (const item of items) {
      const id = typeof item === "string" ? item : item?.id;
      if (typeof id !== "string" || id === "") throw new Error(`${file}: every entry needs a change id`);
      ids.add(id);
    }
  }
  for (const id of (env[ACK_ENV] ?? "").split(",")) if (id.trim()) ids.add(id.trim());
  return ids;
}

/** Compares and splits into unacknowledged breaks, acknowledged ones and stale acknowledgements. */
export function check({ base, head, acknowledged = new Set() }) {
  const changes = compareSpecs(base, head);
  const breaking = changes.filter((c) => !acknowledged.has(c.id));
  const accepted = changes.filter((c) => acknowledged.has(c.id));
  const ids = new Set(changes.map((c) => c.id));
  const stale = [...acknowledged].filter((id) => !ids.has(id));
  return { breaking, accepted, stale };
}

function parseArgs(argv) {
  const args = { base: DEFAULT_BASE, head: DEFAULT_HEAD, ack: DEFAULT_ACK, json: false, writeBaseline: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--base") args.base = argv[++i];
    else if (a === "--head") args.head = argv[++i];
    else if (a === "--ack") args.ack = argv[++i];
    else if (a === "--json") args.json = true;
    else if (a === "--write-baseline") args.writeBaseline = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(String(err.message));
    return 2;
  }
  if (args.writeBaseline) {
    fs.mkdirSync(path.dirname(args.base), { recursive: true });
    fs.copyFileSync(args.head, args.base);
    fs.writeFileSync(args.ack, "[]\n");
    console.log(`baseline ${path.relative(root, args.base)} ← ${path.relative(root, args.head)}; acknowledgements cleared`);
    return 0;
  }
  let result;
  try {
    const base = JSON.parse(fs.readFileSync(args.base, "utf8"));
    const head = JSON.parse(fs.readFileSync(args.head, "utf8"));
    result = check({ base, head, acknowledged: readAcknowledged({ file: args.ack }) });
  } catch (err) {
    console.error(`breaking-changes: ${err.message}`);
    return 2;
  }
  if (args.json) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    for (const c of result.accepted) console.log(`acknowledged  ${c.id}\n              ${c.message}`);
    for (const id of result.stale) console.log(`warning: acknowledged id matches no change (remove it): ${id}`);
    for (const c of result.breaking) console.error(`BREAKING  ${c.id}\n          ${c.message}`);
    if (result.breaking.length) {
      console.error(
        `\n${result.breaking.length} breaking change(s) against ${path.relative(root, args.base)}.\n` +
          `If intended, add the ids to ${path.relative(root, args.ack)} (with a reason) or to ${ACK_ENV}.`,
      );
    } else {
      console.log(`no unacknowledged breaking changes against ${path.relative(root, args.base)}`);
    }
  }
  return result.breaking.length ? 1 : 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main();
