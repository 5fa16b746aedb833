// Reads a .cpuprofile (node --cpu-prof) and prints where the time goes:
// top self-time frames, self time per file (dist/index.js frames mapped back to
// their src/ module through tsdown's `//#region src/…` markers), and the
// inclusive time of the client's own functions.
//
//   node --cpu-prof --cpu-prof-dir=bench/.prof bench/run.mjs --only=client --modes=seq --endpoints=list --skip=memory,pipeline --no-write --scale=4
//   node bench/profile-top.mjs bench/.prof/CPU.*.cpuprofile [--top=30]
//   node bench/profile-top.mjs --diff=REQUESTS CLIENT.cpuprofile BASELINE.cpuprofile
//     (two runs of the same workload, e.g. --only=client and --only=fetch: prints the frames
//      and files where the first spends more, in µs per request)
import fs from "node:fs";
import path from "node:path";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const files = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const TOP = Number(process.argv.find((a) => a.startsWith("--top="))?.slice(6) ?? 30);
const DIFF = Number(process.argv.find((a) => a.startsWith("--diff="))?.slice(7) ?? 0);
if (files.length === 0) {
  console.error("usage: node bench/profile-top.mjs PROFILE.cpuprofile [--top=N]");
  process.exit(2);
}

// dist/index.js positions → src/ file and line, through dist/index.js.map (node:module's SourceMap);
// without a map, the module from tsdown's `//#region src/…` markers.
const distFile = path.join(here, "..", "dist", "index.js");
let sourceMap = null;
const distRegions = [];
if (fs.existsSync(`${distFile}.map`)) {
  sourceMap = new SourceMap(JSON.parse(fs.readFileSync(`${distFile}.map`, "utf8")));
}
if (fs.existsSync(distFile)) {
  fs.readFileSync(distFile, "utf8")
    .split("\n")
    .forEach((line, i) => {
      const m = /^\/\/#region (\S+)/.exec(line);
      if (m) distRegions.push({ line: i + 1, module: m[1] });
    });
}
function srcModule(url, line0, col0) {
  if (!url.endsWith("/dist/index.js")) return null;
  const entry = sourceMap?.findEntry(line0, col0);
  if (entry?.originalSource) {
    const file = entry.originalSource.replace(/^.*?(src\/)/, "$1");
    return { module: file, line: entry.originalLine + 1 };
  }
  let found = null;
  for (const r of distRegions) if (r.line <= line0 + 1) found = r.module;
  return found && { module: found, line: null };
}

function where(cf, withLine = false) {
  const url = cf.url.replace(/^file:\/\//, "");
  const mod = srcModule(url, cf.lineNumber, cf.columnNumber);
  if (mod) return withLine && mod.line ? `${mod.module}:${mod.line}` : mod.module;
  if (url === "") return "(native/V8)";
  if (url.startsWith("node:")) return url;
  const nm = url.indexOf("/node_modules/");
  if (nm !== -1) return url.slice(nm + 14).split("/").slice(0, url.slice(nm + 14).startsWith("@") ? 2 : 1).join("/") + " (node_modules)";
  return path.relative(path.join(here, ".."), url);
}

function analyse(file, print) {
  const prof = JSON.parse(fs.readFileSync(file, "utf8"));
  const byId = new Map(prof.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // time per sample = timeDeltas
  const selfUs = new Map();
  prof.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
  const total = [...selfUs.values()].reduce((a, b) => a + b, 0);
  const idle = [...selfUs].filter(([id]) => ["(idle)", "(program)"].includes(byId.get(id).callFrame.functionName)).reduce((a, [, v]) => a + v, 0);
  const busy = total - [...selfUs].filter(([id]) => byId.get(id).callFrame.functionName === "(idle)").reduce((a, [, v]) => a + v, 0);

  const frameKey = (cf) => {
    const w = where(cf, true);
    return `${cf.functionName || "(anonymous)"}  ${w}${cf.url && !w.startsWith("src/") ? `:${cf.lineNumber + 1}` : ""}`;
  };
  const selfByFrame = new Map();
  const selfByFile = new Map();
  const inclusive = new Map();
  for (const [id, us] of selfUs) {
    const n = byId.get(id);
    const k = frameKey(n.callFrame);
    selfByFrame.set(k, (selfByFrame.get(k) ?? 0) + us);
    const w = n.callFrame.functionName === "(garbage collector)" ? "(garbage collector)" : n.callFrame.functionName === "(idle)" ? "(idle)" : where(n.callFrame);
    selfByFile.set(w, (selfByFile.get(w) ?? 0) + us);
    // inclusive: every distinct frame on the stack gets the sample's time once
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const key = frameKey(byId.get(cur).callFrame);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  if (!print) return { selfByFrame, selfByFile, busy };
  const pct = (us) => `${((us / busy) * 100).toFixed(1).padStart(5)}%`;
  const ms = (us) => `${(us / 1000).toFixed(0).padStart(6)} ms`;
  console.log(`\n== ${path.basename(file)}: ${(total / 1e6).toFixed(2)} s sampled, ${(busy / 1e6).toFixed(2)} s not idle (percentages are of that)`);
  console.log(`\n-- top ${TOP} frames by self time`);
  for (const [k, us] of [...selfByFrame].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${ms(us)} ${pct(us)}  ${k}`);
  console.log("\n-- self time by file / src module");
  for (const [k, us] of [...selfByFile].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${ms(us)} ${pct(us)}  ${k}`);
  console.log("\n-- inclusive time of the client's own functions (dist/index.js → src/)");
  for (const [k, us] of [...inclusive].filter(([k]) => /src\//.test(k)).sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`${ms(us)} ${pct(us)}  ${k}`);
  void idle;
  return { selfByFrame, selfByFile, busy };
}

if (DIFF > 0) {
  const [a, b] = files.map((f) => analyse(f, false));
  const us = (x) => `${(x / DIFF).toFixed(1).padStart(7)} µs`;
  console.log(`== ${path.basename(files[0])} minus ${path.basename(files[1])}, per request (${DIFF} requests each)`);
  console.log(`not idle: ${us(a.busy)} vs ${us(b.busy)} → ${us(a.busy - b.busy)} more per request`);
  for (const [title, key] of [["files / src modules", "selfByFile"], ["frames", "selfByFrame"]]) {
    const keys = new Set([...a[key].keys(), ...b[key].keys()]);
    const d = [...keys].map((k) => [k, (a[key].get(k) ?? 0) - (b[key].get(k) ?? 0), a[key].get(k) ?? 0, b[key].get(k) ?? 0]);
    console.log(`\n-- ${title}: largest differences (self time, first − second)`);
    for (const [k, delta, x, y] of d.filter(([k]) => k !== "(idle)" && !k.startsWith("(idle)")).sort((p, q) => Math.abs(q[1]) - Math.abs(p[1])).slice(0, TOP)) {
      console.log(`${us(delta)}  (${us(x).trim()} vs ${us(y).trim()})  ${k}`);
    }
  }
} else {
  for (const file of files) analyse(file, true);
}
