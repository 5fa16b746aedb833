// Sets only the packaging fields (main, module, types, exports, bin, files, sideEffects,
// engines, publishConfig, keywords, size-limit) and adds packaging scripts; every
// other key keeps its value and position.
import fs from "node:fs";
// Usage: node scripts/package-fields.mjs  (idempotent)
const file = new URL("../package.json", import.meta.url);
const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
const mine = {
  engines: { node: ">=20.19" },
  main: "./dist/index.cjs",
  module: "./dist/index.js",
  types: "./dist/index.d.cts",
  exports: {
    ".": {
      import: { types: "./dist/index.d.ts", default: "./dist/index.js" },
      require: { types: "./dist/index.d.cts", default: "./dist/index.cjs" },
    },
    "./openapi.json": "./dist/openapi.json",
    "./openapi.yaml": "./dist/openapi.yaml",
    "./openapi-3.0.json": "./dist/openapi-3.0.json",
    "./openapi-3.0.yaml": "./dist/openapi-3.0.yaml",
    // The simulator (msw & co, optional peers); browsers get the build without node:http.
    "./mock": { types: "./dist/mock.d.ts", browser: "./dist/mock-browser.js", default: "./dist/mock.js" },
    "./package.json": "./package.json",
  },
  bin: { "chatwoot-conversations-mock": "./dist/mock-bin.js" },
  files: ["dist/index.*", "dist/mock*.js", "dist/mock.d.ts", "dist/openapi*.json", "dist/openapi*.yaml", "README.md", "LICENSE"],
  sideEffects: false,
  publishConfig: { access: "public" },
  keywords: ["chatwoot", "conversations", "labels", "customer-support", "api-client", "sdk", "openapi", "typescript"],
  // Budgets = the measured size + 0.5 kB (`npm run size:report` prints both); mirrored in
  // test/package/package.test.ts (BUDGETS). /mock is the simulator's own code: its peers
  // (msw, openapi-msw, ajv) and Node built-ins are the consumer's, not counted.
  "size-limit": [
    { name: "root: everything exported, with openapi-fetch", path: "dist/index.js", import: "*", gzip: true, limit: "22.48 kB" },
    { name: "root, an app importing only createChatwootClient (webhook helper tree-shaken away)", path: "dist/index.js", import: "{ createChatwootClient }", gzip: true, limit: "20.82 kB" },
    { name: "webhook helper: a receiver importing only verifyWebhook", path: "dist/index.js", import: "{ verifyWebhook, WebhookVerificationError }", gzip: true, limit: "2.64 kB" },
    { name: "/mock: the simulator's own code (Node build; msw, openapi-msw, ajv are peers)", path: "dist/mock.js", import: "*", gzip: true, ignore: ["msw", "openapi-msw", "ajv", "ajv-formats", "node:http", "node:fs", "node:url", "node:crypto"], limit: "28.97 kB" },
  ],
};
const newScripts = {
  build: "tsdown && node scripts/bundle.mjs && node scripts/openapi30.mjs",
  size: "size-limit",
  "size:report": "npm run -s build && node bench/size.mjs",
  "check:package": "bash scripts/pack-check.sh",
  "check:breaking": "node scripts/bundle.mjs && node scripts/check-breaking.mjs",
};
const anchor = "license" in pkg ? "license" : "type";
const out = {};
for (const [k, v] of Object.entries(pkg)) {
  if (k in mine && k !== "engines") continue; // re-inserted below, in a fixed order
  out[k] = k === "engines" ? mine.engines : v;
  if (k === anchor) for (const [mk, mv] of Object.entries(mine)) if (!(mk in pkg) || mk !== "engines") if (mk !== "engines" && mk !== "size-limit") out[mk] = mv;
}
if (!("engines" in out)) out.engines = mine.engines;
out.scripts = { ...(pkg.scripts ?? {}), ...newScripts };
out["size-limit"] = mine["size-limit"];
fs.writeFileSync(file, JSON.stringify(out, null, 2) + "\n");
