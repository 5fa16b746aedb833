/**
 * Taking a fetch-style call (a Request, or input + init) apart into what the
 * transport's attempts need, for openapi-fetch and `chatwoot.raw`.
 */

/** RequestInit keys that `new Request()` consumes; anything else (e.g. undici's `dispatcher`) is passed through. */
const REQUEST_INIT_KEYS: ReadonlySet<string> = new Set([
  "body", "cache", "credentials", "duplex", "headers", "integrity", "keepalive", "method",
  "mode", "priority", "redirect", "referrer", "referrerPolicy", "signal", "window",
]);

/** Settings of the caller's Request that matter in browsers (e.g. `credentials: "include"`), plus unknown init keys. */
export function fetchSettings(request: Request, init: RequestInit | undefined): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  if (request.credentials) settings.credentials = request.credentials;
  if (request.cache) settings.cache = request.cache;
  if (request.mode && request.mode !== "navigate") settings.mode = request.mode;
  if (request.referrerPolicy) settings.referrerPolicy = request.referrerPolicy;
  if (init) {
    for (const [key, value] of Object.entries(init)) if (!REQUEST_INIT_KEYS.has(key)) settings[key] = value;
  }
  return settings;
}

/** Reads the request body once so that every attempt can send the same bytes. */
export async function readRequestBody(request: Request): Promise<ArrayBuffer | undefined> {
  if (request.body === null) return undefined;
  return request.arrayBuffer();
}
