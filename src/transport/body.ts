/** Request and response bodies are held in memory so attempts can be repeated and fully verified. */

const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

/** The body is already decoded and re-framed, so these would now be lies. */
const STRIPPED_RESPONSE_HEADERS = ["content-length", "content-encoding", "transfer-encoding"];

/**
 * Reads the whole response body inside an attempt, so that a reset or stall
 * mid-body fails the attempt (and can be retried) instead of surfacing later
 * when the caller parses it. `url` is the hop the response came from.
 */
export type BodyReader<B> = (response: Response, url: string) => Promise<B>;

/** The body as text: what the client's methods parse as JSON. */
export const readText: BodyReader<string> = (response) => (hasBody(response) ? response.text() : Promise.resolve(""));

/**
 * The body as bytes (it may be binary), in an equivalent new Response for
 * callers of the fetch-compatible API.
 */
export const readBuffered: BodyReader<Response> = async (response, url) => {
  const body = hasBody(response) ? await response.arrayBuffer() : null;
  const headers = new Headers(response.headers);
  for (const name of STRIPPED_RESPONSE_HEADERS) headers.delete(name);
  const buffered = new Response(body, { status: response.status, statusText: response.statusText, headers });
  // `url` is read-only and empty on a constructed Response; expose the final URL for diagnostics.
  Object.defineProperty(buffered, "url", { value: url });
  return buffered;
};

/** False for statuses that never have a body (whose stream, if any, is released). */
function hasBody(response: Response): boolean {
  if (!NULL_BODY_STATUSES.has(response.status)) return true;
  response.body?.cancel().catch(() => undefined);
  return false;
}
