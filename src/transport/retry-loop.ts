/** Attempts until one gives a final answer, waiting between them as the retry policy says. */
import { ConnectionError } from "../errors.js";
import { raceAbort } from "./abort.js";
import { abortError, attempt, type Received } from "./attempt.js";
import { computeBackoff, MAX_RETRY_AFTER_MS, parseRetryAfter } from "./backoff.js";
import type { BodyReader } from "./body.js";
import type { CallContext } from "./call-context.js";
import type { Hop } from "./redirects.js";
import { shouldRetryStatus } from "./retry-policy.js";
import type { Session } from "./session.js";

export async function exchange<B>(s: Session, first: Hop, ctx: CallContext, reader: BodyReader<B>): Promise<Received<B>> {
  const { method, href: url } = ctx;
  const log = s.log;
  for (let attemptNo = 1; ; attemptNo++) {
    const started = log ? Date.now() : 0; // only the log needs the duration
    const result = await attempt(s, first, ctx, reader);
    const ms = log ? Date.now() - started : 0;
    const canRetry = attemptNo <= ctx.maxRetries;
    let delay: number;
    let reason: string;

    if ("response" in result) {
      const { status, headers } = result.response;
      log?.("debug", "HTTP attempt", { method, url, attempt: attemptNo, status, ms });
      if (!canRetry || !shouldRetryStatus(status, ctx.idempotent)) return result;
      const retryAfter = parseRetryAfter(headers);
      if (retryAfter !== undefined && retryAfter > MAX_RETRY_AFTER_MS) {
        // The server wants a long pause; hand its answer (with the header) back instead of blocking.
        log?.("warn", "Not retrying: server asked to wait too long", { method, url, status, retryAfterMs: retryAfter });
        return result;
      }
      delay = retryAfter ?? computeBackoff(attemptNo, s.random);
      reason = `HTTP ${status}`;
    } else {
      const { error } = result;
      log?.("debug", "HTTP attempt failed", { method, url, attempt: attemptNo, error: error.name, ms });
      if (!canRetry || !result.retryable) throw error;
      delay = computeBackoff(attemptNo, s.random);
      reason = error instanceof ConnectionError && error.code ? `${error.name} ${error.code}` : error.name;
    }

    log?.("warn", "Retrying request", { method, url, attempt: attemptNo, reason, delayMs: delay });
    await pause(s, delay, ctx);
  }
}

/** The backoff wait; raced against the caller's signal in case an injected sleep ignores it. */
async function pause(s: Session, ms: number, ctx: CallContext): Promise<void> {
  try {
    const waiting = s.sleep(ms, ctx.caller);
    await (ctx.caller ? raceAbort(waiting, ctx.caller) : waiting);
  } catch (error) {
    if (ctx.caller?.aborted) throw abortError(ctx);
    throw error;
  }
}
