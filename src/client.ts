// createChatwootClient: validates the options once, builds the transport and
// the openapi-fetch client, and hangs the resource namespaces off them.
import openapiFetchDefault, { removeTrailingSlash, type Client } from "openapi-fetch";
import { Core } from "./core.js";
import { InvalidRequestError } from "./errors.js";
import type { paths } from "./generated/schema.js";
import { idempotencyResolver } from "./operations.js";
import { Agents } from "./resources/agents.js";
import { Contacts } from "./resources/contacts.js";
import { Conversations } from "./resources/conversations.js";
import { Labels } from "./resources/labels.js";
import { Profile } from "./resources/profile.js";
import { createTransport, type Logger } from "./transport/index.js";
import { nonEmptyString, positiveId } from "./validate.js";

/**
 * openapi-fetch's `createClient` is its default export. In dist/index.cjs the
 * bundler applies Node's interop (this package is "type": "module"), so the
 * default import of openapi-fetch's CommonJS build is its whole `exports`
 * object, whose `.default` is the function. Accept either shape.
 */
// A function, not a module-level constant: a top-level expression would keep
// openapi-fetch in bundles that never create a client (e.g. a webhook receiver).
function createClient<P extends {}>(...args: Parameters<typeof openapiFetchDefault<P>>): Client<P> {
  const create =
    typeof openapiFetchDefault === "function"
      ? openapiFetchDefault
      : (openapiFetchDefault as unknown as { default: typeof openapiFetchDefault }).default;
  return create<P>(...args);
}

export interface ChatwootClientOptions {
  /**
   * Origin of the Chatwoot server, e.g. `https://app.chatwoot.com` or your self-hosted URL
   * (with the path prefix, if Chatwoot is mounted under one). Without `/api/v1`: the client adds it.
   */
  baseUrl: string;
  /** A user's or agent bot's access token (sent as the `api_access_token` header only to `baseUrl`). */
  apiAccessToken: string;
  /** Default account for every call; any call may override it with `{ account_id }`. */
  accountId: number;
  /** Retries after the first attempt (default 2; 0 disables). */
  maxRetries?: number | undefined;
  /** Per-attempt timeout in ms (default 60 000). */
  timeoutMs?: number | undefined;
  /** A fetch implementation (default: the global fetch). */
  fetch?: typeof globalThis.fetch | undefined;
  /**
   * Headers added to every request to `baseUrl`'s origin (tracing ids, `Prefer` for
   * the mock server); never sent to another origin. `api_access_token` and framing
   * headers are refused. A call's own `headers` option goes on top of these.
   */
  headers?: Record<string, string> | undefined;
  /** Largest response body accepted, in bytes after decompression (default 50 MiB); larger is an InvalidResponseError. */
  maxResponseBytes?: number | undefined;
  /** Receives debug/info/warn/error events, with the token redacted. Silent by default. */
  logger?: Logger | undefined;
}

export interface ChatwootClient {
  conversations: Conversations;
  contacts: Contacts;
  labels: Labels;
  agents: Agents;
  profile: Profile;
  /** The underlying openapi-fetch client (typed by the spec), using the same transport. */
  raw: Client<paths>;
}

export function createChatwootClient(options: ChatwootClientOptions): ChatwootClient {
  if (typeof options !== "object" || options === null) throw new InvalidRequestError("options", "must be an object");
  const baseUrl = checkBaseUrl(options.baseUrl);
  const apiAccessToken = checkToken(options.apiAccessToken);
  const accountId = checkAccountId(options.accountId);
  if (options.maxRetries !== undefined && (!Number.isInteger(options.maxRetries) || options.maxRetries < 0)) {
    throw new InvalidRequestError("maxRetries", "must be a non-negative integer");
  }
  if (options.timeoutMs !== undefined && !(options.timeoutMs > 0)) {
    throw new InvalidRequestError("timeoutMs", "must be a positive number of milliseconds");
  }

  const transport = createTransport({
    baseUrl,
    apiAccessToken,
    maxRetries: options.maxRetries,
    timeoutMs: options.timeoutMs,
    fetch: options.fetch,
    logger: options.logger,
    headers: options.headers,
    maxResponseBytes: options.maxResponseBytes,
    isIdempotent: idempotencyResolver(new URL(baseUrl).pathname),
  });
  const raw = createClient<paths>({ baseUrl, fetch: transport.fetch });
  const core = new Core(raw, transport, accountId, removeTrailingSlash(baseUrl));
  const profile = new Profile(core);
  const agents = new Agents(core);
  return {
    conversations: new Conversations(core, agents, (callOptions) => profile.currentUserId(callOptions)),
    contacts: new Contacts(core),
    labels: new Labels(core),
    agents,
    profile,
    raw,
  };
}

function checkBaseUrl(value: unknown): string {
  const text = nonEmptyString("baseUrl", value);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidRequestError("baseUrl", "must be an absolute http(s) URL such as https://app.chatwoot.com");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new InvalidRequestError("baseUrl", "must use http or https");
  if (url.username || url.password) throw new InvalidRequestError("baseUrl", "must not contain credentials; pass apiAccessToken");
  if (url.search || url.hash) throw new InvalidRequestError("baseUrl", "must not have a query string or fragment");
  const path = url.pathname.replace(/\/+$/, "");
  // A habit from other SDKs: the client adds /api/v1 itself, so this would double it and every call would 404.
  const api = /\/api(\/v1(\/.*)?)?$/.exec(path);
  if (api) {
    const wanted = `${url.origin}${path.slice(0, api.index)}`;
    throw new InvalidRequestError("baseUrl", `must not include ${api[0]} (the client adds /api/v1 itself): pass ${JSON.stringify(wanted)}`);
  }
  return `${url.origin}${path}`;
}

function checkToken(value: unknown): string {
  if (value === undefined || value === null || value === "") {
    throw new InvalidRequestError("apiAccessToken", "is missing: pass the access token of a user or agent bot (Profile settings → Access token)");
  }
  if (typeof value !== "string" || value.trim() !== value || /\s/.test(value)) {
    throw new InvalidRequestError("apiAccessToken", "must be a token string without whitespace");
  }
  return value;
}

function checkAccountId(value: unknown): number {
  if (value === undefined || value === null) {
    throw new InvalidRequestError("accountId", "is missing: pass the numeric account id (it is in the dashboard URL, /app/accounts/<id>/…)");
  }
  return positiveId("accountId", value);
}
