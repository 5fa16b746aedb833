// Bundles the split spec into single files other tools and teams consume:
// dist/openapi.yaml and dist/openapi.json (OpenAPI 3.1).
import { run } from "./run.mjs";

export function bundle() {
  for (const ext of ["yaml", "json"]) {
    run("redocly", ["bundle", "openapi/openapi.yaml", "--output", `dist/openapi.${ext}`], { quiet: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  bundle();
  console.log("bundled dist/openapi.yaml and dist/openapi.json");
}
