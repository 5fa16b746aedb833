// `npm run size:report`: every size-limit entry of package.json (the root, and each
// other entry point or import it lists) with its measured size, budget and the budget
// the team's rule gives (measured + 0.5 kB); then where the bytes of the ESM entry go,
// and what the smallest builds that still do the job would weigh, so a budget can be
// argued with numbers. Needs a build (`npm run size:report` builds first).
//
// Method: esbuild bundles and minifies for the browser (as size-limit does),
// gzip level 9. "alone" = that module minified and gzipped by itself, which
// over-counts (gzip finds less to share in a small file); the whole-bundle
// figures are exact.
import * as esbuild from "esbuild";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

async function measure(contents) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: root, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
  });
  const code = result.outputFiles[0].contents;
  return { min: code.length, gzip: gz(code), inputs: Object.values(result.metafile.outputs)[0].inputs };
}

const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;

// size-limit's own figures, one per entry (kB = 1000 B, as size-limit counts).
// (size-limit exits 1 when an entry is over its budget: the JSON is printed all the same.)
const sizeLimit = spawnSync(path.join(root, "node_modules", ".bin", "size-limit"), ["--json"], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
const entries = JSON.parse(sizeLimit.stdout.replace(/^[^[]*/, "") || "[]");
if (entries.length === 0) throw new Error(`size-limit printed no entries (run \`npm run build\` first?):\n${sizeLimit.stderr}`);
console.log("# size-limit entries (package.json \"size-limit\", min+gzip)\n");
console.log("| entry | measured | budget | measured + 0.5 kB |\n|---|---:|---:|---:|");
for (const e of entries) console.log(`| ${e.name} | ${kB(e.size)} | ${kB(e.sizeLimit)} | ${kB(Math.ceil((e.size + 500) / 10) * 10)} |`);
console.log("");

const whole = await measure(`export * from "./src/index.ts";`);
const rows = [];
for (const [file, { bytesInOutput }] of Object.entries(whole.inputs)) {
  if (bytesInOutput === 0) continue;
  const alone = await esbuild.build({ entryPoints: [path.join(root, file)], minify: true, format: "esm", write: false });
  rows.push({ file, min: bytesInOutput, alone: gz(alone.outputFiles[0].contents) });
}
rows.sort((a, b) => b.alone - a.alone);

// The smallest builds that still do a part of the job: what no redesign of our code can go below.
const floors = [
  ["openapi-fetch's createClient alone", `export { default } from "openapi-fetch";`],
  ["openapi-fetch + the error classes", `export { default } from "openapi-fetch"; export * from "./src/errors.ts";`],
  ["the transport alone (retries, timeouts, redirects, token rules)", `export { createTransport } from "./src/transport/index.ts";`],
  [
    "openapi-fetch + transport + errors + the invoker and operation table (no methods, no validation)",
    `export { default } from "openapi-fetch"; export { createTransport } from "./src/transport/index.ts"; export * from "./src/errors.ts"; export { Core } from "./src/core.ts";`,
  ],
];

// What an app ships, by what it imports from the root entry: the webhook helper
// must cost nothing to apps that do not import it, and a webhook receiver must
// not ship the client.
const imports = [
  ["createChatwootClient (an app that never imports the webhook helper)", `export { createChatwootClient } from "./src/index.ts";`],
  ["createChatwootClient + verifyWebhook", `export { createChatwootClient, verifyWebhook } from "./src/index.ts";`],
  ["verifyWebhook + WebhookVerificationError only (a webhook receiver)", `export { verifyWebhook, WebhookVerificationError } from "./src/index.ts";`],
];

console.log(`# Size of the ESM entry (src/index.ts, everything exported, with openapi-fetch)\n`);
console.log(`Whole bundle: ${kB(whole.min)} minified, **${kB(whole.gzip)} min+gzip**.\n`);
console.log("| module | minified in the bundle | min+gzip alone |\n|---|---:|---:|");
for (const row of rows) console.log(`| ${row.file} | ${row.min} B | ${row.alone} B |`);
console.log("\n| smallest build that still has … | min+gzip |\n|---|---:|");
for (const [name, contents] of floors) console.log(`| ${name} | ${kB((await measure(contents)).gzip)} |`);
console.log("\n| an app that imports … from the root entry | minified | min+gzip |\n|---|---:|---:|");
for (const [name, contents] of imports) {
  const { min, gzip } = await measure(contents);
  console.log(`| ${name} | ${kB(min)} | ${kB(gzip)} |`);
}
