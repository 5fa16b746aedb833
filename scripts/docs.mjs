// `npm run docs`: the API reference as ONE self-contained HTML file
// (docs-site/api.html, Redoc with its scripts inlined, so it works offline and from
// file://) and the TypeScript reference (docs-site/ts/, TypeDoc).
//
// Options: --api-only / --ts-only, --out <dir> (default docs-site),
//          --spec <file> (default dist/openapi.yaml, bundled first when missing).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { bundle } from "./bundle.mjs";
import { root, run } from "./run.mjs";
import { OptionDefaults } from "typedoc";

// Redocly CLI bakes its telemetry setting into the page: without this the published
// page reports page views to otel.cloud.redocly.com. (It also stops the CLI's own telemetry.)
process.env.REDOCLY_TELEMETRY = "off";

export function buildDocs({ outDir = path.join(root, "docs-site"), api = true, ts = true, spec = path.join(root, "dist", "openapi.yaml") } = {}) {
  fs.mkdirSync(outDir, { recursive: true });
  if (api) {
    if (!fs.existsSync(spec)) {
      if (spec !== path.join(root, "dist", "openapi.yaml")) throw new Error(`${spec} does not exist`);
      bundle();
    }
    run(
      "redocly",
      [
        "build-docs",
        spec,
        "--output",
        path.join(outDir, "api.html"),
        // Without this the page loads Redoc from a CDN and is blank offline.
        "--inlineBundle",
        "--title",
        "Chatwoot Conversations API",
      ],
      { quiet: true },
    );
    inlineRedoclyLogo(path.join(outDir, "api.html"));
  }
  if (ts) {
    // Document (and type-check) src/ only: the repository tsconfig also includes tests,
    // scripts and examples, whose type errors are not the API reference's business.
    const tsconfig = path.join(root, ".tmp", "typedoc.tsconfig.json");
    fs.mkdirSync(path.dirname(tsconfig), { recursive: true });
    fs.writeFileSync(tsconfig, JSON.stringify({ extends: "../tsconfig.json", include: ["../src"] }, null, 2));
    const result = spawnSync(
      path.join(root, "node_modules", ".bin", "typedoc"),
      [
        "--entryPoints",
        path.join(root, "src", "index.ts"),
        "--tsconfig",
        tsconfig,
        "--out",
        path.join(outDir, "ts"),
        "--name",
        "chatwoot-conversations",
        "--readme",
        "none",
        "--excludePrivate",
        "--excludeInternal",
        // No git remote to link to.
        "--disableSources",
        // openapi-typescript writes `@description`, and `@constant` for `const` schemas (webhook event names).
        ...[...OptionDefaults.blockTags, "@description", "@constant"].flatMap((tag) => ["--blockTags", tag]),
        "--logLevel",
        "Warn",
      ],
      { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" } },
    );
    const output = `${result.stdout ?? ""}${result.stderr ?? ""}`.replace(/\x1b\[[0-9;]*m/g, "").trim();
    if (output) console.warn(output);
    if (result.status !== 0) throw new Error(`typedoc exited with ${result.status}`);
  }
  return { api: path.join(outDir, "api.html"), ts: path.join(outDir, "ts", "index.html") };
}

// The page's "API docs by Redocly" badge loads its logo from cdn.redoc.ly. Serve the
// attribution from the page itself, so opening the docs contacts no third party.
const REDOCLY_LOGO_URLS = ["https://cdn.redoc.ly/redoc/logo-mini-full.svg", "https://cdn.redoc.ly/redoc/logo-mini.svg"];
const INLINE_LOGO =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='52' height='14' viewBox='0 0 52 14'%3E%3Ctext x='0' y='11' font-family='sans-serif' font-size='11' fill='%23555'%3ERedocly%3C/text%3E%3C/svg%3E";

function inlineRedoclyLogo(file) {
  let html = fs.readFileSync(file, "utf8");
  for (const url of REDOCLY_LOGO_URLS) html = html.split(url).join(INLINE_LOGO);
  fs.writeFileSync(file, html);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf("--out");
  const outDir = outIndex >= 0 ? path.resolve(args[outIndex + 1]) : undefined;
  const specIndex = args.indexOf("--spec");
  const spec = specIndex >= 0 ? path.resolve(args[specIndex + 1]) : undefined;
  const out = buildDocs({ outDir, spec, api: !args.includes("--ts-only"), ts: !args.includes("--api-only") });
  console.log(`API reference: ${path.relative(root, out.api)}\nTypeScript reference: ${path.relative(root, out.ts)}`);
}
