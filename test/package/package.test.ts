// The built package: output files, package.json exports, what `npm pack` ships,
// publint, are-the-types-wrong and the size budget.
import fs from "node:fs";
import path from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { beforeAll, describe, expect, it } from "vitest";
import { bin, exec, packageBuild, root, type PackageBuild } from "./helpers/package-build.js";

/**
 * Size budgets, minified + gzipped, per size-limit entry (bytes; size-limit's kB = 1000 B):
 * the measured size + 0.5 kB (`npm run size:report`), so a regression of more than half a
 * kilobyte fails. Mirrors package.json "size-limit" (written by scripts/package-fields.mjs).
 * The 6 kB goal for the whole client is withdrawn: openapi-fetch, the transport and the
 * errors and the invoker weigh 11.65 kB before a single method (see README "Package").
 */
const BUDGETS: Record<string, number> = {
  "root: everything exported, with openapi-fetch": 22_480,
  "root, an app importing only createChatwootClient (webhook helper tree-shaken away)": 20_820,
  "webhook helper: a receiver importing only verifyWebhook": 2_640,
  "/mock: the simulator's own code (Node build; msw, openapi-msw, ajv are peers)": 28_970,
};

let build: PackageBuild;
let dist: string;
const pkgJson = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));

beforeAll(async () => {
  build = await packageBuild();
  dist = path.join(build.pkgDir, "dist");
  console.log(`tsdown build: ${build.buildMs} ms (${build.pkgDir})`);
}, 300_000);

describe("build output", () => {
  it("writes ESM, CJS, both declaration flavours and source maps", () => {
    for (const f of ["index.js", "index.cjs", "index.d.ts", "index.d.cts", "index.js.map", "index.cjs.map"]) {
      expect(fs.existsSync(path.join(dist, f)), f).toBe(true);
    }
    const esm = fs.readFileSync(path.join(dist, "index.js"), "utf8");
    const cjs = fs.readFileSync(path.join(dist, "index.cjs"), "utf8");
    expect(esm).toMatch(/^export \{/m);
    expect(esm).not.toMatch(/\bmodule\.exports\b|\brequire\(/);
    expect(cjs).toMatch(/exports\.createChatwootClient\s*=|exports, "createChatwootClient"/);
    expect(esm).toContain("//# sourceMappingURL=index.js.map");
    expect(cjs).toContain("//# sourceMappingURL=index.cjs.map");
    const map = JSON.parse(fs.readFileSync(path.join(dist, "index.js.map"), "utf8"));
    expect(map.sources.some((s: string) => s.endsWith("src/client.ts"))).toBe(true);
  });

  it("keeps openapi-fetch external and imports nothing else", () => {
    const esm = fs.readFileSync(path.join(dist, "index.js"), "utf8");
    const cjs = fs.readFileSync(path.join(dist, "index.cjs"), "utf8");
    const esmImports = [...esm.matchAll(/^\s*(?:import|export)\b[^;'"]*?from\s*["']([^"']+)["']/gm)].map((m) => m[1]);
    const dynamicImports = [...esm.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    const requires = [...cjs.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(esmImports)).toEqual(new Set(["openapi-fetch"]));
    expect(dynamicImports).toEqual([]);
    expect(new Set(requires)).toEqual(new Set(["openapi-fetch"]));
    // openapi-fetch's own code must not be inlined.
    expect(esm).not.toMatch(/function\s+(createFinalURL|defaultPathSerializer|mergeHeaders)\b/);
  });

  it("uses no Node-only API in runtime code (platform neutral)", () => {
    for (const file of ["index.js", "index.cjs"]) {
      const code = fs.readFileSync(path.join(dist, file), "utf8");
      const nodeOnly = [
        /["']node:[a-z_/]+["']/,
        /\brequire\(\s*["'](fs|path|os|http|https|net|tls|stream|crypto|url|util|events|buffer|child_process|zlib)["']/,
        /\bprocess\.(env|argv|nextTick|cwd|platform|versions|exit)\b/,
        /\bBuffer\.(from|alloc|isBuffer|concat)\b/,
        /\b__dirname\b|\b__filename\b/,
        /\bsetImmediate\(/,
        /\bimport\.meta\.(dirname|filename)\b/,
      ];
      for (const re of nodeOnly) expect(code, `${file} matches ${re}`).not.toMatch(re);
    }
  });

  it("builds the mock apart: msw & co imported (never inlined), no Node API in the browser build, an executable bin", () => {
    const imports = (file: string) => new Set([...fs.readFileSync(path.join(dist, file), "utf8").matchAll(/^\s*(?:import|export)\b[^;'"]*?from\s*["']([^"']+)["']/gm)].map((m) => m[1]!));
    const peers = new Set(Object.keys(pkgJson.peerDependencies));
    const isPeer = (id: string) => peers.has(id.startsWith("@") ? id.split("/").slice(0, 2).join("/") : id.split("/")[0]!);
    for (const file of ["mock.js", "mock-bin.js"]) {
      for (const id of imports(file)) expect(id.startsWith("node:") || isPeer(id), `${file} imports ${id}`).toBe(true);
    }
    for (const id of imports("mock-browser.js")) expect(isPeer(id) && !id.startsWith("ajv"), `mock-browser.js imports ${id}`).toBe(true);
    expect(fs.readFileSync(path.join(dist, "mock-bin.js"), "utf8")).toMatch(/^#!\/usr\/bin\/env node\n/);
    expect(fs.statSync(path.join(dist, "mock-bin.js")).mode & 0o111).not.toBe(0);
  });

  it("tsdown's clean step keeps the bundled spec and removes its own stale output", () => {
    expect(build.clean).toEqual({ keptSpecFiles: true, removedStaleChunk: true });
  });

  it("writes the OpenAPI 3.0 rendition next to the 3.1 bundle", () => {
    const spec30 = JSON.parse(fs.readFileSync(path.join(dist, "openapi-3.0.json"), "utf8"));
    expect(spec30.openapi).toBe("3.0.3");
    expect(fs.readFileSync(path.join(dist, "openapi-3.0.yaml"), "utf8")).toMatch(/^openapi: 3\.0\.3$/m);
  });
});

describe("package.json", () => {
  it("declares exports with types first for import and require", () => {
    const dot = pkgJson.exports["."];
    expect(Object.keys(dot)).toEqual(["import", "require"]);
    expect(Object.keys(dot.import)[0]).toBe("types");
    expect(Object.keys(dot.require)[0]).toBe("types");
    expect(dot.import).toEqual({ types: "./dist/index.d.ts", default: "./dist/index.js" });
    expect(dot.require).toEqual({ types: "./dist/index.d.cts", default: "./dist/index.cjs" });
    expect(pkgJson.exports).toMatchObject({
      "./package.json": "./package.json",
      "./openapi.json": "./dist/openapi.json",
      "./openapi.yaml": "./dist/openapi.yaml",
      "./openapi-3.0.json": "./dist/openapi-3.0.json",
      "./openapi-3.0.yaml": "./dist/openapi-3.0.yaml",
    });
    expect(pkgJson.sideEffects).toBe(false);
    expect(pkgJson.engines).toEqual({ node: ">=20.19" });
    expect(pkgJson.type).toBe("module");
    expect(pkgJson.main).toBe("./dist/index.cjs");
    expect(pkgJson.types).toBe("./dist/index.d.cts");
    expect(Object.keys(pkgJson.dependencies ?? {})).toEqual(["openapi-fetch"]);
  });

  it("declares the mock subpath (types first, a browser build) and its bin; msw & co are optional peers", () => {
    expect(pkgJson.exports["./mock"]).toEqual({ types: "./dist/mock.d.ts", browser: "./dist/mock-browser.js", default: "./dist/mock.js" });
    expect(pkgJson.bin).toEqual({ "chatwoot-conversations-mock": "./dist/mock-bin.js" });
    for (const peer of Object.keys(pkgJson.peerDependencies)) expect(pkgJson.peerDependenciesMeta[peer], peer).toEqual({ optional: true });
    expect(Object.keys(pkgJson.peerDependencies)).toEqual(expect.arrayContaining(["msw", "ajv", "ajv-formats"]));
  });

  it("ships exactly the build, the spec files, the license and the readme", () => {
    const allowed = /^(package\.json|LICENSE|README\.md|dist\/index\.(js|cjs|d\.ts|d\.cts)(\.map)?|dist\/mock(-browser|-bin)?\.js|dist\/mock\.d\.ts|dist\/openapi(-3\.0)?\.(json|yaml))$/;
    expect(build.packedFiles.filter((f) => !allowed.test(f))).toEqual([]);
    type Target = string | { [condition: string]: Target };
    const targets = (v: Target): string[] => (typeof v === "string" ? [v] : Object.values(v).flatMap(targets));
    for (const target of [...targets(pkgJson.exports as Target), ...Object.values(pkgJson.bin as Record<string, string>)]) {
      expect(build.packedFiles, `exports target ${target}`).toContain(target.replace(/^\.\//, ""));
    }
    expect(build.packedFiles).toContain("LICENSE");
  });
});

describe("lint the package", () => {
  it("publint reports nothing (strict, all levels)", { timeout: 60_000 }, async () => {
    const tarball = fs.readFileSync(build.tarball);
    // Lints the tarball itself (what npm would publish), not the directory.
    const { messages, pkg } = await publint({
      level: "suggestion",
      strict: true,
      pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) as ArrayBuffer },
    });
    expect(messages.map((m) => `${m.type}: ${formatMessage(m, pkg) ?? m.code}`)).toEqual([]);
  });

  it("are-the-types-wrong finds no problem for node16 (CJS and ESM) and bundlers", { timeout: 120_000 }, () => {
    // YAML subpaths are data files, not modules: no resolver resolves them to code or types.
    // ./mock is ESM only on purpose (Node-side tooling over msw 2); attw's node16-CJS check would flag that.
    const r = exec(
      bin("attw"),
      [build.tarball, "--profile", "node16", "--exclude-entrypoints", "./openapi.yaml", "./openapi-3.0.yaml", "./mock", "--format", "json"],
      { cwd: root },
    );
    const report = JSON.parse(r.stdout) as { analysis: { entrypoints: Record<string, unknown> }; problems?: Record<string, Array<{ resolutionKind?: string; entrypoint?: string }>> };
    expect(Object.keys(report.analysis.entrypoints)).toEqual(expect.arrayContaining([".", "./openapi.json", "./openapi-3.0.json", "./package.json"]));
    const inProfile = Object.entries(report.problems ?? {}).flatMap(([kind, list]) =>
      list.filter((p) => p.resolutionKind !== "node10").map((p) => `${kind} ${p.entrypoint ?? ""} (${p.resolutionKind ?? "any"})`),
    );
    expect(inProfile).toEqual([]);
    expect(r.status, r.output).toBe(0);
  });
});

describe("size", () => {
  it("package.json has exactly the budgeted size-limit entries", () => {
    const entries = pkgJson["size-limit"] as Array<{ name: string; limit: string }>;
    expect(Object.fromEntries(entries.map((e) => [e.name, Math.round(parseFloat(e.limit) * (e.limit.endsWith("kB") ? 1000 : 1))]))).toEqual(BUDGETS);
  });

  it("every entry is within its budget", { timeout: 120_000 }, () => {
    // size-limit bundles each entry with its dependencies (esbuild), minifies and gzips.
    const r = exec(bin("size-limit"), ["--json"], { cwd: build.pkgDir, timeout: 120_000 });
    const start = r.stdout.indexOf("[");
    expect(start, r.output).toBeGreaterThanOrEqual(0);
    const results = JSON.parse(r.stdout.slice(start)) as Array<{ name: string; size: number; sizeLimit: number; passed: boolean }>;
    expect(results.map((res) => res.name).sort()).toEqual(Object.keys(BUDGETS).sort());
    for (const res of results) {
      console.log(`size-limit "${res.name}": ${res.size} B min+gzip (budget ${res.sizeLimit} B)`);
      expect(res.sizeLimit).toBe(BUDGETS[res.name]);
      expect(res.size, `${res.name}: ${res.size} B`).toBeLessThanOrEqual(BUDGETS[res.name]!);
    }
  });
});
