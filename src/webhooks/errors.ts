// The one error a webhook receiver needs to catch. It names what was wrong
// with the request (`reason`) and nothing else: never the secret, the
// signature it expected, the headers or the body.
import { ChatwootError } from "../errors.js";

export type WebhookVerificationReason =
  /** No `X-Chatwoot-Signature` header (or the webhook has no secret set in Chatwoot). */
  | "missing_signature"
  /** The signature header is not `sha256=<64 hex digits>`. */
  | "malformed_signature"
  /** No `X-Chatwoot-Timestamp` header. */
  | "missing_timestamp"
  /** The timestamp header is not unix seconds. */
  | "malformed_timestamp"
  /** Older than `toleranceSeconds`: a replay, or a clock that is wrong. */
  | "stale_timestamp"
  /** Newer than `toleranceSeconds` ahead: a clock that is wrong. */
  | "future_timestamp"
  /** The HMAC does not match: wrong secret, or the body/timestamp was changed. */
  | "bad_signature"
  /** Signed correctly, but not UTF-8 JSON of an object with a string `event`. */
  | "invalid_body";

export class WebhookVerificationError extends ChatwootError {
  override name = "WebhookVerificationError";
  readonly reason: WebhookVerificationReason;

  constructor(reason: WebhookVerificationReason, message: string) {
    super(`Webhook verification failed (${reason}): ${message}`);
    this.reason = reason;
  }
}
