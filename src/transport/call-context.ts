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
