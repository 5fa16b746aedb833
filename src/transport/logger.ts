/** Logging that can never leak the API token. */
import { REDACTED } from "../errors.js";
import type { Logger } from "./types.js";

type Level = "debug" | "info" | "warn" | "error";
export type Log = (level: Level, msg: string, data?: Record<string, unknown>) => void;

export { REDACTED };

/**
 * Replaces every occurrence of `secret` in strings, recursively through plain
 * objects and arrays. A belt-and-braces step: the transport never logs headers,
 * but a URL or an error message could still echo the token back.
 */
export function redact(value: unknown, secret: string, depth = 0): unknown {
  if (secret === "") return value;
  if (typeof value === "string") return value.split(secret).join(REDACTED);
  if (depth > 5 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, secret, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = redact(item, secret, depth + 1);
  return out;
}

/**
 * A logging function bound to the transport's logger and token; never throws.
 * `undefined` without a logger, so that `log?.(…)` does not even build its data.
 */
export function createLog(logger: Logger | undefined, secret: string): Log | undefined {
  if (!logger) return undefined;
  return (level, msg, data) => {
    const method = logger[level];
    if (typeof method !== "function") return;
    try {
      const safeData = data === undefined ? undefined : (redact(data, secret) as Record<string, unknown>);
      method.call(logger, redact(msg, secret) as string, safeData);
    } catch {
      // A broken logger must not break requests.
    }
  };
}

/** localhost, *.localhost, 127.0.0.0/8 and ::1 — traffic that never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (host === "::1" || host === "0:0:0:0:0:0:0:1") return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Returns a function that warns (once) when the token is about to travel over
 * plain http to a non-loopback host. Uses console.warn when no logger was given,
 * because a leaked token is worth breaking the "silent by default" rule.
 * The transport calls it only for hops to the base origin, so the first call
 * decides for good and later calls cost nothing.
 */
export function createInsecureWarning(logger: Logger | undefined, log: Log | undefined): (url: URL) => void {
  let checked = false;
  return (url) => {
    if (checked) return;
    checked = true;
    if (url.protocol !== "http:" || isLoopbackHost(url.hostname)) return;
    const msg =
      "Sending the Chatwoot API access token over plain http to a non-loopback host; anyone on the network can read it. Use https.";
    const data = { host: url.host };
    if (logger) log?.("warn", msg, data);
    else if (typeof console !== "undefined") console.warn(msg, data);
  };
}
