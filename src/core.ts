// The one path every method takes: validated input → openapi-fetch (typed by
// the generated paths; it builds the URL and the JSON body) → the transport
// (retries, timeouts, token; reads the body once) → parsed, unwrapped payload
// or a typed error.
import type { Client } from "openapi-fetch";
import { ApiPromise } from "./api-promise.js";
import { apiErrorFromResponse, InvalidResponseError } from "./errors.js";
import type { paths } from "./generated/schema.js";
import { isIdempotentCall, operation, type OperationId } from "./operations.js";
import type { CallOptions, Transport } from "./transport/index.js";
import { positiveId } from "./validate.js";

/** Per-call options accepted as the last argument of every method. */
export interface RequestOptions {
  /** Account for this call, instead of the client's `accountId`. */
  account_id?: number;
  /** Cancels the call (and any retry wait) at once. */
  signal?: AbortSignal;
  /** Per-attempt timeout for this call. */
  timeoutMs?: number;
  /** Retries for this call; 0 disables. */
  maxRetries?: number;
}

/** What openapi-fetch resolves to. */
interface RawResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/**
 * Options the core adds to each openapi-fetch call. openapi-fetch still builds
 * the URL (path and query serialization) and serializes the body; see
 * `Core.direct` and `Core.compatible` for what happens next.
 */
export interface FetchInit {
  fetch: (input: Request) => Promise<Response>;
  parseAs: "stream" | "text";
  /** What openapi-fetch constructs instead of a Request (the direct path's RequestPlan). */
  Request?: typeof Request;
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

/** The response headers a caller used to see on errors (the body was re-framed then). */
const FRAMING_HEADERS: ReadonlySet<string> = new Set(["content-length", "content-encoding", "transfer-encoding"]);

export class Core {
  /** Set once middleware is added to `raw`: from then on every call takes the compatible path. */
  #middleware = false;

  constructor(
    readonly raw: Client<paths>,
    private readonly transport: Transport,
    private readonly defaultAccountId: number,
  ) {
    // Middleware on `raw` applies to every method and may inspect or replace openapi-fetch's
    // Request and read the Response, which the direct path neither builds nor leaves unread.
    const use = raw.use.bind(raw);
    raw.use = (...middleware) => {
      this.#middleware = true;
      use(...middleware);
    };
  }

  accountId(options: RequestOptions | undefined): number {
    return options?.account_id === undefined ? this.defaultAccountId : positiveId("account_id", options.account_id);
  }

  /**
   * Runs one operation. `prepare` validates the input (throwing
   * InvalidRequestError, which becomes a rejection: nothing is sent) and
   * returns the typed openapi-fetch call; `select` picks the payload out of
   * the server's envelope.
   */
  call<Wire, T = Wire>(
    operationId: OperationId,
    options: RequestOptions | undefined,
    prepare: (accountId: number) => Prepared,
    select?: (wire: Wire) => T,
  ): ApiPromise<T> {
    const op = operation(operationId);
    const result = Promise.resolve().then(async () => {
      const { exec, body } = prepare(this.accountId(options));
      const call: CallOptions = {
        idempotent: isIdempotentCall(op, body),
        signal: options?.signal,
        timeoutMs: options?.timeoutMs,
        maxRetries: options?.maxRetries,
      };
      const { target, response, text, error } = this.#middleware
        ? await this.compatible(exec, call, op.method)
        : await this.direct(exec, call);
      if (!response.ok) {
        throw apiErrorFromResponse({ status: response.status, headers: errorHeaders(response), body: error, ...target });
      }
      const wire = parseBody(text, op.emptyResponse, response, target) as Wire;
      return { data: select ? select(wire) : (wire as unknown as T), response };
    });
    return new ApiPromise(result);
  }

  /**
   * The usual path: openapi-fetch builds a RequestPlan (no Request, no body
   * stream), `transport.send()` sends it and reads the body once as text, and
   * `parseAs: "stream"` keeps openapi-fetch from reading that body again.
   * The Response in the answer is the transport's own, its body already read.
   */
  private async direct(exec: Prepared["exec"], call: CallOptions): Promise<Answer> {
    let answer: Answer | undefined;
    await exec({
      parseAs: "stream",
      Request: RequestPlan as unknown as typeof Request,
      fetch: async (request) => {
        const plan = request as unknown as RequestPlan;
        const url = new URL(plan.url);
        const target = { method: plan.method, url: url.href };
        const { response, text } = await this.transport.send({ method: plan.method, url, headers: plan.headers, body: plan.body }, call);
        answer = { target, response, text, error: response.ok ? undefined : errorBody(text, target) };
        // openapi-fetch would read an error body itself; it gets an empty stand-in instead.
        return response.ok ? response : new Response(null, { status: 204 });
      },
    });
    if (!answer) throw new Error("openapi-fetch did not call fetch"); // a bug in this library
    return answer;
  }

  /** With middleware on `raw`: openapi-fetch's own Request, through the fetch-compatible transport. */
  private async compatible(exec: Prepared["exec"], call: CallOptions, method: string): Promise<Answer> {
    const attemptFetch = this.transport.fetchWith(call);
    let target: Target = { method, url: "" };
    const { data, error, response } = await exec({
      parseAs: "text",
      fetch: (request) => {
        target = { method: request.method, url: request.url };
        return attemptFetch(request);
      },
    });
    return { target, response, text: typeof data === "string" ? data : "", error };
  }
}

/**
 * What openapi-fetch constructs in place of a Request on the direct path (its
 * `Request` option): the finished URL, method, headers and serialized body.
 * An undici Request would add a body stream and an AbortController per call
 * that nothing reads: the transport sends the string itself.
 */
class RequestPlan {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;

  constructor(url: string, init: { method: string; headers: Headers; body?: string }) {
    this.url = url;
    this.method = init.method;
    this.headers = Object.fromEntries(init.headers);
    this.body = init.body;
  }
}

/** A validated call, ready to send. */
export interface Prepared {
  exec: (init: FetchInit) => Promise<RawResult>;
  /** The JSON body, when there is one (for x-idempotent-when). */
  body?: unknown;
}

/** Method and URL of the request, for error messages. */
interface Target {
  method: string;
  url: string;
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

function parseBody(body: string, emptyExpected: boolean, response: Response, target: Target) {
  if (emptyExpected) return undefined; // the server sends nothing (or nothing useful)
  try {
    return JSON.parse(body);
  } catch {
    // Only now look for the empty case: trimming a whole page on every call is not free.
    const reason = body.trim() === "" ? "Response body is empty, JSON was expected" : undefined;
    throw new InvalidResponseError({ status: response.status, ...target, body, reason });
  }
}
