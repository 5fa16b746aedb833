// `npm run check:breaking`: oasdiff (pinned, installed by scripts/ensure-tools.sh) compares
// the bundled spec with the last released one and fails on any ERR-level break that is not
// acknowledged in openapi/released/oasdiff-err-ignore.txt (oasdiff's own --err-ignore file).
//
// What this wrapper adds to `oasdiff breaking BASE HEAD --fail-on ERR --err-ignore FILE`,
// because oasdiff does not do it:
//   - every acknowledgement must give a reason (`-- reason: …` on its line), or the check fails;
//   - acknowledgements that match no current change are listed as stale (a warning);
//   - on failure, the exact lines to paste into the ignore file are printed;
//   - `--write-baseline` after a release: dist/openapi.json becomes the released baseline and
//     the acknowledgements are cleared.
//
// Usage: node scripts/check-breaking.mjs [--base FILE] [--head FILE] [--ignore FILE] [--write-baseline]
// Exit status: 0 no unacknowledged break, 1 unacknowledged breaks or an ignore line without
// a reason, 2 usage or tool error.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { OASDIFF, ensureTools, root } from "./tools.mjs";

export const DEFAULT_BASE = path.join(root, "openapi", "released", "openapi.json");
export const DEFAULT_HEAD = path.join(root, "dist", "openapi.json");
export const DEFAULT_IGNORE = path.join(root, "openapi", "released", "oasdiff-err-ignore.txt");
const REASON = /\s--\s*reason:\s*\S/i;

/** The acknowledgement lines of an ignore file (blank lines and `#` comments are not). */
export function readIgnoreLines(file) {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .map((text, i) => ({ text: text.trim(), line: i + 1 }))
    .filter(({ text }) => text !== "" && !text.startsWith("#"));
}

/** The line that acknowledges one oasdiff change (the reason is the author's to write). */
export const ignoreLineFor = (change) =>
  change.path ? `${change.operation} ${change.path} ${change.text}` : `${change.section ?? "components"} ${change.text}`;

/** oasdiff's own matching rule (checker/ignore.go, api_change.go): path token, "METHOD path" and the text, lower-cased. */
export function matches(ignoreLine, change) {
  const line = ignoreLine.toLowerCase();
  const text = change.text.toLowerCase();
  if (!change.path) return line.includes(text) && line.includes((change.section ?? "components").toLowerCase());
  const pathToken = line.split(/\s+/).find((w) => w.startsWith("/"));
  return pathToken === change.path.toLowerCase() && line.includes(`${change.operation} ${change.path}`.toLowerCase()) && line.includes(text);
}

export function oasdiff(args) {
  const r = spawnSync(OASDIFF, args, { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
  if (r.error) throw r.error;
  return r;
}

/** Every ERR-level change from base to head, acknowledged or not, as oasdiff's JSON. */
export function errChanges(base, head) {
  const r = oasdiff(["breaking", base, head, "--format", "json"]);
  if (r.status !== 0) throw new Error(`oasdiff breaking failed (exit ${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout || "[]").filter((c) => c.level === 3);
}

function main() {
  const { values } = parseArgs({
    options: {
      base: { type: "string", default: DEFAULT_BASE },
      head: { type: "string", default: DEFAULT_HEAD },
      ignore: { type: "string", default: DEFAULT_IGNORE },
      "write-baseline": { type: "boolean", default: false },
    },
  });
  const rel = (f) => path.relative(root, f) || f;
  if (values["write-baseline"]) {
    fs.copyFileSync(values.head, values.base);
    const header = fs.readFileSync(values.ignore, "utf8").split("\n").filter((l) => l.startsWith("#"));
    fs.writeFileSync(values.ignore, header.join("\n") + "\n");
    console.log(`baseline ${rel(values.base)} <- ${rel(values.head)}; acknowledgements cleared`);
    return 0;
  }
  ensureTools("oasdiff");

  const lines = readIgnoreLines(values.ignore);
  const noReason = lines.filter((l) => !REASON.test(l.text));
  for (const l of noReason) console.error(`${rel(values.ignore)}:${l.line}: acknowledgement without "-- reason: …": ${l.text}`);

  // The check itself: oasdiff with its own ignore mechanism, in its readable text format.
  const args = ["breaking", values.base, values.head, "--fail-on", "ERR", "--color", "never", "--format", "text"];
  if (fs.existsSync(values.ignore)) args.push("--err-ignore", values.ignore);
  const run = oasdiff(args);
  process.stdout.write(run.stdout);
  process.stderr.write(run.stderr);
  if (run.status !== 0 && run.status !== 1) return 2;

  const all = errChanges(values.base, values.head);
  const stale = lines.filter((l) => !all.some((c) => matches(l.text, c)));
  for (const l of stale) console.error(`warning: ${rel(values.ignore)}:${l.line} matches no change any more (remove it): ${l.text}`);

  if (run.status === 1) {
    const open = all.filter((c) => !lines.some((l) => matches(l.text, c)));
    console.error(`\nUnacknowledged breaking changes against ${rel(values.base)}. If intended, add these lines to ${rel(values.ignore)}, each with its reason:\n`);
    for (const c of open) console.error(`${ignoreLineFor(c)} -- reason: …`);
    return 1;
  }
  if (noReason.length) return 1;
  console.log(`no unacknowledged breaking changes against ${rel(values.base)} (oasdiff, ${lines.length} acknowledged)`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.exitCode = main();
  } catch (error) {
    console.error(`check-breaking: ${error.message}`);
    process.exitCode = 2;
  }
}
