// scripts/schemathesis.toml lets not_a_server_error accept a 500 on some operations: exactly
// those whose spec documents Chatwoot's own 500 (components/responses/InternalServerError),
// so that a 500 anywhere else still fails the fuzz run.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec, operations, type JsonObject } from "./helpers/spec.js";

const root = path.resolve(import.meta.dirname, "..", "..");
const toml = fs.readFileSync(path.join(root, "scripts", "schemathesis.toml"), "utf8");

/** The operation ids of the [[operations]] entry that sets not_a_server_error's expected statuses. */
function operationsExpecting500(): string[] {
  const entries = toml.split(/^\[\[operations\]\]\s*$/m).slice(1);
  const entry = entries.find((e) => /checks\.not_a_server_error\.expected-statuses/.test(e));
  expect(entry, "an [[operations]] entry for not_a_server_error").toBeDefined();
  const ids = /include-operation-id\s*=\s*\[([^\]]*)\]/.exec(entry!)?.[1] ?? "";
  const statuses = /expected-statuses\s*=\s*\[([^\]]*)\]/.exec(entry!)?.[1] ?? "";
  expect(statuses.replace(/\s/g, ""), "only 500 is added to the default 2xx, 3xx, 4xx").toBe('"2xx","3xx","4xx","500"');
  return [...ids.matchAll(/"([^"]+)"/g)].map((m) => m[1]!).sort();
}

describe("scripts/schemathesis.toml", () => {
  it("expects a 500 exactly on the operations whose spec documents Chatwoot's 500", async () => {
    const spec = await loadSpec();
    const documented = operations(spec)
      .filter((op) => ((op.op.responses as JsonObject)["500"] as JsonObject | undefined) !== undefined)
      .map((op) => op.operationId)
      .sort();
    expect(documented.length).toBeGreaterThan(0);
    expect(operationsExpecting500()).toEqual(documented);
  });
});
