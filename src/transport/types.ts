/** Structured logger; every method is optional. Messages and data never contain headers or the token. */
export interface Logger {
  debug?(msg: string, data?: Record<string, unknown>): void;
  info?(msg: string, data?: Record<string, unknown>): void;
  warn?(msg: string, data?: Record<string, unknown>): void;
  error?(msg: string, data?: Record<string, unknown>): void;
}

export type FetchLike = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

export interface TransportOptions {
  /** Already validated by the client: http(s), no credentials. */
  baseUrl: string;
  /** Sent as header `api_access_token`, only to the origin of `baseUrl`. */
  apiAccessToken: string;
  /** Extra attempts after the first one. Default 2; 0 disables retries. */
  maxRetries?: number;
  /** Per attempt, covering headers and the whole body. Default 60 000. `Infinity` disables. */
  timeoutMs?: number;
  /**
   * Sent with every request to the origin of `baseUrl` (never to another origin).
   * `api_access_token` and framing headers (host, content-length …) are refused.
   */
  headers?: Record<string, string>;
  /** Largest response body accepted, in bytes after decompression (default 50 MiB); larger is an InvalidResponseError. */
  maxResponseBytes?: number;
  /** Underlying fetch; default `globalThis.fetch`, looked up at call time. */
  fetch?: typeof globalThis.fetch;
  /** Silent by default. */
  logger?: Logger;
  /** Default: GET/HEAD/OPTIONS only. */
  isIdempotent?: (method: string, url: URL) => boolean;
  /** Jitter source, default Math.random. */
  random?: () => number;
  /** Backoff sleep, default setTimeout-based. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface CallOptions {
  maxRetries?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Overrides `isIdempotent()` for this call. */
  idempotent?: boolean;
  /** Added to this call's requests to the base origin, over the client's `headers`. */
  headers?: Record<string, string>;
}

/** One request as the transport sends it: no Request object, the body already serialized. */
export interface RequestSpec {
  method: string;
  /** Absolute URL (a URL object saves parsing it again). */
  url: string | URL;
  /** Header names are case-insensitive; the token header is always the transport's own. */
  headers?: Record<string, string>;
  body?: string | ArrayBuffer;
}

/** What `send()` resolves to once an attempt succeeded (or its status is final). */
export interface SendResult {
  /** The Response of the last hop; its body has been read (`bodyUsed`), the text is below. */
  response: Response;
  /** The whole body, read inside the attempt (so a reset or stall mid-body was retried). */
  text: string;
}

export interface Transport {
  /** A fetch-compatible function to hand to openapi-fetch (createClient({ fetch }) or per request `fetch:`). */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /** The same, with per-call options (the client creates a per-call closure with this). */
  fetchWith(call: CallOptions): (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
  /**
   * The fast path the client's methods use: the same attempts, retries, redirects,
   * timeouts and token rules, without building or copying Request/Response objects.
   */
  send(spec: RequestSpec, call?: CallOptions): Promise<SendResult>;
  /**
   * Removes this transport's token from an error's message, stack, body,
   * bodySnippet, headers and cause (in place; returns it). The client runs every
   * error a method throws through it, since error bodies are the server's text.
   */
  redact<E>(error: E): E;
}
