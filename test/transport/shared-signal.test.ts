// One AbortSignal shared by many calls (a page's or a job's lifetime) must not
// pile listeners onto it: Node prints "Possible EventTarget memory leak" past 10.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AbortError, createChatwootClient } from "../../src/index.js";
import { json, startFaultServer, type FaultServer } from "../helpers/fault-server.js";

let server: FaultServer;
let warnings: Error[];
const onWarning = (warning: Error): void => {
  warnings.push(warning);
};

beforeEach(async () => {
  server = await startFaultServer();
  warnings = [];
  process.on("warning", onWarning);
});
afterEach(async () => {
  process.off("warning", onWarning);
  await server.close();
});

const page = json(200, { data: { meta: {}, payload: [] } });
const client = () => createChatwootClient({ baseUrl: server.origin, apiAccessToken: "tok-SIGNAL-1", accountId: 1 });
/** Warnings are emitted on the next tick; give them one before looking. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
const leakWarnings = () => warnings.filter((w) => /memory leak|MaxListeners/i.test(`${w.name} ${w.message}`));

describe("one AbortSignal shared across many calls", () => {
  it("20 sequential and 20 concurrent method calls print no listener-leak warning", async () => {
    const chatwoot = client();
    const { signal } = new AbortController();
    for (let i = 0; i < 20; i++) {
      server.enqueue(page);
      await chatwoot.conversations.list({}, { signal });
    }
    for (let i = 0; i < 20; i++) server.enqueue(page);
    await Promise.all(Array.from({ length: 20 }, () => chatwoot.conversations.list({}, { signal })));
    await settle();
    expect(server.count).toBe(40);
    expect(leakWarnings()).toEqual([]);
  });

  it("the same through raw (the fetch-compatible path), with the signal given to openapi-fetch", async () => {
    const chatwoot = client();
    const { signal } = new AbortController();
    const path = "/api/v1/accounts/{account_id}/conversations" as const;
    const init = { params: { path: { account_id: 1 } }, signal };
    for (let i = 0; i < 20; i++) {
      server.enqueue(page);
      expect((await chatwoot.raw.GET(path, init)).response.status).toBe(200);
    }
    for (let i = 0; i < 20; i++) server.enqueue(page);
    await Promise.all(Array.from({ length: 20 }, () => chatwoot.raw.GET(path, init)));
    await settle();
    expect(leakWarnings()).toEqual([]);
  });

  it("the shared signal still aborts every call in flight", async () => {
    const chatwoot = client();
    const controller = new AbortController();
    for (let i = 0; i < 12; i++) server.enqueue(() => undefined); // never answers
    const calls = Array.from({ length: 12 }, () => chatwoot.conversations.list({}, { signal: controller.signal }).then(() => "resolved", (e: unknown) => e));
    while (server.count < 12) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    for (const outcome of await Promise.all(calls)) expect(outcome).toBeInstanceOf(AbortError);
    await settle();
    expect(leakWarnings()).toEqual([]);
  });
});
