// verifyWebhook: proves a request came from Chatwoot, signed the way
// lib/webhooks/trigger.rb signs it (4.11.2+ account webhooks, 4.13+ agent bots
// and API inboxes):
//   X-Chatwoot-Timestamp: <unix seconds>
//   X-Chatwoot-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
// WebCrypto only, so it runs unchanged in Node ≥ 20, browsers, workers, Deno and Bun.
import { ChatwootError, InvalidRequestError } from "../errors.js";
import { concat, hexToBytes, utf8 } from "./bytes.js";
import { WebhookVerificationError } from "./errors.js";
import { headerValue, type WebhookHeaders } from "./headers.js";
import type { WebhookEvent } from "../types.js";

export interface VerifyWebhookOptions {
  /** How far the timestamp may be from now, either way, in seconds (default 300). */
  toleranceSeconds?: number;
  /** The current time in milliseconds (default `Date.now`); for tests and odd clocks. */
  now?: () => number;
}

const DEFAULT_TOLERANCE_SECONDS = 300;
const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;
const TIMESTAMP = /^\d{1,12}$/;

/**
 * Verifies a Chatwoot webhook and resolves to its payload (switch on `event`).
 * `body` must be the raw bytes as received: a re-serialised object has
 * different bytes (key order, escapes such as `\u003c`) and never verifies.
 * Rejects with WebhookVerificationError (see `reason`) for a request that is
 * not a fresh, correctly signed Chatwoot event, and with InvalidRequestError
 * when the arguments themselves are wrong (no secret, a parsed body).
 */
export async function verifyWebhook(
  body: string | Uint8Array | ArrayBuffer,
  headers: WebhookHeaders,
  secret: string,
  options: VerifyWebhookOptions = {},
): Promise<WebhookEvent> {
  const bytes = rawBytes(body);
  if (typeof headers !== "object" || headers === null) throw new InvalidRequestError("headers", "must be a Headers object or a plain object of header values");
  if (typeof secret !== "string" || secret === "") {
    throw new InvalidRequestError("secret", "must be the webhook's secret (a non-empty string): check your configuration");
  }
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (typeof tolerance !== "number" || Number.isNaN(tolerance) || tolerance < 0) {
    throw new InvalidRequestError("toleranceSeconds", "must be a non-negative number of seconds");
  }

  const signature = headerValue(headers, "x-chatwoot-signature");
  if (signature === undefined || signature === "") fail("missing_signature", "no X-Chatwoot-Signature header (is a secret set on this webhook?)");
  const hex = signature === null ? null : SIGNATURE.exec(signature.trim())?.[1];
  if (!hex) fail("malformed_signature", "X-Chatwoot-Signature must be sha256=<64 hex digits>");

  const timestamp = headerValue(headers, "x-chatwoot-timestamp");
  if (timestamp === undefined || timestamp === "") fail("missing_timestamp", "no X-Chatwoot-Timestamp header");
  if (timestamp === null || !TIMESTAMP.test(timestamp.trim())) fail("malformed_timestamp", "X-Chatwoot-Timestamp must be unix seconds");
  // Checked before any crypto: a replayed request is turned away cheaply.
  const age = Math.floor((options.now ?? Date.now)() / 1000) - Number(timestamp.trim());
  if (age > tolerance) fail("stale_timestamp", `signed ${age} s ago, more than the ${tolerance} s allowed`);
  if (-age > tolerance) fail("future_timestamp", `signed ${-age} s in the future, more than the ${tolerance} s allowed`);

  // crypto.subtle.verify compares the HMAC in constant time.
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new ChatwootError("verifyWebhook needs WebCrypto (globalThis.crypto.subtle), which this runtime lacks");
  const key = await subtle.importKey("raw", utf8(secret), { name: "HMAC", hash: "SHA-256" }, false, ["verify"]);
  const signed = concat(utf8(`${timestamp.trim()}.`), bytes);
  if (!(await subtle.verify("HMAC", key, hexToBytes(hex), signed))) {
    fail("bad_signature", "the signature does not match this body, timestamp and secret");
  }
  return parseEvent(bytes);
}

/** The body as bytes; anything else is a caller bug (typically a body parser ran first). */
function rawBytes(body: unknown): Uint8Array {
  if (typeof body === "string") return utf8(body);
  // Not `instanceof`: a Buffer or ArrayBuffer from another realm (a vm, a worker) must pass too.
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  if (Object.prototype.toString.call(body) === "[object ArrayBuffer]") return new Uint8Array(body as ArrayBuffer);
  throw new InvalidRequestError(
    "body",
    "must be the raw request body as a string, Uint8Array or ArrayBuffer, not a parsed object: re-serialising changes the bytes the signature covers (use express.raw() or `await request.arrayBuffer()`)",
  );
}

function parseEvent(bytes: Uint8Array): WebhookEvent {
  let payload: unknown;
  try {
    payload = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    fail("invalid_body", "the body is not UTF-8 JSON");
  }
  if (typeof payload !== "object" || payload === null || Array.isArray(payload) || typeof (payload as { event?: unknown }).event !== "string") {
    fail("invalid_body", "the body is not an object with a string `event`");
  }
  return payload as WebhookEvent;
}

function fail(reason: WebhookVerificationError["reason"], message: string): never {
  throw new WebhookVerificationError(reason, message);
}
