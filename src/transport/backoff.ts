/** How long to wait before a retry. */

export const INITIAL_BACKOFF_MS = 500;
export const MAX_BACKOFF_MS = 8_000;
/** Longest server-requested wait (Retry-After) we are willing to sit through. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Exponential backoff for the n-th retry (1-based): 500, 1000, 2000, 4000, 8000, 8000 … ms,
 * times a jitter factor in [0.75, 1). Jitter only ever shortens the wait, so the cap holds,
 * and it keeps a burst of clients from retrying in lock-step.
 */
export function computeBackoff(retry: number, random: () => number): number {
  const base = Math.min(INITIAL_BACKOFF_MS * 2 ** Math.max(0, retry - 1), MAX_BACKOFF_MS);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(base * (0.75 + r * 0.25));
}

/**
 * The server-requested delay in ms from `retry-after-ms` (preferred, more precise) or
 * `Retry-After` (delta seconds or an HTTP date). `undefined` when absent or unparseable.
 */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && /^\s*\d+(\.\d+)?\s*$/.test(ms)) return Math.ceil(Number(ms));

  const value = headers.get("retry-after");
  if (value === null) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.ceil(Number(value) * 1000);
  // An HTTP date always names a month; this keeps Date.parse from reading "-5" as a year.
  const date = /[a-z]/i.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** setTimeout-based sleep that rejects with the signal's reason when aborted. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
