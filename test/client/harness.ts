// An injected fetch that records every request the client sends (method,
// pathname, exact search bytes, headers, body bytes) and answers like a
// Chatwoot server would: the scenario's own body, else the spec's 200
// example, else a fixture; an empty body for operations whose 200 has none.
import { createChatwootClient, type ChatwootClient, type ChatwootClientOptions } from "../../src/index.js";
import { ACCOUNT_ID, CLIENT_TOKEN, defaultBodies } from "./fixtures.js";
import type { Exchange, Scenario } from "./scenarios.js";
import type { Spec } from "./spec.js";

export const BASE_URL = "https://chat.example.com";

export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  /** Exact search string bytes, "" when there is no query. */
  query: string;
  headers: Record<string, string>;
  /** The body bytes as text; "" when there is none. */
  bodyText: string;
}

export type Responder = (request: RecordedRequest, index: number) => Response | Promise<Response>;

export interface Harness {
  client: ChatwootClient;
  requests: RecordedRequest[];
  exchanges: Exchange[];
  fetch: typeof globalThis.fetch;
}

export function jsonResponse(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { "content-type": "application/json; charset=utf-8", ...init.headers },
  });
}

export function parseJson(text: string): unknown {
  return text === "" ? undefined : JSON.parse(text);
}

/** A client whose fetch records and answers with `responder`. */
export function harness(responder: Responder, options: Partial<ChatwootClientOptions> = {}): Harness {
  const requests: RecordedRequest[] = [];
  const exchanges: Exchange[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const bodyText = request.body === null ? "" : new TextDecoder().decode(await request.arrayBuffer());
    const recorded: RecordedRequest = {
      method: request.method,
      url: request.url,
      path: url.pathname,
      query: url.search,
      headers: Object.fromEntries(request.headers.entries()),
      bodyText,
    };
    requests.push(recorded);
    const response = await responder(recorded, requests.length - 1);
    const text = await response.clone().text();
    let responseBody: unknown;
    try {
      responseBody = parseJson(text);
    } catch {
      responseBody = text;
    }
    exchanges.push({ method: recorded.method, path: recorded.path, query: recorded.query, requestBody: safeParse(bodyText), responseBody });
    return response;
  };
  const client = createChatwootClient({
    baseUrl: BASE_URL,
    apiAccessToken: CLIENT_TOKEN,
    accountId: ACCOUNT_ID,
    maxRetries: 0,
    fetch,
    ...options,
  });
  return { client, requests, exchanges, fetch };
}

function safeParse(text: string): unknown {
  try {
    return parseJson(text);
  } catch {
    return text;
  }
}

/** The body a realistic server sends for this request (undefined: empty 200). */
export function bodyFor(spec: Spec, request: { method: string; path: string; query: string }, scenario?: Pick<Scenario, "respond">) {
  const overrides = scenario?.respond ?? {};
  const exact = `${request.method} ${request.path}${request.query}`;
  const loose = `${request.method} ${request.path}`;
  if (exact in overrides) return { empty: false, body: overrides[exact] };
  if (loose in overrides) return { empty: false, body: overrides[loose] };
  const op = spec.find(request.method, request.path);
  if (!op.json) return { empty: true, body: undefined };
  const example = spec.example(op);
  if (example.found) return { empty: false, body: example.value };
  if (!(op.operationId in defaultBodies)) throw new Error(`no fixture for ${op.operationId}`);
  return { empty: false, body: defaultBodies[op.operationId] };
}

/** A responder that answers every request like the server would (see bodyFor). */
export function serverLike(spec: Spec, scenario?: Pick<Scenario, "respond">): Responder {
  return (request, index) => {
    const { empty, body } = bodyFor(spec, request, scenario);
    if (empty) return new Response(null, { status: 200, headers: { "x-request-id": `req-${index}` } });
    return jsonResponse(body, { headers: { "x-request-id": `req-${index}` } });
  };
}
