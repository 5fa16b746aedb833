// The bundled spec (openapi.json) as the doors read it: operations matched by
// method and path, and `$ref`s followed; for the error bodies of
// `Prefer: code=NNN` and for the contract guard. Reading the file is
// ./spec-file.ts (Node only); this part also runs in a browser.

export type JsonObject = { [key: string]: unknown };

export interface SpecOperation {
  operationId: string;
  method: string;
  /** The path template, e.g. /api/v1/accounts/{account_id}/labels */
  path: string;
  pattern: RegExp;
  /** Names of the path parameters, in order. */
  names: string[];
  op: JsonObject;
}

export interface SpecDocument {
  doc: JsonObject;
  operations: SpecOperation[];
  /** The operation a request is for, with its path parameters (raw strings). */
  match(method: string, pathname: string): { operation: SpecOperation; params: Record<string, string> } | undefined;
  /** Follows local `$ref`s. */
  deref<T = JsonObject>(node: unknown): T;
}

const METHODS = ["get", "put", "post", "patch", "delete"];
export function specDocument(doc: JsonObject): SpecDocument {
  const operations: SpecOperation[] = [];
  for (const [path, item] of Object.entries((doc.paths ?? {}) as Record<string, JsonObject>)) {
    for (const method of METHODS) {
      const op = item[method] as JsonObject | undefined;
      if (!op) continue;
      const names = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
      const source = path.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{[^}]+\\?\}/g, "([^/]+)");
      operations.push({ operationId: String(op.operationId), method: method.toUpperCase(), path, pattern: new RegExp(`^${source}/?$`), names, op });
    }
  }
  // Literal segments win over parameters (…/conversations/meta before …/conversations/{id}).
  operations.sort((a, b) => a.names.length - b.names.length);

  const deref = <T>(node: unknown): T => {
    let current = node as JsonObject;
    for (let hops = 0; hops < 20 && typeof current?.$ref === "string"; hops++) {
      let target: unknown = doc;
      for (const raw of (current.$ref as string).slice(2).split("/")) {
        target = (target as JsonObject)?.[raw.replace(/~1/g, "/").replace(/~0/g, "~")];
      }
      current = target as JsonObject;
    }
    return current as T;
  };

  return {
    doc,
    operations,
    deref,
    match(method, pathname) {
      for (const operation of operations) {
        if (operation.method !== method) continue;
        const found = operation.pattern.exec(pathname);
        if (!found) continue;
        const params: Record<string, string> = {};
        operation.names.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1]!)));
        return { operation, params };
      }
      return undefined;
    },
  };
}
