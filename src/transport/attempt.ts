/**
 * One attempt: the request, any redirects (followed by hand so the token only
 * goes to the base origin), and the whole response body, under one timeout.
 * Failures come back as values, marked retryable or not; only an abort throws.
 */
import { AbortError, ChatwootError, ConnectionError, InvalidResponseError, TimeoutError } from "../errors.js";
import { linkSignals, rejectOnAbort } from "./abort.js";
import { ResponseTooLarge, type BodyReader } from "./body.js";
import type { CallContext } from "./call-context.js";
import { redact } from "./logger.js";
import { redactError } from "./redact-error.js";
import { isRedirectStatus, MAX_REDIRECTS, nextHop, type Hop } from "./redirects.js";
import { findErrorCode, isNeverSent } from "./retry-policy.js";
import { TOKEN_HEADER, type Session } from "./session.js";
import type { FetchLike } from "./types.js";

/** setTimeout fires immediately for delays above 2^31-1 ms, so longer timeouts mean "none". */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * The runtime's own fetch, as it was when this module loaded. It rejects (and
 * errors the body stream) as soon as its signal aborts, so it needs no extra
 * race; any other fetch (injected, or a later replacement) is raced against the signal.
 */
// Marked pure (through Reflect.get, which the bundler keeps) so that bundles that never
// use the transport, such as a webhook receiver importing only verifyWebhook, drop this line.
const runtimeFetch = /* @__PURE__ */ Reflect.get(globalThis, "fetch") as FetchLike | undefined;

/** The final answer of one attempt: the Response of its last hop and the body read from it. */
export interface Received<B> {
  response: Response;
  body: B;
}

export type AttemptResult<B> = Received<B> | { error: ChatwootError; retryable: boolean };

export function abortError(ctx: CallContext): AbortError {
  return new AbortError({ method: ctx.method, url: ctx.href, cause: ctx.caller?.reason });
}

export async function attempt<B>(s: Session, first: Hop, ctx: CallContext, reader: BodyReader<B>): Promise<AttemptResult<B>> {
  const controller = new AbortController();
  const unlink = ctx.caller ? linkSignals([ctx.caller], controller) : undefined;
  let timedOut = false;
  const timer =
    ctx.timeoutMs <= MAX_TIMER_MS
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, ctx.timeoutMs)
      : undefined;
  const fetchImpl: FetchLike = s.fetch ?? globalThis.fetch; // looked up late so test mocks apply
  const injected = fetchImpl !== runtimeFetch;
  // The attempt's own signal: one listener for the whole attempt, made only if an injected fetch needs it.
  let aborted: Promise<never> | undefined;
  const untilAborted = <T>(promise: Promise<T>): Promise<T> =>
    injected ? Promise.race([promise, (aborted ??= rejectOnAbort(controller.signal))]) : promise;

  let hop = first;
  let lastStatus = 0;
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await untilAborted(
        fetchImpl(hop.url.href, {
          ...ctx.passthrough,
          method: hop.method,
          headers: outgoingHeaders(s, ctx, hop),
          body: hop.body,
          signal: controller.signal,
          redirect: "manual",
        }),
      );

      // Each getter of undici's Response is a brand-checked call: read them once.
      const { type, status } = response;
      // Response.error() from an injected fetch: a network error, like a rejection.
      if (type === "error") throw new TypeError("fetch returned a network error");
      lastStatus = status;

      if (type === "opaqueredirect") {
        // Browsers hide manual redirects entirely, so we cannot tell where it goes or
        // whether the token may follow. Fail loudly rather than guess.
        return fail(
          new ConnectionError(
            "Server redirected, but this runtime hides redirect targets (opaqueredirect); point baseUrl at the final URL",
            { method: ctx.method, url: ctx.href },
          ),
        );
      }

      // 600 and above is no HTTP status (undici passes it on); Response cannot even hold it.
      // One rule for both paths: an InvalidResponseError, never retried.
      if (status < 200 || status > 599) {
        response.body?.cancel().catch(() => undefined);
        const reason = `Status ${status} is not an HTTP status (200-599 expected)`;
        return fail(new InvalidResponseError({ status, method: ctx.method, url: ctx.href, body: "", reason }));
      }

      if (isRedirectStatus(status)) {
        const next = nextHop(hop, status, response.headers.get("location"));
        if (next.kind === "invalid") {
          return fail(new ConnectionError(next.reason, { method: ctx.method, url: ctx.href }));
        }
        if (next.kind === "follow") {
          response.body?.cancel().catch(() => undefined);
          if (redirects >= MAX_REDIRECTS) {
            return fail(new ConnectionError(`Too many redirects (more than ${MAX_REDIRECTS})`, { method: ctx.method, url: ctx.href }));
          }
          s.log?.("debug", "Following redirect", {
            status,
            from: hop.url.href,
            to: next.hop.url.href,
            sameOrigin: next.hop.url.origin === s.baseOrigin,
          });
          hop = next.hop;
          continue;
        }
      }

      // Read the body here, under this attempt's timeout, so a failure mid-body is retried like any other.
      const body = await untilAborted(reader(response, hop.url.href, ctx.maxResponseBytes));
      // A Response built by an injected fetch may have no url; name the hop it came from.
      if (injected && response.url === "") Object.defineProperty(response, "url", { value: hop.url.href });
      return { response, body };
    }
  } catch (error) {
    if (ctx.caller?.aborted) throw abortError(ctx);
    if (timedOut) {
      return { error: new TimeoutError({ timeoutMs: ctx.timeoutMs, method: ctx.method, url: ctx.href }), retryable: ctx.idempotent };
    }
    if (error instanceof ChatwootError) return fail(redactError(error, s.token));
    if (error instanceof ResponseTooLarge) {
      // Not retried: the same answer would be read (and dropped) again.
      return fail(new InvalidResponseError({ status: lastStatus, method: ctx.method, url: ctx.href, body: "", reason: error.message }));
    }
    const code = findErrorCode(error);
    // The cause chain is the runtime's, but its messages may quote what the server sent.
    const connectionError = redactError(
      new ConnectionError(redact(`Connection failed: ${describe(error)}`, s.token) as string, {
        cause: error,
        method: ctx.method,
        url: ctx.href,
        code,
      }),
      s.token,
    );
    // Without proof that nothing reached the server, only idempotent requests may be repeated.
    return { error: connectionError, retryable: ctx.idempotent || isNeverSent(code) };
  } finally {
    clearTimeout(timer);
    unlink?.();
  }
}

/**
 * The headers actually sent for one hop. The token and the `headers` option go
 * to the base origin only; the request's own headers win over the option, a
 * caller's Accept over the default.
 */
function outgoingHeaders(s: Session, ctx: CallContext, hop: Hop): Record<string, string> {
  if (hop.url.origin === s.baseOrigin) {
    s.warnIfInsecure(hop.url);
    return { accept: "application/json", ...ctx.headers, ...hop.headers, [TOKEN_HEADER]: s.token };
  }
  const headers: Record<string, string> = { accept: "application/json", ...hop.headers };
  delete headers[TOKEN_HEADER]; // only the transport decides where the token goes
  return headers;
}

function fail(error: ChatwootError): { error: ChatwootError; retryable: false } {
  return { error, retryable: false };
}

/** "fetch failed: connect ECONNREFUSED 127.0.0.1:9" — the messages down the cause chain. */
function describe(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    if (current.message && !parts.includes(current.message)) parts.push(current.message);
    current = current.cause;
  }
  return parts.length > 0 ? parts.join(": ") : String(error);
}
