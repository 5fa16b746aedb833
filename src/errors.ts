/**
 * Error classes thrown by the SDK.
 *
 * Rules that every class follows:
 * - `instanceof` works in ESM and CJS builds (prototype fixed in the base constructor).
 * - Nothing here ever holds a Request, request headers or the API token, so
 *   `String(err)`, `JSON.stringify(err)` and `util.inspect(err)` are safe to log.
 * - `toJSON()` returns only a whitelist of fields.
 */

const SNIPPET_LENGTH = 200;

export class ChatwootError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    // new.target is the most derived class, so this one call fixes the chain for every subclass.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = "ChatwootError";
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message };
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
  /** Response headers, lower-case names (`set-cookie` is dropped). */
  readonly headers: Record<string, string>;
  readonly body: unknown;
  readonly method: string;
  readonly url: string;
  readonly requestId: string | undefined;

  constructor(args: ApiErrorArgs) {
    const body = parseMaybeJson(args.body);
    const method = args.method.toUpperCase();
    const serverMessage = extractServerMessage(body);
    super(
      serverMessage === undefined
        ? `HTTP ${args.status} (${method} ${args.url})`
        : `${args.status} ${serverMessage} (${method} ${args.url})`,
    );
    this.name = "ChatwootApiError";
    this.status = args.status;
    this.headers = plainHeaders(args.headers);
    this.body = body;
    this.method = method;
    this.url = args.url;
    this.requestId = this.headers["x-request-id"] ?? this.headers["request-id"];
  }

  override toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      method: this.method,
      url: this.url,
      requestId: this.requestId,
      body: this.body,
    };
  }
}

export class BadRequestError extends ChatwootApiError {
  constructor(args: ApiErrorArgs) {
    super(args);
    this.name = "BadRequestError";
  }
}

export class AuthenticationError extends ChatwootApiError {
  constructor(args: ApiErrorArgs) {
    super(args);
    this.name = "AuthenticationError";
  }
}

export class PermissionDeniedError extends ChatwootApiError {
  constructor(args: ApiErrorArgs) {
    super(args);
    this.name = "PermissionDeniedError";
  }
}

export class NotFoundError extends ChatwootApiError {
  constructor(args: ApiErrorArgs) {
    super(args);
    this.name = "NotFoundError";
  }
}

export class ConflictError extends ChatwootApiError {
  constructor(args: ApiErrorArgs) {
    super(args);
    this.name = "ConflictError";
  }
}

export class UnprocessableEntityError extends ChatwootApiError {
  constructor(args: ApiErrorArgs) {
    super(args);
    this.name = "UnprocessableEntityError";
  }
}

export class RateLimitError extends ChatwootApiError {
  constructor(args: ApiErrorArgs) {
    super(args);
    this.name = "RateLimitError";
  }
}

export class InternalServerError extends ChatwootApiError {
  constructor(args: ApiErrorArgs) {
    super(args);
    this.name = "InternalServerError";
  }
}

/** Builds the error subclass matching `status` (unknown statuses get the base class). */
export function apiErrorFromResponse(args: ApiErrorArgs): ChatwootApiError {
  switch (args.status) {
    case 400:
      return new BadRequestError(args);
    case 401:
      return new AuthenticationError(args);
    case 403:
      return new PermissionDeniedError(args);
    case 404:
      return new NotFoundError(args);
    case 409:
      return new ConflictError(args);
    case 422:
      return new UnprocessableEntityError(args);
    case 429:
      return new RateLimitError(args);
    default:
      return args.status >= 500 ? new InternalServerError(args) : new ChatwootApiError(args);
  }
}

// ---------------------------------------------------------------------------
// Errors without an HTTP error status
// ---------------------------------------------------------------------------

/** The request could not be completed on the network (refused, DNS, reset, bad redirect). */
export class ConnectionError extends ChatwootError {
  readonly method: string | undefined;
  readonly url: string | undefined;
  /** System error code found in the cause chain, e.g. `ECONNREFUSED`. */
  readonly code: string | undefined;

  constructor(
    message: string,
    options: { cause?: unknown; method?: string; url?: string; code?: string } = {},
  ) {
    super(withTarget(message, options.method, options.url), { cause: options.cause });
    this.name = "ConnectionError";
    this.method = options.method;
    this.url = options.url;
    this.code = options.code;
  }

  override toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, method: this.method, url: this.url, code: this.code };
  }
}

/** One attempt (or the last of the retries) took longer than `timeoutMs`. */
export class TimeoutError extends ChatwootError {
  readonly timeoutMs: number;
  readonly method: string | undefined;
  readonly url: string | undefined;

  constructor(args: { timeoutMs: number; method?: string; url?: string }) {
    super(withTarget(`Request timed out after ${args.timeoutMs} ms`, args.method, args.url));
    this.name = "TimeoutError";
    this.timeoutMs = args.timeoutMs;
    this.method = args.method;
    this.url = args.url;
  }

  override toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      timeoutMs: this.timeoutMs,
      method: this.method,
      url: this.url,
    };
  }
}

/** The caller aborted the request through its AbortSignal. `cause` is the signal's reason. */
export class AbortError extends ChatwootError {
  readonly method: string | undefined;
  readonly url: string | undefined;

  constructor(args: { method?: string; url?: string; cause?: unknown } = {}) {
    super(withTarget("Request was aborted", args.method, args.url), { cause: args.cause });
    this.name = "AbortError";
    this.method = args.method;
    this.url = args.url;
  }

  override toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, method: this.method, url: this.url };
  }
}

/** A 2xx response whose body is not what the API promised (e.g. HTML instead of JSON). */
export class InvalidResponseError extends ChatwootError {
  readonly status: number;
  readonly method: string;
  readonly url: string;
  /** First 200 characters of the body. */
  readonly bodySnippet: string;

  constructor(args: { status: number; method: string; url: string; body: string; reason?: string }) {
    const method = args.method.toUpperCase();
    super(`${args.status} ${args.reason ?? "Response body is not valid JSON"} (${method} ${args.url})`);
    this.name = "InvalidResponseError";
    this.status = args.status;
    this.method = method;
    this.url = args.url;
    this.bodySnippet = args.body.slice(0, SNIPPET_LENGTH);
  }

  override toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      method: this.method,
      url: this.url,
      bodySnippet: this.bodySnippet,
    };
  }
}

/** Bad input caught before anything was sent. */
export class InvalidRequestError extends ChatwootError {
  readonly param: string;

  constructor(param: string, message: string) {
    super(`Invalid ${param}: ${message}`);
    this.name = "InvalidRequestError";
    this.param = param;
  }

  override toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, param: this.param };
  }
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function withTarget(message: string, method: string | undefined, url: string | undefined): string {
  return method && url ? `${message} (${method.toUpperCase()} ${url})` : message;
}

function parseMaybeJson(body: unknown): unknown {
  if (typeof body !== "string") return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return body;
  }
}

function plainHeaders(headers: Headers | Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = isHeaders(headers) ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) {
    const key = name.toLowerCase();
    // A session cookie has no place in an error that may end up in logs.
    if (key === "set-cookie") continue;
    out[key] = String(value);
  }
  return out;
}

function isHeaders(value: unknown): value is Headers {
  return typeof Headers !== "undefined" && value instanceof Headers;
}

/** Chatwoot answers with `{error}`, `{message, attributes}` or `{errors: [...]}`; proxies with text/HTML. */
function extractServerMessage(body: unknown): string | undefined {
  if (typeof body === "string") return textMessage(body);
  if (body === null || typeof body !== "object") return undefined;
  const record = body as Record<string, unknown>;
  if (typeof record.error === "string" && record.error.trim()) return record.error.trim();
  if (typeof record.message === "string" && record.message.trim()) return record.message.trim();
  if (Array.isArray(record.errors)) {
    const parts = record.errors
      .map((item: unknown) => {
        if (typeof item === "string") return item;
        // Tolerate `[{ message: "..." }]` too.
        if (item && typeof item === "object" && typeof (item as { message?: unknown }).message === "string") {
          return (item as { message: string }).message;
        }
        return undefined;
      })
      .filter((item): item is string => item !== undefined && item.trim() !== "");
    if (parts.length > 0) return parts.join("; ");
  }
  return undefined;
}

function textMessage(text: string): string | undefined {
  let plain = text;
  if (/^\s*</.test(text)) {
    // An HTML error page (typically from a proxy): its <title> is the useful part.
    const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text)?.[1];
    plain = title ?? text.replace(/<[^>]*>/g, " ");
  }
  const message = plain.replace(/\s+/g, " ").trim().slice(0, SNIPPET_LENGTH).trim();
  return message === "" ? undefined : message;
}
