// Error states on demand: `Prefer: code=NNN` (optionally `, example=name`)
// answers status NNN for the operation, whatever the Accept header, so that a
// UI can show every error state and the client raises the matching class.
//
// - A status the operation documents: the spec's own example body and media
//   type (the first example unless `example=` names another), e.g. 429
//   `text/plain` "Retry later\n" from Rack::Attack.
// - 500 and other undocumented 4xx/5xx: what Rails' PublicExceptions renders
//   for the API's routes, which default to the json format
//   (config/routes.rb: `namespace :api, defaults: { format: 'json' }`):
//   `{"status":500,"error":"Internal Server Error"}`.
// - 502, 503, 504: nginx's own error page (the usual proxy in front of
//   Chatwoot), text/html, which the client reports by status as well.
import type { SpecDocument, SpecOperation, JsonObject } from "./spec-document.js";

const REASONS: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  409: "Conflict",
  413: "Payload Too Large",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Temporarily Unavailable",
  504: "Gateway Time-out",
};
const PROXY_STATUSES = new Set([502, 503, 504]);

/** `Prefer: code=429` → { code: 429 }; statuses below 400 are not error states (undefined). */
export function preferredError(prefer: string | null | undefined): { code: number; example?: string } | undefined {
  if (!prefer) return undefined;
  const code = /(?:^|[\s,;])code\s*=\s*"?(\d{3})"?/i.exec(prefer)?.[1];
  if (!code || Number(code) < 400 || Number(code) > 599) return undefined;
  const example = /(?:^|[\s,;])example\s*=\s*"?([^",;\s]+)"?/i.exec(prefer)?.[1];
  return example ? { code: Number(code), example } : { code: Number(code) };
}

export interface ErrorState {
  status: number;
  contentType: string;
  body: string;
  /** The body is the spec's (false: Rails' or nginx's, for a status the operation does not document). */
  documented: boolean;
}

/** The answer for `code` on `operation` (see the module comment). */
export function errorState(spec: SpecDocument, operation: SpecOperation, code: number, example?: string): ErrorState {
  const responses = (operation.op.responses ?? {}) as JsonObject;
  const documented = responses[String(code)];
  if (documented) {
    const response = spec.deref(documented);
    const [contentType, media] = Object.entries((response.content ?? {}) as Record<string, JsonObject>)[0] ?? [];
    if (contentType && media) {
      const value = exampleValue(spec, media, example);
      if (value !== undefined) {
        const body = typeof value === "string" && !contentType.includes("json") ? value : JSON.stringify(value);
        return { status: code, contentType: withCharset(contentType), body, documented: true };
      }
    }
  }
  const reason = REASONS[code] ?? "Error";
  if (PROXY_STATUSES.has(code)) return { status: code, contentType: "text/html", body: nginxPage(code, reason), documented: false };
  return { status: code, contentType: "application/json; charset=utf-8", body: JSON.stringify({ status: code, error: reason }), documented: false };
}

function exampleValue(spec: SpecDocument, media: JsonObject, name?: string): unknown {
  const examples = (media.examples ?? {}) as Record<string, unknown>;
  const chosen = (name !== undefined ? examples[name] : undefined) ?? Object.values(examples)[0];
  if (chosen !== undefined) return spec.deref<JsonObject>(chosen).value;
  return media.example;
}

const withCharset = (type: string) => (/charset=/i.test(type) ? type : `${type}; charset=utf-8`);

/** nginx's built-in error page, byte for byte (CRLF line ends, as nginx sends them). */
function nginxPage(code: number, reason: string): string {
  return [
    "<html>",
    `<head><title>${code} ${reason}</title></head>`,
    "<body>",
    `<center><h1>${code} ${reason}</h1></center>`,
    "<hr><center>nginx</center>",
    "</body>",
    "</html>",
    "",
  ].join("\r\n");
}
