// The one path every method takes: validated input → openapi-fetch's
// serializers (they build the URL and the JSON body from the generated
// operations table) → the transport (retries, timeouts, token; reads the body
// once) → parsed, unwrapped payload or a typed error.
import { createFinalURL, createQuerySerializer, defaultBodySerializer, defaultPathSerializer, type Client } from "openapi-fetch";
import { ApiPromise } from "./api-promise.js";
import { apiErrorFromResponse, InvalidRequestError, InvalidResponseError } from "./errors.js";
import { EMPTY_RESPONSE, operations } from "./generated/operations.js";
import type { paths } from "./generated/schema.js";
import { isIdempotentCall, type OperationId } from "./operations.js";
import type { CallOptions, Transport } from "./transport/index.js";
import { ShapeMismatch } from "./response-shape.js";
import { closestKey, plainObject, positiveId } from "./validate.js";

/** Per-call options accepted as the last argument of every method. */
export interface RequestOptions {
  /** Account for this call, instead of the client's `accountId`. */
  account_id?: number | undefined;
  /** Cancels the call (and any retry wait) at once. */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout for this call. */
  timeoutMs?: number | undefined;
  /** Retries for this call; 0 disables. */
  maxRetries?: number | undefined;
  /** Headers for this call's requests (e.g. `Prefer`, a trace id), over the client's `headers`; same rules. */
  headers?: Record<string, string> | undefined;
}

const OPTION_KEYS = ["account_id", "signal", "timeoutMs", "maxRetries", "headers"] as const satisfies readonly (keyof RequestOptions)[];

/** A misspelt option (`accountId`, `timeout`) would be ignored silently: refuse it, naming the key meant. */
function checkOptions(options: RequestOptions | undefined): void {
  if (options === undefined) return;
  for (const key of Object.keys(plainObject("options", options))) {
    if ((OPTION_KEYS as readonly string[]).includes(key)) continue;
    const guess = closestKey(key, OPTION_KEYS);
    const hint = guess === undefined ? "" : `; did you mean ${guess}?`;
    throw new InvalidRequestError(key, `is not a per-call option${hint} (known: ${OPTION_KEYS.join(", ")})`);
  }
}

/** The query and body of one call, already validated. */
export interface Input {
  query?: Record<string, unknown>;
  body?: unknown;
  /** A body already encoded in another media type (multipart/form-data), sent as these bytes. */
  encoded?: { bytes: ArrayBuffer; contentType: string };
}

/** Method and URL of the request, for error messages. */
interface Target {
  method: string;
  url: string;
}

/** The outcome of one call, whichever path it took. */
interface Answer {
  target: Target;
  response: Response;
  /** The body of a successful response. */
  text: string;
  /** The body of an error response, as openapi-fetch hands it over: parsed JSON, else the text. */
  error: unknown;
}

/** What openapi-fetch resolves to. */
interface RawResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** openapi-fetch's `request()` without the per-path typing (the table holds the paths). */
type UntypedRequest = (method: string, path: string, init: Record<string, unknown>) => Promise<RawResult>;

/** The path parameters and query of one call, as openapi-fetch takes them. */
interface Params {
  path: Record<string, number>;
  query: Record<string, unknown> | undefined;
}

const JSON_BODY: Readonly<Record<string, string>> = { "content-type": "application/json" };

/** The response headers a caller used to see on errors (the body was re-framed then). */
const FRAMING_HEADERS: ReadonlySet<string> = new Set(["content-length", "content-encoding", "transfer-encoding"]);

export class Core {
  /** Set once middleware is added to `raw`: from then on every call takes the compatible path. */
  #middleware = false;
  /** openapi-fetch's default query style (form, explode), made once instead of per call. */
  readonly #querySerializer = createQuerySerializer();

  constructor(
    readonly raw: Client<paths>,
    private readonly transport: Transport,
    private readonly defaultAccountId: number,
    /** The client's baseUrl without a trailing slash, as openapi-fetch keeps it. */
    private readonly baseUrl: string,
  ) {
    // Middleware on `raw` applies to every method and may inspect or replace openapi-fetch's
    // Request and read the Response, which the direct path neither builds nor leaves unread.
    const use = raw.use.bind(raw);
    raw.use = (...middleware) => {
      this.#middleware = true;
      use(...middleware);
    };
  }

  /**
   * Runs one operation. `ids` are the path parameters besides account_id (each
   * must be a positive integer); `prepare` validates and returns the query and
   * body. Bad input throws InvalidRequestError, which becomes a rejection:
   * nothing is sent. `select` picks the payload out of the server's envelope.
   */
  call<T>(
    operationId: OperationId,
    options: RequestOptions | undefined,
    ids?: Record<string, unknown>,
    prepare?: () => Input | Promise<Input>,
    select?: (wire: never) => T,
  ): ApiPromise<T> {
    const op = operations[operationId];
    const result = Promise.resolve().then(async () => {
      checkOptions(options);
      const path: Record<string, number> = {
        account_id: options?.account_id === undefined ? this.defaultAccountId : positiveId("account_id", options.account_id),
      };
      for (const name in ids) path[name] = positiveId(name, ids[name]);
      const { query, body, encoded } = (await prepare?.()) ?? {};
      const call: CallOptions = {
        idempotent: isIdempotentCall(op, body),
        signal: options?.signal,
        timeoutMs: options?.timeoutMs,
        maxRetries: options?.maxRetries,
        headers: options?.headers,
      };
      const [method, template, flags] = op;
      const params: Params = { path, query };
      const { target, response, text, error } = this.#middleware
        ? await this.compatible(method, template, params, body, encoded, call)
        : await this.direct(method, template, params, body, encoded, call);
      if (!response.ok) {
        throw apiErrorFromResponse({ status: response.status, headers: errorHeaders(response), body: error, ...target });
      }
      const wire = flags & EMPTY_RESPONSE ? undefined : parseBody(text, response, target);
      return { data: select ? selectPayload(select, wire, { status: response.status, ...target, body: text }) : (wire as T), response };
    });
    // Error bodies, headers and causes are the server's text: the token must not ride along in them.
    return new ApiPromise(result.catch((error: unknown) => Promise.reject(this.transport.redact(error))));
  }

  /**
   * PUTs bytes to a URL the server handed out (a direct-upload target, outside
   * the spec): same transport, retries (a PUT of the same bytes is idempotent)
   * and token rule (the token goes only to the baseUrl origin, never to S3).
   */
  async upload(url: string, headers: Record<string, string>, bytes: ArrayBuffer, options?: RequestOptions): Promise<void> {
    const target = { method: "PUT", url };
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new InvalidResponseError({ status: 200, method: "POST", url, body: "", reason: "Direct upload answer has no absolute upload URL" });
    }
    const call: CallOptions = { idempotent: true, signal: options?.signal, timeoutMs: options?.timeoutMs, maxRetries: options?.maxRetries };
    try {
      const { response, text } = await this.transport.send({ method: "PUT", url: parsed, headers, body: bytes }, call);
      if (!response.ok) throw apiErrorFromResponse({ status: response.status, headers: errorHeaders(response), body: errorBody(text, target), ...target });
    } catch (error) {
      // Storage's error text is server-provided too: same redaction as core.call.
      throw this.transport.redact(error);
    }
  }

  /**
   * The usual path: openapi-fetch's own serializers build the URL and the JSON
   * body (as its `request()` would), and `transport.send()` sends them and reads
   * the body once as text. No Request, Headers or body stream is built that
   * nothing would read, and no middleware loop runs: `raw` has none.
   */
  private async direct(method: string, template: string, params: Params, body: unknown, encoded: Input["encoded"], call: CallOptions): Promise<Answer> {
    const url = new URL(createFinalURL(template, { baseUrl: this.baseUrl, params, querySerializer: this.#querySerializer, pathSerializer: defaultPathSerializer }));
    const target = { method, url: url.href };
    // An encoded body brings its own bytes and Content-Type; anything else is JSON, as openapi-fetch sends it.
    const request = encoded
      ? { headers: { "content-type": encoded.contentType }, body: encoded.bytes }
      : body === undefined
        ? { headers: undefined, body: undefined }
        : { headers: JSON_BODY, body: defaultBodySerializer(body) as string };
    const { response, text } = await this.transport.send({ method, url, ...request }, call);
    return { target, response, text, error: response.ok ? undefined : errorBody(text, target) };
  }

  /** With middleware on `raw`: openapi-fetch's own Request, through the fetch-compatible transport. */
  private async compatible(method: string, template: string, params: Params, body: unknown, encoded: Input["encoded"], call: CallOptions): Promise<Answer> {
    const attemptFetch = this.transport.fetchWith(call);
    let target: Target = { method, url: "" };
    const request = this.raw.request as unknown as UntypedRequest;
    // An encoded body skips openapi-fetch's JSON serializer and brings its own Content-Type.
    const payload = encoded
      ? { body: encoded.bytes, bodySerializer: (bytes: ArrayBuffer) => bytes, headers: { "Content-Type": encoded.contentType } }
      : { body };
    const { data, error, response } = await request(method, template, {
      params,
      ...payload,
      parseAs: "text",
      fetch: (request: Request) => {
        target = { method: request.method, url: request.url };
        return attemptFetch(request);
      },
    });
    return { target, response, text: typeof data === "string" ? data : "", error };
  }
}

/** The error body exactly as openapi-fetch hands it over: parsed JSON, else the text. */
function errorBody(text: string, target: Target): unknown {
  if (target.method === "HEAD") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function errorHeaders(response: Response): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of response.headers) if (!FRAMING_HEADERS.has(name)) headers[name] = value;
  return headers;
}

function parseBody(body: string, response: Response, target: Target) {
  try {
    return JSON.parse(body);
  } catch {
    // Only now look for the empty case: trimming a whole page on every call is not free.
    const reason = body.trim() === "" ? "Response body is empty, JSON was expected" : undefined;
    throw new InvalidResponseError({ status: response.status, ...target, body, reason });
  }
}

/** Runs a method's `select`; a body without the promised envelope becomes an InvalidResponseError. */
function selectPayload<T>(select: (wire: never) => T, wire: unknown, response: { status: number; method: string; url: string; body: string }): T {
  try {
    return select(wire as never);
  } catch (error) {
    if (!(error instanceof ShapeMismatch)) throw error;
    throw new InvalidResponseError({ ...response, reason: `Response is not the promised envelope: ${error.message}` });
  }
}
