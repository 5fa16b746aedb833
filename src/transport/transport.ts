/**
 * The client's own fetch: the single place where timeouts, retries, redirects,
 * response buffering and the API token are handled.
 *
 * Decisions worth knowing:
 * - HTTP error statuses are never thrown here; after retries the last (buffered)
 *   Response is returned and the client maps it with `apiErrorFromResponse`.
 * - Non-idempotent requests are retried only on a 429 or when the connection
 *   provably never reached the server (ECONNREFUSED, ENOTFOUND, EAI_AGAIN).
 * - A Retry-After above 60 s is not waited out: the response is returned as is.
 * - `accept: application/json` is only added when the caller set no Accept header.
 * - Redirects: up to 5 hops; the token is attached per hop only when the hop's
 *   origin is the baseUrl origin. Browsers give `opaqueredirect` for manual
 *   redirects, which we turn into a ConnectionError (nothing can be inspected).
 */
import { AbortError, ChatwootError, ConnectionError, InvalidRequestError, TimeoutError } from "../errors.js";
import { linkSignals, raceAbort } from "./abort.js";
import { computeBackoff, defaultSleep, MAX_RETRY_AFTER_MS, parseRetryAfter } from "./backoff.js";
import { bufferResponse, readRequestBody } from "./body.js";
import { createInsecureWarning, createLog, redact } from "./logger.js";
import { isRedirectStatus, MAX_REDIRECTS, nextHop, type Hop } from "./redirects.js";
import { defaultIsIdempotent, findErrorCode, isNeverSent, shouldRetryStatus } from "./retry-policy.js";
import type { CallOptions, FetchLike, Transport, TransportOptions } from "./types.js";

export const TOKEN_HEADER = "api_access_token";
const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_TIMEOUT_MS = 60_000;
/** setTimeout fires immediately for delays above 2^31-1 ms, so longer timeouts mean "none". */
const MAX_TIMER_MS = 2_147_483_647;

/** RequestInit keys that `new Request()` consumes; anything else (e.g. undici's `dispatcher`) is passed through. */
const REQUEST_INIT_KEYS: ReadonlySet<string> = new Set([
  "body", "cache", "credentials", "duplex", "headers", "integrity", "keepalive", "method",
  "mode", "priority", "redirect", "referrer", "referrerPolicy", "signal", "window",
]);

type AttemptResult =
  | { response: Response }
  | { error: ChatwootError; retryable: boolean };

interface RequestContext {
  method: string;
  url: string;
  idempotent: boolean;
  timeoutMs: number;
  /** Aborted when the caller aborts (either CallOptions.signal or the Request's own signal). */
  caller: AbortSignal;
  passthrough: Record<string, unknown>;
}

export function createTransport(options: TransportOptions): Transport {
  let baseOrigin: string;
  try {
    baseOrigin = new URL(options.baseUrl).origin;
  } catch {
    throw new InvalidRequestError("baseUrl", "must be an absolute http(s) URL");
  }
  const token = options.apiAccessToken;
  const defaultMaxRetries = checkRetries("maxRetries", options.maxRetries ?? DEFAULT_MAX_RETRIES);
  const defaultTimeoutMs = checkTimeout("timeoutMs", options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const isIdempotent = options.isIdempotent ?? ((method: string) => defaultIsIdempotent(method));
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  const log = createLog(options.logger, token);
  const warnIfInsecure = createInsecureWarning(options.logger, log);

  /** The headers actually sent for one hop: the token only ever goes to the base origin. */
  function outgoingHeaders(hop: Hop): Headers {
    const headers = new Headers(hop.headers);
    headers.delete(TOKEN_HEADER); // only the transport decides where the token goes
    if (!headers.has("accept")) headers.set("accept", "application/json");
    if (hop.url.origin === baseOrigin) {
      warnIfInsecure(hop.url);
      headers.set(TOKEN_HEADER, token);
    }
    return headers;
  }

  /** One attempt: the request plus any redirects, and the whole response body, under one timeout. */
  async function attempt(first: Hop, ctx: RequestContext): Promise<AttemptResult> {
    const controller = new AbortController();
    const unlink = linkSignals([ctx.caller], controller);
    let timedOut = false;
    const timer =
      ctx.timeoutMs <= MAX_TIMER_MS
        ? setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, ctx.timeoutMs)
        : undefined;

    let hop = first;
    try {
      for (let redirects = 0; ; redirects++) {
        const fetchImpl: FetchLike = options.fetch ?? globalThis.fetch; // looked up late so test mocks apply
        const response = await raceAbort(
          fetchImpl(hop.url.href, {
            ...ctx.passthrough,
            method: hop.method,
            headers: outgoingHeaders(hop),
            body: hop.body,
            signal: controller.signal,
            redirect: "manual",
          }),
          controller.signal,
        );

        if (response.type === "opaqueredirect") {
          // Browsers hide manual redirects entirely, so we cannot tell where it goes or
          // whether the token may follow. Fail loudly rather than guess.
          return fail(
            new ConnectionError(
              "Server redirected, but this runtime hides redirect targets (opaqueredirect); point baseUrl at the final URL",
              { method: ctx.method, url: ctx.url },
            ),
          );
        }

        if (isRedirectStatus(response.status)) {
          const next = nextHop(hop, response.status, response.headers.get("location"));
          if (next.kind === "invalid") {
            return fail(new ConnectionError(next.reason, { method: ctx.method, url: ctx.url }));
          }
          if (next.kind === "follow") {
            response.body?.cancel().catch(() => undefined);
            if (redirects >= MAX_REDIRECTS) {
              return fail(
                new ConnectionError(`Too many redirects (more than ${MAX_REDIRECTS})`, { method: ctx.method, url: ctx.url }),
              );
            }
            log("debug", "Following redirect", {
              status: response.status,
              from: hop.url.href,
              to: next.hop.url.href,
              sameOrigin: next.hop.url.origin === baseOrigin,
            });
            hop = next.hop;
            continue;
          }
        }

        return { response: await raceAbort(bufferResponse(response, hop.url.href), controller.signal) };
      }
    } catch (error) {
      if (ctx.caller.aborted) throw new AbortError({ method: ctx.method, url: ctx.url, cause: ctx.caller.reason });
      if (timedOut) {
        return { error: new TimeoutError({ timeoutMs: ctx.timeoutMs, method: ctx.method, url: ctx.url }), retryable: ctx.idempotent };
      }
      if (error instanceof ChatwootError) return fail(error);
      const code = findErrorCode(error);
      const connectionError = new ConnectionError(redact(`Connection failed: ${describe(error)}`, token) as string, {
        cause: error,
        method: ctx.method,
        url: ctx.url,
        code,
      });
      // Without proof that nothing reached the server, only idempotent requests may be repeated.
      return { error: connectionError, retryable: ctx.idempotent || isNeverSent(code) };
    } finally {
      clearTimeout(timer);
      unlink();
    }
  }

  async function send(
    input: Request | string | URL,
    init: RequestInit | undefined,
    call: CallOptions,
  ): Promise<Response> {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const method = request.method.toUpperCase();
    const url = new URL(request.url);
    const maxRetries = call.maxRetries === undefined ? defaultMaxRetries : checkRetries("maxRetries", call.maxRetries);
    const timeoutMs = call.timeoutMs === undefined ? defaultTimeoutMs : checkTimeout("timeoutMs", call.timeoutMs);

    const callerController = new AbortController();
    const signals = [call.signal, request.signal].filter((s): s is AbortSignal => s !== undefined && s !== null);
    const unlink = linkSignals(signals, callerController);
    const caller = callerController.signal;
    const abortError = (): AbortError => new AbortError({ method, url: url.href, cause: caller.reason });

    try {
      if (caller.aborted) throw abortError();
      const ctx: RequestContext = {
        method,
        url: url.href,
        idempotent: call.idempotent ?? isIdempotent(method, url),
        timeoutMs,
        caller,
        passthrough: { ...requestSettings(request), ...passthroughInit(init) },
      };
      let body: ArrayBuffer | undefined;
      try {
        body = await raceAbort(readRequestBody(request), caller);
      } catch {
        if (caller.aborted) throw abortError();
        throw new InvalidRequestError("body", "the request body could not be read (already consumed?)");
      }
      const first: Hop = { url, method, body, headers: new Headers(request.headers) };

      for (let attemptNo = 1; ; attemptNo++) {
        const started = Date.now();
        const result = await attempt(first, ctx);
        const ms = Date.now() - started;
        const canRetry = attemptNo <= maxRetries;
        let delay: number;
        let reason: string;

        if ("response" in result) {
          const { status, headers } = result.response;
          log("debug", "HTTP attempt", { method, url: url.href, attempt: attemptNo, status, ms });
          if (!canRetry || !shouldRetryStatus(status, ctx.idempotent)) return result.response;
          const retryAfter = parseRetryAfter(headers);
          if (retryAfter !== undefined && retryAfter > MAX_RETRY_AFTER_MS) {
            // The server wants a long pause; hand its answer (with the header) back instead of blocking.
            log("warn", "Not retrying: server asked to wait too long", { method, url: url.href, status, retryAfterMs: retryAfter });
            return result.response;
          }
          delay = retryAfter ?? computeBackoff(attemptNo, random);
          reason = `HTTP ${status}`;
        } else {
          const { error } = result;
          log("debug", "HTTP attempt failed", { method, url: url.href, attempt: attemptNo, error: error.name, ms });
          if (!canRetry || !result.retryable) throw error;
          delay = computeBackoff(attemptNo, random);
          reason = error instanceof ConnectionError && error.code ? `${error.name} ${error.code}` : error.name;
        }

        log("warn", "Retrying request", { method, url: url.href, attempt: attemptNo, reason, delayMs: delay });
        try {
          await raceAbort(sleep(delay, caller), caller);
        } catch (error) {
          if (caller.aborted) throw abortError();
          throw error;
        }
      }
    } finally {
      unlink();
    }
  }

  return {
    fetch: (input, init) => send(input, init, {}),
    fetchWith: (call) => (input, init) => send(input, init, call),
  };
}

function fail(error: ChatwootError): AttemptResult {
  return { error, retryable: false };
}

/** Settings of the caller's Request that matter in browsers (e.g. `credentials: "include"`). */
function requestSettings(request: Request): RequestInit {
  const settings: RequestInit = {};
  if (request.credentials) settings.credentials = request.credentials;
  if (request.cache) settings.cache = request.cache;
  if (request.mode && request.mode !== "navigate") settings.mode = request.mode;
  if (request.referrerPolicy) settings.referrerPolicy = request.referrerPolicy;
  return settings;
}

function passthroughInit(init: RequestInit | undefined): Record<string, unknown> {
  const extra: Record<string, unknown> = {};
  if (!init) return extra;
  for (const [key, value] of Object.entries(init)) {
    if (!REQUEST_INIT_KEYS.has(key)) extra[key] = value;
  }
  return extra;
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

function checkRetries(param: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new InvalidRequestError(param, "must be a non-negative integer");
  return value;
}

function checkTimeout(param: string, value: number): number {
  if (typeof value !== "number" || Number.isNaN(value) || value <= 0) {
    throw new InvalidRequestError(param, "must be a positive number of milliseconds");
  }
  return value;
}
