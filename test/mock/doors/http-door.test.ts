// The HTTP door's own behaviour (not the simulated API): unknown methods,
// CORS, reset, error states on demand through the project's client, and the
// contract guard itself (it must catch a response that breaks the spec).
import http from "node:http";
import { http as mswHttp, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { AuthenticationError, ChatwootApiError, InternalServerError, NotFoundError, RateLimitError, UnprocessableEntityError } from "../../../src/index.js";
import { ContractGuard } from "../../../src/mock/contract.js";
import { startMockServer } from "../../../src/mock/http-server.js";
import { loadSpecDocument } from "../../../src/mock/spec-file.js";
import { createSimulator } from "../../../src/mock/simulator.js";
import { clientFor, useMockServer } from "./helpers.js";

const mock = useMockServer();

function raw(method: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  const url = new URL(path, mock.server.url);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("methods", () => {
  it("answers TRACE and other unknown methods with 405 and stays up", async () => {
    for (const method of ["TRACE", "PROPFIND", "PURGE"]) {
      const res = await raw(method, "/api/v1/profile");
      expect(res.status, method).toBe(405);
      expect(res.headers.allow).toContain("GET");
    }
    const after = await raw("GET", "/api/v1/profile", { Prefer: "code=401" });
    expect(after.status).toBe(401);
  });
});

describe("CORS", () => {
  it("answers a preflight for any origin, method and requested headers", async () => {
    const res = await fetch(`${mock.server.url}/api/v1/accounts/1/conversations/1/toggle_status`, {
      method: "OPTIONS",
      headers: { Origin: "http://localhost:5173", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "api_access_token,content-type" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(res.headers.get("access-control-allow-methods")).toMatch(/\bPOST\b/);
    expect(res.headers.get("access-control-allow-headers")).toBe("api_access_token,content-type");
  });

  it("marks every answer for the calling origin", async () => {
    const res = await fetch(`${mock.server.url}/api/v1/profile`, { headers: { Origin: "http://localhost:5173", Prefer: "code=404" } });
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(res.headers.get("access-control-allow-credentials")).toBe("true");
  });
});

describe("Prefer: code=NNN through the client", () => {
  it.each([
    [401, AuthenticationError, { errors: ["You need to sign in or sign up before continuing."] }],
    [404, NotFoundError, { error: "Resource could not be found" }],
    [429, RateLimitError, "Retry later\n"],
    [500, InternalServerError, { status: 500, error: "Internal Server Error" }],
  ] as const)("%i raises %o with the documented (or Rails') body, whatever the Accept header", async (code, ErrorClass, body) => {
    const error = await clientFor(mock.server, { prefer: `code=${code}` }).conversations.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect((error as ChatwootApiError).status).toBe(code);
    expect((error as ChatwootApiError).body).toEqual(body);
  });

  it("422 on an operation that documents it, the spec's first example", async () => {
    const error = await clientFor(mock.server, { prefer: "code=422" }).labels.create({ title: "vip" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as ChatwootApiError).body).toEqual({ error: "param is missing or the value is empty: email" });
  });

  it("picks a named example with example=…", async () => {
    const res = await fetch(`${mock.server.url}/api/v1/profile`, { headers: { Prefer: "code=401, example=invalidToken", Accept: "text/html" } });
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ error: "Invalid Access Token" });
  });

  it.each([502, 503, 504])("%i answers nginx's HTML error page (text/html); the client raises InternalServerError", async (code) => {
    const res = await raw("GET", "/api/v1/accounts/1/conversations", { Prefer: `code=${code}`, Accept: "application/json" });
    expect(res.status).toBe(code);
    expect(res.headers["content-type"]).toBe("text/html");
    expect(res.body).toContain(`<center><h1>${code} `);
    expect(res.body).toContain("<hr><center>nginx</center>");
    const error = await clientFor(mock.server, { prefer: `code=${code}` }).conversations.get(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as ChatwootApiError).status).toBe(code);
    expect(String((error as ChatwootApiError).body)).toContain("nginx");
  });
});

describe("POST /__mock__/reset", () => {
  it("answers 204 and rebuilds the store from the seed", async () => {
    const before = mock.server.simulator.store;
    const res = await fetch(`${mock.server.url}/__mock__/reset`, { method: "POST" });
    expect(res.status).toBe(204);
    expect(mock.server.simulator.store).not.toBe(before);
    expect((await fetch(`${mock.server.url}/__mock__/reset`)).status).toBe(405);
  });
});

describe("the contract guard", () => {
  it("reports a response that breaks the spec and a request that does, without changing the answer", async () => {
    const simulator = createSimulator();
    const broken = { ...simulator, handlers: [mswHttp.get("*/api/v1/profile", () => HttpResponse.json({ id: "not a number" }))] };
    const seen: string[] = [];
    const server = await startMockServer({ simulator: broken, validate: "log", log: (line) => seen.push(line) });
    try {
      const res = await fetch(`${server.url}/api/v1/profile`);
      expect(await res.json()).toEqual({ id: "not a number" }); // unchanged
      await fetch(`${server.url}/api/v1/accounts/1/conversations?status=bogus&page=0`, { headers: { Prefer: "code=404" } });
    } finally {
      await server.close();
    }
    expect(seen[0]).toMatch(/^contract violation \(response 200\) GET \/api\/v1\/profile \[getProfile\]: body must have required property 'name'/);
    expect(seen[1]).toMatch(/^contract violation \(request\) GET \/api\/v1\/accounts\/1\/conversations\?status=bogus&page=0 \[listConversations\]: query parameter status.*; query parameter page .*>= 1/);
    expect(seen).toHaveLength(2);
  });

  it("checks webhook payloads against the spec's webhooks", () => {
    const guard = new ContractGuard(loadSpecDocument());
    expect(guard.checkWebhook("message_created", { event: "message_created", id: "seven" })?.length).toBeGreaterThan(0);
    expect(guard.checkWebhook("no_such_event", {})).toBeUndefined();
  });
});
