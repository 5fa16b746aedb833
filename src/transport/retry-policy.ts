/** Which failures may be retried, depending on whether the request is idempotent. */

/** Statuses that are worth another attempt: timeouts, conflicts from concurrent edits, rate limits, gateway trouble. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([408, 409, 429, 500, 502, 503, 504]);

const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);

/** Default idempotency rule: only the safe methods. The client passes a spec-driven rule instead. */
export function defaultIsIdempotent(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/**
 * A 429 means the server refused the request without processing it, so even a
 * POST can be repeated. Any other status means it may have had an effect.
 */
export function shouldRetryStatus(status: number, idempotent: boolean): boolean {
  if (!RETRYABLE_STATUSES.has(status)) return false;
  return idempotent || status === 429;
}

/** Error codes proving that no byte of the request reached the server. */
const NEVER_SENT_CODES: ReadonlySet<string> = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

/**
 * Walks the `cause` chain (and AggregateError members, as produced by Node's
 * happy-eyeballs connect) looking for a system error code.
 * undici reports `TypeError('fetch failed')` with `cause.code`.
 */
export function findErrorCode(error: unknown, depth = 0): string | undefined {
  if (depth > 8 || error === null || typeof error !== "object") return undefined;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === "string" && NEVER_SENT_CODES.has(code)) return code;
  if (Array.isArray(errors)) {
    for (const inner of errors) {
      const found = findErrorCode(inner, depth + 1);
      if (found !== undefined) return found;
    }
  }
  const fromCause = findErrorCode(cause, depth + 1);
  if (fromCause !== undefined) return fromCause;
  return typeof code === "string" ? code : undefined;
}

/** True when the failure proves the request never reached the server (safe to retry anything). */
export function isNeverSent(code: string | undefined): boolean {
  return code !== undefined && NEVER_SENT_CODES.has(code);
}
