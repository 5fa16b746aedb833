// Builds the package ONCE for all test/package files and packs it.
//
// - The build uses the real tsdown.config.ts, but writes into a scratch directory
//   (.tmp/package-test/<key>/pkg/dist) instead of dist/: other suites read dist/ while
//   this runs, and the global setup already bundled dist/openapi.{json,yaml}, which are
//   copied in from a consistent snapshot (helpers/spec-snapshot.ts), then
//   scripts/openapi30.mjs adds the 3.0 rendition, as `npm run build` does.
// - <key> hashes every input (src/, tsdown.config.ts, package.json, LICENSE, README,
//   the bundled spec, scripts/openapi30.mjs), so unchanged inputs reuse the last build
//   and any change rebuilds.
// - A lock directory serializes concurrent test files (vitest runs files in parallel).
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { snapshotSpec, type SpecSnapshot } from "./spec-snapshot.js";

export const root = path.resolve(import.meta.dirname, "..", "..", "..");
export const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const workDir = path.join(root, ".tmp", "package-test");
const lockDir = path.join(workDir, "build.lock");

export interface PackageBuild {
  /** Directory laid out like the published package (package.json, LICENSE, dist/). */
  pkgDir: string;
  /** The `npm pack` tarball. */
  tarball: string;
  /** Files in the tarball (paths relative to the package root). */
  packedFiles: string[];
  /** Wall-clock time of the tsdown build, ms. */
  buildMs: number;
  /** What tsdown's clean step did to files it must keep / must remove. */
  clean: { keptSpecFiles: boolean; removedStaleChunk: boolean };
}

const INPUT_FILES = ["tsdown.config.ts", "package.json", "LICENSE", "README.md", "scripts/openapi30.mjs"];

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

function inputKey(spec: SpecSnapshot): string {
  const hash = crypto.createHash("sha256");
  for (const file of [...listFiles(path.join(root, "src")), ...INPUT_FILES.map((f) => path.join(root, f)), spec.json, spec.yaml]) {
    hash.update(path.relative(root, file));
    hash.update(fs.existsSync(file) ? fs.readFileSync(file) : "<missing>");
  }
  return hash.digest("hex").slice(0, 16);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function withLock<T>(fn: () => T): Promise<T> {
  fs.mkdirSync(workDir, { recursive: true });
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, "owner.json"), JSON.stringify({ pid: process.pid, at: Date.now() }));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      let stale = false;
      try {
        const owner = JSON.parse(fs.readFileSync(path.join(lockDir, "owner.json"), "utf8")) as { pid: number; at: number };
        stale = !alive(owner.pid) || Date.now() - owner.at > 10 * 60_000;
      } catch {
        // owner.json not written yet (or lock just released): treat as busy, but not forever.
        const age = Date.now() - (fs.statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
        stale = age > 60_000;
      }
      if (stale) fs.rmSync(lockDir, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`package build lock ${lockDir} held for over 5 minutes`);
      else await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[], cwd: string): string {
  const result = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 180_000 });
  if (result.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} (in ${cwd}) exited with ${result.status}:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

function build(dir: string, spec: SpecSnapshot): PackageBuild {
  fs.rmSync(dir, { recursive: true, force: true });
  const pkgDir = path.join(dir, "pkg");
  const distDir = path.join(pkgDir, "dist");
  fs.mkdirSync(distDir, { recursive: true });

  // Seed files the build must keep (the bundled spec) and one it must remove (a stale chunk).
  const sentinel = '{"sentinel":"written before tsdown ran"}';
  for (const f of ["openapi.json", "openapi.yaml", "openapi-3.0.json", "openapi-3.0.yaml"]) fs.writeFileSync(path.join(distDir, f), sentinel);
  fs.writeFileSync(path.join(distDir, "index-0ld5tale.js"), "stale chunk");

  const started = Date.now();
  run(bin("tsdown"), ["--out-dir", distDir, "--logLevel", "warn"], root);
  const buildMs = Date.now() - started;

  const clean = {
    keptSpecFiles: ["openapi.json", "openapi.yaml", "openapi-3.0.json", "openapi-3.0.yaml"].every(
      (f) => fs.existsSync(path.join(distDir, f)) && fs.readFileSync(path.join(distDir, f), "utf8") === sentinel,
    ),
    removedStaleChunk: !fs.existsSync(path.join(distDir, "index-0ld5tale.js")),
  };

  // The rest of `npm run build`: the spec bundle (already made by the global setup) and its 3.0 rendition.
  fs.copyFileSync(spec.json, path.join(distDir, "openapi.json"));
  fs.copyFileSync(spec.yaml, path.join(distDir, "openapi.yaml"));
  run(process.execPath, ["-e", `import(${JSON.stringify(path.join(root, "scripts", "openapi30.mjs"))}).then(m => m.writeOpenApi30({ input: ${JSON.stringify(path.join(distDir, "openapi.json"))}, outDir: ${JSON.stringify(distDir)} }))`], root);

  for (const f of ["package.json", "LICENSE", "README.md"]) {
    if (fs.existsSync(path.join(root, f))) fs.copyFileSync(path.join(root, f), path.join(pkgDir, f));
  }
  const packed = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", dir], pkgDir)) as Array<{
    filename: string;
    files: Array<{ path: string }>;
  }>;
  const info = packed[0]!;
  const result: PackageBuild = {
    pkgDir,
    tarball: path.join(dir, info.filename),
    packedFiles: info.files.map((f) => f.path).sort(),
    buildMs,
    clean,
  };
  fs.writeFileSync(path.join(dir, "ready.json"), JSON.stringify(result, null, 2));
  return result;
}

function pruneOld(keep: string) {
  for (const entry of fs.readdirSync(workDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === keep || entry.name === "build.lock") continue;
    const full = path.join(workDir, entry.name);
    if (Date.now() - fs.statSync(full).mtimeMs > 60 * 60_000) fs.rmSync(full, { recursive: true, force: true });
  }
}

/** The built and packed package for the current sources (built at most once per input state). */
export async function packageBuild(): Promise<PackageBuild> {
  const spec = snapshotSpec();
  return withLock(() => {
    const key = inputKey(spec);
    const dir = path.join(workDir, key);
    const ready = path.join(dir, "ready.json");
    pruneOld(key);
    if (fs.existsSync(ready)) return JSON.parse(fs.readFileSync(ready, "utf8")) as PackageBuild;
    return build(dir, spec);
  });
}

/** Runs a command, returning status and output (never throws on a non-zero status). */
export function exec(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; timeout?: number }) {
  const result = spawnSync(cmd, args, {
    cwd: opts.cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...opts.env },
    timeout: opts.timeout ?? 180_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout ?? "", stderr: result.stderr ?? "", output: `${result.stdout ?? ""}${result.stderr ?? ""}`, error: result.error };
}

