// Library build: the client (src/index.ts) → ESM + CJS with .d.ts/.d.cts and source maps;
// the mock (src/mock/, the `./mock` subpath and the `chatwoot-conversations-mock` bin) →
// ESM only, each entry bundled on its own (no shared chunks), msw & co left to the
// optional peer dependencies.
// `npm run build` runs this, then scripts/bundle.mjs (dist/openapi.{json,yaml}) and
// scripts/openapi30.mjs (dist/openapi-3.0.{json,yaml}).
import { defineConfig } from "tsdown";

/** Imported by the mock at run time, never inlined (optional peer dependencies). */
const MOCK_PEERS = [/^msw(\/|$)/, /^openapi-msw(\/|$)/, /^@msw\/data(\/|$)/, /^ajv(\/|$)/, /^ajv-formats(\/|$)/];

function mockEntry(outDir: string, name: string, source: string, platform: "node" | "browser", dts: boolean) {
  return {
    entry: { [name]: source },
    format: ["esm" as const],
    outDir,
    platform,
    target: "es2022",
    fixedExtension: false,
    dts,
    sourcemap: false,
    hash: false,
    deps: { neverBundle: MOCK_PEERS },
    clean: false,
    report: false,
    checks: { pluginTimings: false },
  };
}

export default defineConfig((inline) => {
  // `tsdown --out-dir <dir>` (used by test/package to build into a scratch directory)
  // moves the output and the clean patterns together.
  const outDir = inline.outDir ?? "dist";
  return [{
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    outDir,
    // Runs in Node ≥ 20.19, browsers, Deno, Bun and workers: no Node built-ins are
    // resolved or polyfilled (test/package/package.test.ts also scans the output).
    platform: "neutral",
    target: "es2022",
    // In this "type": "module" package: index.js (ESM), index.cjs (CJS), index.d.ts, index.d.cts.
    fixedExtension: false,
    dts: true,
    sourcemap: true,
    hash: false,
    // openapi-fetch is a runtime dependency: imported, never inlined.
    deps: { neverBundle: ["openapi-fetch"] },
    // The same directory holds the bundled spec (openapi*.json / openapi*.yaml), which
    // tests read while a build may run: remove only what this build writes.
    clean: [`${outDir}/index.{js,cjs,d.ts,d.cts}`, `${outDir}/index.{js,cjs,d.ts,d.cts}.map`, `${outDir}/*-*.{js,cjs,d.ts,d.cts,map}`],
    report: true,
    // Rolldown's plugin-timing notes are noise here (the d.ts plugin is always the slow part).
    checks: { pluginTimings: false },
  },
  mockEntry(outDir, "mock", "src/mock/index.ts", "node", true),
  mockEntry(outDir, "mock-browser", "src/mock/browser.ts", "browser", false),
  mockEntry(outDir, "mock-bin", "src/mock/bin.ts", "node", false),
  ];
});
