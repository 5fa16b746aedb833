// The shape of a client scenario (see scenarios.ts) and the small helpers the
// scenario tables share: paths, snooze times, and what a page walk yields.
import type { ChatwootClient } from "../../src/index.js";

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

export interface ExpectedRequest {
  method: HttpMethod;
  /** Pathname, e.g. /api/v1/accounts/1/conversations/12. */
  path: string;
  /** Exact search string bytes (with the leading "?"); omitted means no query at all. */
  query?: string;
  /** The JSON body; omitted means no body (and no content-type). */
  body?: unknown;
}

/** One request as it went out, and what came back. */
export interface Exchange {
  method: string;
  path: string;
  query: string;
  requestBody: unknown;
  /** Parsed JSON of the 200 body; undefined when empty. */
  responseBody: unknown;
}

export interface Scenario {
  name: string;
  /** The client method it exercises, e.g. "conversations.labels.add". */
  method: string;
  run: (client: ChatwootClient) => Promise<unknown>;
  requests: ExpectedRequest[];
  /** The requests are concurrent: compare them as a set. */
  anyOrder?: boolean;
  /** The value `run` must resolve to, computed from what the server answered. */
  expected: (exchanges: Exchange[]) => unknown;
  /**
   * Response bodies for requests.test.ts, keyed "METHOD /path?query" (exact) or
   * "METHOD /path"; anything else gets the spec's example or a fixture.
   */
  respond?: Record<string, unknown>;
}

// ---------------------------------------------------------------------------

export const A = 1; // the client's default account
export const acc = (account = A) => `/api/v1/accounts/${account}`;
export const conv = (id = 12, account = A) => `${acc(account)}/conversations/${id}`;

/** 2100-01-01T00:00:00Z: far enough in the future for any test run. */
export const SNOOZE_SECONDS = 4_102_444_800;
/** A Date with milliseconds, which must become whole seconds on the wire. */
export const SNOOZE_DATE = new Date("2100-01-01T00:00:00.900Z");
export const SNOOZE_NUMBER = SNOOZE_SECONDS + 86_400;

export type AnyRecord = Record<string, unknown>;
export const body = (x: Exchange[], i = 0): AnyRecord => x[i]?.responseBody as AnyRecord;
export const last = (x: Exchange[]): AnyRecord => x[x.length - 1]?.responseBody as AnyRecord;
export const same = (x: Exchange[]) => x[0]?.responseBody;
export const nothing = () => undefined;

/** What a page walk yields: every conversation of every page, each id once, up to `limit`. */
export function walked(pages: unknown[], limit = Infinity): unknown[] {
  const seen = new Set<number>();
  const out: unknown[] = [];
  for (const page of pages) {
    for (const item of page as { id: number }[]) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      if (out.length < limit) out.push(item);
    }
  }
  return out;
}

export async function collect<T>(iterator: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterator) out.push(item);
  return out;
}
