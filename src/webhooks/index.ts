// Everything webhook-related the package root exports.
export { verifyWebhook, type VerifyWebhookOptions } from "./verify.js";
export { WebhookVerificationError, type WebhookVerificationReason } from "./errors.js";
export type { WebhookHeaders } from "./headers.js";
