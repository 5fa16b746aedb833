// The simulator as an installed package's users get it: the tarball plus the
// optional peers (msw, openapi-msw, ajv, ajv-formats) installed, offline, into a fresh
// project outside the repository. `npx chatwoot-conversations-mock` serves it
// over HTTP; `chatwoot-conversations/mock` gives MSW handlers to setupServer.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exec, packageBuild, root, type PackageBuild } from "./helpers/package-build.js";

let build: PackageBuild;
let project: string;
const devVersion = (name: string) => JSON.parse(fs.readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8")).version as string;

beforeAll(async () => {
  build = await packageBuild();
  project = fs.mkdtempSync(path.join(os.tmpdir(), "chatwoot-mock-consumer-"));
  fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "mock-consumer", version: "1.0.0", private: true, type: "module" }));
  // The peers at the versions this repository tests with (in npm's cache already).
  const peers = ["msw", "openapi-msw", "ajv", "ajv-formats"].map((name) => `${name}@${devVersion(name)}`);
  const args = ["install", "--no-audit", "--no-fund", "--no-package-lock", build.tarball, ...peers];
  let r = exec("npm", [...args, "--offline"], { cwd: project, timeout: 180_000 });
  if (r.status !== 0) r = exec("npm", [...args, "--prefer-offline"], { cwd: project, timeout: 240_000 });
  expect(r.status, r.output).toBe(0);
}, 400_000);

afterAll(() => {
  if (project) fs.rmSync(project, { recursive: true, force: true });
});

describe("chatwoot-conversations/mock, installed", () => {
  it("npx chatwoot-conversations-mock serves the simulator; state carries over; SIGINT stops it", { timeout: 90_000 }, async () => {
    const child = spawn("npx", ["--no-install", "chatwoot-conversations-mock", "--port", "0", "--seed", "2"], { cwd: project, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    const exited = new Promise<number | string | null>((resolve) => child.once("exit", (code, signal) => resolve(signal ?? code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`not ready:\n${out}`)), 60_000);
        child.stdout.on("data", () => {
          const found = /ready on (http:\/\/\S+)/.exec(out)?.[1];
          if (found) {
            clearTimeout(timer);
            resolve(found);
          }
        });
        void exited.then((code) => reject(new Error(`exited ${code}:\n${out}`)));
      });
      const headers = { api_access_token: "sim-admin-token", "content-type": "application/json" };
      const list = await (await fetch(`${url}/api/v1/accounts/1/conversations?status=open`, { headers })).json();
      const id = list.data.payload[0].id as number;
      const toggled = await fetch(`${url}/api/v1/accounts/1/conversations/${id}/toggle_status`, { method: "POST", headers, body: '{"status":"pending"}' });
      expect(toggled.status).toBe(200);
      const read = await (await fetch(`${url}/api/v1/accounts/1/conversations/${id}`, { headers })).json();
      expect(read.status).toBe("pending");
    } finally {
      try {
        process.kill(-child.pid!, "SIGINT");
      } catch {
        // already gone (the failure is reported above)
      }
    }
    // npx may die of the SIGINT itself; the bin under it stops cleanly.
    expect([0, "SIGINT"]).toContain(await exited);
    expect(out).toContain("mock server stopped");
  });

  it("gives setupServer the handlers, and imports no simulator code from the main entry", { timeout: 60_000 }, () => {
    fs.writeFileSync(
      path.join(project, "msw.mjs"),
      `import { setupServer } from "msw/node";
import { createChatwootClient } from "chatwoot-conversations";
import { handlers, simulator, createSimulator, startMockServer } from "chatwoot-conversations/mock";
const server = setupServer(...handlers);
server.listen({ onUnhandledRequest: "error" });
const chatwoot = createChatwootClient({ baseUrl: "https://chatwoot.example.test", apiAccessToken: "sim-agent-token", accountId: 1, maxRetries: 0 });
const page = await chatwoot.conversations.list({ status: "all" });
server.close();
const main = await import("node:fs").then((fs) => fs.readFileSync(new URL(import.meta.resolve("chatwoot-conversations")), "utf8"));
console.log(JSON.stringify({ listed: page.payload.length, all: page.meta.all_count, seeded: simulator.store !== undefined, kinds: [typeof createSimulator, typeof startMockServer], mainImportsMsw: /from ["']msw/.test(main) }));
`,
    );
    const r = exec(process.execPath, ["msw.mjs"], { cwd: project, timeout: 60_000 });
    expect(r.status, r.output).toBe(0);
    const result = JSON.parse(r.stdout.trim().split("\n").at(-1)!);
    expect(result.listed).toBeGreaterThan(0);
    expect(result).toMatchObject({ seeded: true, kinds: ["function", "function"], mainImportsMsw: false });
  });
});
