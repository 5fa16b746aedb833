// Reads one header from a Fetch `Headers` or a plain object such as Node's
// `req.headers`, whatever the case of its name.

export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

/**
 * The header's single value, `undefined` when absent, or `null` when it was
 * sent more than once as separate values (a signed request carries each once).
 */
export function headerValue(headers: WebhookHeaders, name: string): string | undefined | null {
  // Duck-typed: a Headers from another realm (undici, a worker, a test) is not `instanceof` ours.
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const wanted = name.toLowerCase();
  let found: string | string[] | undefined;
  let seen = 0;
  for (const [key, value] of Object.entries(headers as Record<string, unknown>)) {
    if (key.toLowerCase() !== wanted || value === undefined) continue;
    found = value as string | string[];
    seen++;
  }
  if (seen > 1) return null;
  if (Array.isArray(found)) return found.length === 1 ? String(found[0]) : found.length === 0 ? undefined : null;
  return found === undefined ? undefined : String(found);
}
