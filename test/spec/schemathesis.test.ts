// schemathesis (a property-based API tester no one here wrote) against the mock server:
// every operation of dist/openapi.json, valid requests generated from the schemas, the
// spec's examples, and the stateful sequences its `links` describe. 0 failures expected;
// a failure is a defect of the spec or the mock, never of these settings.
// Second test: the same run fails when spec and server disagree, so the first can fail.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error -- plain .mjs script without type declarations
import { ensureTools } from "../../scripts/tools.mjs";
import { snapshotSpec } from "../package/helpers/spec-snapshot.js";

const root = path.resolve(import.meta.dirname, "..", "..");
const script = path.join(root, "scripts", "schemathesis.mjs");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "schemathesis-"));

beforeAll(() => ensureTools("schemathesis"), 300_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function fuzz(args: string[]) {
  const r = spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: "utf8", timeout: 290_000, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}
/** The lines of st's report that name failures, for a readable assertion message. */
const failures = (output: string) => output.slice(output.lastIndexOf("=== FAILURES") >= 0 ? output.lastIndexOf("=== FAILURES") : -4000);

describe("schemathesis", () => {
  it("finds no failure in any operation of the spec, against the mock", { timeout: 300_000 }, () => {
    const spec = snapshotSpec().json;
    const r = fuzz(["--spec", spec]);
    expect(r.status, failures(r.output)).toBe(0);
    expect(r.output).toMatch(/Selected: (\d+)\/\1/); // every operation selected
    expect(r.output).toMatch(/Stateful/);
    // st's summary line: "No issues found in …", or "N warnings in …" when it only has
    // coverage hints (e.g. the Dyte operations always answer 404: the simulated accounts
    // have no Dyte integration, as on a server without it). Hints are not failures;
    // a failure or an error is named on that line.
    const summary = /^=+ .* in [\d.]+s =+$/m.exec(r.output)?.[0] ?? "(no summary line)";
    expect(summary).toMatch(/No issues found|\d+ warnings? in/);
    expect(summary).not.toMatch(/failure|error/i);
  });

  it("fails when the spec and the server disagree (Conversation.id documented as a string)", { timeout: 120_000 }, () => {
    const spec = JSON.parse(fs.readFileSync(snapshotSpec().json, "utf8"));
    spec.components.schemas.Conversation.properties.id = { type: "string" };
    const broken = path.join(tmp, "openapi.json");
    fs.writeFileSync(broken, JSON.stringify(spec));
    const r = fuzz(["--spec", broken, "--", "--include-operation-id", "listConversations", "--phases", "fuzzing", "--max-examples", "3"]);
    expect(r.status, r.output.slice(-3000)).toBe(1);
    expect(r.output).toMatch(/Response violates schema/);
  });
});
