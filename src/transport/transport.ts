/**
 * The client's own fetch: the single place where timeouts, retries, redirects,
 * response buffering and the API token are handled.
 *
 * Two entries share the same attempts: `send()` (the client's methods: a plain
 * request description in, the Response and its text out, no Request/Response
 * copies) and `fetch`/`fetchWith` (fetch-compatible, for openapi-fetch and
 * `chatwoot.raw`: a Request in, an equivalent fully buffered Response out).
 * One attempt lives in attempt.ts, the retries around it in retry-loop.ts.
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
import { InvalidRequestError } from "../errors.js";
import { anySignal, raceAbort } from "./abort.js";
import { abortError } from "./attempt.js";
import { defaultSleep } from "./backoff.js";
import { readBuffered, readText } from "./body.js";
import {
  checkHeaders,
  checkMaxBytes,
  checkRetries,
  checkTimeout,
  checkToken,
  lowerCaseNames,
  parseUrl,
  type CallContext,
} from "./call-context.js";
import { fetchSettings, readRequestBody } from "./fetch-compat.js";
import { createInsecureWarning, createLog } from "./logger.js";
import { defaultIsIdempotent } from "./retry-policy.js";
import { redactError } from "./redact-error.js";
import { exchange } from "./retry-loop.js";
import { TOKEN_HEADER, type Session } from "./session.js";
import type { Hop } from "./redirects.js";
import type { CallOptions, RequestSpec, SendResult, Transport, TransportOptions } from "./types.js";

export { TOKEN_HEADER } from "./session.js";

const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_TIMEOUT_MS = 60_000;
/** Generous for any JSON page; stops a runaway or hostile body from filling memory. */
export const DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024 * 1024;

export function createTransport(options: TransportOptions): Transport {
  let baseOrigin: string;
  try {
    baseOrigin = new URL(options.baseUrl).origin;
  } catch {
    throw new InvalidRequestError("baseUrl", "must be an absolute http(s) URL");
  }
  const token = checkToken(options.apiAccessToken);
  const defaultMaxRetries = checkRetries("maxRetries", options.maxRetries ?? DEFAULT_MAX_RETRIES);
  const defaultTimeoutMs = checkTimeout("timeoutMs", options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const isIdempotent = options.isIdempotent ?? ((method: string) => defaultIsIdempotent(method));
  const log = createLog(options.logger, token);
  const session: Session = {
    baseOrigin,
    token,
    headers: checkHeaders("headers", options.headers, TOKEN_HEADER),
    maxResponseBytes: checkMaxBytes("maxResponseBytes", options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES),
    fetch: options.fetch,
    log,
    warnIfInsecure: createInsecureWarning(options.logger, log),
    random: options.random ?? Math.random,
    sleep: options.sleep ?? defaultSleep,
  };

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
    const headers = call.headers === undefined ? session.headers : { ...session.headers, ...checkHeaders("headers", call.headers, TOKEN_HEADER) };
    const { maxResponseBytes } = session;
    return { method: upper, url, href: url.href, idempotent, maxRetries, timeoutMs, caller, headers, maxResponseBytes, passthrough };
  }

  /** The fast path: a plain description in, the Response and its text out. */
  async function send(spec: RequestSpec, call: CallOptions = {}): Promise<SendResult> {
    const ctx = context(spec.method, parseUrl(spec.url), call, call.signal ?? undefined);
    if (ctx.caller?.aborted) throw abortError(ctx);
    const first: Hop = { url: ctx.url, method: ctx.method, body: spec.body, headers: lowerCaseNames(spec.headers) };
    const { response, body } = await exchange(session, first, ctx, readText);
    return { response, text: body };
  }

  /** The fetch-compatible path: a Request in, an equivalent, fully buffered Response out. */
  async function fetchCompat(input: Request | string | URL, init: RequestInit | undefined, call: CallOptions): Promise<Response> {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const { signal, detach } = anySignal([call.signal, request.signal]);
    try {
      const ctx = context(request.method, new URL(request.url), call, signal, fetchSettings(request, init));
      if (signal?.aborted) throw abortError(ctx);
      let body: ArrayBuffer | undefined;
      try {
        body = await (signal ? raceAbort(readRequestBody(request), signal) : readRequestBody(request));
      } catch {
        if (signal?.aborted) throw abortError(ctx);
        throw new InvalidRequestError("body", "the request body could not be read (already consumed?)");
      }
      const first: Hop = { url: ctx.url, method: ctx.method, body, headers: Object.fromEntries(request.headers) };
      return (await exchange(session, first, ctx, readBuffered)).body;
    } finally {
      detach();
    }
  }

  return {
    fetch: (input, init) => fetchCompat(input, init, {}),
    fetchWith: (call) => (input, init) => fetchCompat(input, init, call),
    send,
    redact: (error) => redactError(error, token),
  };
}
