// `npm run bench`: what the client costs per request, next to raw fetch,
// openapi-fetch used directly, and an axios-based client.
//
//   node bench/run.mjs                     everything, writes bench/RESULTS.md and bench/SUMMARY.md
//   node bench/run.mjs --only=client,fetch --modes=seq --endpoints=list --skip=memory,pipeline --no-write
//   node --cpu-prof --cpu-prof-dir=bench/.prof bench/run.mjs --only=client --skip=memory,pipeline --no-write
//   node bench/run.mjs --src               benchmark src/ through tsx instead of dist/ (never for the published numbers)
//   npm run bench -- --alt=main            A/B: this client at a git ref (built in a temporary worktree
//                                          under .tmp/bench-alt/, cached per commit) as an extra client
//                                          "alt:main"; several refs: --alt=main,v0.1.0
//   node bench/run.mjs --alt=other/index.js  the same with an already built dist/index.js ("alt:index")
//   --skip=head-to-head                    no separate head-to-head process (ratios from the main rounds)
//
// Method: the fake server (bench/server.mjs) runs in a child process. All the
// clients run in THIS process. Sequential mode: the clients take turns request
// by request, in a new seeded random order each time, so drift (thermal, other
// load, the server's garbage) hits each client alike; latency per request and
// the client's CPU per request (process.cpuUsage() around each call; the
// server's CPU is in another process). The concurrent mode keeps 16 requests
// in flight, one batch per client per round in a new random order, and reports
// requests/s over all batches. openapi-fetch runs as two instances: their mean
// is the baseline of the "vs openapi-fetch" ratios, their difference an A/A
// control of the noise. The ratios to openapi-fetch come from a second, fresh
// process in which only openapi-fetch, this client and the --alt builds run
// ("head to head": in one process, all clients share undici's code and JIT
// state). The heap bench (bench/memory.mjs) and the pipeline timings run as
// child processes too.
//
// Files: bench/lib/options.mjs (flags, sizes), clients.mjs (the clients), measure.mjs (the
// loops), child-benches.mjs (server, memory, pipeline), alt-build.mjs (--alt=<ref>),
// tables.mjs and report.mjs (RESULTS.md, SUMMARY.md, results.json).
import os from "node:os";
import { resolveAlts } from "./lib/alt-build.mjs";
import { headToHead, memoryBench, pipelineBench, startServer } from "./lib/child-benches.mjs";
import { checkClients, makeClients } from "./lib/clients.mjs";
import { httpBench, overheadBench } from "./lib/measure.mjs";
import { alts as altArgs, headToHeadChild, modes, netModes, only, ROUNDS, endpoints, serverPort, skip, write, log, OVERHEAD } from "./lib/options.mjs";
import { writeReports } from "./lib/report.mjs";
import { httpTables, overheadTable, vsOpenapiFetch } from "./lib/tables.mjs";

const HARD_LIMIT_MS = 8 * 60_000; // the bench stops itself whatever happens (alt builds come before the clock starts)

/** The head-to-head child (see headToHead in lib/child-benches.mjs): HTTP loops only, results as JSON on stdout. */
async function headToHeadMain() {
  const clients = await makeClients(`http://127.0.0.1:${serverPort}`, resolveAlts(altArgs));
  await checkClients(clients, only);
  console.log(JSON.stringify(await httpBench(clients)));
}

async function main() {
  const alts = resolveAlts(altArgs);
  setTimeout(() => {
    console.error(`bench: still running after ${HARD_LIMIT_MS / 60_000} minutes, giving up`);
    process.exit(2);
  }, HARD_LIMIT_MS).unref();
  const started = performance.now();
  const server = await startServer();
  const pageKb = (server.pageBytes / 1024).toFixed(0);
  log(`bench: fake server on 127.0.0.1:${server.port} (pid ${server.child.pid}), page = ${server.pageBytes} bytes`);
  const baseUrl = `http://127.0.0.1:${server.port}`;
  let http, overhead, memory, pipeline, served, labels;
  const phases = {};
  const phase = async (name, fn) => {
    const t = performance.now();
    const r = await fn();
    phases[name] = (performance.now() - t) / 1000;
    return r;
  };
  const loadBefore = os.loadavg();
  try {
    const clients = await makeClients(baseUrl, alts);
    await checkClients(clients);
    labels = Object.fromEntries(Object.entries(clients).map(([k, v]) => [k, v.label]));
    if (!skip.includes("http") && netModes.length > 0) {
      log(`bench: HTTP, ${ROUNDS} rounds, modes ${modes.join("+")}, endpoints ${endpoints.join("+")}, clients ${only.join(", ")}`);
      http = await phase("HTTP (sequential + 16 in flight)", () => httpBench(clients));
      http.labels = labels;
      for (const line of httpTables(http, labels, pageKb)) console.log(line);
      if (!skip.includes("head-to-head") && labels.client && labels["openapi-fetch"]) {
        log("bench: head to head (openapi-fetch twice, this client and the --alt builds, in a fresh process)");
        http.headToHead = await phase("head to head", () => headToHead(server.port, alts));
      }
    }
    if (modes.includes("overhead")) {
      log(`bench: in-process overhead (fake fetch, ${OVERHEAD.rounds} rounds)`);
      overhead = await phase("in-process overhead", () => overheadBench(baseUrl, alts));
      for (const line of overheadTable(overhead, labels)) console.log(line);
    }
    if (!skip.includes("memory")) {
      log("bench: memory (iterate 10,000 conversations)");
      memory = await phase("memory", () => memoryBench(server.port));
    }
    served = await server.stats();
  } finally {
    await server.stop();
  }
  if (!skip.includes("pipeline")) {
    log("bench: pipeline (npm run lint:spec, bundle, generate; 3 times each)");
    pipeline = await phase("pipeline", () => pipelineBench());
  }
  const mine = ["client", ...Object.keys(labels ?? {}).filter((n) => n.startsWith("alt:"))];
  if (http || overhead) for (const line of vsOpenapiFetch(http, overhead, mine)) console.log(line);
  const totalS = (performance.now() - started) / 1000;
  log(`bench: done in ${totalS.toFixed(0)} s (server answered ${served?.list} list, ${served?.toggle} toggle, ${served?.rejected} rejected)`);
  const load = { before: loadBefore, after: os.loadavg() };
  log(`bench: phases ${Object.entries(phases).map(([k, v]) => `${k} ${v.toFixed(0)} s`).join(", ")}`);
  if (write) writeReports({ http, overhead, labels, memory, pipeline, totalS, served, load, phases, pageBytes: server.pageBytes, before: alts[0]?.name });
}

await (headToHeadChild ? headToHeadMain() : main());
