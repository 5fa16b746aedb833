// Fails when the committed src/generated/ differs from what the spec produces.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generate } from "./generate.mjs";
import { root } from "./run.mjs";

const committed = path.join(root, "src", "generated");
const fresh = fs.mkdtempSync(path.join(os.tmpdir(), "chatwoot-generated-"));
await generate(fresh);

const stale = fs.readdirSync(fresh).filter((file) => {
  const mine = path.join(committed, file);
  return !fs.existsSync(mine) || fs.readFileSync(mine, "utf8") !== fs.readFileSync(path.join(fresh, file), "utf8");
});
fs.rmSync(fresh, { recursive: true, force: true });

if (stale.length > 0) {
  console.error(`src/generated is out of date with openapi/ (${stale.join(", ")}). Run \`npm run generate\` and commit.`);
  process.exit(1);
}
console.log("src/generated matches the spec");
