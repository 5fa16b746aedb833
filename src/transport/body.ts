/**
 * Response bodies are read whole, inside the attempt, so that a reset or stall
 * mid-body fails the attempt (and can be retried) instead of surfacing later
 * when the caller parses it. They are read as a stream and counted, so a body
 * over `maxResponseBytes` (after decompression: the runtime's fetch inflates
 * gzip/br itself) is dropped at that point instead of being buffered.
 */

const NULL_BODY_STATUSES: ReadonlySet<number> = new Set([101, 103, 204, 205, 304]);

/** The body is already decoded and re-framed, so these would now be lies. */
const STRIPPED_RESPONSE_HEADERS = ["content-length", "content-encoding", "transfer-encoding"];

/** Stateless without `stream: true`, so one instance serves every call. Strips a BOM like Response.text(). */
const utf8 = /* @__PURE__ */ new TextDecoder();

/** Thrown by a reader when the body goes over the limit; the attempt turns it into an InvalidResponseError. */
export class ResponseTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`Response body is larger than maxResponseBytes (${limit} bytes)`);
  }
}

/** Reads one response body; `url` is the hop it came from, `limit` the most bytes it may have. */
export type BodyReader<B> = (response: Response, url: string, limit: number) => Promise<B>;

/** The body as text: what the client's methods parse as JSON. */
export const readText: BodyReader<string> = async (response, _url, limit) => {
  const bytes = await readBytes(response, limit);
  return bytes === null ? "" : utf8.decode(bytes);
};

/**
 * The body as bytes (it may be binary), in an equivalent new Response for
 * callers of the fetch-compatible API.
 */
export const readBuffered: BodyReader<Response> = async (response, url, limit) => {
  const body = await readBytes(response, limit);
  const headers = new Headers(response.headers);
  for (const name of STRIPPED_RESPONSE_HEADERS) headers.delete(name);
  const buffered = new Response(body as BodyInit | null, { status: response.status, statusText: response.statusText, headers });
  // `url` is read-only and empty on a constructed Response; expose the final URL for diagnostics.
  Object.defineProperty(buffered, "url", { value: url });
  return buffered;
};

/** The whole body, counted chunk by chunk against `limit`; null for statuses that never have one. */
async function readBytes(response: Response, limit: number): Promise<Uint8Array | null> {
  const stream = response.body;
  if (NULL_BODY_STATUSES.has(response.status)) {
    stream?.cancel().catch(() => undefined);
    return null;
  }
  if (stream === null) return new Uint8Array(0);
  // An unencoded body that announces more than the limit is refused before reading it.
  const declared = response.headers.get("content-length");
  if (declared !== null && Number(declared) > limit && !response.headers.has("content-encoding")) {
    stream.cancel().catch(() => undefined);
    throw new ResponseTooLarge(limit);
  }
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      reader.cancel().catch(() => undefined);
      throw new ResponseTooLarge(limit);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
