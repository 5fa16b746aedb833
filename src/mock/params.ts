// Request parameters as Rails sees them (shared by the handlers and the store's finders): the query string and the body
// (JSON, form or multipart) merged into one hash, with Rack's bracket rules:
// `labels[]=a&labels[]=b` is an array, `labels=a&labels=b` keeps only the
// last value, `labels[add][]=x` nests.
export type Params = Record<string, unknown>;

function assign(target: Params, key: string, value: unknown): void {
  const match = /^([^[\]]+)((?:\[[^\]]*\])*)$/.exec(key);
  if (!match) {
    target[key] = value;
    return;
  }
  const parts = [match[1]!, ...[...match[2]!.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!)];
  let node: Params = target;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const last = i === parts.length - 1;
    const nextIsArray = parts[i + 1] === "";
    if (part === "") return; // malformed, e.g. a[][b]
    if (last) {
      node[part] = value;
    } else if (nextIsArray && i + 1 === parts.length - 1) {
      const list = Array.isArray(node[part]) ? (node[part] as unknown[]) : (node[part] = []);
      list.push(value);
      return;
    } else {
      if (typeof node[part] !== "object" || node[part] === null || Array.isArray(node[part])) node[part] = {};
      node = node[part] as Params;
    }
  }
}

export function fromEntries(entries: Iterable<[string, unknown]>): Params {
  const out: Params = {};
  for (const [key, value] of entries) assign(out, key, value);
  return out;
}

/**
 * A JSON body that does not parse: Rails raises ActionDispatch::Http::Parameters::ParseError
 * the first time `params` is read (a before_action, ahead of the token check), and its
 * exception handler answers 400 (PublicExceptions: `{"status":400,"error":"Bad Request"}`).
 */
export class BodyParseError extends Error {}

/** Rails' JSON params parser: application/json and any `+json` type. */
const isJson = (type: string) => /^application\/(?:[\w.-]+\+)?json\b/i.test(type.trim());

/** Query and body merged (body wins), like ActionController::Parameters. Throws BodyParseError. */
export async function readParams(request: Request): Promise<Params> {
  const url = new URL(request.url);
  const query = fromEntries(url.searchParams.entries());
  if (request.method === "GET" || request.method === "HEAD") return query;
  const type = request.headers.get("content-type") ?? "";
  let body: Params = {};
  try {
    if (type.includes("multipart/form-data") || type.includes("application/x-www-form-urlencoded")) {
      body = fromEntries((await request.formData()).entries());
    } else {
      const text = await request.text();
      if (text.trim() !== "") {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          if (isJson(type)) throw new BodyParseError("unparsable JSON body");
          return query; // another media type: Rails has no parser for it, the body is ignored
        }
        // Rails wraps a non-object JSON body as `_json`.
        body = parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Params) : { _json: parsed };
      }
    }
  } catch (error) {
    if (error instanceof BodyParseError) throw error;
    body = {};
  }
  return { ...query, ...body };
}

/** `params[:x].present?` */
export const present = (value: unknown): boolean =>
  value !== undefined && value !== null && value !== false && !(typeof value === "string" && value.trim() === "") && !(Array.isArray(value) && value.length === 0) && !(typeof value === "object" && !Array.isArray(value) && !(value instanceof Blob) && Object.keys(value as object).length === 0);

/** Ruby's `to_i` on a param: leading integer or 0. */
export function toInt(value: unknown): number {
  if (typeof value === "number") return Math.trunc(value);
  if (typeof value !== "string") return 0;
  const m = /^\s*([+-]?\d+)/.exec(value);
  return m ? Number(m[1]) : 0;
}

/** A strict integer id (`find` / `find_by(id:)`): undefined when it is not one. */
export function asId(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^\d+$/.test(value.trim())) return Number(value);
  return undefined;
}

/** A param as a string, or undefined (Rails params are strings or JSON values). */
export function str(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/** A param as an array (a scalar becomes a one-element array, like `Array(x)`). */
export function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
