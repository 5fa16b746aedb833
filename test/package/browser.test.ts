// The built ESM entry in a real browser: bundled by esbuild for the browser, loaded
// in headless Chromium from a page on 127.0.0.1, calling a Prism mock (another origin,
// so this also exercises CORS and the preflight for the api_access_token header).
import fs from "node:fs";
import path from "node:path";
import * as esbuild from "esbuild";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPrism, type PrismServer } from "../helpers/prism.js";
import { launchChromium, serveStatic, type StaticServer } from "./helpers/browser.js";
import { packageBuild, root, type PackageBuild } from "./helpers/package-build.js";
import { snapshotSpec } from "./helpers/spec-snapshot.js";

let build: PackageBuild;
let prism: PrismServer;
let site: StaticServer;
let browser: Browser;
const siteDir = path.join(root, ".tmp", "browser-smoke");

beforeAll(async () => {
  [build, prism, browser] = await Promise.all([packageBuild(), startPrism({ spec: snapshotSpec().yamlRel }), launchChromium()]);
  fs.rmSync(siteDir, { recursive: true, force: true });
  fs.mkdirSync(siteDir, { recursive: true });

  // The page's script imports the package's built ESM file, exactly as a browser app would.
  const entry = path.join(siteDir, "entry.mjs");
  fs.writeFileSync(
    entry,
    `import { createChatwootClient, ChatwootApiError } from ${JSON.stringify(path.join(build.pkgDir, "dist", "index.js"))};
const params = new URLSearchParams(location.search);
const client = createChatwootClient({ baseUrl: params.get("api"), apiAccessToken: "test-token", accountId: 1, maxRetries: 0 });
window.__result = client.conversations.list({ status: "open" }).then(
  (page) => ({ ok: true, count: page.payload.length, firstId: page.payload[0] && page.payload[0].id, meta: page.meta }),
  (err) => ({ ok: false, error: String(err), api: err instanceof ChatwootApiError }),
);
`,
  );
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outfile: path.join(siteDir, "app.js"),
    logLevel: "silent",
    metafile: true,
  });
  expect(result.errors).toEqual([]);
  // Bundled from the package's ESM build (not the sources) together with openapi-fetch.
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.some((i) => i.endsWith("pkg/dist/index.js"))).toBe(true);
  expect(inputs.some((i) => i.includes("node_modules/openapi-fetch/"))).toBe(true);
  expect(inputs.filter((i) => i.includes("/src/"))).toEqual([]);

  fs.writeFileSync(
    path.join(siteDir, "index.html"),
    `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>smoke</title></head>
<body><pre id="out">running…</pre>
<script type="module" src="/app.js"></script>
<script type="module">
  const r = await window.__result;
  document.getElementById("out").textContent = JSON.stringify(r);
</script></body></html>`,
  );
  site = await serveStatic(siteDir);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await prism?.stop();
});

describe("in a browser", () => {
  it("lists conversations through the bundled ESM build", { timeout: 120_000 }, async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (err) => errors.push(String(err)));
    page.on("console", (msg) => {
      if (msg.type() === "error") errors.push(msg.text());
    });
    const external: string[] = [];
    page.on("request", (req) => {
      const url = new URL(req.url());
      if (url.hostname !== "127.0.0.1") external.push(req.url());
    });

    await page.goto(`${site.url}/index.html?api=${encodeURIComponent(prism.url)}`);
    await page.waitForFunction(() => document.getElementById("out")?.textContent !== "running…", null, { timeout: 30_000 });
    const result = JSON.parse((await page.textContent("#out")) ?? "null");
    await page.close();

    expect(result, JSON.stringify({ errors, prism: prism.output().slice(-2000) })).toMatchObject({ ok: true });
    expect(result.count).toBeGreaterThan(0);
    expect(typeof result.firstId).toBe("number");
    expect(result.meta).toHaveProperty("all_count");
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    expect(site.requests).toContain("/app.js");
  });
});
