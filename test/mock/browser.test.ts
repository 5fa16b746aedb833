// A frontend on another origin (a static page served by node:http) calls the
// mock from headless Chromium (CORS preflight included, as the page sends
// api_access_token), renders the open conversations, and shows an error state
// asked for with Prefer. The mock is started as `node scripts/mock.mjs`,
// configured through MOCK_PORT / MOCK_HOST, and stopped with SIGINT (exit 0).
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, freePort, isAlive, root, startMock, waitUntil, type MockProcess } from "./helpers/process.js";
import { content, examples, loadSpec, operation, response, type JsonObject } from "./helpers/spec.js";

const CHROMIUM = "/usr/bin/chromium";
const PAGE_DIR = path.join(root, "test", "fixtures", "mock-page");
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8" };

const spec = loadSpec();

let mock: MockProcess;
let mockPort: number;
let site: http.Server;
let siteUrl: string;
let profile: string;
let context: BrowserContext;

beforeAll(async () => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run \`bash scripts/ensure-tools.sh\``);
  mockPort = await freePort();
  site = http.createServer((req, res) => {
    const name = new URL(req.url ?? "/", "http://x").pathname.replace(/^\/$/, "/index.html");
    const file = path.join(PAGE_DIR, path.basename(name));
    if (!fs.existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  profile = fs.mkdtempSync(path.join(os.tmpdir(), "mock-page-chromium-"));
  [mock, context] = await Promise.all([
    startMock("node", ["--static"], { env: cleanEnv({ MOCK_PORT: String(mockPort), MOCK_HOST: "127.0.0.1" }) }),
    // A persistent context is how playwright takes a --user-data-dir: a fresh one per run.
    chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      viewport: { width: 800, height: 720 },
      timeout: 60_000,
    }),
  ]);
});

afterAll(async () => {
  await context?.close();
  await mock?.stop("SIGKILL");
  site?.closeAllConnections();
  await new Promise((resolve) => site?.close(resolve));
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

async function openPage(query: Record<string, string>): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${siteUrl}/index.html?${new URLSearchParams(query)}`);
  await page.waitForSelector("body:not([data-state=loading])", { timeout: 20_000 });
  return page;
}

describe("a browser app on another origin, against npm run mock", () => {
  it("runs on MOCK_PORT / MOCK_HOST", () => {
    expect(mock.url).toBe(`http://127.0.0.1:${mockPort}`);
    expect(new URL(siteUrl).origin).not.toBe(new URL(mock.url).origin);
  });

  it("renders the conversation list of the spec's example", async () => {
    const page = await openPage({ api: mock.url });
    try {
      const status = await page.textContent("#status");
      expect(await page.getAttribute("body", "data-state"), status ?? "").toBe("done");
      const rendered = await page.$$eval("#conversations li", (items) =>
        items.map((li) => ({ id: Number((li as HTMLElement).dataset.id), name: li.querySelector(".name")?.textContent ?? "" })),
      );
      // Without Prefer, Prism answers with the first named example.
      const media = content(response(spec, operation(spec, "listConversations"), "200"))![1];
      const first = examples(spec, media)[0]![1] as { data: { payload: JsonObject[] } };
      const expected = first.data.payload.map((c) => ({ id: c.id, name: (c.meta as { sender: { name: string | null } }).sender.name ?? "(no name)" }));
      expect(expected.length).toBeGreaterThan(0);
      expect(rendered).toEqual(expected);
      fs.mkdirSync(path.join(root, "artifacts"), { recursive: true });
      await page.screenshot({ path: path.join(root, "artifacts", "mock-page.png"), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it("shows the error state asked for with Prefer: code=429", async () => {
    const page = await openPage({ api: mock.url, prefer: "code=429" });
    try {
      expect(await page.getAttribute("body", "data-state")).toBe("error");
      expect(await page.textContent("#status")).toBe("The server answered 429: Retry later");
      expect(await page.$$("#conversations li")).toHaveLength(0);
    } finally {
      await page.close();
    }
  });

  it("stops on SIGINT (Ctrl-C) with exit code 0, leaving no process behind", async () => {
    const tree = mock.seen();
    expect(tree.length).toBeGreaterThanOrEqual(2); // node scripts/mock.mjs and Prism
    process.kill(mock.pid, "SIGINT");
    expect(await mock.exited).toEqual({ code: 0, signal: null });
    await waitUntil(() => tree.every((pid) => !isAlive(pid)), 10_000, `processes ${tree.join(", ")} to exit`);
  });
});
