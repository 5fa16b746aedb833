/** How long to wait before a retry. */
import { onAbort } from "./abort.js";

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
 * `Retry-After`: delta-seconds (a decimal fraction is tolerated) or an HTTP-date in one
 * of the three forms RFC 9110 §5.6.7 allows. Anything else is `undefined`, so the
 * backoff applies: `Date.parse` would read "Retry 5" as a day in 2001 and retry at once.
 */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms");
  if (ms !== null && SECONDS.test(ms)) return Math.ceil(Number(ms));

  const value = headers.get("retry-after");
  if (value === null) return undefined;
  if (SECONDS.test(value)) return Math.ceil(Number(value) * 1000);
  const date = parseHttpDate(value.trim(), now);
  return date === undefined ? undefined : Math.max(0, date - now);
}

const SECONDS = /^\s*\d+(\.\d+)?\s*$/;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH = /* @__PURE__ */ MONTHS.join("|");
const TIME = "(\\d{2}):(\\d{2}):(\\d{2})";
/** Sun, 06 Nov 1994 08:49:37 GMT */
const IMF_FIXDATE = /* @__PURE__ */ new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\\d{2}) (${MONTH}) (\\d{4}) ${TIME} GMT$`);
/** Sunday, 06-Nov-94 08:49:37 GMT */
const RFC850_DATE = /* @__PURE__ */ new RegExp(`^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (\\d{2})-(${MONTH})-(\\d{2}) ${TIME} GMT$`);
/** Sun Nov  6 08:49:37 1994 */
const ASCTIME_DATE = /* @__PURE__ */ new RegExp(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (${MONTH}) ([ \\d]\\d) ${TIME} (\\d{4})$`);

/** An HTTP-date as epoch ms (always UTC), or undefined when it is not exactly one of the three forms. */
export function parseHttpDate(value: string, now: number = Date.now()): number | undefined {
  let m = IMF_FIXDATE.exec(value);
  if (m) return utc(+m[3]!, m[2]!, +m[1]!, m.slice(4, 7));
  m = RFC850_DATE.exec(value);
  if (m) {
    // Two-digit years: one more than 50 years ahead means the previous century (RFC 9110).
    let year = 2000 + Number(m[3]);
    if (year > new Date(now).getUTCFullYear() + 50) year -= 100;
    return utc(year, m[2]!, +m[1]!, m.slice(4, 7));
  }
  m = ASCTIME_DATE.exec(value);
  if (m) return utc(+m[6]!, m[1]!, +m[2]!.trim(), m.slice(3, 6));
  return undefined;
}

function utc(year: number, monthName: string, day: number, time: string[]): number | undefined {
  const [h, min, sec] = time.map(Number) as [number, number, number];
  const month = MONTHS.indexOf(monthName);
  if (h > 23 || min > 59 || sec > 60) return undefined;
  const ms = Date.UTC(year, month, day, h, min, Math.min(sec, 59));
  // Date.UTC rolls 31 Feb over into March; a real date does not change.
  return new Date(ms).getUTCDate() === day ? ms : undefined;
}

/** setTimeout-based sleep that rejects with the signal's reason when aborted. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const unsubscribe = signal
      ? onAbort(signal, () => {
          clearTimeout(timer);
          reject(signal.reason);
        })
      : undefined;
    const timer = setTimeout(() => {
      unsubscribe?.();
      resolve();
    }, ms);
  });
}
