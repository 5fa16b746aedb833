/**
 * Error classes thrown by the SDK.
 *
 * Rules that every class follows:
 * - `instanceof` works in ESM and CJS builds (prototype fixed in the base constructor).
 * - Nothing here ever holds a Request, request headers or the API token, so
 *   `String(err)`, `JSON.stringify(err)` and `util.inspect(err)` are safe to log.
 * - `toJSON()` returns name, message and the class's own fields, minus response headers.
 */

const SNIPPET_LENGTH = 200;

/**
 * How much of a text error body is read to build a message: more than any
 * proxy's error page needs before its <title>, and a hard bound on the work a
 * hostile body can cause (the code below is linear in it, too).
 */
export const MESSAGE_SCAN_LIMIT = 4096;

/** Shown in place of a secret. */
export const REDACTED = "[REDACTED]";

/** JSON fields whose values are credentials (a profile carries both); never copied into a snippet. */
const SECRET_FIELDS = /("(?:access_token|pubsub_token)"\s*:\s*)"(?:[^"\\]|\\.)*(?:"|\\?$)/g;

/** The request target every error names in its message, when known. */
interface Target {
  method?: string;
  url?: string;
}

export class ChatwootError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    // new.target is the most derived class, so this one call fixes the chain for every subclass.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = "ChatwootError";
  }

  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message };
    // The class's own fields; headers stay out (they may carry cookies or trace ids).
    for (const [key, value] of Object.entries(this)) if (key !== "headers") json[key] = value;
    return json;
  }
}

// ---------------------------------------------------------------------------
// HTTP errors (the server answered with an error status)
// ---------------------------------------------------------------------------

export interface ApiErrorArgs {
  status: number;
  headers: Headers | Record<string, string>;
  /** Parsed JSON, or the raw text (parsed here if it is JSON). */
  body: unknown;
  method: string;
  url: string;
}

export class ChatwootApiError extends ChatwootError {
  readonly status: number;
  readonly method: string;
  readonly url: string;
  readonly requestId: string | undefined;
  readonly body: unknown;
  /** Response headers, lower-case names (`set-cookie` is dropped). */
  readonly headers: Record<string, string> = {};

  constructor(args: ApiErrorArgs) {
    const body = parseMaybeJson(args.body);
    const method = args.method.toUpperCase();
    const serverMessage = extractServerMessage(body);
    super(`${serverMessage === undefined ? "HTTP " + args.status : args.status + " " + serverMessage} (${method} ${args.url})`);
    this.name = "ChatwootApiError";
    this.status = args.status;
    this.method = method;
    this.url = args.url;
    const entries = args.headers instanceof Headers ? args.headers.entries() : Object.entries(args.headers);
    for (const [name, value] of entries) {
      const key = name.toLowerCase();
      // A session cookie has no place in an error that may end up in logs.
      if (key !== "set-cookie") this.headers[key] = String(value);
    }
    this.requestId = this.headers["x-request-id"] ?? this.headers["request-id"];
    this.body = body;
  }
}

export class BadRequestError extends ChatwootApiError {
  override name = "BadRequestError";
}

export class AuthenticationError extends ChatwootApiError {
  override name = "AuthenticationError";
}

export class PermissionDeniedError extends ChatwootApiError {
  override name = "PermissionDeniedError";
}

export class NotFoundError extends ChatwootApiError {
  override name = "NotFoundError";
}

export class ConflictError extends ChatwootApiError {
  override name = "ConflictError";
}

export class UnprocessableEntityError extends ChatwootApiError {
  override name = "UnprocessableEntityError";
}

export class RateLimitError extends ChatwootApiError {
  override name = "RateLimitError";
}

export class InternalServerError extends ChatwootApiError {
  override name = "InternalServerError";
}

const BY_STATUS: Record<number, typeof ChatwootApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** Builds the error subclass matching `status` (unknown statuses get the base class). */
export function apiErrorFromResponse(args: ApiErrorArgs): ChatwootApiError {
  const ErrorClass = BY_STATUS[args.status] ?? (args.status >= 500 ? InternalServerError : ChatwootApiError);
  return new ErrorClass(args);
}

// ---------------------------------------------------------------------------
// Errors without an HTTP error status
// ---------------------------------------------------------------------------

/** Errors about one request that may not have an answer: the message ends with "(METHOD url)" when known. */
class RequestError extends ChatwootError {
  readonly method: string | undefined;
  readonly url: string | undefined;

  constructor(message: string, target: Target & { cause?: unknown }) {
    const method = target.method?.toUpperCase();
    super(method && target.url ? `${message} (${method} ${target.url})` : message, target);
    this.method = target.method;
    this.url = target.url;
  }
}

/** The request could not be completed on the network (refused, DNS, reset, bad redirect). */
export class ConnectionError extends RequestError {
  override name = "ConnectionError";
  /** System error code found in the cause chain, e.g. `ECONNREFUSED`. */
  readonly code: string | undefined;

  constructor(message: string, options: Target & { cause?: unknown; code?: string } = {}) {
    super(message, options);
    this.code = options.code;
  }
}

/** One attempt (or the last of the retries) took longer than `timeoutMs`. */
export class TimeoutError extends RequestError {
  override name = "TimeoutError";
  readonly timeoutMs: number;

  constructor(args: Target & { timeoutMs: number }) {
    super(`Request timed out after ${args.timeoutMs} ms`, args);
    this.timeoutMs = args.timeoutMs;
  }
}

/** The caller aborted the request through its AbortSignal. `cause` is the signal's reason. */
export class AbortError extends RequestError {
  override name = "AbortError";

  constructor(args: Target & { cause?: unknown } = {}) {
    super("Request was aborted", args);
  }
}

/** A 2xx response whose body is not what the API promised (e.g. HTML instead of JSON). */
export class InvalidResponseError extends ChatwootError {
  override name = "InvalidResponseError";
  readonly status: number;
  readonly method: string;
  readonly url: string;
  /** First 200 characters of the body (`access_token` and `pubsub_token` values redacted). */
  readonly bodySnippet: string;

  constructor(args: { status: number; method: string; url: string; body: string; reason?: string }) {
    const method = args.method.toUpperCase();
    super(`${args.status} ${args.reason ?? "Response body is not valid JSON"} (${method} ${args.url})`);
    this.status = args.status;
    this.method = method;
    this.url = args.url;
    // The doubled prefix keeps a credential that starts inside the snippet redacted whole.
    this.bodySnippet = args.body.slice(0, SNIPPET_LENGTH * 2).replace(SECRET_FIELDS, `$1"${REDACTED}"`).slice(0, SNIPPET_LENGTH);
  }
}

/** Bad input caught before anything was sent. */
export class InvalidRequestError extends ChatwootError {
  override name = "InvalidRequestError";
  readonly param: string;

  constructor(param: string, message: string) {
    super(`Invalid ${param}: ${message}`);
    this.param = param;
  }
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function parseMaybeJson(body: unknown): unknown {
  if (typeof body !== "string") return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

/** Chatwoot answers with `{error}`, `{message, attributes}` or `{errors: [...]}`; proxies with text/HTML. */
function extractServerMessage(body: unknown): string | undefined {
  if (typeof body === "string") return textMessage(body);
  if (body === null || typeof body !== "object") return undefined;
  const { error, message, errors } = body as Record<string, unknown>;
  for (const text of [error, message]) if (typeof text === "string" && text.trim()) return text.trim();
  if (Array.isArray(errors)) {
    // Strings, or `[{ message: "..." }]`.
    const parts = errors.map((item) => (typeof item === "string" ? item : item?.message)).filter((item) => typeof item === "string" && item.trim());
    if (parts.length > 0) return parts.join("; ");
  }
  return undefined;
}

/** A message from a text or HTML body, looking only at its first MESSAGE_SCAN_LIMIT characters, in linear time. */
function textMessage(text: string): string | undefined {
  const head = text.slice(0, MESSAGE_SCAN_LIMIT);
  // An HTML error page (typically from a proxy): its <title> is the useful part.
  const plain = /^\s*</.test(head) ? titleOf(head) ?? stripTags(head) : head;
  return plain.replace(/\s+/g, " ").trim().slice(0, SNIPPET_LENGTH).trim() || undefined;
}

/** The text of the first complete <title>…</title>, found with indexOf (no backtracking regex). */
function titleOf(html: string): string | undefined {
  const lower = html.toLowerCase();
  const open = lower.indexOf("<title");
  if (open < 0) return undefined;
  const start = lower.indexOf(">", open);
  if (start < 0) return undefined;
  const end = lower.indexOf("</title", start);
  return end < 0 ? undefined : html.slice(start + 1, end);
}

/** Text outside tags, one pass; an unclosed tag swallows the rest. */
function stripTags(html: string): string {
  let out = "";
  let from = 0;
  while (from < html.length) {
    const open = html.indexOf("<", from);
    if (open < 0) return out + html.slice(from);
    out += html.slice(from, open) + " ";
    const close = html.indexOf(">", open);
    if (close < 0) return out;
    from = close + 1;
  }
  return out;
}
