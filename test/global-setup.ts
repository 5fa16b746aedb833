// Runs once before all test files: build the package (dist/index.js, used by
// the demo test) and bundle the spec (dist/openapi.*), so every suite reads the
// same current files and none rebuilds them concurrently.
import { execFileSync } from "node:child_process";
import path from "node:path";

export default function setup() {
  const root = path.resolve(import.meta.dirname, "..");
  execFileSync("npm", ["run", "-s", "build"], { cwd: root, stdio: "inherit" });
}
