// `npm run bench:mock`: the simulator over HTTP with 10,000 conversations.
//
//   node bench/mock.mjs [--conversations=10000] [--runs=5] [--requests=300] [--no-write]
//
// Method. Ready time: the built bin (dist/mock-bin.js) is spawned `--runs`
// times; "cold" is from spawn to its "ready on" line (Node start, imports,
// seed, listen), "in-process" is the figure the bin prints itself (seed +
// spec + listen, from the start of startMockServer). Latency: one bin per
// guard setting (contract guard on, the default, and --no-validate) in a child
// process; this process sends sequential requests with fetch (keep-alive),
// 30 warm-up requests then `--requests` timed ones per endpoint, and reports
// p50/p95 of the whole round trip, and the server's CPU time per request
// (/proc/<pid>/stat, 10 ms ticks, over the timed batch). The guard checks after
// answering, so it costs CPU rather than latency. Targets (issue 13): ready
// ≤ 1.5 s, p50 ≤ 5 ms.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");
const bin = path.join(root, "dist", "mock-bin.js");
const arg = (name, fallback) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback;
const CONVERSATIONS = Number(arg("conversations", "10000"));
const RUNS = Number(arg("runs", "5"));
const REQUESTS = Number(arg("requests", "300"));
const WRITE = !process.argv.includes("--no-write");
const TOKEN = "sim-admin-token";
if (!fs.existsSync(bin)) throw new Error("dist/mock-bin.js is missing: npm run build first (npm run bench:mock does)");

function start(extra = []) {
  const began = performance.now();
  const child = spawn(process.execPath, [bin, "--port", "0", "--conversations", String(CONVERSATIONS), ...extra], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stderr.on("data", (chunk) => (err += chunk));
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const ready = /ready on (http:\/\/\S+) in (\d+) ms/.exec(out);
      if (ready && !child.readyAt) {
        child.readyAt = performance.now();
        child.readyCpuMs = cpuMs(child.pid);
        resolve({ child, url: ready[1], coldMs: child.readyAt - began, inProcessMs: Number(ready[2]), stderr: () => err });
      }
    });
    child.once("exit", (code) => reject(new Error(`the mock exited (${code}) before it was ready:\n${out}\n${err}`)));
  });
}

/** CPU time (user + system, ms) the process has used so far (Linux /proc; 10 ms ticks). */
function cpuMs(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", resolve);
    child.kill("SIGTERM");
  });
}

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function timed(url, init) {
  const t = performance.now();
  const res = await fetch(url, init);
  await res.arrayBuffer();
  const ms = performance.now() - t;
  if (res.status !== 200) throw new Error(`${init?.method ?? "GET"} ${url}: HTTP ${res.status}`);
  return ms;
}

async function latency(base, pid) {
  const headers = { api_access_token: TOKEN };
  const json = { ...headers, "content-type": "application/json" };
  const filterBody = JSON.stringify({
    payload: [
      { attribute_key: "status", filter_operator: "equal_to", values: ["open"], query_operator: "AND" },
      { attribute_key: "priority", filter_operator: "equal_to", values: ["urgent", "high"], query_operator: null },
    ],
  });
  const ids = [];
  for (let page = 1; ids.length < 200; page++) {
    const res = await fetch(`${base}/api/v1/accounts/1/conversations?status=all&page=${page}`, { headers });
    const { data } = await res.json();
    if (data.payload.length === 0) break;
    ids.push(...data.payload.map((c) => c.id));
  }
  const endpoints = {
    "list (status=open, page 3)": (i) => timed(`${base}/api/v1/accounts/1/conversations?status=open&page=${(i % 5) + 1}`, { headers }),
    "list with filters (labels, assignee_type, sort)": (i) =>
      timed(`${base}/api/v1/accounts/1/conversations?status=all&assignee_type=unassigned&labels[]=billing&sort_by=last_activity_at_desc&page=${(i % 3) + 1}`, { headers }),
    "filter (POST, status + priority)": () => timed(`${base}/api/v1/accounts/1/conversations/filter`, { method: "POST", headers: json, body: filterBody }),
    "get (by id)": (i) => timed(`${base}/api/v1/accounts/1/conversations/${ids[i % ids.length]}`, { headers }),
  };
  const out = {};
  for (const [name, call] of Object.entries(endpoints)) {
    for (let i = 0; i < 30; i++) await call(i);
    const samples = [];
    await new Promise((resolve) => setTimeout(resolve, 100)); // deferred guard work of the warm-up
    const cpuBefore = cpuMs(pid);
    for (let i = 0; i < REQUESTS; i++) samples.push(await call(i));
    await new Promise((resolve) => setTimeout(resolve, 100));
    out[name] = { p50: median(samples), p95: quantile(samples, 0.95), serverCpuMsPerRequest: (cpuMs(pid) - cpuBefore) / REQUESTS };
  }
  return out;
}

const cold = [];
const inProcess = [];
const readyCpu = [];
for (let i = 0; i < RUNS; i++) {
  const server = await start();
  cold.push(server.coldMs);
  inProcess.push(server.inProcessMs);
  readyCpu.push(server.child.readyCpuMs);
  await stop(server.child);
}

// npm run mock's default: the same simulator (through tsx) with Prism's validating proxy started next to it.
const prismRuns = [];
for (let i = 0; i < Math.min(RUNS, 3); i++) {
  const began = performance.now();
  const child = spawn(process.execPath, [path.join(root, "scripts", "mock.mjs"), "--port", "0", "--conversations", String(CONVERSATIONS)], { stdio: ["ignore", "pipe", "pipe"], detached: true });
  let out = "";
  const run = {};
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run mock did not get Prism up in 60 s:\n${out}`)), 60_000);
    child.stdout.on("data", (chunk) => {
      out += chunk;
      if (run.readyMs === undefined && /ready on http/.test(out)) run.readyMs = performance.now() - began;
      if (/validating proxy is up/.test(out)) {
        run.prismMs = performance.now() - began;
        clearTimeout(timer);
        resolve();
      }
    });
  });
  prismRuns.push(run);
  process.kill(-child.pid, "SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
}

const results = { conversations: CONVERSATIONS, runs: RUNS, requests: REQUESTS, node: process.version, cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}`, date: new Date().toISOString() };
results.npmRunMock = { readyMedianMs: median(prismRuns.map((r) => r.readyMs)), prismUpMedianMs: median(prismRuns.map((r) => r.prismMs)), runs: prismRuns.map((r) => [Math.round(r.readyMs), Math.round(r.prismMs)]) };
results.loadAverage = os.loadavg().map((x) => Number(x.toFixed(1)));
results.ready = { coldMedianMs: median(cold), coldMs: cold.map(Math.round), inProcessMedianMs: median(inProcess), inProcessMs: inProcess, cpuAtReadyMedianMs: median(readyCpu) };
for (const [label, extra] of [
  ["guard on", []],
  ["guard off", ["--no-validate"]],
]) {
  const server = await start(extra);
  try {
    results[label] = await latency(server.url, server.child.pid);
    if (server.stderr().includes("contract violation")) results[label].violations = server.stderr().split("\n").filter((l) => l.includes("contract violation")).slice(0, 3);
  } finally {
    await stop(server.child);
  }
}

const ms = (x) => `${x.toFixed(2)} ms`;
const lines = [
  `# Simulator bench (npm run bench:mock)`,
  "",
  `${results.date}, Node ${results.node}, ${results.cpus}, shared: load average ${results.loadAverage.join(" / ")} at the start (wall-clock figures are inflated accordingly; the CPU figures much less). ${CONVERSATIONS.toLocaleString("en")} conversations; method in bench/mock.mjs.`,
  "",
  `Ready: cold (spawn → "ready on") median ${ms(results.ready.coldMedianMs)} over ${RUNS} runs (${results.ready.coldMs.join(", ")} ms); in-process (startMockServer: seed, spec, listen) median ${results.ready.inProcessMedianMs} ms; CPU used by the process until ready (Node start included) median ${results.ready.cpuAtReadyMedianMs} ms. Target ≤ 1500 ms.`,
  "",
  `npm run mock (simulator from source through tsx, Prism's proxy as the guard): ready ${ms(results.npmRunMock.readyMedianMs)}, Prism's proxy checking from ${ms(results.npmRunMock.prismUpMedianMs)} (medians of ${prismRuns.length}; until then the in-process guard checks).`,
  "",
  "| endpoint | guard on p50 | guard on p95 | guard on server CPU/req | guard off p50 | guard off p95 | guard off server CPU/req |",
  "|---|---|---|---|---|---|---|",
  ...Object.keys(results["guard on"]).filter((k) => k !== "violations").map((k) => {
    const [on, off] = [results["guard on"][k], results["guard off"][k]];
    return `| ${k} | ${ms(on.p50)} | ${ms(on.p95)} | ${ms(on.serverCpuMsPerRequest)} | ${ms(off.p50)} | ${ms(off.p95)} | ${ms(off.serverCpuMsPerRequest)} |`;
  }),
  "",
  `Round trip per request over loopback HTTP (fetch, keep-alive), sequential, ${REQUESTS} timed requests per endpoint after 30 warm-up. Target p50 ≤ 5 ms.`,
  "",
];
console.log(lines.join("\n"));
if (results["guard on"].violations) console.log(`contract violations seen:\n${results["guard on"].violations.join("\n")}`);
if (WRITE) {
  fs.writeFileSync(path.join(here, "MOCK.md"), lines.join("\n"));
  fs.writeFileSync(path.join(here, "mock-results.json"), `${JSON.stringify(results, null, 2)}\n`);
}
