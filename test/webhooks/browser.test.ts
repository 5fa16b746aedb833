// verifyWebhook from the built ESM file (dist/index.js, built by the global
// setup), bundled for the browser by esbuild and run in headless Chromium on a
// page served from 127.0.0.1 (a secure context, so crypto.subtle exists).
// The same bundle proves the helper tree-shakes: importing only verifyWebhook
// pulls in neither openapi-fetch nor the client.
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundlePage, launchChromium, serveStatic, type StaticServer } from "../package/helpers/browser.js";
import { messageWithMarkup, railsToJson, SECRET, signLikeTrigger } from "./payloads.js";

const root = path.resolve(import.meta.dirname, "..", "..");
const siteDir = path.join(root, ".tmp", "webhook-browser");
let browser: Browser;
let site: StaticServer;
let page: Page;
let inputs: string[] = [];

beforeAll(async () => {
  fs.rmSync(siteDir, { recursive: true, force: true });
  fs.mkdirSync(siteDir, { recursive: true });
  const entry = path.join(siteDir, "entry.mjs");
  fs.writeFileSync(
    entry,
    `import { verifyWebhook, WebhookVerificationError } from ${JSON.stringify(path.join(root, "dist", "index.js"))};
window.verify = (body, headers, secret) => verifyWebhook(body, headers, secret).then(
  (event) => ({ ok: true, event: event.event, id: event.id }),
  (err) => ({ ok: false, name: err.name, reason: err.reason, typed: err instanceof WebhookVerificationError }),
);
`,
  );
  const metafile = await bundlePage(entry, path.join(siteDir, "app.js"));
  // Inputs that put bytes into the bundle (metafile.inputs also lists what was shaken away).
  const output = Object.values(metafile.outputs)[0]!;
  inputs = Object.entries(output.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([file]) => file);
  fs.writeFileSync(
    path.join(siteDir, "index.html"),
    `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><script type="module" src="/app.js"></script></body></html>`,
  );
  [browser, site] = await Promise.all([launchChromium(), serveStatic(siteDir)]);
  page = await browser.newPage();
  await page.goto(`${site.url}/index.html`);
  await page.waitForFunction(() => typeof (window as unknown as { verify?: unknown }).verify === "function", null, { timeout: 30_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

type Verdict = { ok: boolean; event?: string; id?: number; name?: string; reason?: string; typed?: boolean };
const verifyInPage = (body: string, headers: Record<string, string>, secret: string) =>
  page.evaluate(([b, h, s]) => (window as unknown as { verify: (...a: unknown[]) => Promise<Verdict> }).verify(b, new Headers(h), s), [body, headers, secret] as const);

describe("verifyWebhook in headless Chromium", () => {
  it("the bundle comes from dist/index.js, without openapi-fetch or the client", () => {
    expect(inputs.some((i) => i.endsWith("dist/index.js"))).toBe(true);
    expect(inputs.filter((i) => i.includes("openapi-fetch"))).toEqual([]);
    const code = fs.readFileSync(path.join(siteDir, "app.js"), "utf8");
    expect(code).toContain("x-chatwoot-signature");
    expect(code).not.toContain("api_access_token");
  });

  it("accepts a payload signed like lib/webhooks/trigger.rb (current time)", async () => {
    const body = railsToJson(messageWithMarkup());
    const headers = signLikeTrigger(SECRET, body, Math.floor(Date.now() / 1000));
    expect(await verifyInPage(body, headers, SECRET)).toEqual({ ok: true, event: "message_created", id: messageWithMarkup().id });
  });

  it("rejects a wrong secret, a changed body and a stale timestamp with typed errors", async () => {
    const body = railsToJson(messageWithMarkup());
    const headers = signLikeTrigger(SECRET, body, Math.floor(Date.now() / 1000));
    const stale = signLikeTrigger(SECRET, body, Math.floor(Date.now() / 1000) - 3600);
    expect(await verifyInPage(body, headers, "not-the-secret")).toEqual({ ok: false, name: "WebhookVerificationError", reason: "bad_signature", typed: true });
    expect(await verifyInPage(body + " ", headers, SECRET)).toMatchObject({ reason: "bad_signature" });
    expect(await verifyInPage(body, stale, SECRET)).toMatchObject({ reason: "stale_timestamp" });
  });
});
