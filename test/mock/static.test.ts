// `npm run mock -- --static` (Prism's examples) as a frontend developer uses it: every
// operation answers 200 with data that matches the spec, errors come on demand
// with `Prefer`, contract-breaking requests get a readable 422, CORS works,
// and stopping npm by its pid leaves no process behind.
import { spawnSync } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatwootClient, RateLimitError } from "../../src/index.js";
import { cleanEnv, freePort, isAlive, root, startMock, waitUntil, type MockProcess } from "./helpers/process.js";
import {
  content,
  examples,
  firstRequestExample,
  loadSpec,
  operation,
  operations,
  requestPath,
  response,
  Validator,
  type Json,
  type JsonObject,
} from "./helpers/spec.js";

const spec = loadSpec();
const validator = new Validator(spec);
const TOKEN = { api_access_token: "mock-test-token" };

let mock: MockProcess;
let port: number;
beforeAll(async () => {
  port = await freePort();
  mock = await startMock("npm", ["--static", "--port", String(port)]);
});
afterAll(async () => {
  await mock?.stop("SIGKILL");
});

const call = (url: string, init: RequestInit = {}) => fetch(`${mock.url}${url}`, init);

function schemaOf(status: string, operationId: string): Json {
  const media = content(response(spec, operation(spec, operationId), status));
  if (!media) throw new Error(`${operationId} ${status} has no content`);
  return media[1].schema as Json;
}

describe("npm run mock", () => {
  it("prints its URL (the one asked for) and copy-paste curl lines", () => {
    expect(mock.url).toBe(`http://127.0.0.1:${port}`);
    const out = mock.output();
    expect(out).toContain(`curl -s -H 'api_access_token: dev' ${mock.url}/api/v1/accounts/1/conversations`);
    expect(out).toMatch(/curl .*-H 'Prefer: example=\w+' http:\/\/127\.0\.0\.1:\d+\/api\/v1\/accounts\/1\/conversations\/1/);
    expect(out).toContain("Prefer: code=404");
    expect(out).toContain("Prefer: code=429");
  });

  it("refuses a port already in use, at once and readably", () => {
    const result = spawnSync(process.execPath, [path.join(root, "scripts", "mock.mjs"), "--static", "--port", String(port)], {
      cwd: root,
      env: cleanEnv(),
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`cannot listen on 127.0.0.1:${port}: already in use`);
  });
});

describe("every operation of the spec answers 200 with what the spec says", () => {
  const cases = operations(spec).map((o) => [`${o.method.toUpperCase()} ${o.path} (${o.operationId})`, o] as const);
  it.each(cases)("%s", async (_title, o) => {
    const body = firstRequestExample(spec, o);
    const res = await call(requestPath(spec, o), {
      method: o.method.toUpperCase(),
      headers: { ...TOKEN, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    expect(res.status, text).toBe(200);
    const media = content(response(spec, o, "200"));
    if (!media) {
      expect(text).toBe("");
      return;
    }
    const [type, mediaObject] = media;
    expect(type).toBe("application/json");
    expect(res.headers.get("content-type")).toMatch(/^application\/json\b/);
    expect(validator.errors(mediaObject.schema as Json, JSON.parse(text))).toEqual([]);
  });
});

describe("error states on demand", () => {
  it("Prefer: code=404 gives the spec's 404", async () => {
    const res = await call("/api/v1/accounts/1/conversations/1", { headers: { ...TOKEN, Prefer: "code=404" } });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/json\b/);
    const body = await res.json();
    expect(validator.errors(schemaOf("404", "getConversation"), body)).toEqual([]);
    const media = content(response(spec, operation(spec, "getConversation"), "404"))![1];
    expect(body).toEqual(examples(spec, media)[0]![1]);
  });

  it("Prefer: code=429 gives a text/plain body and no Retry-After, like Chatwoot", async () => {
    const res = await call("/api/v1/accounts/1/conversations", { headers: { ...TOKEN, Prefer: "code=429" } });
    expect(res.status).toBe(429);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain\b/);
    expect(res.headers.get("retry-after")).toBeNull();
    const media = content(response(spec, operation(spec, "listConversations"), "429"))![1];
    expect(await res.text()).toBe(examples(spec, media)[0]![1]);
  });

  it("Prefer: code=429 through the client (which asks for JSON) raises RateLimitError, not a 200", async () => {
    const chatwoot = createChatwootClient({
      baseUrl: mock.url,
      apiAccessToken: "mock-test-token",
      accountId: 1,
      maxRetries: 0,
      fetch: (input, init) => {
        const request = new Request(input, init);
        request.headers.set("Prefer", "code=429");
        return fetch(request);
      },
    });
    const error = await chatwoot.conversations.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).body).toBe("Retry later\n");
  });

  it("Prefer: code=401 (and a missing token) give the spec's 401 bodies", async () => {
    const media = content(response(spec, operation(spec, "listConversations"), "401"))![1];
    const named = Object.fromEntries(examples(spec, media));
    const asked = await call("/api/v1/accounts/1/conversations", { headers: { ...TOKEN, Prefer: "code=401, example=invalidToken" } });
    expect(asked.status).toBe(401);
    expect(await asked.json()).toEqual(named.invalidToken);
    const anonymous = await call("/api/v1/accounts/1/conversations");
    expect(anonymous.status).toBe(401);
    const body = await anonymous.json();
    expect(body).toEqual(named.noToken);
    expect(validator.errors(schemaOf("401", "listConversations"), body)).toEqual([]);
  });

  const named = (operationId: string) =>
    examples(spec, content(response(spec, operation(spec, operationId), "200"))?.[1]).map(([name, value]) => ({ operationId, name, value }));
  const getExamples = named("getConversation");
  const listExamples = named("listConversations");

  it("the README's example names exist", () => {
    expect(getExamples.map((e) => e.name)).toContain("snoozed");
    expect(listExamples.map((e) => e.name)).toContain("snoozed");
  });

  const exampleCases = [...getExamples, ...listExamples].map((e) => [`Prefer: example=${e.name} on ${e.operationId} gives that example`, e] as const);
  it.each(exampleCases)("%s", async (_title, { operationId, name, value }) => {
    const o = operation(spec, operationId);
    const res = await call(requestPath(spec, o), { headers: { ...TOKEN, Prefer: `example=${name}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(value);
  });

  it("a snoozed conversation is snoozed", async () => {
    const res = await call("/api/v1/accounts/1/conversations/1", { headers: { ...TOKEN, Prefer: "example=snoozed" } });
    expect(((await res.json()) as JsonObject).status).toBe("snoozed");
  });

  it("Prefer: dynamic=true gives generated data that still matches the spec exactly", async () => {
    const strict = new Validator(spec, true);
    for (const operationId of ["listConversations", "getConversation", "listLabels"]) {
      const o = operation(spec, operationId);
      const res = await call(requestPath(spec, o), { headers: { ...TOKEN, Prefer: "dynamic=true" } });
      expect(res.status).toBe(200);
      const body = await res.json();
      for (const [, example] of examples(spec, content(response(spec, o, "200"))![1])) expect(body).not.toEqual(example);
      expect(strict.errors(content(response(spec, o, "200"))![1].schema as Json, body), operationId).toEqual([]);
    }
  });

  it("Prefer: code=422 on a valid request gives the spec's first 422 example, untouched", async () => {
    const res = await call("/api/v1/accounts/1/conversations/1/labels", {
      method: "POST",
      headers: { ...TOKEN, "content-type": "application/json", Prefer: "code=422" },
      body: JSON.stringify({ labels: ["vip"] }),
    });
    expect(res.status).toBe(422);
    const media = content(response(spec, operation(spec, "setConversationLabels"), "422"))![1];
    expect(await res.json()).toEqual(examples(spec, media)[0]![1]);
  });
});

describe("a request that breaks the contract gets a readable 422", () => {
  const json = (body: unknown, extra: Record<string, string> = {}) => ({
    method: "POST",
    headers: { ...TOKEN, "content-type": "application/json", ...extra },
    body: JSON.stringify(body),
  });

  it("a bad status in the body: says which field and which values are allowed", async () => {
    const res = await call("/api/v1/accounts/1/conversations/1/toggle_status", json({ status: "closed" }));
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body).toEqual({ message: expect.stringMatching(/status must be equal to one of the allowed values: open, resolved, pending, snoozed/), attributes: ["status"] });
    expect(validator.errors(schemaOf("422", "toggleConversationStatus"), body)).toEqual([]);
    expect(res.headers.get("sl-violations")).toContain("request");
  });

  it("a missing body field: names it", async () => {
    const res = await call("/api/v1/accounts/1/conversations/1/labels", json({}));
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body).toEqual({ message: expect.stringContaining("required property 'labels'"), attributes: ["labels"] });
    expect(validator.errors(schemaOf("422", "setConversationLabels"), body)).toEqual([]);
  });

  it("a string id in the path: says it must be an integer", async () => {
    const res = await call("/api/v1/accounts/1/conversations/abc", { headers: TOKEN });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { validation: { message: string }[] };
    expect(body.validation.map((v) => v.message)).toContain("Request path parameter conversation_id must be integer");
  });

  it("a bad status filter in the query: lists the allowed values", async () => {
    const res = await call("/api/v1/accounts/1/conversations?status=closed", { headers: TOKEN });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { validation: { message: string }[] };
    expect(body.validation.map((v) => v.message).join("\n")).toMatch(/query parameter status must be equal to one of the allowed values: open/);
  });
});

describe("CORS", () => {
  it("answers the preflight of a browser app on another origin", async () => {
    const res = await call("/api/v1/accounts/1/conversations/1/labels", {
      method: "OPTIONS",
      headers: {
        Origin: "http://localhost:5173",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "api_access_token,content-type",
      },
    });
    expect(res.status).toBeGreaterThanOrEqual(200);
    expect(res.status).toBeLessThan(300);
    expect(["http://localhost:5173", "*"]).toContain(res.headers.get("access-control-allow-origin"));
    expect(res.headers.get("access-control-allow-methods")).toMatch(/\bPOST\b/);
    const allowed = (res.headers.get("access-control-allow-headers") ?? "").toLowerCase().split(/\s*,\s*/);
    expect(allowed.includes("*") || (allowed.includes("api_access_token") && allowed.includes("content-type"))).toBe(true);
  });

  it("lets the browser read the actual response", async () => {
    const res = await call("/api/v1/accounts/1/conversations", { headers: { ...TOKEN, Origin: "http://localhost:5173" } });
    expect(res.status).toBe(200);
    expect(["http://localhost:5173", "*"]).toContain(res.headers.get("access-control-allow-origin"));
  });
});

describe("stopping", () => {
  it("kill <npm's pid> stops the mock and Prism, and frees the port", async () => {
    const tree = mock.seen();
    expect(tree.length).toBeGreaterThanOrEqual(3); // npm, node scripts/mock.mjs, Prism (sh in between, sometimes)
    process.kill(mock.pid, "SIGTERM");
    await mock.exited;
    await waitUntil(() => tree.every((pid) => !isAlive(pid)), 10_000, `processes ${tree.join(", ")} to exit`);
    expect(mock.output()).toContain("mock server stopped");
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => (socket.destroy(), resolve(false)));
      socket.once("error", () => resolve(true));
    });
    expect(refused).toBe(true);
  });
});
