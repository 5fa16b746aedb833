// The measuring loops: sequential (latency and client CPU per request; the clients take
// turns request by request), 16 in flight (requests/s; the clients take turns batch by
// batch, the order rotating each round), and in process without sockets (each client's
// own cost). gc() between batches, so drift and garbage hit each client alike.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { rng } from "../data.mjs";
import { call, checkClients, makeOverheadClients } from "./clients.mjs";
import { INFLIGHT, OVERHEAD, ROUNDS, SIZES, WARMUP, endpoints, log, median, modes, netModes, only, quantile, sleep } from "./options.mjs";

// gc() between batches (not inside them), so every batch starts from a clean heap.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc");

/** Seeded (so runs are comparable) Fisher–Yates shuffles of the client order. */
function shuffler(seed) {
  const random = rng(seed);
  return (names) => {
    const out = [...names];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
}

export async function sequential(c, endpoint, n) {
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

/**
 * One round of the sequential mode over HTTP: request i of every client back to
 * back, in a new random order each time, so that drift on this shared machine
 * (other load, the scheduler, the server's core and its garbage) hits every
 * client alike and no client always follows the same other one. Latency and
 * CPU (process.cpuUsage() around each call) per client.
 */
export async function sequentialRound(clients, names, endpoint, n, shuffle) {
  const out = Object.fromEntries(names.map((name) => [name, { lat: new Float64Array(n), cpuUs: 0 }]));
  for (let i = 0; i < n; i++) {
    for (const name of shuffle(names)) {
      const cpu0 = process.cpuUsage();
      const s = performance.now();
      await call(clients[name], endpoint, i);
      out[name].lat[i] = performance.now() - s;
      const cpu = process.cpuUsage(cpu0);
      out[name].cpuUs += cpu.user + cpu.system;
    }
  }
  for (const name of names) out[name].cpuUs /= n;
  return out;
}

export async function concurrent(c, endpoint, n) {
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

export async function httpBench(clients) {
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
  const shuffle = shuffler(0x5eed);
  const t0 = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of netModes) {
      for (const endpoint of endpoints) {
        if (mode === "seq") {
          gc();
          await sleep(5);
          const r = await sequentialRound(clients, names, endpoint, SIZES.seq[endpoint], shuffle);
          for (const name of names) results.seq[endpoint][name].push(r[name]);
          continue;
        }
        // One batch per client, in a new random order each round: the server's garbage
        // and pooled sockets left by one batch must not always land on the same next client.
        for (const name of shuffle(names)) {
          gc();
          await sleep(2);
          results.conc[endpoint][name].push(await concurrent(clients[name], endpoint, SIZES.conc[endpoint]));
        }
      }
    }
    if ((round + 1) % Math.ceil(ROUNDS / 5) === 0 || round + 1 === ROUNDS) {
      log(`  round ${round + 1}/${ROUNDS} done (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    }
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
            roundP50s: rounds.map((r) => median([...r.lat])),
            roundCpuUs: rounds.map((r) => r.cpuUs),
            cpuUs: median(rounds.map((r) => r.cpuUs)),
            n: all.length,
          };
        } else {
          // All rounds pooled (requests ÷ wall time): each round is short, so one slow
          // round (a GC, another process) must not decide the figure.
          const requests = rounds.reduce((a, r) => a + (r.rps * r.wallMs) / 1000, 0);
          out[mode][endpoint][name] = {
            rps: requests / (rounds.reduce((a, r) => a + r.wallMs, 0) / 1000),
            rpsMin: Math.min(...rounds.map((r) => r.rps)),
            rpsMax: Math.max(...rounds.map((r) => r.rps)),
            roundRps: rounds.map((r) => r.rps),
            cpuUs: median(rounds.map((r) => r.cpuUs)),
            n: rounds.reduce((a, r) => a + Math.round((r.rps * r.wallMs) / 1000), 0),
          };
        }
      }
    }
  }
  return out;
}

// In-process mode (no sockets): see makeOverheadClients in ./clients.mjs.
export async function overheadBench(baseUrl, alts) {
  const clients = await makeOverheadClients(baseUrl, alts);
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

