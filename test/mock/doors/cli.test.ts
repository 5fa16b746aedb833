// `npm run mock` (the simulator behind Prism's validating proxy by default) as
// a frontend developer starts it: the ready line, state that carries over
// between requests, tokens from the environment, reset, Prism reporting a
// violation without changing the answer, and a clean stop. The bin's mode
// (--guard ajv) too. Plus the option parser on its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCliOptions } from "../../../src/mock/cli.js";
import { createChatwootClient } from "../../../src/index.js";
import { cleanEnv, freePort, isAlive, startMock, waitUntil, type MockProcess } from "../helpers/process.js";

describe("options", () => {
  it("defaults to 127.0.0.1:4010, the default seed and tokens, the guard on", () => {
    expect(parseCliOptions([], {})).toEqual({ help: false, port: 4010, host: "127.0.0.1", validate: "log" });
  });

  it("takes MOCK_* variables, and flags over them", () => {
    const env = { MOCK_PORT: "5000", MOCK_SEED: "7", MOCK_CONVERSATIONS: "500", MOCK_AGENT_TOKEN: "env-agent", MOCK_WEBHOOK_SECRET: "s3cret" };
    expect(parseCliOptions([], env)).toMatchObject({ port: 5000, seed: 7, conversations: 500, tokens: { agent: "env-agent" }, webhookSecret: "s3cret" });
    expect(parseCliOptions(["--port", "6000", "--seed", "8", "--agent-token", "flag-agent", "--webhook-url", "http://127.0.0.1:9/h", "--no-validate"], env)).toMatchObject({
      port: 6000,
      seed: 8,
      tokens: { agent: "flag-agent" },
      webhookUrl: "http://127.0.0.1:9/h",
      validate: "off",
    });
  });

  it("rejects bad input readably", () => {
    expect(() => parseCliOptions(["--port", "http"], {})).toThrow(/invalid port "http"/);
    expect(() => parseCliOptions(["--seed", "x1"], {})).toThrow(/invalid seed/);
    expect(() => parseCliOptions(["--conversations", "0"], {})).toThrow(/invalid conversations/);
    expect(() => parseCliOptions(["--admin-token", "has space"], {})).toThrow(/invalid admin token/);
    expect(() => parseCliOptions(["--webhook-url", "ftp://x"], {})).toThrow(/invalid webhook URL/);
    expect(() => parseCliOptions(["--static"], {})).toThrow(); // handled by scripts/mock.mjs, never here
    expect(() => parseCliOptions(["--guard", "zod"], {})).toThrow(/invalid guard/);
  });
});

describe("npm run mock -- --guard ajv (what the bin runs)", () => {
  it("serves the simulator alone and prints violations of its in-process guard", async () => {
    const mock = await startMock("node", ["--guard", "ajv", "--port", "0"]);
    try {
      expect(mock.output()).toContain("contract guard: every request and response checked against the spec (ajv)");
      const res = await fetch(`${mock.url}/api/v1/accounts/1/conversations?status=closed`, { headers: { api_access_token: "sim-admin-token" } });
      expect(res.status).toBe(200);
      await waitUntil(() => mock.output().includes("contract violation (request) GET /api/v1/accounts/1/conversations?status=closed"), 10_000, "the violation line");
    } finally {
      expect((await mock.stop("SIGINT")).code).toBe(0);
    }
  });
});

describe("npm run mock", () => {
  let mock: MockProcess;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    mock = await startMock("npm", ["--port", String(port), "--seed", "3"], { env: cleanEnv({ MOCK_ADMIN_TOKEN: "my-admin" }) });
  });
  afterAll(async () => {
    await mock?.stop("SIGKILL");
  });

  it("prints the URL asked for, the tokens and copy-paste curl lines", () => {
    expect(mock.url).toBe(`http://127.0.0.1:${port}`);
    expect(mock.output()).toMatch(/Chatwoot API simulator \(stateful, seed 3\) ready on http:\/\/127\.0\.0\.1:\d+ in \d+ ms/);
    expect(mock.output()).toContain("admin my-admin · agent sim-agent-token · bot sim-bot-token");
    expect(mock.output()).toContain(`curl -s -X POST ${mock.url}/__mock__/reset`);
    expect(mock.output()).toContain("contract guard: Prism 5.14.2 validating proxy");
  });

  it("puts Prism's validating proxy in front: it logs a violation and the answer stays the simulator's", async () => {
    await waitUntil(() => mock.output().includes("Prism's validating proxy is up"), 60_000, "Prism to start");
    expect(mock.seen().length).toBeGreaterThanOrEqual(2); // node scripts/mock.mjs and Prism (npm too)
    const res = await fetch(`${mock.url}/api/v1/accounts/1/conversations?status=closed`, { headers: { api_access_token: "my-admin" } });
    expect(res.status).toBe(200); // what the simulator answers, unchanged
    expect(res.headers.get("sl-violations")).toContain("request");
    await waitUntil(() => /Violation: request\.query\.status/.test(mock.output()), 10_000, "Prism's violation line");
  });

  it("keeps state between requests (toggle, read back), and reset restores the seed", async () => {
    const logged = mock.output().length;
    const chatwoot = createChatwootClient({ baseUrl: mock.url, apiAccessToken: "my-admin", accountId: 1, maxRetries: 0 });
    const [first] = (await chatwoot.conversations.list({ status: "open" })).payload;
    await chatwoot.conversations.toggleStatus(first!.id, { status: "resolved" });
    expect((await chatwoot.conversations.get(first!.id)).status).toBe("resolved");
    expect((await fetch(`${mock.url}/__mock__/reset`, { method: "POST" })).status).toBe(204);
    expect((await chatwoot.conversations.get(first!.id)).status).toBe("open");
    const wrong = await fetch(`${mock.url}/api/v1/profile`, { headers: { api_access_token: "sim-admin-token" } });
    expect(wrong.status).toBe(401); // the default admin token was replaced
    await new Promise((resolve) => setTimeout(resolve, 500)); // Prism logs after it answers
    const since = mock.output().slice(logged);
    expect(since.split("\n").filter((l) => /Violation: (response|request\.(body|query|path))/.test(l))).toEqual([]);
  });

  it("stops on SIGINT with exit 0 and leaves no process behind", async () => {
    const exit = await mock.stop("SIGINT");
    expect(exit.code === 0 || exit.signal === "SIGINT").toBe(true);
    await waitUntil(() => mock.seen().every((pid) => !isAlive(pid)), 10_000, "the mock's processes to exit");
  });
});
