/**
 * Keeping the client's own token out of errors. A server (or a proxy) can echo
 * it back in a body, a header or a connection error; errors end up in logs.
 */
import { REDACTED } from "../errors.js";

/**
 * Removes `secret` (the client's own token) from everything a server could have
 * put into `error`: message, stack, every own field (body, bodySnippet, headers,
 * requestId …) and the cause chain. A server that echoes the token (in a body, a header, a reset message)
 * must not get it into logs. Mutates and returns the error.
 */
export function redactError<E>(error: E, secret: string): E {
  if (secret === "" || !(error instanceof Error)) return error;
  const fields = error as unknown as Record<string, unknown>;
  // message and stack are not enumerable; body, bodySnippet, headers, requestId, url … are.
  for (const key of ["message", "stack", ...Object.keys(error)]) {
    if (key === "cause") continue;
    const value = fields[key];
    if (key === "headers" && value !== null && typeof value === "object" && !(value instanceof Headers)) {
      const record = value as Record<string, unknown>;
      for (const name of Object.keys(record)) record[name] = redactValue(record[name], secret);
    } else {
      const redacted = redactValue(value, secret);
      if (redacted !== value) fields[key] = redacted;
    }
  }
  if (error.cause !== undefined) {
    Object.defineProperty(error, "cause", { value: redactCause(error.cause, secret, 0), configurable: true, writable: true });
  }
  return error;
}

function redactText(text: string, secret: string): string {
  return text.split(secret).join(REDACTED);
}

/** Strings directly; parsed JSON through its serialisation (the secret's JSON-escaped form only occurs inside strings). */
function redactValue(value: unknown, secret: string): unknown {
  if (typeof value === "string") return value.includes(secret) ? redactText(value, secret) : value;
  if (value === null || typeof value !== "object") return value;
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    return value;
  }
  const escaped = JSON.stringify(secret).slice(1, -1);
  if (json === undefined || !json.includes(escaped)) return value;
  return JSON.parse(redactText(json, escaped)) as unknown;
}

/** A cause that mentions the secret is replaced by a plain copy without it (name, message, stack, code, cause). */
function redactCause(cause: unknown, secret: string, depth: number): unknown {
  if (typeof cause === "string") return redactText(cause, secret);
  if (!(cause instanceof Error) || depth > 4) return cause;
  const inner = cause.cause === undefined ? undefined : redactCause(cause.cause, secret, depth + 1);
  const code = (cause as { code?: unknown }).code;
  const mentions = `${cause.message}\n${cause.stack ?? ""}\n${String(code ?? "")}`.includes(secret);
  if (!mentions && inner === cause.cause) return cause;
  const copy = new Error(redactText(cause.message, secret), inner === undefined ? undefined : { cause: inner });
  copy.name = cause.name;
  if (cause.stack !== undefined) copy.stack = redactText(cause.stack, secret);
  if (code !== undefined) (copy as { code?: unknown }).code = typeof code === "string" ? redactText(code, secret) : code;
  return copy;
}
