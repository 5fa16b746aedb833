// Input checks that run before anything is sent. Each failure names the
// parameter, so a caller sees e.g. "Invalid conversation_id: must be …".
import { InvalidRequestError } from "./errors.js";

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null || value === undefined || typeof value === "number" || typeof value === "boolean") {
    return String(value);
  }
  return Array.isArray(value) ? "an array" : `a ${typeof value}`;
}

export function positiveId(param: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
    throw new InvalidRequestError(param, `must be a positive integer, got ${describe(value)}`);
  }
  return value;
}

export function optionalPositiveId(param: string, value: unknown): number | undefined {
  return value === undefined ? undefined : positiveId(param, value);
}

export function positiveIds(param: string, values: unknown): number[] {
  if (!Array.isArray(values) || values.length === 0) {
    throw new InvalidRequestError(param, `must be a non-empty array of positive integers, got ${describe(values)}`);
  }
  return values.map((value, i) => positiveId(`${param}[${i}]`, value));
}

export function oneOf<T extends string | number>(param: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) {
    throw new InvalidRequestError(param, `must be one of ${allowed.join(", ")}, got ${describe(value)}`);
  }
  return value as T;
}

export function optionalOneOf<T extends string | number>(param: string, value: unknown, allowed: readonly T[]) {
  return value === undefined ? undefined : oneOf(param, value, allowed);
}

export function nonEmptyString(param: string, value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new InvalidRequestError(param, `must be a non-empty string, got ${describe(value)}`);
  }
  return value;
}

/** An optional free-text query value; must be well-formed Unicode to survive URL encoding. */
export function queryString(param: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw new InvalidRequestError(param, `must be a string, got ${describe(value)}`);
  if (!value.isWellFormed()) throw new InvalidRequestError(param, "must be well-formed Unicode (it has a lone surrogate)");
  return value;
}

/** Label titles: non-empty strings without commas (the server splits on commas). */
export function labelList(param: string, values: unknown, { allowEmpty = true } = {}): string[] {
  if (!Array.isArray(values) || (!allowEmpty && values.length === 0)) {
    throw new InvalidRequestError(param, `must be ${allowEmpty ? "an" : "a non-empty"} array of label titles, got ${describe(values)}`);
  }
  return values.map((value, i) => {
    const title = nonEmptyString(`${param}[${i}]`, value);
    if (!title.isWellFormed()) throw new InvalidRequestError(`${param}[${i}]`, "must be well-formed Unicode");
    if (title.includes(",")) throw new InvalidRequestError(`${param}[${i}]`, `must not contain a comma, got ${describe(value)}`);
    return title;
  });
}

export function plainObject(param: string, value: unknown): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new InvalidRequestError(param, `must be an object, got ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}

export function email(param: string, value: unknown): string {
  const text = nonEmptyString(param, value);
  if (!/^[^\s@]+@[^\s@]+$/.test(text)) throw new InvalidRequestError(param, `must be an email address, got ${describe(value)}`);
  return text;
}

/** A future point in time as unix seconds (the wire format), from a Date or unix seconds. */
export function futureUnixSeconds(param: string, value: unknown, now = Date.now()): number {
  let seconds: number;
  if (value instanceof Date) seconds = Math.floor(value.getTime() / 1000);
  else if (typeof value === "number" && Number.isFinite(value)) seconds = Math.floor(value);
  else throw new InvalidRequestError(param, `must be a Date or unix seconds, got ${describe(value)}`);
  if (!Number.isSafeInteger(seconds)) throw new InvalidRequestError(param, "must be a valid date");
  // 1e11 s is the year 5138: such a number is almost certainly milliseconds.
  if (seconds > 1e11) throw new InvalidRequestError(param, "must be unix SECONDS; this looks like milliseconds");
  if (seconds * 1000 <= now) throw new InvalidRequestError(param, "must be in the future");
  return seconds;
}

/**
 * Refuses keys the call does not know: the server would silently ignore them
 * (or the client would drop them), so a typo (`inboxId`) would otherwise give
 * a wrong answer without a trace. `keys` is checked against the generated or
 * declared type where it is declared (`CoversAll`).
 */
export function knownKeys(param: string, value: unknown, keys: readonly string[], otherwise?: string): Record<string, unknown> {
  const object = plainObject(param, value);
  for (const key of Object.keys(object)) if (!keys.includes(key)) throw unknownKey(key, keys, otherwise);
  return object;
}

/** `otherwise`: the message when there is no better guess (default: the list of known keys). */
function unknownKey(key: string, keys: readonly string[], otherwise?: string): InvalidRequestError {
  // The account is a path parameter of every call: it goes in the per-call options.
  if (key === "account_id" || key === "accountId") {
    return new InvalidRequestError(key, "is not a parameter here: pass the account in the per-call options (the last argument), e.g. { account_id: 7 }");
  }
  const guess = closestKey(key, keys);
  if (guess === undefined && otherwise !== undefined) return new InvalidRequestError(key, otherwise);
  const hint = guess === undefined ? "" : `; did you mean ${guess}?`;
  return new InvalidRequestError(key, `is not a field of this request${hint} (known: ${keys.join(", ")})`);
}

/** The known key `key` was most likely meant to be: same letters in snake_case, else at most 2 edits away. */
export function closestKey(key: string, keys: readonly string[]): string | undefined {
  const squash = (text: string) => text.replace(/[-_\s]/g, "").toLowerCase();
  const same = keys.find((known) => squash(known) === squash(key));
  if (same !== undefined) return same;
  let best: string | undefined;
  let bestDistance = key.length > 3 ? 3 : 2;
  for (const known of keys) {
    const distance = editDistance(key.toLowerCase(), known.toLowerCase(), bestDistance);
    if (distance < bestDistance) [best, bestDistance] = [known, distance];
  }
  return best;
}

/** Levenshtein distance, or `limit` once it is certain to be at least that (keys are short). */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    if (Math.min(...current) >= limit) return limit;
    previous = current;
  }
  return Math.min(previous[b.length]!, limit);
}

/** Compile-time check that a key list names every field of T: `true satisfies CoversAll<T, K>`. */
export type CoversAll<T, K> = Exclude<keyof T, K> extends never ? true : false;
