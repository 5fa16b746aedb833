// The parts of the bench that run in child processes: the fake Chatwoot server
// (bench/server.mjs), the heap bench (bench/memory.mjs) and the spec pipeline timings.
import { fork, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROUNDS, endpoints, fromSrc, here, log, median, netModes, only, root } from "./options.mjs";

export async function startServer() {
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

/**
 * This client against openapi-fetch, alone in a fresh process: the clients of one process
 * share undici's code, and the other clients of the main run (raw fetch, axios) feed its
 * inline caches with their own call shapes, which measurably slowed this client more than
 * openapi-fetch (README, Benchmarks). A real app has one HTTP client. Only openapi-fetch's
 * two instances, this client and the --alt builds take part; same rounds and loops.
 */
export function headToHead(port, alts) {
  const names = ["openapi-fetch", "openapi-fetch-aa", "client", ...alts.map((a) => a.name)].filter((n) => only.includes(n));
  const args = [path.join(here, "run.mjs"), "--head-to-head-child", `--port=${port}`, `--only=${names.join(",")}`, `--modes=${netModes.join(",")}`, `--endpoints=${endpoints.join(",")}`, `--rounds=${ROUNDS}`];
  if (alts.length > 0) args.push(`--alt=${alts.map((a) => a.ref).join(",")}`);
  if (fromSrc) args.push("--src");
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", timeout: 300_000, stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`head-to-head bench failed (${r.status ?? r.signal})`);
  return JSON.parse(r.stdout.trim().split("\n").at(-1));
}

export function memoryBench(port) {
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
export function pipelineBench() {
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

