// What the 3.0 rendition loses against the 3.1 source, proven by oasdiff rather than by
// our own converter's tests: `oasdiff changelog <3.1> <3.0> --auto-upgrade` lists every
// difference (all levels), and each must be explained by a rule in
// scripts/openapi30/expected-losses.mjs (webhooks, const, and two rewrites oasdiff reports
// though they keep the same values). Anything else is a loss of the converter: it fails.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error -- plain .mjs script without type declarations
import { toOpenApi30 } from "../../scripts/openapi30.mjs";
// @ts-expect-error -- plain .mjs script without type declarations
import { EXPECTED_LOSSES, classify } from "../../scripts/openapi30/expected-losses.mjs";
// @ts-expect-error -- plain .mjs script without type declarations
import { OASDIFF, ensureTools } from "../../scripts/tools.mjs";
import { snapshotSpec } from "../package/helpers/spec-snapshot.js";

type Change = { id: string; text: string; operation?: string; path?: string };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "openapi30-losses-"));
beforeAll(() => ensureTools("oasdiff"), 300_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function changelog(source: object, rendition: object): Change[] {
  const [a, b] = [path.join(tmp, "3.1.json"), path.join(tmp, "3.0.json")];
  fs.writeFileSync(a, JSON.stringify(source));
  fs.writeFileSync(b, JSON.stringify(rendition));
  const r = spawnSync(OASDIFF, ["changelog", a, b, "--auto-upgrade", "--format", "json", "--level", "INFO"], { encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`oasdiff changelog failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout || "[]");
}
const show = (cs: Change[]) => cs.map((c) => `${c.id}: ${c.operation ?? ""} ${c.path ?? ""} ${c.text}`).join("\n");

describe("the 3.0 rendition against the 3.1 source (oasdiff --auto-upgrade)", () => {
  const source = JSON.parse(fs.readFileSync(snapshotSpec().json, "utf8"));

  it("loses nothing but the listed, expected differences", { timeout: 60_000 }, () => {
    const changes = changelog(source, toOpenApi30(source));
    const { byRule, unexplained } = classify(changes, source);
    console.log(`3.1 → 3.0: ${changes.length} differences reported by oasdiff, by rule: ${JSON.stringify(byRule)}`);
    expect(unexplained, `differences no rule explains:\n${show(unexplained)}`).toEqual([]);
  });

  it("every rule gives its reason", () => {
    for (const rule of EXPECTED_LOSSES) expect(rule.reason.length, rule.name).toBeGreaterThan(40);
  });

  it("webhooks and const are listed losses", { timeout: 60_000 }, () => {
    const more = structuredClone(source);
    more.webhooks = { ping: { post: { operationId: "ping", responses: { "200": { description: "ok" } } } } };
    more.components.schemas.Conversation.properties.can_reply = { const: false, description: "test" };
    const changes = changelog(more, toOpenApi30(more));
    expect(changes.some((c) => c.id === "webhook-removed")).toBe(true);
    const { byRule, unexplained } = classify(changes, more);
    expect(unexplained, show(unexplained)).toEqual([]);
    expect(byRule.const).toBeGreaterThan(0);
  });

  it("a real loss is caught: a converter that dropped a response field or a label field", { timeout: 60_000 }, () => {
    const rendition = toOpenApi30(source);
    delete rendition.components.schemas.Conversation.properties.unread_count;
    const labels = rendition.components.schemas.Label ?? rendition.components.schemas.CreateLabelRequest;
    delete labels.properties.title;
    const { unexplained } = classify(changelog(source, rendition), source);
    expect(show(unexplained)).toMatch(/unread_count/);
    expect(show(unexplained)).toMatch(/title/);
  });
});
