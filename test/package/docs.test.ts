// `npm run docs`: the single-file Redoc reference renders every operation in a real
// browser (served from 127.0.0.1, nothing loaded from elsewhere), and TypeDoc documents
// the public API. Saves artifacts/redoc.png.
import fs from "node:fs";
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, serveStatic, type StaticServer } from "./helpers/browser.js";
import { exec, root } from "./helpers/package-build.js";
import { snapshotSpec } from "./helpers/spec-snapshot.js";

const docsDir = path.join(root, "docs-site");
let browser: Browser;
let site: StaticServer;
let docsOutput = "";

const snapshot = snapshotSpec();
const spec = JSON.parse(fs.readFileSync(snapshot.json, "utf8")) as {
  tags?: Array<{ name: string }>;
  paths: Record<string, Record<string, { operationId?: string; summary?: string }>>;
};
const operations = Object.values(spec.paths).flatMap((item) =>
  Object.values(item).filter((op): op is { operationId: string; summary: string } => typeof op === "object" && op !== null && "operationId" in op),
);

beforeAll(async () => {
  const r = exec("npm", ["run", "-s", "docs", "--", "--spec", snapshot.yaml], { cwd: root, timeout: 240_000 });
  docsOutput = r.output;
  expect(r.status, r.output).toBe(0);
  [browser, site] = await Promise.all([launchChromium(), serveStatic(docsDir)]);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("npm run docs", () => {
  it("writes one self-contained HTML file for the API", () => {
    const html = fs.readFileSync(path.join(docsDir, "api.html"), "utf8");
    // Redoc is inlined: no script or stylesheet from a CDN.
    expect(html).not.toMatch(/<script[^>]+src=["']https?:/i);
    expect(html).not.toMatch(/<link[^>]+href=["']https?:[^>]+stylesheet/i);
    expect(html.length).toBeGreaterThan(100_000);
  });

  it("renders every operation's summary in Chromium", { timeout: 180_000 }, async () => {
    expect(operations.length).toBeGreaterThan(0);
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const errors: string[] = [];
    const external: string[] = [];
    page.on("pageerror", (err) => errors.push(String(err)));
    page.on("request", (req) => {
      const url = new URL(req.url());
      if (url.protocol.startsWith("http") && url.hostname !== "127.0.0.1") external.push(req.url());
    });
    await page.goto(`${site.url}/api.html`, { waitUntil: "load" });
    // Redoc renders client-side, one tag at a time: open every tag from the sidebar and
    // collect what the page shows (the sidebar lists the tag's operations by summary and
    // the main pane renders them).
    await page.waitForSelector("h2", { timeout: 60_000 });
    let text = await page.evaluate(() => document.body.innerText);
    for (const tag of spec.tags ?? []) {
      await page.getByRole("link", { name: tag.name, exact: true }).first().click();
      await page.waitForFunction((name) => [...document.querySelectorAll("h1, h2")].some((h) => h.textContent?.trim() === name), tag.name, {
        timeout: 30_000,
      });
      text += "\n" + (await page.evaluate(() => document.body.innerText));
    }
    const missing = operations.filter((op) => !text.includes(op.summary)).map((op) => `${op.operationId}: ${op.summary}`);
    expect(missing).toEqual([]);
    // Finish on the first tag for the screenshot.
    const first = spec.tags?.[0];
    if (first) await page.getByRole("link", { name: first.name, exact: true }).first().click();
    await page.waitForTimeout(500);
    const title = await page.title();
    expect(title).toContain("Chatwoot Conversations API");

    fs.mkdirSync(path.join(root, "artifacts"), { recursive: true });
    await page.screenshot({ path: path.join(root, "artifacts", "redoc.png") });
    await page.close();
    expect(fs.statSync(path.join(root, "artifacts", "redoc.png")).size).toBeGreaterThan(10_000);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });

  it("documents the TypeScript API with TypeDoc", () => {
    const index = fs.readFileSync(path.join(docsDir, "ts", "index.html"), "utf8");
    for (const name of ["createChatwootClient", "InvalidRequestError", "ChatwootClientOptions"]) expect(index, name).toContain(name);
    expect(fs.existsSync(path.join(docsDir, "ts", "functions", "createChatwootClient.html"))).toBe(true);
    expect(docsOutput).not.toMatch(/\[error\]/i);
    expect(docsOutput).not.toMatch(/unknown block tag/i);
    // Public types that reference unexported ones are reported by `npm run docs`, not failed here.
    const notExported = docsOutput.split("\n").filter((l) => /not included in the documentation/.test(l));
    if (notExported.length) console.warn(`TypeDoc: ${notExported.length} referenced type(s) not exported:\n${notExported.join("\n")}`);
  });
});
