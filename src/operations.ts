// Run-time facts about each operation (idempotency, empty responses), read
// from the table generated out of the spec's x-idempotent flags.
import { operations, type OperationInfo } from "./generated/operations.js";

export type OperationId = (typeof operations)[number]["operationId"];

const byId = new Map(operations.map((op) => [op.operationId, op]));

export function operation(operationId: string): OperationInfo {
  const op = byId.get(operationId);
  if (!op) throw new Error(`unknown operation ${operationId}`); // a bug in this library, not user input
  return op;
}

/** Whether this particular call is safe to repeat (honours x-idempotent-when). */
export function isIdempotentCall(op: OperationInfo, body: unknown): boolean {
  if (op.idempotent) return true;
  if (op.idempotentWhen === null || typeof body !== "object" || body === null) return false;
  return (body as Record<string, unknown>)[op.idempotentWhen] !== undefined;
}

// Templates with fewer parameters first, so /conversations/meta wins over /conversations/{id}.
const matchers = operations
  .map((op) => ({
    op,
    params: (op.path.match(/\{/g) ?? []).length,
    pattern: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, "[^/]+")}/?$`),
  }))
  .sort((a, b) => a.params - b.params);

/** The operation a raw request targets, for requests made through `chatwoot.raw`. */
export function findOperation(method: string, pathname: string): OperationInfo | undefined {
  const upper = method.toUpperCase();
  return matchers.find((m) => m.op.method === upper && m.pattern.test(pathname))?.op;
}

/** isIdempotent() for the transport: looks the request up in the generated table. */
export function idempotencyResolver(basePath: string) {
  const prefix = basePath.replace(/\/+$/, "");
  return (method: string, url: URL): boolean => {
    const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname;
    const op = findOperation(method, path);
    return op ? op.idempotent : method.toUpperCase() === "GET";
  };
}
