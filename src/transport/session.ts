/** What a transport fixes once, at creation, and every attempt of every call reads. */
import type { Log } from "./logger.js";
import type { FetchLike } from "./types.js";

export const TOKEN_HEADER = "api_access_token";

export interface Session {
  /** Origin of `baseUrl`: the only origin the token (and the caller's extra headers) go to. */
  baseOrigin: string;
  token: string;
  /** The client's `headers` option, validated, lower-case names. */
  headers: Readonly<Record<string, string>>;
  maxResponseBytes: number;
  /** The injected fetch, if any (else the global fetch, looked up per attempt). */
  fetch: FetchLike | undefined;
  log: Log | undefined;
  warnIfInsecure: (url: URL) => void;
  random: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}
