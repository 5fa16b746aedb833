// The one path every method takes: validated input → openapi-fetch (typed by
// the generated paths) → the transport (retries, timeouts, token) → parsed,
// unwrapped payload or a typed error.
import type { Client } from "openapi-fetch";
import { ApiPromise } from "./api-promise.js";
import { apiErrorFromResponse, InvalidResponseError } from "./errors.js";
import type { paths } from "./generated/schema.js";
import { isIdempotentCall, operation, type OperationId } from "./operations.js";
import type { Transport } from "./transport/index.js";
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

/** What openapi-fetch resolves to when asked to parseAs "text". */
interface RawResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** Options the core adds to each openapi-fetch call. */
export interface FetchInit {
  fetch: (input: Request) => Promise<Response>;
  parseAs: "text";
}

export class Core {
  constructor(
    readonly raw: Client<paths>,
    private readonly transport: Transport,
    private readonly defaultAccountId: number,
  ) {}

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
      const attemptFetch = this.transport.fetchWith({
        idempotent: isIdempotentCall(op, body),
        signal: options?.signal,
        timeoutMs: options?.timeoutMs,
        maxRetries: options?.maxRetries,
      });
      let target = { method: op.method, url: "" };
      const { data, error, response } = await exec({
        parseAs: "text",
        fetch: (request) => {
          target = { method: request.method, url: request.url };
          return attemptFetch(request);
        },
      });
      if (!response.ok) {
        throw apiErrorFromResponse({ status: response.status, headers: response.headers, body: error, ...target });
      }
      const wire = parseBody(data, op.emptyResponse, response, target) as Wire;
      return { data: select ? select(wire) : (wire as unknown as T), response };
    });
    return new ApiPromise(result);
  }
}

/** A validated call, ready to send. */
export interface Prepared {
  exec: (init: FetchInit) => Promise<RawResult>;
  /** The JSON body, when there is one (for x-idempotent-when). */
  body?: unknown;
}

function parseBody(text: unknown, emptyExpected: boolean, response: Response, target: { method: string; url: string }) {
  const body = typeof text === "string" ? text : "";
  if (emptyExpected) return undefined; // the server sends nothing (or nothing useful)
  if (body.trim() === "") {
    throw new InvalidResponseError({ status: response.status, ...target, body, reason: "Response body is empty, JSON was expected" });
  }
  try {
    return JSON.parse(body);
  } catch {
    throw new InvalidResponseError({ status: response.status, ...target, body });
  }
}
