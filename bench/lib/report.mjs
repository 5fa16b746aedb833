// bench/RESULTS.md, bench/SUMMARY.md and bench/results.json from one run's numbers.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { INFLIGHT, OVERHEAD, ROUNDS, SIZES, fromSrc, here, log } from "./options.mjs";
import { beforeAfter, fmt, httpTables, kb, memoryTables, openapiFetchBase, overheadTable, pct, signed, vsOpenapiFetch } from "./tables.mjs";

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

export function writeReports({ http, overhead, labels, memory, pipeline, totalS, served, load, phases, pageBytes, before }) {
  const pageKb = (pageBytes / 1024).toFixed(0);
  const m = machine();
  const L = [];
  L.push("# Benchmarks: what the client costs per request", "");
  L.push(`- Command: \`npm run bench\` (= \`npm run -s build && node bench/run.mjs\`), client loaded from \`${fromSrc ? "src/index.ts (tsx)" : "dist/index.js"}\``);
  L.push(`- Machine: ${m.cores} cores (os.cpus().length), ${m.model}, ${m.memGiB} GiB, ${m.platform}`);
  L.push(`- Node ${m.node}; date ${m.date}; bench wall time ${totalS.toFixed(0)} s without the build (${Object.entries(phases).map(([k, v]) => `${k} ${v.toFixed(0)} s`).join(", ")})`);
  L.push(
    `- Load average (1/5/15 min) before: ${load.before.map((x) => x.toFixed(2)).join(" / ")}, after: ${load.after.map((x) => x.toFixed(2)).join(" / ")}${Math.max(load.before[0], load.after[0]) > m.cores * 0.75 ? ` — **the machine was busy with other work** (load above ${m.cores} cores means runnable processes waited): latency and req/s carry that noise; the A/A rows of the openapi-fetch comparison show how much` : ""}`,
  );
  L.push(
    `- Server: bench/server.mjs, node:http on 127.0.0.1 in a child process; list page = 25 real-shaped conversations, ${pageBytes} bytes of JSON (~${(pageBytes / 25 / 1024).toFixed(1)} kB each); toggle_status answer ~110 bytes. Served ${served?.list ?? "?"} list and ${served?.toggle ?? "?"} toggle requests, ${served?.rejected ?? "?"} rejected.`,
  );
  L.push(
    `- Method: all clients (see the tables) in one process, ${ROUNDS} rounds after a warm-up, gc() between batches. Sequential: ${SIZES.seq.list} list / ${SIZES.seq.toggle} toggle requests per client per round, the clients taking turns request by request in a new (seeded) random order each time; latency per request, CPU = process.cpuUsage() around each call (the server's CPU is in its own process). Concurrent: ${INFLIGHT} in flight, ${SIZES.conc.list} list / ${SIZES.conc.toggle} toggle requests per client per round, one batch per client in a new random order each round, req/s = all requests ÷ all batch time. openapi-fetch runs as two instances: their mean is the baseline of the "vs openapi-fetch" ratios, their difference the A/A control.`,
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
    // The openapi-fetch target is judged head to head (see vsOpenapiFetch) when that ran.
    const hs = http.headToHead?.seq ?? s, hc = http.headToHead?.conc ?? c;
    for (const endpoint of Object.keys(hs ?? {})) {
      const of = openapiFetchBase(hs[endpoint]), me = hs[endpoint].client;
      if (of && me) L.push(`| sequential \`${endpoint}\` within 5% of openapi-fetch used directly (p50 latency) | ×${(me.p50 / of.p50).toFixed(3)} (${fmt(me.p50, 3)} vs ${fmt(of.p50, 3)} ms) | ${me.p50 <= of.p50 * 1.05 ? "yes" : "**no**"} |`);
    }
    for (const endpoint of Object.keys(hc ?? {})) {
      const of = openapiFetchBase(hc[endpoint]), me = hc[endpoint].client;
      if (of && me) L.push(`| ${INFLIGHT} in flight \`${endpoint}\` within 5% of openapi-fetch used directly (cost = its req/s ÷ ours) | ×${(of.rps / me.rps).toFixed(3)} (${fmt(me.rps, 0)} vs ${fmt(of.rps, 0)} req/s) | ${of.rps <= me.rps * 1.05 ? "yes" : "**no**"} |`);
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
    L.push(...vsOpenapiFetch(http, overhead, ["client", ...Object.keys(labels).filter((n) => n.startsWith("alt:"))]));
    if (before) L.push(...beforeAfter(http, overhead, before, labels[before]));
    L.push("## Per request", "");
    L.push(...httpTables(http, http.labels, pageKb));
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
  fs.writeFileSync(path.join(here, "SUMMARY.md"), summary({ http, overhead, memory, pipeline, m, pageKb, before }));
  log("bench: wrote bench/RESULTS.md, bench/SUMMARY.md, bench/results.json");
}

function summary({ http, overhead, memory, pipeline, m, pageKb, before: BEFORE }) {
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
  if (s?.list?.["openapi-fetch"] && c?.list?.["openapi-fetch"]) {
    const x = (a, b) => `×${(a / b).toFixed(2)}`;
    const hs = http.headToHead?.seq ?? s, hc = http.headToHead?.conc ?? c;
    const of = (byName) => openapiFetchBase(byName) ?? {};
    const aa = (byName, get, invert = false) => (byName?.["openapi-fetch-aa"] ? `, A/A ${invert ? x(get(byName["openapi-fetch"]), get(byName["openapi-fetch-aa"])) : x(get(byName["openapi-fetch-aa"]), get(byName["openapi-fetch"]))}` : "");
    L.push(`- This client vs openapi-fetch used directly (cost ratio, 1.00 = the same; ${http.headToHead ? "head to head in a process of their own; " : ""}baseline = mean of two openapi-fetch instances, "A/A" = those two against each other): sequential p50 list ${x(hs.list.client.p50, of(hs.list).p50)}${aa(hs.list, (r) => r.p50)}, toggle ${x(hs.toggle?.client?.p50, of(hs.toggle).p50)}${aa(hs.toggle, (r) => r.p50)}; 16 in flight list ${x(of(hc.list).rps, hc.list.client.rps)}${aa(hc.list, (r) => r.rps, true)}, toggle ${x(of(hc.toggle).rps, hc.toggle?.client?.rps)}${aa(hc.toggle, (r) => r.rps, true)}.${http.headToHead ? ` In the rounds with every client: list ×${(s.list.client.p50 / of(s.list).p50).toFixed(2)} and ×${(of(c.list).rps / c.list.client.rps).toFixed(2)}.` : ""}`);
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
  if (BEFORE && s2?.list?.[BEFORE]) {
    const pair = (b, a, d, unit) => `${fmt(b, d)} → ${fmt(a, d)}${unit}`;
    L.push(
      `- Before → after (${BEFORE}, same run): sequential p50 list ${pair(s2.list[BEFORE].p50, s2.list.client.p50, 2, " ms")}, toggle ${pair(s2.toggle?.[BEFORE]?.p50, s2.toggle?.client?.p50, 2, " ms")}; CPU per request list ${pair(s2.list[BEFORE].cpuUs, s2.list.client.cpuUs, 0, " µs")}, toggle ${pair(s2.toggle?.[BEFORE]?.cpuUs, s2.toggle?.client?.cpuUs, 0, " µs")}; 16 in flight list ${pair(c2?.list?.[BEFORE]?.rps, c2?.list?.client?.rps, 0, " req/s")}, toggle ${pair(c2?.toggle?.[BEFORE]?.rps, c2?.toggle?.client?.rps, 0, " req/s")}; added cost without sockets list ${pair(o2?.list?.[BEFORE]?.us - o2?.list?.fetch?.us, o2?.list?.client?.us - o2?.list?.fetch?.us, 0, " µs")}, toggle ${pair(o2?.toggle?.[BEFORE]?.us - o2?.toggle?.fetch?.us, o2?.toggle?.client?.us - o2?.toggle?.fetch?.us, 0, " µs")}.`,
    );
  }
  L.push("", "Method, full tables and raw numbers: [bench/RESULTS.md](bench/RESULTS.md).", "");
  return L.join("\n");
}

