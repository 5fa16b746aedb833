// `npm run bench`: what the client costs per request, next to raw fetch,
// openapi-fetch used directly, and an axios-based client.
//
//   node bench/run.mjs                     everything, writes bench/RESULTS.md and bench/SUMMARY.md
//   node bench/run.mjs --only=client,fetch --modes=seq --endpoints=list --skip=memory,pipeline --no-write
//   node --cpu-prof --cpu-prof-dir=bench/.prof bench/run.mjs --only=client --skip=memory,pipeline --no-write
//   node bench/run.mjs --src               benchmark src/ through tsx instead of dist/ (never for the published numbers)
//   node bench/run.mjs --alt=other/index.js --only=fetch,client,alt:index   A/B: a second build of this
//                                          client (e.g. a patched copy) as an extra client "alt:<file name>"
//
// Method: the fake server (bench/server.mjs) runs in a child process. All four
// clients run in THIS process, in interleaved rounds whose order rotates, so
// drift (thermal, other load) hits each client alike. Sequential mode measures
// latency per request and the client's CPU per request (process.cpuUsage()
// delta of the batch / requests; the server's CPU is in another process). The
// concurrent mode keeps 16 requests in flight and reports requests/s. The heap
// bench (bench/memory.mjs) and the pipeline timings run as child processes.
import { fork, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { ACCOUNT_ID, TOKEN, listBody, toggleBody } from "./data.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "..");

// ---------------------------------------------------------------- options
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const hit = argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (!hit) return fallback;
  return hit.includes("=") ? hit.slice(hit.indexOf("=") + 1) : true;
};
const list = (value) => (typeof value === "string" ? value.split(",").filter(Boolean) : value);
const ALL_CLIENTS = ["fetch", "openapi-fetch", "client", "axios"];
const only = list(opt("only", [...ALL_CLIENTS, ...list(opt("alt", [])).map((p) => `alt:${path.basename(p, ".js")}`)]));
const modes = list(opt("modes", ["seq", "conc", "overhead"]));
const endpoints = list(opt("endpoints", ["list", "toggle"]));
const skip = list(opt("skip", []));
const ROUNDS = Number(opt("rounds", 5));
const scale = Number(opt("scale", 1)); // multiply every batch size (profiling uses more)
const write = !opt("no-write", false);
const fromSrc = Boolean(opt("src", false));
const alts = list(opt("alt", []));
const INFLIGHT = 16;
const netModes = modes.filter((m) => m === "seq" || m === "conc");
// Requests per client per round. Sized so the whole bench (with the build) stays under ~3 minutes on 2 cores.
const SIZES = {
  seq: { list: Math.round(100 * scale), toggle: Math.round(200 * scale) },
  conc: { list: Math.round(320 * scale), toggle: Math.round(800 * scale) },
};
const WARMUP = { list: 150, toggle: 300 };
// In-process mode (no sockets): calls per client per round, and its own, finer interleaving.
const OVERHEAD = { rounds: 8, list: Math.round(150 * scale), toggle: Math.round(400 * scale) };
const HARD_LIMIT_MS = 8 * 60_000; // the bench stops itself whatever happens
setTimeout(() => {
  console.error(`bench: still running after ${HARD_LIMIT_MS / 60_000} minutes, giving up`);
  process.exit(2);
}, HARD_LIMIT_MS).unref();

// gc() between batches (not inside them), so every batch starts from a clean heap.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc");

const log = (...a) => console.error(...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---------------------------------------------------------------- server
async function startServer() {
  // execArgv: [] so flags given to this process (--cpu-prof, --inspect …) don't apply to the server.
  const child = fork(path.join(here, "server.mjs"), [], { execArgv: [], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const ready = await new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error("server did not start in 30 s")), 30_000);
    child.once("message", (m) => {
      clearTimeout(t);
      resolve(m);
    });
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
  const stats = () =>
    new Promise((resolve) => {
      child.once("message", resolve);
      child.send({ type: "stats" });
    });
  const stop = () =>
    new Promise((resolve) => {
      child.once("exit", resolve);
      child.send({ type: "stop" });
    });
  return { ...ready, child, stats, stop };
}

// ---------------------------------------------------------------- clients
async function makeClients(baseUrl) {
  const { createChatwootClient } = fromSrc ? await import("../src/index.ts") : await import("../dist/index.js");
  const { default: createClient } = await import("openapi-fetch");
  const { default: axios } = await import("axios");
  const listUrl = `${baseUrl}/api/v1/accounts/${ACCOUNT_ID}/conversations`;
  const headers = { api_access_token: TOKEN, accept: "application/json" };
  const postHeaders = { ...headers, "content-type": "application/json" };
  const fail = (what, status) => {
    throw new Error(`${what}: HTTP ${status}`);
  };

  /** @type {import("openapi-fetch").Client<import("../src/generated/schema.js").paths>} */
  const api = createClient({ baseUrl, headers: { api_access_token: TOKEN } });
  const chatwoot = createChatwootClient({ baseUrl, apiAccessToken: TOKEN, accountId: ACCOUNT_ID });
  // What the npm Chatwoot wrappers do: an axios instance with the token as a default header.
  const ax = axios.create({ baseURL: baseUrl, headers });

  const extra = {};
  for (const file of alts) {
    const mod = await import(path.resolve(file));
    const alt = mod.createChatwootClient({ baseUrl, apiAccessToken: TOKEN, accountId: ACCOUNT_ID });
    extra[`alt:${path.basename(file, ".js")}`] = {
      label: `alt build ${path.relative(root, path.resolve(file))}`,
      list: (page) => alt.conversations.list({ page }),
      toggle: (id) => alt.conversations.toggleStatus(id, { status: "resolved" }),
    };
  }

  // Every client returns the same thing: the unwrapped payload ({meta,payload} for list, the result for toggle).
  return {
    ...extra,
    fetch: {
      label: "raw fetch + json()",
      async list(page) {
        const res = await fetch(`${listUrl}?page=${page}`, { headers });
        if (!res.ok) fail("list", res.status);
        return (await res.json()).data;
      },
      async toggle(id) {
        const res = await fetch(`${listUrl}/${id}/toggle_status`, {
          method: "POST",
          headers: postHeaders,
          body: JSON.stringify({ status: "resolved" }),
        });
        if (!res.ok) fail("toggle", res.status);
        return (await res.json()).payload;
      },
    },
    "openapi-fetch": {
      label: "openapi-fetch (createClient<paths>)",
      async list(page) {
        const { data, response } = await api.GET("/api/v1/accounts/{account_id}/conversations", {
          params: { path: { account_id: ACCOUNT_ID }, query: { page } },
        });
        if (!data) fail("list", response.status);
        return data.data;
      },
      async toggle(id) {
        const { data, response } = await api.POST("/api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_status", {
          params: { path: { account_id: ACCOUNT_ID, conversation_id: id } },
          body: { status: "resolved" },
        });
        if (!data) fail("toggle", response.status);
        return data.payload;
      },
    },
    client: {
      label: `this client (${fromSrc ? "src via tsx" : "dist/index.js"})`,
      list: (page) => chatwoot.conversations.list({ page }),
      toggle: (id) => chatwoot.conversations.toggleStatus(id, { status: "resolved" }),
    },
    axios: {
      label: `axios ${axios.VERSION} instance`,
      async list(page) {
        const res = await ax.get(`/api/v1/accounts/${ACCOUNT_ID}/conversations`, { params: { page } });
        return res.data.data;
      },
      async toggle(id) {
        const res = await ax.post(`/api/v1/accounts/${ACCOUNT_ID}/conversations/${id}/toggle_status`, { status: "resolved" });
        return res.data.payload;
      },
    },
  };
}

/** Same answers from every client, or the comparison means nothing. */
async function checkClients(clients) {
  for (const [name, c] of Object.entries(clients)) {
    const page = await c.list(3);
    if (page?.payload?.length !== 25 || page.payload[0].id !== 51 || page.meta?.all_count !== 10_000) {
      throw new Error(`${name}: list(3) returned an unexpected shape`);
    }
    const t = await c.toggle(42);
    if (t?.conversation_id !== 42 || t.current_status !== "resolved" || t.success !== true) {
      throw new Error(`${name}: toggle(42) returned an unexpected shape`);
    }
  }
}

// ---------------------------------------------------------------- measuring
// i-th request of a batch: page (i mod 400) + 1, conversation id i + 1. The same sequence for every client.
const call = (c, endpoint, i) => (endpoint === "list" ? c.list((i % 400) + 1) : c.toggle((i % 10_000) + 1));

async function sequential(c, endpoint, n) {
  const lat = new Float64Array(n);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await call(c, endpoint, i);
    lat[i] = performance.now() - s;
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { lat, wallMs, cpuUs: (cpu.user + cpu.system) / n };
}

async function concurrent(c, endpoint, n) {
  let next = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: INFLIGHT }, async () => {
      while (next < n) await call(c, endpoint, next++);
    }),
  );
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { rps: n / (wallMs / 1000), wallMs, cpuUs: (cpu.user + cpu.system) / n };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

async function httpBench(clients) {
  const names = only.filter((n) => clients[n]);
  // warm-up: JIT, sockets, connection pools (16 sockets for the concurrent mode)
  for (const name of names) {
    for (const endpoint of endpoints) {
      for (let i = 0; i < WARMUP[endpoint]; i++) await call(clients[name], endpoint, i);
      if (modes.includes("conc")) await concurrent(clients[name], endpoint, INFLIGHT * 10);
    }
  }
  const results = {}; // results[mode][endpoint][name] = [{...per round}]
  for (const mode of netModes) {
    results[mode] = {};
    for (const endpoint of endpoints) {
      results[mode][endpoint] = Object.fromEntries(names.map((n) => [n, []]));
    }
  }
  const t0 = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const mode of netModes) {
      for (const endpoint of endpoints) {
        for (const name of order) {
          gc();
          await sleep(5);
          const n = SIZES[mode][endpoint];
          const r = mode === "seq" ? await sequential(clients[name], endpoint, n) : await concurrent(clients[name], endpoint, n);
          results[mode][endpoint][name].push(r);
        }
      }
    }
    log(`  round ${round + 1}/${ROUNDS} done (${((performance.now() - t0) / 1000).toFixed(1)} s), order: ${order.join(", ")}`);
  }
  return summarize(results, names);
}

function summarize(results, names) {
  const out = {};
  for (const [mode, byEndpoint] of Object.entries(results)) {
    out[mode] = {};
    for (const [endpoint, byName] of Object.entries(byEndpoint)) {
      out[mode][endpoint] = {};
      for (const name of names) {
        const rounds = byName[name];
        if (mode === "seq") {
          const all = rounds.flatMap((r) => [...r.lat]);
          out[mode][endpoint][name] = {
            p50: median(all),
            p90: quantile(all, 0.9),
            roundMeans: rounds.map((r) => r.wallMs / r.lat.length),
            cpuUs: median(rounds.map((r) => r.cpuUs)),
            n: all.length,
          };
        } else {
          out[mode][endpoint][name] = {
            rps: median(rounds.map((r) => r.rps)),
            rpsMin: Math.min(...rounds.map((r) => r.rps)),
            rpsMax: Math.max(...rounds.map((r) => r.rps)),
            cpuUs: median(rounds.map((r) => r.cpuUs)),
            n: rounds.reduce((a, r) => a + Math.round((r.rps * r.wallMs) / 1000), 0),
          };
        }
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- overhead (in process, no sockets)
// The same four clients, each given a fake fetch that answers from memory with a
// fresh Response (same bytes and headers as bench/server.mjs). What is left is
// each client's own JavaScript cost on top of building a Response and parsing it:
// the number the network modes cannot show on a busy 2-core machine, where
// syscalls and the scheduler add noise larger than the differences.
function fakeFetch() {
  const pages = Array.from({ length: 16 }, (_, i) => Buffer.from(JSON.stringify(listBody(i + 1))));
  const headers = (len) => ({
    "content-type": "application/json; charset=utf-8",
    "content-length": String(len),
    "cache-control": "max-age=0, private, must-revalidate",
    etag: 'W/"0123456789abcdef"',
    "x-request-id": "bench",
    "x-runtime": "0.004",
    vary: "Accept, Origin",
  });
  return async function fetch(input, init) {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const toggle = /\/conversations\/(\d+)\/toggle_status/.exec(url);
    if (toggle) {
      const body = Buffer.from(JSON.stringify(toggleBody(Number(toggle[1]), "resolved")));
      return new Response(body, { status: 200, headers: headers(body.length) });
    }
    const page = Number(/[?&]page=(\d+)/.exec(url)?.[1] ?? 1);
    const body = pages[(page - 1) % pages.length];
    return new Response(body, { status: 200, headers: headers(body.length) });
  };
}

async function makeOverheadClients(baseUrl) {
  const fake = fakeFetch();
  const { createChatwootClient } = fromSrc ? await import("../src/index.ts") : await import("../dist/index.js");
  const { default: createClient } = await import("openapi-fetch");
  const { default: axios } = await import("axios");
  const listUrl = `${baseUrl}/api/v1/accounts/${ACCOUNT_ID}/conversations`;
  const headers = { api_access_token: TOKEN, accept: "application/json" };
  /** @type {import("openapi-fetch").Client<import("../src/generated/schema.js").paths>} */
  const api = createClient({ baseUrl, headers: { api_access_token: TOKEN }, fetch: fake });
  const chatwoot = createChatwootClient({ baseUrl, apiAccessToken: TOKEN, accountId: ACCOUNT_ID, fetch: fake });
  // axios's own fetch adapter is the only way to hand it a fetch; its default (node:http) adapter can't skip sockets.
  const ax = axios.create({ baseURL: baseUrl, headers, adapter: "fetch", env: { fetch: fake } });
  const clients = {
    fetch: {
      list: async (page) => (await (await fake(`${listUrl}?page=${page}`, { headers })).json()).data,
      toggle: async (id) =>
        (await (await fake(`${listUrl}/${id}/toggle_status`, { method: "POST", headers, body: JSON.stringify({ status: "resolved" }) })).json()).payload,
    },
    "openapi-fetch": {
      list: async (page) =>
        (await api.GET("/api/v1/accounts/{account_id}/conversations", { params: { path: { account_id: ACCOUNT_ID }, query: { page } } })).data.data,
      toggle: async (id) =>
        (
          await api.POST("/api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_status", {
            params: { path: { account_id: ACCOUNT_ID, conversation_id: id } },
            body: { status: "resolved" },
          })
        ).data.payload,
    },
    client: {
      list: (page) => chatwoot.conversations.list({ page }),
      toggle: (id) => chatwoot.conversations.toggleStatus(id, { status: "resolved" }),
    },
    axios: {
      list: async (page) => (await ax.get(`/api/v1/accounts/${ACCOUNT_ID}/conversations`, { params: { page } })).data.data,
      toggle: async (id) => (await ax.post(`/api/v1/accounts/${ACCOUNT_ID}/conversations/${id}/toggle_status`, { status: "resolved" })).data.payload,
    },
  };
  for (const file of alts) {
    const mod = await import(path.resolve(file));
    const alt = mod.createChatwootClient({ baseUrl, apiAccessToken: TOKEN, accountId: ACCOUNT_ID, fetch: fake });
    clients[`alt:${path.basename(file, ".js")}`] = {
      list: (page) => alt.conversations.list({ page }),
      toggle: (id) => alt.conversations.toggleStatus(id, { status: "resolved" }),
    };
  }
  return clients;
}

async function overheadBench(baseUrl) {
  const clients = await makeOverheadClients(baseUrl);
  await checkClients(clients);
  const names = only.filter((n) => clients[n]);
  for (const name of names) for (const endpoint of endpoints) for (let i = 0; i < 300; i++) await call(clients[name], endpoint, i);
  const per = Object.fromEntries(endpoints.map((e) => [e, Object.fromEntries(names.map((n) => [n, []]))]));
  for (let round = 0; round < OVERHEAD.rounds; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]);
    for (const endpoint of endpoints) {
      for (const name of order) {
        gc();
        const r = await sequential(clients[name], endpoint, OVERHEAD[endpoint]);
        per[endpoint][name].push({ us: (r.wallMs * 1000) / r.lat.length, cpuUs: r.cpuUs });
      }
    }
  }
  const out = {};
  for (const endpoint of endpoints) {
    out[endpoint] = {};
    for (const name of names) {
      const rounds = per[endpoint][name];
      out[endpoint][name] = { us: median(rounds.map((r) => r.us)), cpuUs: median(rounds.map((r) => r.cpuUs)), rounds: rounds.map((r) => r.us) };
    }
  }
  return out;
}

// ---------------------------------------------------------------- memory (child process, --expose-gc)
function memoryBench(port) {
  const r = spawnSync(process.execPath, ["--expose-gc", path.join(here, "memory.mjs"), String(port), fromSrc ? "--src" : ""], {
    cwd: root,
    encoding: "utf8",
    timeout: 120_000,
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (r.status !== 0) throw new Error(`memory bench failed (${r.status ?? r.signal})`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1));
}

// ---------------------------------------------------------------- pipeline (child processes)
// The exact `npm run …` commands, but in a scratch copy of the project (package.json,
// redocly.yaml, openapi/, scripts/, src/generated/, node_modules as a symlink): `bundle`
// rewrites dist/openapi.* (which tests and the mock server read) and `generate` rewrites
// src/generated/, and the bench must not touch either in the working tree while others work.
function pipelineBench() {
  const scripts = ["lint:spec", "bundle", "generate"];
  const times = Object.fromEntries(scripts.map((s) => [s, []]));
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "chatwoot-bench-pipeline-"));
  try {
    for (const item of ["package.json", "redocly.yaml", "openapi", "scripts", path.join("src", "generated")]) {
      fs.cpSync(path.join(root, item), path.join(scratch, item), { recursive: true });
    }
    fs.mkdirSync(path.join(scratch, "dist"), { recursive: true });
    fs.symlinkSync(path.join(root, "node_modules"), path.join(scratch, "node_modules"), "dir");
    for (let i = 0; i < 3; i++) {
      for (const script of scripts) {
        const t = performance.now();
        const r = spawnSync("npm", ["run", "-s", script], { cwd: scratch, encoding: "utf8", timeout: 120_000 });
        const ms = performance.now() - t;
        if (r.status !== 0) throw new Error(`npm run ${script} failed:\n${r.stdout}\n${r.stderr}`);
        times[script].push(ms);
        log(`  npm run ${script}: ${(ms / 1000).toFixed(2)} s`);
      }
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const med = Object.fromEntries(scripts.map((s) => [s, median(times[s])]));
  // what bundle and generate are made of: one redocly start-up, and one `redocly bundle`
  const probe = (args) => {
    const t = performance.now();
    const r = spawnSync(path.join(root, "node_modules", ".bin", "redocly"), args, { cwd: root, encoding: "utf8", timeout: 60_000 });
    if (r.status !== 0) throw new Error(`redocly ${args.join(" ")} failed`);
    return performance.now() - t;
  };
  const parts = {
    redoclyVersion: probe(["--version"]),
    redoclyBundleOnce: probe(["bundle", "openapi/openapi.yaml", "--output", path.join(os.tmpdir(), `bench-bundle-${process.pid}.json`)]),
  };
  fs.rmSync(path.join(os.tmpdir(), `bench-bundle-${process.pid}.json`), { force: true });
  return { times, med, sum: scripts.reduce((a, s) => a + med[s], 0), parts };
}

// ---------------------------------------------------------------- report
const fmt = (x, d = 2) => (x === undefined || Number.isNaN(x) ? "–" : x.toFixed(d));
const ratio = (x, base) => `${(x / base).toFixed(2)}×`;
const signed = (x, d = 0) => (Number.isNaN(x) || x === undefined ? "–" : `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(d)}`);
const pct = (x, base) => `${x >= base ? "+" : ""}${(((x - base) / base) * 100).toFixed(0)}%`;

function machine() {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    model: cpus[0]?.model?.trim() ?? "unknown",
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    memGiB: (os.totalmem() / 2 ** 30).toFixed(0),
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
  };
}

function httpTables(http, labels) {
  const lines = [];
  const names = Object.keys(http.seq?.list ?? http.seq?.toggle ?? http.conc?.list ?? http.conc?.toggle ?? {});
  if (http.seq) {
    lines.push("### Sequential (one request at a time): latency and client CPU per request", "");
    lines.push("| endpoint | client | p50 latency (ms) | p90 (ms) | vs raw fetch (p50) | client CPU / request (µs) | vs raw fetch (CPU) | requests |");
    lines.push("|---|---|---:|---:|---:|---:|---:|---:|");
    for (const [endpoint, byName] of Object.entries(http.seq)) {
      const base = byName.fetch;
      for (const name of names) {
        const r = byName[name];
        lines.push(
          `| ${endpoint === "list" ? "`conversations.list` (GET, 25 conv., " + pageKb + " kB)" : "`toggleStatus` (POST)"} | ${labels[name]} | ${fmt(r.p50, 3)} | ${fmt(r.p90, 3)} | ${base ? `${ratio(r.p50, base.p50)} (${pct(r.p50, base.p50)})` : "–"} | ${fmt(r.cpuUs, 0)} | ${base ? ratio(r.cpuUs, base.cpuUs) : "–"} | ${r.n} |`,
        );
      }
    }
    lines.push("");
  }
  if (http.conc) {
    lines.push(`### ${INFLIGHT} requests in flight: throughput`, "");
    lines.push("| endpoint | client | req/s (median of rounds) | min–max | vs raw fetch | client CPU / request (µs) | requests |");
    lines.push("|---|---|---:|---:|---:|---:|---:|");
    for (const [endpoint, byName] of Object.entries(http.conc)) {
      const base = byName.fetch;
      for (const name of names) {
        const r = byName[name];
        lines.push(
          `| ${endpoint === "list" ? "`conversations.list`" : "`toggleStatus`"} | ${labels[name]} | ${fmt(r.rps, 0)} | ${fmt(r.rpsMin, 0)}–${fmt(r.rpsMax, 0)} | ${base ? `${ratio(r.rps, base.rps)} (${pct(r.rps, base.rps)})` : "–"} | ${fmt(r.cpuUs, 0)} | ${r.n} |`,
        );
      }
    }
    lines.push("");
  }
  return lines;
}

let pageKb = "?";

// ---------------------------------------------------------------- main
async function main() {
  const started = performance.now();
  const server = await startServer();
  pageKb = (server.pageBytes / 1024).toFixed(0);
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
    const clients = await makeClients(baseUrl);
    await checkClients(clients);
    labels = Object.fromEntries(Object.entries(clients).map(([k, v]) => [k, v.label]));
    if (!skip.includes("http") && netModes.length > 0) {
      log(`bench: HTTP, ${ROUNDS} rounds, modes ${modes.join("+")}, endpoints ${endpoints.join("+")}, clients ${only.join(", ")}`);
      http = await phase("HTTP (sequential + 16 in flight)", () => httpBench(clients));
      http.labels = labels;
      for (const line of httpTables(http, labels)) console.log(line);
    }
    if (modes.includes("overhead")) {
      log(`bench: in-process overhead (fake fetch, ${OVERHEAD.rounds} rounds)`);
      overhead = await phase("in-process overhead", () => overheadBench(baseUrl));
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
  const totalS = (performance.now() - started) / 1000;
  log(`bench: done in ${totalS.toFixed(0)} s (server answered ${served?.list} list, ${served?.toggle} toggle, ${served?.rejected} rejected)`);
  const load = { before: loadBefore, after: os.loadavg() };
  log(`bench: phases ${Object.entries(phases).map(([k, v]) => `${k} ${v.toFixed(0)} s`).join(", ")}`);
  if (write) writeReports({ http, overhead, labels, memory, pipeline, totalS, served, load, phases, pageBytes: server.pageBytes });
}

function writeReports({ http, overhead, labels, memory, pipeline, totalS, served, load, phases, pageBytes }) {
  const m = machine();
  const L = [];
  L.push("# Benchmarks: what the client costs per request", "");
  L.push(`- Command: \`npm run bench\` (= \`npm run -s build && node bench/run.mjs\`), client loaded from \`${fromSrc ? "src/index.ts (tsx)" : "dist/index.js"}\``);
  L.push(`- Machine: ${m.cores} cores (os.cpus().length), ${m.model}, ${m.memGiB} GiB, ${m.platform}`);
  L.push(`- Node ${m.node}; date ${m.date}; bench wall time ${totalS.toFixed(0)} s without the build (${Object.entries(phases).map(([k, v]) => `${k} ${v.toFixed(0)} s`).join(", ")})`);
  L.push(
    `- Load average (1/5/15 min) before: ${load.before.map((x) => x.toFixed(2)).join(" / ")}, after: ${load.after.map((x) => x.toFixed(2)).join(" / ")}${Math.max(load.before[0], load.after[0]) > m.cores * 0.75 ? ` — **the machine was busy with other work** (load above ${m.cores} cores means runnable processes waited): latency and req/s carry that noise; the CPU-per-request columns and the in-process overhead table are the steadier comparisons` : ""}`,
  );
  L.push(
    `- Server: bench/server.mjs, node:http on 127.0.0.1 in a child process; list page = 25 real-shaped conversations, ${pageBytes} bytes of JSON (~${(pageBytes / 25 / 1024).toFixed(1)} kB each); toggle_status answer ~110 bytes. Served ${served?.list ?? "?"} list and ${served?.toggle ?? "?"} toggle requests, ${served?.rejected ?? "?"} rejected.`,
  );
  L.push(
    `- Method: all clients (see the tables) in one process, ${ROUNDS} interleaved rounds (order rotates each round), gc between batches, after a warm-up. Sequential: ${SIZES.seq.list} list / ${SIZES.seq.toggle} toggle requests per client per round; CPU = process.cpuUsage() delta of the batch ÷ requests (the server's CPU is in its own process). Concurrent: ${INFLIGHT} in flight, ${SIZES.conc.list} list / ${SIZES.conc.toggle} toggle requests per client per round, median req/s of the rounds.`,
    "",
  );
  if (http) {
    const s = http.seq, c = http.conc;
    L.push("## Targets", "");
    L.push("| target | measured | met? |", "|---|---|---|");
    for (const endpoint of Object.keys(s ?? {})) {
      const base = s[endpoint].fetch, me = s[endpoint].client;
      if (!base || !me) continue;
      L.push(`| sequential \`${endpoint}\` within 10% of raw fetch (p50 latency) | ${fmt(me.p50, 3)} vs ${fmt(base.p50, 3)} ms (${pct(me.p50, base.p50)}); CPU ${fmt(me.cpuUs, 0)} vs ${fmt(base.cpuUs, 0)} µs (${pct(me.cpuUs, base.cpuUs)}) | ${me.p50 <= base.p50 * 1.1 ? "yes" : "**no**"} |`);
    }
    for (const endpoint of Object.keys(c ?? {})) {
      const base = c[endpoint].fetch, me = c[endpoint].client;
      if (!base || !me) continue;
      L.push(`| ${INFLIGHT} in flight \`${endpoint}\` within 10% of raw fetch (req/s) | ${fmt(me.rps, 0)} vs ${fmt(base.rps, 0)} req/s (${pct(me.rps, base.rps)}) | ${me.rps >= base.rps * 0.9 ? "yes" : "**no**"} |`);
    }
    for (const mode of ["seq", "conc"]) {
      for (const endpoint of Object.keys(http[mode] ?? {})) {
        const ax = http[mode][endpoint].axios, me = http[mode][endpoint].client;
        if (!ax || !me) continue;
        const faster = mode === "seq" ? me.p50 < ax.p50 : me.rps > ax.rps;
        const what = mode === "seq" ? `${fmt(me.p50, 3)} vs ${fmt(ax.p50, 3)} ms; CPU ${fmt(me.cpuUs, 0)} vs ${fmt(ax.cpuUs, 0)} µs` : `${fmt(me.rps, 0)} vs ${fmt(ax.rps, 0)} req/s`;
        L.push(`| faster than axios (${mode === "seq" ? "sequential" : `${INFLIGHT} in flight`} \`${endpoint}\`) | ${what} | ${faster ? "yes" : "**no**"} |`);
      }
    }
    for (const endpoint of Object.keys(overhead ?? {})) {
      const base = overhead[endpoint].fetch, me = overhead[endpoint].client;
      if (!base || !me) continue;
      L.push(`| in-process overhead \`${endpoint}\` (no sockets) within 10% of fetch + json() | ${fmt(me.us, 1)} vs ${fmt(base.us, 1)} µs per call (${pct(me.us, base.us)}, +${fmt(me.us - base.us, 0)} µs) | ${me.us <= base.us * 1.1 ? "yes" : "**no**"} |`);
    }
    if (pipeline) {
      L.push(`| lint:spec + bundle + generate under 5 s | ${fmt(pipeline.sum / 1000)} s | ${pipeline.sum < 5000 ? "yes" : "**no**"} |`);
    }
    if (memory) {
      const it = memory.iterate;
      const growth = it.retainedLast - it.retainedFirst;
      const ok = growth < memory.onePage.parsedBytes;
      L.push(
        `| iterate stays about one page in memory (no growth beyond a page over the walk) | one page = ${kb(memory.onePage.parsedBytes)}; retained at page 1 ${kb(it.retainedFirst)}, at page 400 ${kb(it.retainedLast)} (+${kb(growth)}, ≈ ${fmt(growth / it.items, 0)} B per conversation walked); a finished iterator still holds ${kb(it.endRetainedWithIterator - it.endRetained)} | ${ok ? "yes" : `**no**: the retained heap grows by ${kb(growth)} over 400 pages, though the iterator holds one page and a bitset of ids (${kb(Math.ceil(it.items / 8))} for ${it.items} ids)`} |`,
      );
    }
    L.push("");
    L.push(...beforeAfter(http, overhead));
    L.push("## Per request", "");
    L.push(...httpTables(http, http.labels));
  }
  if (overhead) L.push(...overheadTable(overhead, labels, true));
  if (memory) L.push(...memoryTables(memory));
  if (pipeline) {
    L.push("## Spec pipeline (child processes, median of 3)", "");
    L.push("| command | median (s) | runs (s) |", "|---|---:|---|");
    for (const [script, med] of Object.entries(pipeline.med)) {
      L.push(`| \`npm run ${script}\` | ${fmt(med / 1000)} | ${pipeline.times[script].map((t) => fmt(t / 1000)).join(", ")} |`);
    }
    L.push(`| **sum** | **${fmt(pipeline.sum / 1000)}** | |`, "");
    L.push(
      `Run in a scratch copy of the project (so dist/ and src/generated/ of the working tree are left alone). For scale: starting the redocly CLI (\`redocly --version\`) takes ${fmt(pipeline.parts.redoclyVersion / 1000)} s and one \`redocly bundle\` ${fmt(pipeline.parts.redoclyBundleOnce / 1000)} s; \`bundle\` runs redocly once (to YAML; scripts/bundle.mjs re-serializes that as the JSON), \`generate\` runs that same bundle again before openapi-typescript.`,
      "",
    );
  }
  L.push("## Raw data", "", "`bench/results.json` holds every number above (per-round values included). Where the time goes, and what would fix it: [PROFILE.md](PROFILE.md).", "");
  fs.writeFileSync(path.join(here, "RESULTS.md"), L.join("\n"));
  fs.writeFileSync(path.join(here, "results.json"), JSON.stringify({ machine: m, load, http, overhead, memory, pipeline, served, pageBytes }, null, 2));
  fs.writeFileSync(path.join(here, "SUMMARY.md"), summary({ http, overhead, memory, pipeline, m }));
  log("bench: wrote bench/RESULTS.md, bench/SUMMARY.md, bench/results.json");
}

function overheadTable(overhead, labels, long = false) {
  const L = ["### In process, no sockets: each client's own cost (fake fetch answering from memory)", ""];
  if (long) {
    L.push(
      `Every client gets the same in-memory \`fetch\` that returns a fresh \`Response\` with the server's bytes and headers (axios through its \`fetch\` adapter, the only way to hand it one). ${OVERHEAD.rounds} interleaved rounds of ${OVERHEAD.list} list / ${OVERHEAD.toggle} toggle calls; median of the rounds' mean time per call. The floor (fetch + json()) includes building the Response and JSON.parse; "extra" is what a client adds on top.`,
      "",
    );
  }
  L.push("| endpoint | client | µs per call | vs fetch + json() | extra µs per call | CPU µs per call |", "|---|---|---:|---:|---:|---:|");
  for (const [endpoint, byName] of Object.entries(overhead)) {
    const base = byName.fetch;
    for (const [name, r] of Object.entries(byName)) {
      const label = name === "axios" ? "axios (fetch adapter)" : labels?.[name] ?? name;
      L.push(`| ${endpoint === "list" ? "`conversations.list` (25 conv.)" : "`toggleStatus`"} | ${label} | ${fmt(r.us, 1)} | ${base ? `${ratio(r.us, base.us)} (${pct(r.us, base.us)})` : "–"} | ${base ? fmt(r.us - base.us, 0) : "–"} | ${fmt(r.cpuUs, 1)} |`);
    }
  }
  L.push("");
  return L;
}

const kb = (bytes) => (Math.abs(bytes) >= 1024 * 1024 ? `${(bytes / 2 ** 20).toFixed(2)} MB` : `${(bytes / 1024).toFixed(0)} kB`);

function memoryTables(mem) {
  const L = ["## Memory: iterating 10,000 conversations (400 pages)", ""];
  L.push(`Child process \`node --expose-gc bench/memory.mjs\`; heap = \`process.memoryUsage().heapUsed\` minus the value after a gc() right before the walk.`, "");
  L.push("| what | peak heap growth, sampled after every item (includes garbage not yet collected) | retained after gc(), sampled at every page (collect: every 20th) | at the end, after gc() | time (s) |");
  L.push("|---|---:|---:|---:|---:|");
  const it = mem.iterate, all = mem.collect;
  L.push(`| \`for await (const c of conversations.iterate())\` | ${kb(it.sampledPeak)} | ${kb(it.retainedPeak)} (first page ${kb(it.retainedFirst)}, last page ${kb(it.retainedLast)}) | ${kb(it.endRetained)} (iterator still referenced: ${kb(it.endRetainedWithIterator)}) | ${fmt(it.seconds)} |`);
  L.push(`| collect everything into an array | ${kb(all.sampledPeak)} | ${kb(all.retainedPeak)} | ${kb(all.endRetained)} | ${fmt(all.seconds)} |`);
  L.push("");
  L.push(`- One page's parsed objects (25 conversations, \`JSON.parse\` of ${mem.onePage.jsonBytes} bytes): **${kb(mem.onePage.parsedBytes)}** of heap; 10,000 conversations collected: ${kb(all.endRetained)} (${fmt(all.endRetained / mem.onePage.parsedBytes, 0)} pages' worth).`);
  L.push(`- Walked ${it.items} items in ${it.pages} pages; ids unique: ${it.unique}. The retained heap grows from the first to the last page by ${kb(it.retainedLast - it.retainedFirst)} (≈ ${fmt((it.retainedLast - it.retainedFirst) / it.items, 0)} bytes per conversation walked).`);
  L.push(`- Peak \`arrayBuffers\` (response bodies, outside the JS heap): iterate ${kb(it.arrayBuffersPeak)}, collect ${kb(all.arrayBuffersPeak)}.`, "");
  return L;
}

// With `--alt=bench/baseline/before.js` (the build from before the hot-path rework) in the
// run, the old and the new client are measured side by side in the same rounds.
const BEFORE = "alt:before";

function beforeAfter(http, overhead) {
  const rows = [];
  const add = (what, before, after, unit, digits, better) => {
    if (before === undefined || after === undefined) return;
    const change = ((after - before) / before) * 100;
    rows.push(`| ${what} | ${fmt(before, digits)} ${unit} | ${fmt(after, digits)} ${unit} | ${change >= 0 ? "+" : ""}${change.toFixed(0)}% (${better(after, before) ? "better" : "worse"}) |`);
  };
  const lower = (a, b) => a < b;
  const higher = (a, b) => a > b;
  for (const endpoint of ["list", "toggle"]) {
    const seq = http?.seq?.[endpoint], conc = http?.conc?.[endpoint], ov = overhead?.[endpoint];
    add(`sequential \`${endpoint}\` p50`, seq?.[BEFORE]?.p50, seq?.client?.p50, "ms", 3, lower);
    add(`sequential \`${endpoint}\` CPU per request`, seq?.[BEFORE]?.cpuUs, seq?.client?.cpuUs, "µs", 0, lower);
    add(`${INFLIGHT} in flight \`${endpoint}\``, conc?.[BEFORE]?.rps, conc?.client?.rps, "req/s", 0, higher);
    if (ov?.[BEFORE] && ov.client && ov.fetch) {
      add(`no sockets \`${endpoint}\`: extra over fetch + json()`, ov[BEFORE].us - ov.fetch.us, ov.client.us - ov.fetch.us, "µs", 0, lower);
    }
  }
  if (rows.length === 0) return [];
  return [
    "## Before → after (same run)",
    "",
    "`alt build bench/baseline/before.js` is dist/index.js as built before the hot-path rework; `this client` is the current build. Both ran in the same interleaved rounds.",
    "",
    "| measure | before | after | change |",
    "|---|---:|---:|---|",
    ...rows,
    "",
  ];
}

function summary({ http, overhead, memory, pipeline, m }) {
  const L = [`**Performance** (\`npm run bench\`: ${m.cores} cores ${m.model}, Node ${m.node}, ${m.date.slice(0, 10)}; fake Chatwoot on loopback, a list page = 25 real-shaped conversations, ${pageKb} kB):`, ""];
  const s = http?.seq, c = http?.conc, o = overhead;
  if (s?.list?.client) {
    L.push(`- \`conversations.list\`, one at a time: ${fmt(s.list.client.p50, 2)} ms p50 (raw \`fetch\`+\`json()\` ${fmt(s.list.fetch.p50, 2)} ms, openapi-fetch ${fmt(s.list["openapi-fetch"]?.p50, 2)} ms, axios ${fmt(s.list.axios?.p50, 2)} ms); client CPU ${fmt(s.list.client.cpuUs, 0)} µs per request vs ${fmt(s.list.fetch.cpuUs, 0)} µs for raw fetch.`);
  }
  if (s?.toggle?.client) {
    L.push(`- \`conversations.toggleStatus\`, one at a time: ${fmt(s.toggle.client.p50, 2)} ms p50 (raw fetch ${fmt(s.toggle.fetch.p50, 2)} ms, openapi-fetch ${fmt(s.toggle["openapi-fetch"]?.p50, 2)} ms, axios ${fmt(s.toggle.axios?.p50, 2)} ms).`);
  }
  if (c?.list?.client) {
    L.push(`- 16 in flight: list ${fmt(c.list.client.rps, 0)} req/s (raw fetch ${fmt(c.list.fetch.rps, 0)}, axios ${fmt(c.list.axios?.rps, 0)}); toggle ${fmt(c.toggle?.client?.rps, 0)} req/s (raw fetch ${fmt(c.toggle?.fetch?.rps, 0)}, axios ${fmt(c.toggle?.axios?.rps, 0)}).`);
  }
  if (o?.list?.client) {
    L.push(`- The client's own cost, measured without sockets: ${signed(o.list.client.us - o.list.fetch.us)} µs per list call and ${signed(o.toggle?.client?.us - o.toggle?.fetch?.us)} µs per toggle over \`fetch\`+\`json()\` (openapi-fetch alone: ${signed(o.list["openapi-fetch"]?.us - o.list.fetch.us)} / ${signed(o.toggle?.["openapi-fetch"]?.us - o.toggle?.fetch?.us)} µs).`);
  }
  if (memory) {
    L.push(`- \`conversations.iterate()\` over 10,000 conversations (400 pages): retained heap ${kb(memory.iterate.retainedFirst)} at page 1, ${kb(memory.iterate.retainedLast)} at page 400, at most ${kb(memory.iterate.retainedPeak)} at any page (one page of parsed conversations is ${kb(memory.onePage.parsedBytes)}; the ids already yielded are a bitset, ${kb(Math.ceil(memory.iterate.items / 8))}); collecting them all into an array holds ${kb(memory.collect.endRetained)}.`);
  }
  if (pipeline) {
    L.push(`- Spec pipeline: \`lint:spec\` ${fmt(pipeline.med["lint:spec"] / 1000, 1)} s + \`bundle\` ${fmt(pipeline.med.bundle / 1000, 1)} s + \`generate\` ${fmt(pipeline.med.generate / 1000, 1)} s = ${fmt(pipeline.sum / 1000, 1)} s.`);
  }
  const s2 = http?.seq, c2 = http?.conc, o2 = overhead;
  if (s2?.list?.[BEFORE]) {
    const pair = (b, a, d, unit) => `${fmt(b, d)} → ${fmt(a, d)}${unit}`;
    L.push(
      `- Before → after (the pre-rework build, same run): sequential p50 list ${pair(s2.list[BEFORE].p50, s2.list.client.p50, 2, " ms")}, toggle ${pair(s2.toggle?.[BEFORE]?.p50, s2.toggle?.client?.p50, 2, " ms")}; CPU per request list ${pair(s2.list[BEFORE].cpuUs, s2.list.client.cpuUs, 0, " µs")}, toggle ${pair(s2.toggle?.[BEFORE]?.cpuUs, s2.toggle?.client?.cpuUs, 0, " µs")}; 16 in flight list ${pair(c2?.list?.[BEFORE]?.rps, c2?.list?.client?.rps, 0, " req/s")}, toggle ${pair(c2?.toggle?.[BEFORE]?.rps, c2?.toggle?.client?.rps, 0, " req/s")}; added cost without sockets list ${pair(o2?.list?.[BEFORE]?.us - o2?.list?.fetch?.us, o2?.list?.client?.us - o2?.list?.fetch?.us, 0, " µs")}, toggle ${pair(o2?.toggle?.[BEFORE]?.us - o2?.toggle?.fetch?.us, o2?.toggle?.client?.us - o2?.toggle?.fetch?.us, 0, " µs")}.`,
    );
  }
  L.push("", "Method, full tables and raw numbers: [bench/RESULTS.md](bench/RESULTS.md).", "");
  return L.join("\n");
}

await main();
