/**
 * The client's own fetch: the single place where timeouts, retries, redirects,
 * response buffering and the API token are handled.
 *
 * Two entries share the same attempts: `send()` (the client's methods: a plain
 * request description in, the Response and its text out, no Request/Response
 * copies) and `fetch`/`fetchWith` (fetch-compatible, for openapi-fetch and
 * `chatwoot.raw`: a Request in, an equivalent fully buffered Response out).
 *
 * Decisions worth knowing:
 * - HTTP error statuses are never thrown here; after retries the last (fully
 *   read) response is returned and the client maps it with `apiErrorFromResponse`.
 * - Non-idempotent requests are retried only on a 429 or when the connection
 *   provably never reached the server (ECONNREFUSED, ENOTFOUND, EAI_AGAIN).
 * - A Retry-After above 60 s is not waited out: the response is returned as is.
 * - `accept: application/json` is only added when the caller set no Accept header.
 * - Redirects: up to 5 hops; the token is attached per hop only when the hop's
 *   origin is the baseUrl origin. Browsers give `opaqueredirect` for manual
 *   redirects, which we turn into a ConnectionError (nothing can be inspected).
 */
import { AbortError, ChatwootError, ConnectionError, InvalidRequestError, TimeoutError } from "../errors.js";
import { anySignal, linkSignals, raceAbort } from "./abort.js";
import { computeBackoff, defaultSleep, MAX_RETRY_AFTER_MS, parseRetryAfter } from "./backoff.js";
import { readBuffered, readRequestBody, readText, type BodyReader } from "./body.js";
import { createInsecureWarning, createLog, redact } from "./logger.js";
import { isRedirectStatus, MAX_REDIRECTS, nextHop, type Hop } from "./redirects.js";
import { defaultIsIdempotent, findErrorCode, isNeverSent, shouldRetryStatus } from "./retry-policy.js";
import type { CallOptions, FetchLike, RequestSpec, SendResult, Transport, TransportOptions } from "./types.js";

export const TOKEN_HEADER = "api_access_token";
const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_TIMEOUT_MS = 60_000;
/** setTimeout fires immediately for delays above 2^31-1 ms, so longer timeouts mean "none". */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * The runtime's own fetch, as it was when this module loaded. It rejects (and
 * errors the body stream) as soon as its signal aborts, so it needs no extra
 * race; any other fetch (injected, or a later replacement) is raced against the signal.
 */
// (Marked pure so that bundles which never use the transport drop this line.)
const runtimeFetch = /* @__PURE__ */ Reflect.get(globalThis, "fetch") as FetchLike | undefined;

/** RequestInit keys that `new Request()` consumes; anything else (e.g. undici's `dispatcher`) is passed through. */
const REQUEST_INIT_KEYS: ReadonlySet<string> = new Set([
  "body", "cache", "credentials", "duplex", "headers", "integrity", "keepalive", "method",
  "mode", "priority", "redirect", "referrer", "referrerPolicy", "signal", "window",
]);

/** The final answer of one attempt: the Response of its last hop and the body read from it. */
interface Received<B> {
  response: Response;
  body: B;
}

type AttemptResult<B> = Received<B> | { error: ChatwootError; retryable: boolean };

/** Everything fixed for the whole call, across attempts. */
interface CallContext {
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

  /** Validates the per-call options (before anything is sent) and fixes what every attempt shares. */
  function context(
    method: string,
    url: URL,
    call: CallOptions,
    caller: AbortSignal | undefined,
    passthrough?: Record<string, unknown>,
  ): CallContext {
    const maxRetries = call.maxRetries === undefined ? defaultMaxRetries : checkRetries("maxRetries", call.maxRetries);
    const timeoutMs = call.timeoutMs === undefined ? defaultTimeoutMs : checkTimeout("timeoutMs", call.timeoutMs);
    const upper = method.toUpperCase();
    const idempotent = call.idempotent ?? isIdempotent(upper, url);
    return { method: upper, url, href: url.href, idempotent, maxRetries, timeoutMs, caller, passthrough };
  }

  function abortError(ctx: CallContext): AbortError {
    return new AbortError({ method: ctx.method, url: ctx.href, cause: ctx.caller?.reason });
  }

  /** The headers actually sent for one hop: the token only ever goes to the base origin. */
  function outgoingHeaders(hop: Hop): Record<string, string> {
    const headers: Record<string, string> = { accept: "application/json", ...hop.headers }; // a caller's Accept wins
    if (hop.url.origin === baseOrigin) {
      warnIfInsecure(hop.url);
      headers[TOKEN_HEADER] = token;
    } else if (TOKEN_HEADER in headers) {
      delete headers[TOKEN_HEADER]; // only the transport decides where the token goes
    }
    return headers;
  }

  /** One attempt: the request plus any redirects, and the whole response body, under one timeout. */
  async function attempt<B>(first: Hop, ctx: CallContext, reader: BodyReader<B>): Promise<AttemptResult<B>> {
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
    const fetchImpl: FetchLike = options.fetch ?? globalThis.fetch; // looked up late so test mocks apply
    const injected = fetchImpl !== runtimeFetch;
    const untilAborted = <T>(promise: Promise<T>): Promise<T> => (injected ? raceAbort(promise, controller.signal) : promise);

    let hop = first;
    try {
      for (let redirects = 0; ; redirects++) {
        const response = await untilAborted(
          fetchImpl(hop.url.href, {
            ...ctx.passthrough,
            method: hop.method,
            headers: outgoingHeaders(hop),
            body: hop.body,
            signal: controller.signal,
            redirect: "manual",
          }),
        );

        // Response.error() from an injected fetch: a network error, like a rejection.
        if (response.type === "error") throw new TypeError("fetch returned a network error");

        if (response.type === "opaqueredirect") {
          // Browsers hide manual redirects entirely, so we cannot tell where it goes or
          // whether the token may follow. Fail loudly rather than guess.
          return fail(
            new ConnectionError(
              "Server redirected, but this runtime hides redirect targets (opaqueredirect); point baseUrl at the final URL",
              { method: ctx.method, url: ctx.href },
            ),
          );
        }

        if (isRedirectStatus(response.status)) {
          const next = nextHop(hop, response.status, response.headers.get("location"));
          if (next.kind === "invalid") {
            return fail(new ConnectionError(next.reason, { method: ctx.method, url: ctx.href }));
          }
          if (next.kind === "follow") {
            response.body?.cancel().catch(() => undefined);
            if (redirects >= MAX_REDIRECTS) {
              return fail(
                new ConnectionError(`Too many redirects (more than ${MAX_REDIRECTS})`, { method: ctx.method, url: ctx.href }),
              );
            }
            log?.("debug", "Following redirect", {
              status: response.status,
              from: hop.url.href,
              to: next.hop.url.href,
              sameOrigin: next.hop.url.origin === baseOrigin,
            });
            hop = next.hop;
            continue;
          }
        }

        // Read the body here, under this attempt's timeout, so a failure mid-body is retried like any other.
        const body = await untilAborted(reader(response, hop.url.href));
        // A Response built by an injected fetch may have no url; name the hop it came from.
        if (injected && response.url === "") Object.defineProperty(response, "url", { value: hop.url.href });
        return { response, body };
      }
    } catch (error) {
      if (ctx.caller?.aborted) throw abortError(ctx);
      if (timedOut) {
        return { error: new TimeoutError({ timeoutMs: ctx.timeoutMs, method: ctx.method, url: ctx.href }), retryable: ctx.idempotent };
      }
      if (error instanceof ChatwootError) return fail(error);
      const code = findErrorCode(error);
      const connectionError = new ConnectionError(redact(`Connection failed: ${describe(error)}`, token) as string, {
        cause: error,
        method: ctx.method,
        url: ctx.href,
        code,
      });
      // Without proof that nothing reached the server, only idempotent requests may be repeated.
      return { error: connectionError, retryable: ctx.idempotent || isNeverSent(code) };
    } finally {
      clearTimeout(timer);
      unlink?.();
    }
  }

  /** Attempts until one gives a final answer, waiting between them as the retry policy says. */
  async function exchange<B>(first: Hop, ctx: CallContext, reader: BodyReader<B>): Promise<Received<B>> {
    const { method, href: url } = ctx;
    for (let attemptNo = 1; ; attemptNo++) {
      const started = Date.now();
      const result = await attempt(first, ctx, reader);
      const ms = Date.now() - started;
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
        delay = retryAfter ?? computeBackoff(attemptNo, random);
        reason = `HTTP ${status}`;
      } else {
        const { error } = result;
        log?.("debug", "HTTP attempt failed", { method, url, attempt: attemptNo, error: error.name, ms });
        if (!canRetry || !result.retryable) throw error;
        delay = computeBackoff(attemptNo, random);
        reason = error instanceof ConnectionError && error.code ? `${error.name} ${error.code}` : error.name;
      }

      log?.("warn", "Retrying request", { method, url, attempt: attemptNo, reason, delayMs: delay });
      await pause(delay, ctx);
    }
  }

  /** The backoff wait; raced against the caller's signal in case an injected sleep ignores it. */
  async function pause(ms: number, ctx: CallContext): Promise<void> {
    try {
      const waiting = sleep(ms, ctx.caller);
      await (ctx.caller ? raceAbort(waiting, ctx.caller) : waiting);
    } catch (error) {
      if (ctx.caller?.aborted) throw abortError(ctx);
      throw error;
    }
  }

  /** The fast path: a plain description in, the Response and its text out. */
  async function send(spec: RequestSpec, call: CallOptions = {}): Promise<SendResult> {
    const ctx = context(spec.method, parseUrl(spec.url), call, call.signal ?? undefined);
    if (ctx.caller?.aborted) throw abortError(ctx);
    const first: Hop = { url: ctx.url, method: ctx.method, body: spec.body, headers: lowerCaseNames(spec.headers) };
    const { response, body } = await exchange(first, ctx, readText);
    return { response, text: body };
  }

  /** The fetch-compatible path: a Request in, an equivalent, fully buffered Response out. */
  async function fetchCompat(input: Request | string | URL, init: RequestInit | undefined, call: CallOptions): Promise<Response> {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const { signal, detach } = anySignal([call.signal, request.signal]);
    try {
      const passthrough = { ...requestSettings(request), ...passthroughInit(init) };
      const ctx = context(request.method, new URL(request.url), call, signal, passthrough);
      if (signal?.aborted) throw abortError(ctx);
      let body: ArrayBuffer | undefined;
      try {
        body = await (signal ? raceAbort(readRequestBody(request), signal) : readRequestBody(request));
      } catch {
        if (signal?.aborted) throw abortError(ctx);
        throw new InvalidRequestError("body", "the request body could not be read (already consumed?)");
      }
      const first: Hop = { url: ctx.url, method: ctx.method, body, headers: Object.fromEntries(request.headers) };
      return (await exchange(first, ctx, readBuffered)).body;
    } finally {
      detach();
    }
  }

  return {
    fetch: (input, init) => fetchCompat(input, init, {}),
    fetchWith: (call) => (input, init) => fetchCompat(input, init, call),
    send,
  };
}

function fail(error: ChatwootError): { error: ChatwootError; retryable: false } {
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

function parseUrl(url: string | URL): URL {
  if (url instanceof URL) return url;
  try {
    return new URL(url);
  } catch {
    throw new InvalidRequestError("url", "must be an absolute http(s) URL");
  }
}

/** Header names are case-insensitive; the hop headers are kept lower-case so they can be looked up. */
function lowerCaseNames(headers: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers) for (const name of Object.keys(headers)) out[name.toLowerCase()] = headers[name]!;
  return out;
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
