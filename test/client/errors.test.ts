// How server answers become errors, and what withResponse() gives.
import { describe, expect, it } from "vitest";
import { type ApiPromise, ChatwootApiError, InternalServerError, InvalidResponseError, RateLimitError } from "../../src/index.js";
import { harness, jsonResponse, serverLike } from "./harness.js";
import { Spec } from "./spec.js";

const spec = new Spec();

describe("errors", () => {
  it("a 429 text/plain 'Retry later' rejects with RateLimitError, not a JSON parse error", async () => {
    const h = harness(() => new Response("Retry later\n", { status: 429, headers: { "content-type": "text/plain" } }));
    const error = await h.client.conversations.counts().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toBeInstanceOf(ChatwootApiError);
    expect(error).not.toBeInstanceOf(SyntaxError);
    expect((error as RateLimitError).status).toBe(429);
    expect((error as RateLimitError).body).toBe("Retry later\n");
    expect((error as RateLimitError).message).toContain("Retry later");
    expect(h.requests).toHaveLength(1);
  });

  it("per-call maxRetries: 0 makes a single attempt on a 429", async () => {
    const h = harness(() => new Response("Retry later\n", { status: 429, headers: { "content-type": "text/plain" } }), { maxRetries: 5 });
    await expect(h.client.conversations.list({}, { maxRetries: 0 })).rejects.toBeInstanceOf(RateLimitError);
    expect(h.requests).toHaveLength(1);
  });

  it("an HTML 502 from a proxy rejects with InternalServerError carrying the page title", async () => {
    const page =
      "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.25.3</center>\r\n</body>\r\n</html>\r\n";
    const h = harness(() => new Response(page, { status: 502, headers: { "content-type": "text/html" } }));
    const error = await h.client.conversations.get(12).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toBeInstanceOf(ChatwootApiError);
    expect((error as InternalServerError).status).toBe(502);
    expect((error as InternalServerError).message).toContain("502 Bad Gateway");
    expect(h.requests).toHaveLength(1);
  });

  it("a 200 with an HTML body rejects with InvalidResponseError", async () => {
    const html = "<!DOCTYPE html><html><head><title>Chatwoot</title></head><body><div id=app></div></body></html>";
    const h = harness(() => new Response(html, { status: 200, headers: { "content-type": "text/html" } }));
    const error = await h.client.conversations.list().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).status).toBe(200);
    expect((error as InvalidResponseError).bodySnippet.startsWith("<!DOCTYPE html>")).toBe(true);
  });

  it("an empty 200 where JSON is expected rejects with InvalidResponseError", async () => {
    const h = harness(() => new Response(null, { status: 200 }));
    await expect(h.client.conversations.get(12)).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it("a JSON 404 rejects with the server's message", async () => {
    const h = harness(() => jsonResponse({ error: "Resource could not be found" }, { status: 404 }));
    await expect(h.client.conversations.get(999)).rejects.toThrow(/Resource could not be found/);
  });
});

describe("withResponse()", () => {
  it("returns { data, response } with the status and headers", async () => {
    const h = harness(serverLike(spec));
    const { data, response } = await h.client.conversations.get(12).withResponse();
    expect(data).toStrictEqual(h.exchanges[0]?.responseBody);
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("req-0");
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  });

  it("gives the unwrapped payload for enveloped responses and undefined for empty ones", async () => {
    const h = harness(serverLike(spec));
    const labels = await h.client.conversations.labels.list(12).withResponse();
    expect(labels.data).toStrictEqual((h.exchanges[0]?.responseBody as { payload: string[] }).payload);
    // mute() is typed Promise<undefined> (see types.test-d.ts), but it is an ApiPromise at run time.
    const muted = await (h.client.conversations.mute(12) as unknown as ApiPromise<undefined>).withResponse();
    expect(muted.data).toBeUndefined();
    expect(muted.response.status).toBe(200);
  });
});
