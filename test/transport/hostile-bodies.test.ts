// Bodies a broken or hostile server (or proxy) can send: huge HTML error pages,
// echoed tokens, credentials in a malformed profile, endless or zipped bodies,
// statuses beyond 599. Each over a real node:http server on 127.0.0.1.
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { apiErrorFromResponse, MESSAGE_SCAN_LIMIT } from "../../src/errors.js";
import {
  createChatwootClient,
  InternalServerError,
  InvalidResponseError,
  NotFoundError,
  type ChatwootClientOptions,
} from "../../src/index.js";
import { json, rejectionOf, renderError, startFaultServer, text, TOKEN, type FaultServer, type Handler } from "../helpers/fault-server.js";

let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer();
});
afterEach(() => server.close());

function client(extra: Partial<ChatwootClientOptions> = {}) {
  return createChatwootClient({ baseUrl: server.origin, apiAccessToken: TOKEN, accountId: 1, maxRetries: 0, ...extra });
}
const html = (status: number, body: string): Handler => (_req, res) => {
  res.writeHead(status, { "content-type": "text/html" });
  res.end(body);
};
const LIST = "/api/v1/accounts/{account_id}/conversations" as const;
const listInit = { params: { path: { account_id: 1 } } };

describe("the message of an HTML error page is built from a bounded prefix", () => {
  const make = (body: string) => apiErrorFromResponse({ status: 502, headers: {}, body, method: "GET", url: "https://x.test/" });

  it("a <title> inside the bound is used", () => {
    const body = `<html>${" ".repeat(MESSAGE_SCAN_LIMIT - 100)}<title>Bad Gateway</title>`;
    expect(make(body).message).toBe("502 Bad Gateway (GET https://x.test/)");
  });

  it("a <title> that starts after the bound is not read", () => {
    const body = `<html>${" ".repeat(MESSAGE_SCAN_LIMIT)}<title>Too Late</title>`;
    const err = make(body);
    expect(err.message).not.toContain("Too Late");
    expect(err.message).toBe("HTTP 502 (GET https://x.test/)");
    expect(err.body).toBe(body); // the whole body stays available to the caller
  });

  it("tag stripping stops at the bound too", () => {
    const body = `<p>${"a".repeat(MESSAGE_SCAN_LIMIT)}</p><b>after the bound</b>`;
    expect(make(body).message).not.toContain("after the bound");
  });

  it.each([
    ["160 kB of '<'", "<".repeat(160_000)],
    ["160 kB of '<title' without '>'", "<title".repeat(27_000)],
    ["a <title> that never closes", `<title>${"x".repeat(160_000)}`],
  ])("a 502 whose body is %s gives an InternalServerError with a short message", async (_name, body) => {
    server.enqueue(html(502, body));
    const err = await rejectionOf(client().conversations.list(), InternalServerError);
    expect(err.message.length).toBeLessThan(300);
    expect(err.body).toBe(body);
  });
});

describe("the client's token never comes back inside an error", () => {
  it("echoed in a JSON error body, its message and a response header", async () => {
    server.enqueue(json(401, { error: `Invalid token ${TOKEN}`, token: TOKEN, nested: [{ t: `x${TOKEN}x` }] }, { "x-echo": TOKEN, "x-request-id": `req-${TOKEN}` }));
    const err = await rejectionOf(client().conversations.list(), Error); // rejectionOf checks every rendering
    expect(err.message).toContain("Invalid token [REDACTED]");
    expect(JSON.stringify((err as unknown as { body: unknown }).body)).not.toContain(TOKEN);
    expect((err as unknown as { headers: Record<string, string> }).headers["x-echo"]).toBe("[REDACTED]");
    expect((err as unknown as { requestId: string }).requestId).toBe("req-[REDACTED]");
  });

  it("echoed in a text error body through a method that has middleware on raw (the compatible path)", async () => {
    const chatwoot = client();
    chatwoot.raw.use({ onRequest: ({ request }) => request });
    server.enqueue(text(404, `no conversation for ${TOKEN}`));
    const err = await rejectionOf(chatwoot.conversations.get(3), NotFoundError);
    expect(err.body).toBe("no conversation for [REDACTED]");
  });

  it("echoed in a 200 that is not JSON (bodySnippet)", async () => {
    server.enqueue(text(200, `<html>hello ${TOKEN}</html>`));
    const err = await rejectionOf(client().conversations.list(), InvalidResponseError);
    expect(err.bodySnippet).toBe("<html>hello [REDACTED]</html>");
  });

  it("quoted in the cause of a connection failure", async () => {
    const failing: typeof fetch = async () => {
      throw new TypeError("fetch failed", { cause: new Error(`upstream said: bad header ${TOKEN}`) });
    };
    const err = await rejectionOf(client({ fetch: failing }).conversations.list(), Error);
    expect(renderError(err)).toContain("bad header [REDACTED]");
  });

  it("a malformed profile puts neither access_token nor pubsub_token into bodySnippet", async () => {
    const botToken = "bot-OTHER-8d2f";
    const pubsub = "pubsub-9XkL2mQ";
    const body = `{"id":1,"name":"Ann","access_token":"${botToken}","pubsub_token":"${pubsub}","accounts":[`; // cut short
    server.enqueue(text(200, body, { "content-type": "application/json" }));
    const err = await rejectionOf(client().profile.get(), InvalidResponseError);
    expect(err.bodySnippet).toBe(`{"id":1,"name":"Ann","access_token":"[REDACTED]","pubsub_token":"[REDACTED]","accounts":[`);
    expect(renderError(err)).not.toContain(botToken);
    expect(renderError(err)).not.toContain(pubsub);
  });

  it("a credential cut off by the end of the snippet is still redacted", () => {
    const pad = "x".repeat(170);
    const err = new InvalidResponseError({ status: 200, method: "GET", url: "u", body: `{"a":"${pad}","pubsub_token":"abcdefghijklmnopqrstuvwxyz0123456789"}` });
    expect(err.bodySnippet).not.toContain("abcdefgh");
    expect(err.bodySnippet.length).toBeLessThanOrEqual(200);
  });
});

describe("maxResponseBytes", () => {
  const LIMIT = 16 * 1024;
  const big = JSON.stringify({ data: { meta: {}, payload: Array.from({ length: 2000 }, (_, id) => ({ id, status: "open" })) } });

  it("a plain body over the limit is an InvalidResponseError and is not retried", async () => {
    server.enqueue(json(200, JSON.parse(big)), json(200, JSON.parse(big)));
    const err = await rejectionOf(client({ maxResponseBytes: LIMIT, maxRetries: 2 }).conversations.list(), InvalidResponseError);
    expect(err.message).toContain(`maxResponseBytes (${LIMIT} bytes)`);
    expect(err.status).toBe(200);
    expect(server.count).toBe(1);
  });

  it("a gzip body counts by its decompressed size", async () => {
    const zipped = gzipSync(big);
    expect(zipped.byteLength).toBeLessThan(LIMIT); // small on the wire, big once inflated
    const gzip: Handler = (_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip", "content-length": zipped.byteLength });
      res.end(zipped);
    };
    server.enqueue(gzip);
    await rejectionOf(client({ maxResponseBytes: LIMIT }).conversations.list(), InvalidResponseError);
    server.enqueue(gzip);
    const page = await client({ maxResponseBytes: big.length }).conversations.list(); // exactly at the limit: fine
    expect(page.payload).toHaveLength(2000);
  });

  it("an endless body is dropped at the limit, not buffered: the server could not write it all", async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const total = 256 * chunk.byteLength; // 16 MiB offered
    let written = 0;
    server.enqueue((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" }); // chunked, no length announced
      const pump = (): void => {
        while (written < total) {
          written += chunk.byteLength;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      res.on("close", () => (written = Math.min(written, total)));
      pump();
    });
    const err = await rejectionOf(client({ maxResponseBytes: LIMIT }).conversations.list(), InvalidResponseError);
    expect(err.message).toContain("maxResponseBytes");
    expect(written).toBeLessThan(total / 2);
  });

  it("raw (the fetch-compatible path) rejects with the same error", async () => {
    server.enqueue(json(200, JSON.parse(big)));
    await rejectionOf(client({ maxResponseBytes: LIMIT }).raw.GET(LIST, listInit), InvalidResponseError);
  });

  it.each([0, -1, 1.5, Number.NaN, "1"])("refuses maxResponseBytes %s at construction", (value) => {
    expect(() => client({ maxResponseBytes: value as number })).toThrow(/maxResponseBytes/);
  });
});

describe("a status of 600 or more: one rule on every path", () => {
  const weird = (status: number): Handler => (_req, res) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end('{"error":"odd"}');
  };

  it.each([600, 999])("methods: %i is an InvalidResponseError, not retried", async (status) => {
    server.enqueue(weird(status), weird(status), weird(status));
    const err = await rejectionOf(client({ maxRetries: 2 }).conversations.list(), InvalidResponseError);
    expect(err.status).toBe(status);
    expect(err.message).toContain(`Status ${status} is not an HTTP status`);
    expect(server.count).toBe(1);
  });

  it("raw: the same InvalidResponseError, not a retried ConnectionError", async () => {
    server.enqueue(weird(600), weird(600), weird(600));
    const err = await rejectionOf(client({ maxRetries: 2 }).raw.GET(LIST, listInit), InvalidResponseError);
    expect(err.status).toBe(600);
    expect(server.count).toBe(1);
  });

  it("methods with middleware on raw: the same", async () => {
    const chatwoot = client({ maxRetries: 2 });
    chatwoot.raw.use({ onRequest: ({ request }) => request });
    server.enqueue(weird(600), weird(600), weird(600));
    await rejectionOf(chatwoot.conversations.list(), InvalidResponseError);
    expect(server.count).toBe(1);
  });
});
