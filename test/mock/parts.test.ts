// The parts of `npm run mock` on their own, without Prism: options, the banner,
// the front server (pass-through, readable 422, waiting for Prism), and the
// spec snapshot (reload on real changes only).
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { banner, displayUrl } from "../../scripts/mock/banner.mjs";
import { createFrontServer, explainViolations } from "../../scripts/mock/front.mjs";
import { parseOptions } from "../../scripts/mock/options.mjs";
import { snapshotSpec } from "../../scripts/mock/spec.mjs";
import { freePort, waitUntil } from "./helpers/process.js";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function listen(server: http.Server, port = 0): Promise<string> {
  cleanups.push(
    () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  );
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

describe("options", () => {
  it("defaults to http://127.0.0.1:4010, static, seed chatwoot", () => {
    expect(parseOptions([], {})).toEqual({ port: 4010, host: "127.0.0.1", dynamic: false, seed: "chatwoot", help: false });
  });

  it("takes MOCK_PORT / MOCK_HOST / MOCK_SEED, and flags over them", () => {
    const env = { MOCK_PORT: "5000", MOCK_HOST: "0.0.0.0", MOCK_SEED: "s1" };
    expect(parseOptions([], env)).toMatchObject({ port: 5000, host: "0.0.0.0", seed: "s1" });
    expect(parseOptions(["--port", "6000", "--host", "localhost", "--seed", "s2", "--dynamic"], env)).toMatchObject({
      port: 6000,
      host: "localhost",
      seed: "s2",
      dynamic: true,
    });
  });

  it("rejects a bad port or an unknown flag", () => {
    expect(() => parseOptions(["--port", "http"], {})).toThrow(/invalid port "http"/);
    expect(() => parseOptions([], { MOCK_PORT: "70000" })).toThrow(/invalid port/);
    expect(() => parseOptions(["--prot", "1"], {})).toThrow();
  });
});

describe("banner", () => {
  const doc = {
    paths: {
      "/api/v1/accounts/{account_id}/conversations": { get: { operationId: "listConversations" } },
      "/api/v1/accounts/{account_id}/conversations/{conversation_id}": {
        get: { operationId: "getConversation", responses: { "200": { content: { "application/json": { examples: { open: {}, paused: {} } } } } } },
      },
    },
  };

  it("shows wildcard addresses as loopback URLs", () => {
    expect(displayUrl("0.0.0.0", 4010)).toBe("http://127.0.0.1:4010");
    expect(displayUrl("::", 4010)).toBe("http://[::1]:4010");
    expect(displayUrl("localhost", 80)).toBe("http://localhost:80");
  });

  it("builds its curl lines from the spec's paths and example names", () => {
    const text = banner({ url: "http://127.0.0.1:9", dynamic: false, seed: "x", doc, prismVersion: "5" });
    expect(text).toContain("ready on http://127.0.0.1:9");
    expect(text).toContain("curl -s -H 'api_access_token: dev' http://127.0.0.1:9/api/v1/accounts/1/conversations\n");
    // no `snoozed` example in this spec: another named one is offered
    expect(text).toContain("-H 'Prefer: example=paused' http://127.0.0.1:9/api/v1/accounts/1/conversations/1");
  });
});

describe("front server", () => {
  /** An upstream standing in for Prism. */
  async function upstream(handler: http.RequestListener, port?: number) {
    const server = http.createServer(handler);
    const url = await listen(server, port);
    return { server, port: Number(new URL(url).port) };
  }

  async function front(port: () => number | undefined, waitMs?: number) {
    return listen(createFrontServer({ upstreamPort: port, waitMs }));
  }

  it("passes method, path, headers and body through, and the answer back", async () => {
    let seen: { method?: string; url?: string; token?: string; prefer?: string; body?: string } = {};
    const up = await upstream((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        seen = { method: req.method, url: req.url, token: req.headers.api_access_token as string, prefer: req.headers.prefer as string, body };
        res.writeHead(201, { "Content-Type": "application/json", "X-Extra": "1", "Access-Control-Allow-Origin": "*" }).end('{"ok":true}');
      });
    });
    const url = await front(() => up.port);
    const res = await fetch(`${url}/a/b?c=1`, { method: "PATCH", headers: { api_access_token: "t", Prefer: "code=201" }, body: '{"x":1}' });
    expect(seen).toEqual({ method: "PATCH", url: "/a/b?c=1", token: "t", prefer: "code=201", body: '{"x":1}' });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-extra")).toBe("1");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(await res.json()).toEqual({ ok: true });
  });

  const violation = { location: ["request", "body", "status"], severity: "Error", code: "enum", message: "Request body property status must be equal to one of the allowed values: open, resolved" };
  const prism422 = (req: http.IncomingMessage, res: http.ServerResponse) =>
    res.writeHead(422, { "Content-type": "application/json", "sl-violations": JSON.stringify([violation]) }).end('{"error":"param is missing or the value is empty: email"}');

  it("replaces Prism's canned 422 example with what is wrong with the request", async () => {
    const up = await upstream(prism422);
    const res = await fetch(await front(() => up.port), { method: "POST" });
    expect(res.status).toBe(422);
    expect(res.headers.get("sl-violations")).toBe(JSON.stringify([violation]));
    expect(await res.json()).toEqual({ message: `Invalid request: ${violation.message}`, attributes: ["status"] });
  });

  it("keeps the 422 example that was asked for with Prefer: example=…", async () => {
    const up = await upstream(prism422);
    const res = await fetch(await front(() => up.port), { method: "POST", headers: { Prefer: "code=422, example=validationFailed" } });
    expect(await res.json()).toEqual({ error: "param is missing or the value is empty: email" });
  });

  it("keeps a 422 that is not about the request", async () => {
    const up = await upstream((_req, res) =>
      res
        .writeHead(422, { "Content-type": "application/json", "sl-violations": JSON.stringify([{ ...violation, location: ["response", "body"] }]) })
        .end('{"error":"x"}'),
    );
    expect(await (await fetch(await front(() => up.port))).json()).toEqual({ error: "x" });
  });

  it("names missing properties and parameters", () => {
    expect(
      explainViolations([
        { location: ["request", "body"], severity: "Error", message: "Request body must have required property 'labels'" },
        { location: ["request", "query", "page"], severity: "Error", message: "Request query parameter page must be integer" },
      ]),
    ).toEqual({
      message: "Invalid request: Request body must have required property 'labels'; Request query parameter page must be integer",
      attributes: ["labels", "page"],
    });
  });

  it("lets requests wait while Prism (re)starts", async () => {
    const port = await freePort();
    const url = await front(() => port);
    const pending = fetch(`${url}/x`);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await upstream((_req, res) => res.writeHead(200, { "content-type": "text/plain" }).end("late"), port);
    const res = await pending;
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("late");
  });

  it("answers 502 (readable, CORS-enabled) once Prism is gone", async () => {
    const url = await front(() => undefined);
    const res = await fetch(`${url}/x`, { headers: { Origin: "http://localhost:5173" } });
    expect(res.status).toBe(502);
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(await res.text()).toMatch(/mock server is not answering/);
  });
});

describe("spec snapshot", () => {
  const spec = (title: string, extra = "") =>
    `openapi: 3.1.0\ninfo: {title: ${title}, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '200': {$ref: '#/components/responses/Ok'}\ncomponents:\n  responses:\n    Ok: {description: ok}\n${extra}`;

  function setup() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mock-snapshot-"));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const source = path.join(dir, "openapi.yaml");
    const target = path.join(dir, "snapshot.yaml");
    fs.writeFileSync(source, spec("one"));
    const events: string[] = [];
    const snap = snapshotSpec(source, target, { intervalMs: 20, settleMs: 50, onReload: () => events.push("reload"), onInvalid: () => events.push("invalid") });
    cleanups.push(() => snap.stop());
    return { source, target, events };
  }

  it("copies the spec, then follows real changes only", async () => {
    const { source, target, events } = setup();
    expect(fs.readFileSync(target, "utf8")).toBe(spec("one"));

    fs.writeFileSync(source, spec("one")); // re-bundled, same content
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(events).toEqual([]);

    fs.writeFileSync(source, spec("two"));
    await waitUntil(() => events.length > 0, 5000, "a reload");
    expect(events).toEqual(["reload"]);
    expect(fs.readFileSync(target, "utf8")).toBe(spec("two"));
  });

  it("ignores a truncated spec (valid YAML, dangling $ref) and keeps the last good one", async () => {
    const { source, target, events } = setup();
    fs.writeFileSync(source, spec("two").split("components:")[0]!);
    await waitUntil(() => events.length > 0, 5000, "the check");
    expect(events).toEqual(["invalid"]);
    expect(fs.readFileSync(target, "utf8")).toBe(spec("one"));
  });
});
