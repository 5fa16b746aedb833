/**
 * What one call fixes before anything is sent: its validated options, its
 * idempotency, and the caller's signal. Bad options throw InvalidRequestError here.
 */
import { InvalidRequestError } from "../errors.js";

/** Everything fixed for the whole call, across attempts. */
export interface CallContext {
  method: string;
  url: URL;
  href: string;
  idempotent: boolean;
  maxRetries: number;
  timeoutMs: number;
  /** Aborts the whole call; undefined when the caller gave no signal. */
  caller: AbortSignal | undefined;
  /** The client's and the call's `headers` option (lower-case names), sent to the base origin only. */
  headers: Readonly<Record<string, string>>;
  /** The most bytes a response body may have, after decompression. */
  maxResponseBytes: number;
  /** Extra fetch options of the fetch-compatible path (Request settings, undici's `dispatcher` …). */
  passthrough: Record<string, unknown> | undefined;
}

export function checkRetries(param: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new InvalidRequestError(param, "must be a non-negative integer");
  return value;
}

export function checkTimeout(param: string, value: number): number {
  if (typeof value !== "number" || Number.isNaN(value) || value <= 0) {
    throw new InvalidRequestError(param, "must be a positive number of milliseconds");
  }
  return value;
}

export function parseUrl(url: string | URL): URL {
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    throw new InvalidRequestError("url", "must be an absolute http(s) URL");
  }
}

/** Header names are case-insensitive; the hop headers are kept lower-case so they can be looked up. */
export function lowerCaseNames(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers) for (const name of Object.keys(headers)) out[name.toLowerCase()] = headers[name]!;
  return out;
}

/**
 * Header values are Latin-1 bytes. A control character, a space or anything beyond
 * U+00FF (a zero-width space pasted along) can never be sent as a token, so it is
 * refused now instead of failing every call later. The token is never quoted.
 */
export function checkToken(value: unknown): string {
  if (typeof value !== "string" || value === "") throw new InvalidRequestError("apiAccessToken", "is missing");
  if (/[\u0000-\u0020\u007f-\u00a0]|[^\u0000-\u00ff]/.test(value)) {
    throw new InvalidRequestError(
      "apiAccessToken",
      "contains a control, space or non-Latin-1 character (e.g. a zero-width space pasted along): copy it again",
    );
  }
  return value;
}

/** RFC 9110 token characters: what a header name may be made of. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** CR, LF and NUL would split or end the header; above U+00FF is not a byte. */
const BAD_HEADER_VALUE = /[\r\n\u0000]|[^\u0000-\u00ff]/;
/** Set by the HTTP layer from the request itself; a caller's value would break the framing or the routing. */
const HTTP_LAYER_HEADERS: ReadonlySet<string> = new Set([
  "host", "content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "te", "trailer", "expect",
  "proxy-connection",
]);

/**
 * The `headers` option (per client or per call), validated before anything is
 * sent: names lower-cased, the token header and framing headers refused.
 */
export function checkHeaders(param: string, headers: unknown, tokenHeader: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers === undefined) return out;
  if (headers === null || typeof headers !== "object" || Array.isArray(headers)) {
    throw new InvalidRequestError(param, "must be an object of header names to string values");
  }
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers as Record<string, unknown>);
  for (const [name, value] of entries) {
    if (!HEADER_NAME.test(name)) throw new InvalidRequestError(param, `${JSON.stringify(name)} is not a valid header name`);
    const lower = name.toLowerCase();
    if (lower === tokenHeader) {
      throw new InvalidRequestError(param, `"${name}" would replace the API token: pass apiAccessToken to the client instead`);
    }
    if (HTTP_LAYER_HEADERS.has(lower)) throw new InvalidRequestError(param, `"${name}" is set by the HTTP layer and cannot be given`);
    if (typeof value !== "string") throw new InvalidRequestError(param, `header "${name}" must be a string`);
    if (BAD_HEADER_VALUE.test(value)) {
      throw new InvalidRequestError(param, `header "${name}" has a CR, LF, NUL or non-Latin-1 character in its value`);
    }
    out[lower] = value;
  }
  return out;
}

export function checkMaxBytes(param: string, value: unknown): number {
  if (typeof value !== "number" || !(value > 0) || (!Number.isInteger(value) && value !== Infinity)) {
    throw new InvalidRequestError(param, "must be a positive integer number of bytes (or Infinity)");
  }
  return value;
}
