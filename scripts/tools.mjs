// Where the non-npm tools land, and a way to install one on demand (scripts/ensure-tools.sh
// holds the pinned versions; a warm call is one version check).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const OASDIFF = path.join(root, ".tmp", "go", "bin", "oasdiff");
export const SCHEMATHESIS = path.join(root, ".tmp", "schemathesis", "bin", "st");

/** Installs the named tools when missing (output goes to stderr, so stdout stays the caller's). */
export function ensureTools(...names) {
  execFileSync("bash", [path.join(root, "scripts", "ensure-tools.sh"), ...names], { cwd: root, stdio: ["ignore", 2, 2] });
}
