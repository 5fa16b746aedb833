// Runs once before all test files: bundle the spec (dist/openapi.*) so every
// suite reads the same, current bundle and none rebuilds it concurrently.
import { execFileSync } from "node:child_process";
import path from "node:path";

export default function setup() {
  const root = path.resolve(import.meta.dirname, "..");
  execFileSync(process.execPath, [path.join(root, "scripts", "bundle.mjs")], { cwd: root, stdio: "inherit" });
}
