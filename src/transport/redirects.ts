/**
 * Manual redirect handling. We follow redirects ourselves (fetch runs with
 * `redirect: "manual"`) so we decide, hop by hop, whether the token goes along.
 */

export const MAX_REDIRECTS = 5;

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);

/** Headers describing a request body; dropped when a redirect turns the request into a GET. */
const BODY_HEADERS = ["content-type", "content-length", "content-encoding", "content-language", "content-location"];

/** Credentials a caller may have added; never forwarded to a different origin. */
const CROSS_ORIGIN_STRIPPED = ["authorization", "proxy-authorization", "cookie"];

export interface Hop {
  url: URL;
  method: string;
  body: string | ArrayBuffer | undefined;
  /** Headers as the caller built them (lower-case names), minus anything a redirect invalidated. */
  headers: Record<string, string>;
}

export function isRedirectStatus(status: number): boolean {
  return REDIRECT_STATUSES.has(status);
}

export type RedirectResult =
  | { kind: "follow"; hop: Hop }
  | { kind: "none" } // no Location header: hand the 3xx back as it is
  | { kind: "invalid"; reason: string };

/** Computes the next hop following the fetch spec's method rules. */
export function nextHop(current: Hop, status: number, location: string | null): RedirectResult {
  if (location === null) return { kind: "none" };
  let url: URL;
  try {
    url = new URL(location, current.url);
  } catch {
    return { kind: "invalid", reason: "Redirect with an invalid Location header" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { kind: "invalid", reason: `Redirect to unsupported protocol ${url.protocol}` };
  }

  const headers = { ...current.headers };
  let { method, body } = current;
  // 303 always becomes GET; 301/302 turn POST into GET (as browsers do); 307/308 keep everything.
  if ((status === 303 && method !== "GET" && method !== "HEAD") || ((status === 301 || status === 302) && method === "POST")) {
    method = "GET";
    body = undefined;
    for (const name of BODY_HEADERS) delete headers[name];
  }
  if (url.origin !== current.url.origin) {
    for (const name of CROSS_ORIGIN_STRIPPED) delete headers[name];
  }
  return { kind: "follow", hop: { url, method, body, headers } };
}
