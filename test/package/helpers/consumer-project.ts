// A fresh npm project OUTSIDE the repository (so nothing resolves through the
// repo's node_modules) with the packed tarball installed, offline when the
// cache allows. Used by the consumer tests (ESM, CJS, TypeScript).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFile } from "node:child_process";
import { expect } from "vitest";
import { exec } from "./package-build.js";

export interface ConsumerProject {
  dir: string;
  write(file: string, text: string): void;
  /**
   * Runs `node <file> ...args` in the project; expects exit 0 and returns the last stdout
   * line parsed as JSON. Asynchronous: the server it calls lives in this process.
   */
  node(file: string, ...args: string[]): Promise<Record<string, unknown>>;
  remove(): void;
}

export function installTarball(tarball: string, prefix = "chatwoot-consumer-"): ConsumerProject {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  write("package.json", JSON.stringify({ name: "consumer", version: "1.0.0", private: true }, null, 2));
  const args = ["install", "--no-audit", "--no-fund", "--no-package-lock", tarball];
  let r = exec("npm", [...args, "--offline"], { cwd: dir, timeout: 120_000 });
  let log = r.output;
  if (r.status !== 0) {
    // Not everything in the local cache: allow the registry, but prefer the cache.
    console.warn(`npm install --offline failed, retrying with --prefer-offline:\n${r.output}`);
    r = exec("npm", [...args, "--prefer-offline"], { cwd: dir, timeout: 180_000 });
    log += r.output;
  }
  expect(r.status, log).toBe(0);
  return {
    dir,
    write,
    node: (file, ...nodeArgs) =>
      new Promise((resolve, reject) => {
        const env = { ...process.env, NO_COLOR: "1" };
        execFile(process.execPath, [file, ...nodeArgs], { cwd: dir, env, timeout: 60_000 }, (error, stdout, stderr) => {
          if (error) return reject(new Error(`node ${file} failed: ${error.message}\n${stdout}${stderr}`));
          try {
            resolve(JSON.parse(stdout.trim().split("\n").at(-1)!) as Record<string, unknown>);
          } catch {
            reject(new Error(`node ${file} printed no JSON:\n${stdout}${stderr}`));
          }
        });
      }),
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
