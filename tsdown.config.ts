// Library build: one entry (src/index.ts) → ESM + CJS with .d.ts/.d.cts and source maps.
// `npm run build` runs this, then scripts/bundle.mjs (dist/openapi.{json,yaml}) and
// scripts/openapi30.mjs (dist/openapi-3.0.{json,yaml}).
import { defineConfig } from "tsdown";

export default defineConfig((inline) => {
  // `tsdown --out-dir <dir>` (used by test/package to build into a scratch directory)
  // moves the output and the clean patterns together.
  const outDir = inline.outDir ?? "dist";
  return {
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
  };
});
