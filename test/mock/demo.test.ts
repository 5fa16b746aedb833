// examples/demo.mjs (what `npm start` runs after the build) uses the BUILT
// client (dist/index.js) and simulator (dist/mock.js); the vitest global setup
// builds them before any test.
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, isAlive, processTree, root, waitUntil } from "./helpers/process.js";
import { content, examples, loadSpec, operation, operations, response, type JsonObject } from "./helpers/spec.js";

const spec = loadSpec();

/** The first 200 example of an operation (what the static mock answers). */
function firstExample(operationId: string): JsonObject {
  const media = content(response(spec, operation(spec, operationId), "200"))?.[1];
  return examples(spec, media)[0]![1] as JsonObject;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Every pid seen in the demo's process tree while it ran. */
  seen: number[];
}

/** Process groups of the demo runs, killed after the tests (which first check that nothing is left). */
const groups: number[] = [];

function runDemo(env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<Run> {
  const child = spawn(process.execPath, [path.join(root, "examples", "demo.mjs")], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  groups.push(child.pid!);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const seen = new Set<number>();
  const sampler = setInterval(() => processTree(child.pid!).forEach((pid) => seen.add(pid)), 100);
  const timer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), timeoutMs);
  return new Promise((resolve) =>
    child.once("exit", (code) => {
      clearInterval(sampler);
      clearTimeout(timer);
      resolve({ code, stdout, stderr, seen: [...seen] });
    }),
  );
}

/** A stand-in for a real Chatwoot server: answers every operation with its first example and records the requests. */
interface Recorded {
  method: string;
  url: string;
  token: string | undefined;
  body: string;
}
let fake: http.Server;
let fakeUrl: string;
const recorded: Recorded[] = [];
const routes = operations(spec).map((o) => ({
  method: o.method.toUpperCase(),
  pattern: new RegExp(`^${o.path.replace(/\{[^}]+\}/g, "[^/]+")}$`),
  body: content(response(spec, o, "200")) ? JSON.stringify(firstExample(o.operationId)) : "",
}));

beforeAll(async () => {
  fake = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://x");
      recorded.push({ method: req.method ?? "", url: url.pathname + url.search, token: req.headers.api_access_token as string | undefined, body });
      const route = routes.find((r) => r.method === req.method && r.pattern.test(url.pathname));
      if (!route) return void res.writeHead(404, { "content-type": "application/json" }).end('{"error":"Resource could not be found"}');
      res.writeHead(200, route.body ? { "content-type": "application/json; charset=utf-8" } : {}).end(route.body);
    });
  });
  await new Promise<void>((resolve) => fake.listen(0, "127.0.0.1", resolve));
  fakeUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const group of groups) {
    try {
      process.kill(-group, "SIGKILL");
    } catch {
      // nobody left, as it should be
    }
  }
  fake?.closeAllConnections();
  await new Promise((resolve) => fake?.close(resolve));
});

describe("examples/demo.mjs", () => {
  it("runs against the simulator it starts in-process, and every change shows in the next read", async () => {
    const run = await runDemo(cleanEnv());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/against the simulator at http:\/\/127\.0\.0\.1:\d+ \(account 1, token sim-admin-token\)\n/);
    expect(run.stdout).not.toMatch(/example|do not carry over/i); // no disclaimer any more
    const all = Number(/1\. Open conversations: \d+ on the first page \(mine \d+, unassigned \d+, all (\d+)\)/.exec(run.stdout)?.[1]);
    expect(all).toBeGreaterThanOrEqual(26); // the seed's open conversations
    const id = /2\. Conversation #(\d+) with .+: open,/.exec(run.stdout)?.[1];
    expect(id).toBeDefined();
    expect(run.stdout).toContain("3. Toggled the status: open → resolved");
    const labelled = /4\. Labels: (.+) → (.+) \(the account has \d+ labels\)/.exec(run.stdout);
    expect(labelled).not.toBeNull();
    expect(run.stdout).toMatch(/5\. Replied \(message #\d+\): "Thanks for reaching out!/);
    // State carried over: one open conversation fewer, and #id reads back resolved, labelled, with the reply last.
    expect(run.stdout).toContain(`6. Open conversations again: all ${all} → ${all - 1}; #${id} is gone from the list`);
    expect(run.stdout).toContain(`#${id} now: resolved, labels ${labelled![2]}, last message "Thanks for reaching out!`);
    expect(run.stdout).toMatch(new RegExp(`7\\. Conversations per status: open ${all - 1}, pending \\d+, snoozed \\d+, resolved \\d+`));
    expect(run.stderr).not.toContain("contract violation");
    expect(run.stdout.trimEnd().endsWith("Done.")).toBe(true);
    expect(run.seen.length).toBeLessThanOrEqual(1); // in-process: no child process to leave behind
  });

  it("runs against a real server from CHATWOOT_BASE_URL / _API_TOKEN / _ACCOUNT_ID, and puts the conversation back", async () => {
    recorded.length = 0;
    const run = await runDemo(cleanEnv({ CHATWOOT_BASE_URL: fakeUrl, CHATWOOT_API_TOKEN: "real-token-123", CHATWOOT_ACCOUNT_ID: "7" }));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Chatwoot demo against ${fakeUrl} (account 7)`);
    expect(run.seen.length).toBeLessThanOrEqual(1); // no mock server started (just the demo)
    expect(recorded.length).toBeGreaterThan(0);
    for (const r of recorded) {
      expect(r.token).toBe("real-token-123");
      expect(r.url.startsWith("/api/v1/accounts/7/")).toBe(true);
    }
    const read = firstExample("getConversation") as { status: string; labels: string[] };
    const toggles = recorded.filter((r) => r.method === "POST" && r.url.endsWith("/toggle_status"));
    expect(toggles).toHaveLength(2);
    expect(JSON.parse(toggles[1]!.body || "{}")).toEqual({ status: read.status });
    const labelWrites = recorded.filter((r) => r.method === "POST" && r.url.endsWith("/labels"));
    const titles = (firstExample("listLabels") as { payload: { title: string }[] }).payload.map((l) => l.title);
    if (titles.some((t) => !read.labels.includes(t))) {
      expect(labelWrites).toHaveLength(2); // set, then put back
      expect(JSON.parse(labelWrites[1]!.body)).toEqual({ labels: read.labels });
    } else {
      expect(labelWrites).toHaveLength(0); // no other label to add
    }
    const counts = recorded.filter((r) => r.method === "GET" && r.url.includes("/conversations/meta")).map((r) => new URL(r.url, "http://x").searchParams.get("status"));
    expect(counts.sort()).toEqual(["open", "pending", "resolved", "snoozed"]);
  });

  it("refuses half a real-server configuration instead of silently using the mock", async () => {
    const run = await runDemo(cleanEnv({ CHATWOOT_BASE_URL: fakeUrl }));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("set both CHATWOOT_BASE_URL and CHATWOOT_API_TOKEN");
    expect(run.seen.length).toBeLessThanOrEqual(1);
  });
});
