export type { CallOptions, FetchLike, Logger, RequestSpec, SendResult, Transport, TransportOptions } from "./types.js";
export { createTransport, TOKEN_HEADER } from "./transport.js";
export { computeBackoff, parseRetryAfter, INITIAL_BACKOFF_MS, MAX_BACKOFF_MS, MAX_RETRY_AFTER_MS } from "./backoff.js";
export { defaultIsIdempotent, RETRYABLE_STATUSES } from "./retry-policy.js";
export { isLoopbackHost, redact } from "./logger.js";
export { MAX_REDIRECTS } from "./redirects.js";
export { redactError } from "./redact-error.js";
