/** Request and response bodies are held in memory so attempts can be repeated and fully verified. */

const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

/** The body is already decoded and re-framed, so these would now be lies. */
const STRIPPED_RESPONSE_HEADERS = ["content-length", "content-encoding", "transfer-encoding"];

/** Reads the request body once so that every attempt can send the same bytes. */
export async function readRequestBody(request: Request): Promise<ArrayBuffer | undefined> {
  if (request.body === null) return undefined;
  return request.arrayBuffer();
}

/**
 * Reads the whole response body and returns an equivalent, fully buffered Response.
 * A reset or stall mid-body therefore fails the attempt (and can be retried)
 * instead of surfacing later when the caller parses the body.
 */
export async function bufferResponse(response: Response, url: string): Promise<Response> {
  const buffer = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
  if (buffer === null) await response.body?.cancel().catch(() => undefined);

  const headers = new Headers(response.headers);
  for (const name of STRIPPED_RESPONSE_HEADERS) headers.delete(name);
  const buffered = new Response(buffer, { status: response.status, statusText: response.statusText, headers });
  // `url` is read-only and empty on a constructed Response; expose the final URL for diagnostics.
  Object.defineProperty(buffered, "url", { value: url });
  return buffered;
}
