// `npm run mock` (the simulator by default) as a frontend developer starts it:
// the ready line, state that carries over between requests, tokens from the
// environment, reset, and a clean stop. Plus the option parser on its own.
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
  });

  it("keeps state between requests (toggle, read back), and reset restores the seed", async () => {
    const chatwoot = createChatwootClient({ baseUrl: mock.url, apiAccessToken: "my-admin", accountId: 1, maxRetries: 0 });
    const [first] = (await chatwoot.conversations.list({ status: "open" })).payload;
    await chatwoot.conversations.toggleStatus(first!.id, { status: "resolved" });
    expect((await chatwoot.conversations.get(first!.id)).status).toBe("resolved");
    expect((await fetch(`${mock.url}/__mock__/reset`, { method: "POST" })).status).toBe(204);
    expect((await chatwoot.conversations.get(first!.id)).status).toBe("open");
    const wrong = await fetch(`${mock.url}/api/v1/profile`, { headers: { api_access_token: "sim-admin-token" } });
    expect(wrong.status).toBe(401); // the default admin token was replaced
    expect(mock.output()).not.toContain("contract violation");
  });

  it("stops on SIGINT with exit 0 and leaves no process behind", async () => {
    const exit = await mock.stop("SIGINT");
    expect(exit.code === 0 || exit.signal === "SIGINT").toBe(true);
    await waitUntil(() => mock.seen().every((pid) => !isAlive(pid)), 10_000, "the mock's processes to exit");
  });
});
