// `npm run check:breaking` (scripts/check-breaking.mjs around oasdiff): real breaks in a
// modified copy of the released spec fail it, compatible changes do not, the lines it
// prints acknowledge the breaks through oasdiff's own --err-ignore file, a line without a
// reason fails, and the real bundled spec passes against openapi/released/openapi.json.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error -- plain .mjs script without type declarations
import { DEFAULT_IGNORE, readIgnoreLines } from "../../scripts/check-breaking.mjs";
// @ts-expect-error -- plain .mjs script without type declarations
import { ensureTools } from "../../scripts/tools.mjs";
import { exec, root } from "./helpers/package-build.js";
import { snapshotSpec } from "./helpers/spec-snapshot.js";

type Spec = { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, any> } };

const releasedPath = path.join(root, "openapi", "released", "openapi.json");
const released: Spec = JSON.parse(fs.readFileSync(releasedPath, "utf8"));
const script = path.join(root, "scripts", "check-breaking.mjs");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "check-breaking-"));
const LABELS = "/api/v1/accounts/{account_id}/labels";

beforeAll(() => ensureTools("oasdiff"), 300_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Runs the check on a modified copy of the released spec, with the given ignore file text. */
function check(mutate: (spec: Spec) => void, ignoreText = "") {
  const head = structuredClone(released);
  mutate(head);
  const headFile = path.join(tmp, `head-${Math.random().toString(36).slice(2)}.json`);
  const ignoreFile = `${headFile}.ignore.txt`;
  fs.writeFileSync(headFile, JSON.stringify(head));
  fs.writeFileSync(ignoreFile, ignoreText);
  return exec(process.execPath, [script, "--base", releasedPath, "--head", headFile, "--ignore", ignoreFile], { cwd: root, timeout: 60_000 });
}
const suggested = (output: string) => output.split("\n").filter((l) => l.endsWith(" -- reason: …"));

describe("oasdiff catches breaks", { timeout: 60_000 }, () => {
  it("a removed operation", () => {
    const r = check((s) => delete s.paths[LABELS]!.get);
    expect(r.status, r.output).toBe(1);
    expect(r.stdout).toContain(`GET ${LABELS}`);
    expect(suggested(r.stderr)).toEqual([`GET ${LABELS} API removed without deprecation -- reason: …`]);
  });

  it("a removed response field, in every operation that returns it", () => {
    const r = check((s) => delete s.components.schemas.Conversation.properties.unread_count);
    expect(r.status, r.output).toBe(1);
    const lines = suggested(r.stderr);
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const l of lines) expect(l).toMatch(/removed the required property `(.*\/)?unread_count`/);
  });

  it("a new required request field", () => {
    const r = check((s) => {
      const body = s.paths[LABELS]!.post.requestBody.content["application/json"].schema;
      const target = body.$ref ? s.components.schemas[body.$ref.split("/").pop()] : body;
      target.properties.priority_rank = { type: "integer" };
      target.required = [...(target.required ?? []), "priority_rank"];
    });
    expect(r.status, r.output).toBe(1);
    expect(r.stderr).toMatch(/POST \/api\/v1\/accounts\/\{account_id\}\/labels .*priority_rank/);
  });

  it("but not a compatible change (a new optional response field)", () => {
    const r = check((s) => (s.components.schemas.Conversation.properties.new_optional_field = { type: "string" }));
    expect(r.status, r.output).toBe(0);
  });
});

describe("acknowledgements (oasdiff's --err-ignore file)", { timeout: 60_000 }, () => {
  const removeLabelsGet = (s: Spec) => delete s.paths[LABELS]!.get;
  const line = `GET ${LABELS} API removed without deprecation`;

  it("the printed line with a reason acknowledges the break", () => {
    const r = check(removeLabelsGet, `# header\n${line} -- reason: labels are listed by the new endpoint\n`);
    expect(r.status, r.output).toBe(0);
    expect(r.stdout).toContain("1 acknowledged");
  });

  it("a line without a reason fails, though oasdiff accepts it", () => {
    const r = check(removeLabelsGet, `${line}\n`);
    expect(r.status, r.output).toBe(1);
    expect(r.stderr).toContain('acknowledgement without "-- reason: …"');
  });

  it("a line that matches nothing is reported as stale", () => {
    const r = check(() => {}, `${line} -- reason: was planned\n`);
    expect(r.status, r.output).toBe(0);
    expect(r.stderr).toMatch(/matches no change any more/);
  });

  it("every line of the repository's ignore file gives a reason", () => {
    for (const l of readIgnoreLines(DEFAULT_IGNORE)) expect(l.text, `line ${l.line}`).toMatch(/\s--\s*reason:\s*\S/i);
  });
});

describe("the real spec", () => {
  it("dist/openapi.json has no unacknowledged breaking change against openapi/released/openapi.json", { timeout: 60_000 }, () => {
    const r = exec(process.execPath, [script, "--head", snapshotSpec().json], { cwd: root, timeout: 60_000 });
    expect(r.status, r.output).toBe(0);
    // Stale lines are only warned about: a branch may carry acknowledgements for spec
    // changes it has not merged yet.
  });
});
