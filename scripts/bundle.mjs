// Bundles the split spec into single files other tools and teams consume:
// dist/openapi.yaml and dist/openapi.json (OpenAPI 3.1).
//
// redocly runs once (its start-up is most of the cost), to YAML; the JSON is
// that same document re-serialized the way redocly writes JSON (2-space
// JSON.stringify), byte for byte what `redocly bundle --output x.json` gives.
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { root, run } from "./run.mjs";

export function bundle() {
  run("redocly", ["bundle", "openapi/openapi.yaml", "--output", "dist/openapi.yaml"], { quiet: true });
  const yamlText = fs.readFileSync(path.join(root, "dist", "openapi.yaml"), "utf8");
  const spec = YAML.parse(yamlText, { maxAliasCount: -1 });
  fs.writeFileSync(path.join(root, "dist", "openapi.json"), JSON.stringify(spec, null, 2));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  bundle();
  console.log("bundled dist/openapi.yaml and dist/openapi.json");
}
