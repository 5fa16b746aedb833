// Run-time facts about each operation (idempotency, empty responses), read
// from the table generated out of the spec.
import { IDEMPOTENT, operations } from "./generated/operations.js";

export type OperationId = keyof typeof operations;
export type Operation = (typeof operations)[OperationId];

/** Whether this particular call is safe to repeat (honours x-idempotent-when). */
export function isIdempotentCall([, , flags, when]: Operation, body: unknown): boolean {
  if (flags & IDEMPOTENT) return true;
  return when !== undefined && typeof body === "object" && body !== null && (body as Record<string, unknown>)[when] !== undefined;
}

/** isIdempotent() for the transport, for requests made through `chatwoot.raw`: looks the request up in the table. */
export function idempotencyResolver(basePath: string) {
  const prefix = basePath.replace(/\/+$/, "");
  // Built per client, not at module load, so a bundle that never creates a client
  // (e.g. one that only imports verifyWebhook) drops the table entirely.
  // Templates with fewer parameters first, so /conversations/meta wins over /conversations/{id}.
  const matchers = Object.values(operations)
    .map((op: Operation) => ({
      op,
      params: op[1].split("{").length,
      pattern: new RegExp(`^${op[1].replace(/\{[^}]+\}/g, "[^/]+")}/?$`),
    }))
    .sort((a, b) => a.params - b.params);
  return (method: string, url: URL): boolean => {
    const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname;
    const upper = method.toUpperCase();
    const op = matchers.find((m) => m.op[0] === upper && m.pattern.test(path))?.op;
    return op ? isIdempotentCall(op, undefined) : upper === "GET";
  };
}
