// The simulator in a browser with no server process: a page bundled the way a
// frontend's dev build is (esbuild, "browser" condition → dist/mock-browser.js)
// starts MSW's setupWorker with the simulator's handlers, lists open
// conversations through the project's client, resolves one, and reads it back.
// Headless Chromium; mockServiceWorker.js served from node_modules/msw/lib/.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../helpers/process.js";

const CHROMIUM = "/usr/bin/chromium";
const PAGE_DIR = path.join(root, "test", "fixtures", "msw-page");

let site: http.Server;
let siteUrl: string;
let profile: string;
let context: BrowserContext;
let bundle: string;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run \`bash scripts/ensure-tools.sh\``);
  // The package resolves to itself by name (package.json "exports"), from the build in dist/.
  const out = await build({
    entryPoints: [path.join(PAGE_DIR, "app.js")],
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    absWorkingDir: root,
    nodePaths: [path.join(root, "node_modules")],
    logLevel: "silent",
  });
  bundle = out.outputFiles[0]!.text;
  const files: Record<string, [string, string]> = {
    "/": [fs.readFileSync(path.join(PAGE_DIR, "index.html"), "utf8"), "text/html; charset=utf-8"],
    "/app.bundle.js": [bundle, "text/javascript; charset=utf-8"],
    "/mockServiceWorker.js": [fs.readFileSync(path.join(root, "node_modules", "msw", "lib", "mockServiceWorker.js"), "utf8"), "text/javascript; charset=utf-8"],
  };
  site = http.createServer((req, res) => {
    const file = files[new URL(req.url ?? "/", "http://x").pathname.replace(/^\/index\.html$/, "/")];
    // Anything else (e.g. /api/v1/...) reaching the server means the worker did not intercept it.
    if (!file) return void res.writeHead(599, { "content-type": "text/plain" }).end("not intercepted");
    res.writeHead(200, { "content-type": file[1] }).end(file[0]);
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  profile = fs.mkdtempSync(path.join(os.tmpdir(), "msw-page-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    timeout: 60_000,
  });
});

afterAll(async () => {
  await context?.close();
  site?.closeAllConnections();
  await new Promise((resolve) => site?.close(resolve));
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

describe("MSW setupWorker in headless Chromium", () => {
  it("bundles the browser build: no node:http, no contract guard", () => {
    expect(bundle).not.toMatch(/["']node:/);
    expect(bundle).not.toContain("Ajv2020");
  });

  it("lists, resolves and reads back through the worker; the change carries over", async () => {
    const page = await context.newPage();
    try {
      await page.goto(siteUrl);
      await page.waitForSelector("body:not([data-state=loading])", { timeout: 30_000 });
      expect(await page.getAttribute("body", "data-state"), (await page.textContent("#status")) ?? "").toBe("done");
      const open = Number(await page.getAttribute("body", "data-open"));
      expect(open).toBeGreaterThanOrEqual(26);
      const first = await page.getAttribute("#conversations li:first-child", "data-id");
      await page.click("#resolve");
      await page.waitForSelector("body[data-resolved]", { timeout: 10_000 });
      expect(await page.getAttribute("body", "data-resolved")).toBe(`${first}:resolved`);
      await page.waitForFunction((before) => document.body.dataset.open === String(before - 1), open, { timeout: 10_000 });
      expect(await page.$(`#conversations li[data-id="${first}"]`)).toBeNull();
    } finally {
      await page.close();
    }
  });

  it("shows an error state asked for with Prefer (errorStates before the handlers)", async () => {
    const page = await context.newPage();
    try {
      await page.goto(`${siteUrl}/?prefer=code%3D503`);
      await page.waitForSelector("body:not([data-state=loading])", { timeout: 30_000 });
      expect(await page.getAttribute("body", "data-state")).toBe("error");
      expect(await page.textContent("#status")).toBe("InternalServerError 503");
    } finally {
      await page.close();
    }
  });
});
