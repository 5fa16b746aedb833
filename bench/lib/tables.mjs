// The Markdown tables of bench/RESULTS.md (also printed while the bench runs).
import { INFLIGHT, OVERHEAD } from "./options.mjs";

export const fmt = (x, d = 2) => (x === undefined || Number.isNaN(x) ? "–" : x.toFixed(d));
export const ratio = (x, base) => `${(x / base).toFixed(2)}×`;
export const signed = (x, d = 0) => (Number.isNaN(x) || x === undefined ? "–" : `${x >= 0 ? "+" : "−"}${Math.abs(x).toFixed(d)}`);
export const pct = (x, base) => `${x >= base ? "+" : ""}${(((x - base) / base) * 100).toFixed(0)}%`;

export function httpTables(http, labels, pageKb) {
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
    lines.push("| endpoint | client | req/s (all batches pooled) | min–max of batches | vs raw fetch | client CPU / request (µs) | requests |");
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

export function overheadTable(overhead, labels, long = false) {
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

export const kb = (bytes) => (Math.abs(bytes) >= 1024 * 1024 ? `${(bytes / 2 ** 20).toFixed(2)} MB` : `${(bytes / 1024).toFixed(0)} kB`);

export function memoryTables(mem) {
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


const mean = (a, b) => (a + b) / 2;
const meanEach = (xs, ys) => xs?.map((x, i) => mean(x, ys[i]));

/**
 * The openapi-fetch baseline of one mode and endpoint: the mean of its two instances
 * (openapi-fetch and openapi-fetch-aa) when both ran, which halves the baseline's own
 * noise; else the one instance.
 */
export function openapiFetchBase(byName) {
  const a = byName?.["openapi-fetch"], b = byName?.["openapi-fetch-aa"];
  if (!a || !b) return a;
  const out = {};
  for (const key of ["p50", "cpuUs", "rps", "us"]) if (a[key] !== undefined) out[key] = mean(a[key], b[key]);
  for (const key of ["roundP50s", "roundCpuUs", "roundRps", "rounds"]) if (a[key]) out[key] = meanEach(a[key], b[key]);
  return out;
}

/** me ÷ base (or base ÷ me), pooled, with the range of the same ratio round by round. */
function costRatio(me, base, pooled, perRound) {
  if (!me || !base) return "–";
  const rounds = perRound(me).map((x, i) => x / perRound(base)[i]);
  const lo = Math.min(...rounds), hi = Math.max(...rounds);
  return `×${pooled(me, base).toFixed(3)} (${lo.toFixed(2)}–${hi.toFixed(2)})`;
}

/**
 * This client against openapi-fetch used directly (the library it is built on), as a cost
 * ratio: 1.00 = the same. From the head-to-head process when it ran (http.headToHead: only
 * openapi-fetch, this client and the --alt builds), with this client's ratio in the rounds
 * with every client as a reference row. "openapi-fetch-aa" (a second openapi-fetch) is the
 * A/A control: how far two identical clients land apart in the same run.
 */
export function vsOpenapiFetch(http, overhead, names) {
  const h2h = http?.headToHead;
  const rows = [];
  const row = (endpoint, name, label, from, ov) => {
    const seq = from?.seq?.[endpoint], conc = from?.conc?.[endpoint];
    if (!seq?.[name] && !conc?.[name] && !ov?.[name]) return;
    // The control compares the two instances; everything else is compared with their mean.
    const base = (byName) => (name === "openapi-fetch-aa" ? byName?.["openapi-fetch"] : openapiFetchBase(byName));
    const p50 = costRatio(seq?.[name], base(seq), (m, b) => m.p50 / b.p50, (r) => r.roundP50s);
    const cpu = costRatio(seq?.[name], base(seq), (m, b) => m.cpuUs / b.cpuUs, (r) => r.roundCpuUs);
    const inflight = costRatio(conc?.[name], base(conc), (m, b) => b.rps / m.rps, (r) => r.roundRps.map((x) => 1 / x));
    const inProcess = costRatio(ov?.[name], base(ov), (m, b) => m.us / b.us, (r) => r.rounds);
    rows.push(`| \`${endpoint}\` | ${label} | ${p50} | ${cpu} | ${inflight} | ${inProcess} |`);
  };
  for (const endpoint of ["list", "toggle"]) {
    for (const name of ["openapi-fetch-aa", ...names]) {
      const label = name === "client" ? "this client" : name === "openapi-fetch-aa" ? "A/A control: openapi-fetch's 2nd instance vs its 1st" : name;
      row(endpoint, name, label, h2h ?? http, overhead?.[endpoint]);
    }
    if (h2h) {
      row(endpoint, "openapi-fetch-aa", "A/A control, in the rounds with every client", http, undefined);
      row(endpoint, "client", "this client, in the rounds with every client", http, undefined);
    }
  }
  const where = h2h
    ? "From a separate process in which only openapi-fetch (twice), this client and the --alt builds ran (a real app has one HTTP client; in the main rounds raw fetch and axios share undici's code with them), with the main rounds' figures as reference rows."
    : "From the main rounds.";
  return [
    "## This client vs openapi-fetch used directly (same run)",
    "",
    `Cost ratios (below 1.00 = cheaper than openapi-fetch; the target is at most ×1.05): sequential p50 latency and client CPU per request, ${INFLIGHT} in flight as openapi-fetch's req/s ÷ this client's, and the in-process µs per call. ${where} The baseline is the mean of two openapi-fetch instances measured in the same rounds. Each cell: the ratio over the whole run, then its range over the rounds. The A/A rows compare those two instances with each other: what the machine alone moves a ratio by. The CPU column is the noisiest: it includes the GC threads' work, which lands on whichever call triggers a collection.`,
    "",
    `| endpoint | client | sequential p50 | sequential CPU | ${INFLIGHT} in flight | in process |`,
    "|---|---|---:|---:|---:|---:|",
    ...rows,
    "",
  ];
}

export function beforeAfter(http, overhead, BEFORE, beforeLabel) {
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
    `"before" is ${beforeLabel} (\`--alt\`); "after" is this client as built now. Both ran in the same interleaved rounds.`,
    "",
    "| measure | before | after | change |",
    "|---|---:|---:|---|",
    ...rows,
    "",
  ];
}

