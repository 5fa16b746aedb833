// Tiny helper: run a local binary from node_modules/.bin, fail loudly.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function run(bin, args, { quiet = false } = {}) {
  const result = spawnSync(path.join(root, "node_modules", ".bin", bin), args, {
    cwd: root,
    stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    encoding: "utf8",
  });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
    throw new Error(`${bin} ${args.join(" ")} exited with ${result.status}`);
  }
  return result;
}
