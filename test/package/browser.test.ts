// The built ESM entry in a real browser: bundled by esbuild for the browser, loaded
// in headless Chromium from a page on 127.0.0.1, calling a local node:http server
// (another origin, so this also exercises CORS and the preflight for the
// api_access_token header) and showing what it parsed.
import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONSUMER_TOKEN, expectedResult, startApiServer, type ApiServer } from "./helpers/api-server.js";
import { bundlePage, launchChromium, serveStatic, type StaticServer } from "./helpers/browser.js";
import { packageBuild, root, type PackageBuild } from "./helpers/package-build.js";

let build: PackageBuild;
let api: ApiServer;
let site: StaticServer;
let browser: Browser;
const siteDir = path.join(root, ".tmp", "browser-smoke");

beforeAll(async () => {
  [build, api, browser] = await Promise.all([packageBuild(), startApiServer(), launchChromium()]);
  fs.rmSync(siteDir, { recursive: true, force: true });
  fs.mkdirSync(siteDir, { recursive: true });

  // The page's script imports the package's built ESM file, exactly as a browser app would.
  const entry = path.join(siteDir, "entry.mjs");
  fs.writeFileSync(
    entry,
    `import { createChatwootClient, ChatwootApiError } from ${JSON.stringify(path.join(build.pkgDir, "dist", "index.js"))};
const params = new URLSearchParams(location.search);
const client = createChatwootClient({ baseUrl: params.get("api"), apiAccessToken: ${JSON.stringify(CONSUMER_TOKEN)}, accountId: 1, maxRetries: 0 });
window.__result = client.conversations.list({ status: "open" }).then(
  (page) => ({ ok: true, ids: page.payload.map((c) => c.id), allCount: page.meta.all_count }),
  (err) => ({ ok: false, error: String(err), api: err instanceof ChatwootApiError }),
);
`,
  );
  const metafile = await bundlePage(entry, path.join(siteDir, "app.js"));
  // Bundled from the package's ESM build (not the sources) together with openapi-fetch.
  const inputs = Object.keys(metafile.inputs);
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
  await api?.close();
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

    await page.goto(`${site.url}/index.html?api=${encodeURIComponent(api.url)}`);
    await page.waitForFunction(() => document.getElementById("out")?.textContent !== "running…", null, { timeout: 30_000 });
    const result = JSON.parse((await page.textContent("#out")) ?? "null");
    await page.close();

    expect(result, JSON.stringify({ errors, requests: api.requests })).toEqual({ ok: true, ...expectedResult() });
    // The preflight, then the call itself with the token.
    expect(api.requests.map((r) => `${r.method} ${r.url} ${r.token ?? "-"}`)).toEqual([
      "OPTIONS /api/v1/accounts/1/conversations?status=open -",
      `GET /api/v1/accounts/1/conversations?status=open ${CONSUMER_TOKEN}`,
    ]);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
    expect(site.requests).toContain("/app.js");
  });
});
