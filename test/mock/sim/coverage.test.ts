// Every operation of the bundled spec has a simulator handler (a request to
// it gets an answer from the handlers, not "unhandled"), and the answers
// to these bare requests conform to the spec.
import { getResponse } from "msw";
import { expect, it } from "vitest";
import { createSimulator } from "../../../src/mock/simulator.js";
import { loadSpec, operations } from "../../spec/helpers/spec.js";
import { ORIGIN, TOKENS, violations } from "./helpers/harness.js";

it("answers every operation of the spec", async () => {
  const spec = await loadSpec();
  const sim = createSimulator();
  const missing: string[] = [];
  const broken: string[] = [];
  for (const op of operations(spec)) {
    const path = op.path.replace(/\{[^}]+\}/g, "1");
    const body = ["post", "patch", "put", "delete"].includes(op.method) ? JSON.stringify({}) : undefined;
    const request = new Request(`${ORIGIN}${path}`, { method: op.method.toUpperCase(), headers: { api_access_token: TOKENS.admin, "content-type": "application/json" }, body });
    const response = await getResponse(sim.handlers, request);
    if (!response) {
      missing.push(`${op.method.toUpperCase()} ${op.path} (${op.operationId})`);
      continue;
    }
    const text = await response.text();
    const contentType = response.headers.get("content-type");
    const parsed: unknown = contentType?.includes("json") && text ? JSON.parse(text) : text;
    const found = await violations(op.method, path, response.status, contentType, parsed, text);
    if (found && found.length > 0) broken.push(...found);
  }
  expect(operations(spec).length).toBeGreaterThan(40);
  expect(missing).toEqual([]);
  expect(broken).toEqual([]);
});
