import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import {
  AbortError,
  apiErrorFromResponse,
  AuthenticationError,
  BadRequestError,
  ChatwootApiError,
  ChatwootError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  InvalidRequestError,
  InvalidResponseError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TimeoutError,
  UnprocessableEntityError,
} from "../../src/errors.js";

const URL_ = "https://chat.example.com/api/v1/accounts/1/conversations/9";

function make(status: number, body: unknown, headers: Headers | Record<string, string> = {}): ChatwootApiError {
  return apiErrorFromResponse({ status, headers, body, method: "get", url: URL_ });
}

describe("apiErrorFromResponse", () => {
  it.each([
    [400, BadRequestError, "BadRequestError"],
    [401, AuthenticationError, "AuthenticationError"],
    [403, PermissionDeniedError, "PermissionDeniedError"],
    [404, NotFoundError, "NotFoundError"],
    [409, ConflictError, "ConflictError"],
    [422, UnprocessableEntityError, "UnprocessableEntityError"],
    [429, RateLimitError, "RateLimitError"],
    [500, InternalServerError, "InternalServerError"],
    [502, InternalServerError, "InternalServerError"],
    [503, InternalServerError, "InternalServerError"],
    [599, InternalServerError, "InternalServerError"],
  ] as const)("maps %i to %s", (status, cls, name) => {
    const err = make(status, { error: "x" });
    expect(err).toBeInstanceOf(cls);
    expect(err).toBeInstanceOf(ChatwootApiError);
    expect(err).toBeInstanceOf(ChatwootError);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe(name);
    expect(err.status).toBe(status);
  });

  it.each([402, 405, 410, 418, 451])("uses the base class for unmapped status %i", (status) => {
    const err = make(status, null);
    expect(err.constructor).toBe(ChatwootApiError);
    expect(err.name).toBe("ChatwootApiError");
    expect(err.message).toBe(`HTTP ${status} (GET ${URL_})`);
  });

  it("takes the message from {error} and includes method and url", () => {
    const err = make(404, { error: "Resource could not be found" });
    expect(err.message).toBe(`404 Resource could not be found (GET ${URL_})`);
    expect(err.method).toBe("GET");
    expect(err.url).toBe(URL_);
  });

  it("takes the message from {message, attributes}", () => {
    const body = { message: "Label can't be blank", attributes: ["label"] };
    const err = make(422, body);
    expect(err.message).toBe(`422 Label can't be blank (GET ${URL_})`);
    expect(err.body).toEqual(body);
  });

  it("joins {errors: [...]} with '; '", () => {
    const err = make(422, { errors: ["Status is invalid", "Assignee must exist"] });
    expect(err.message).toBe(`422 Status is invalid; Assignee must exist (GET ${URL_})`);
  });

  it("prefers error over message over errors", () => {
    expect(make(400, { error: "A", message: "B", errors: ["C"] }).message).toContain("400 A (");
    expect(make(400, { message: "B", errors: ["C"] }).message).toContain("400 B (");
  });

  it("parses a JSON string body", () => {
    const err = make(401, '{"error":"You need to sign in or sign up before continuing."}');
    expect(err.body).toEqual({ error: "You need to sign in or sign up before continuing." });
    expect(err.message).toBe(`401 You need to sign in or sign up before continuing. (GET ${URL_})`);
  });

  it("uses a text/plain body, trimmed, as the message", () => {
    const err = make(429, "Retry later\n");
    expect(err.body).toBe("Retry later\n");
    expect(err.message).toBe(`429 Retry later (GET ${URL_})`);
  });

  it("cuts long text bodies to 200 characters", () => {
    const err = make(500, "y".repeat(1000));
    expect(err.message).toBe(`500 ${"y".repeat(200)} (GET ${URL_})`);
  });

  it("uses the <title> of an HTML error page", () => {
    const html =
      "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
    const err = make(502, html);
    expect(err).toBeInstanceOf(InternalServerError);
    expect(err.message).toBe(`502 502 Bad Gateway (GET ${URL_})`);
    expect(err.body).toBe(html);
  });

  it("strips tags from HTML without a title", () => {
    const err = make(503, "<body><h1>Service  Unavailable</h1>\n<p>try again</p></body>");
    expect(err.message).toBe(`503 Service Unavailable try again (GET ${URL_})`);
  });

  it("falls back to HTTP <status> for empty or unhelpful bodies", () => {
    expect(make(500, "").message).toBe(`HTTP 500 (GET ${URL_})`);
    expect(make(500, undefined).message).toBe(`HTTP 500 (GET ${URL_})`);
    expect(make(500, { errors: [] }).message).toBe(`HTTP 500 (GET ${URL_})`);
    expect(make(500, { error: 42 }).message).toBe(`HTTP 500 (GET ${URL_})`);
  });

  it("reads requestId from x-request-id, else request-id", () => {
    expect(make(500, null, new Headers({ "X-Request-Id": "abc-123" })).requestId).toBe("abc-123");
    expect(make(500, null, { "Request-Id": "def-456" }).requestId).toBe("def-456");
    expect(make(500, null, {}).requestId).toBeUndefined();
  });

  it("copies headers into a plain object with lower-case names and without set-cookie", () => {
    const err = make(429, null, new Headers({ "Retry-After": "3", "Set-Cookie": "_session=abc", "X-A": "1" }));
    expect(err.headers).toEqual({ "retry-after": "3", "x-a": "1" });
    expect(Object.getPrototypeOf(err.headers)).toBe(Object.prototype);
  });

  it("serialises only safe fields", () => {
    const err = make(404, { error: "nope" }, { "x-request-id": "r1", "x-secret": "s" });
    expect(JSON.parse(JSON.stringify(err))).toEqual({
      name: "NotFoundError",
      message: `404 nope (GET ${URL_})`,
      status: 404,
      method: "GET",
      url: URL_,
      requestId: "r1",
      body: { error: "nope" },
    });
  });
});

describe("other errors", () => {
  it("InvalidRequestError exposes param and formats the message", () => {
    const err = new InvalidRequestError("conversationId", "must be a positive integer");
    expect(err).toBeInstanceOf(InvalidRequestError);
    expect(err).toBeInstanceOf(ChatwootError);
    expect(err.param).toBe("conversationId");
    expect(err.message).toBe("Invalid conversationId: must be a positive integer");
    expect(err.name).toBe("InvalidRequestError");
    expect(JSON.parse(JSON.stringify(err))).toEqual({
      name: "InvalidRequestError",
      message: "Invalid conversationId: must be a positive integer",
      param: "conversationId",
    });
  });

  it("InvalidResponseError keeps a 200-character snippet", () => {
    const err = new InvalidResponseError({ status: 200, method: "get", url: URL_, body: "<html>" + "z".repeat(500) });
    expect(err.bodySnippet).toHaveLength(200);
    expect(err.bodySnippet.startsWith("<html>")).toBe(true);
    expect(err.message).toBe(`200 Response body is not valid JSON (GET ${URL_})`);
    expect(err).toBeInstanceOf(ChatwootError);
    expect(JSON.parse(JSON.stringify(err))).toMatchObject({ name: "InvalidResponseError", status: 200, bodySnippet: err.bodySnippet });
  });

  it("TimeoutError, AbortError and ConnectionError carry their fields", () => {
    const timeout = new TimeoutError({ timeoutMs: 200, method: "GET", url: URL_ });
    expect(timeout.timeoutMs).toBe(200);
    expect(timeout.message).toBe(`Request timed out after 200 ms (GET ${URL_})`);
    expect(timeout).toBeInstanceOf(ChatwootError);

    const reason = new Error("user navigated away");
    const abort = new AbortError({ method: "POST", url: URL_, cause: reason });
    expect(abort.cause).toBe(reason);
    expect(abort.name).toBe("AbortError");
    expect(abort).toBeInstanceOf(ChatwootError);

    const cause = new TypeError("fetch failed");
    const conn = new ConnectionError("Connection failed", { cause, code: "ECONNREFUSED", method: "GET", url: URL_ });
    expect(conn.cause).toBe(cause);
    expect(conn.code).toBe("ECONNREFUSED");
    expect(conn.message).toBe(`Connection failed (GET ${URL_})`);
    expect(JSON.parse(JSON.stringify(conn))).toEqual({
      name: "ConnectionError",
      message: conn.message,
      method: "GET",
      url: URL_,
      code: "ECONNREFUSED",
    });
  });

  it("String() and inspect() show name and message", () => {
    const err = make(404, { error: "gone" });
    expect(String(err)).toBe(`NotFoundError: 404 gone (GET ${URL_})`);
    expect(inspect(err)).toContain("NotFoundError: 404 gone");
  });

  it("subclass instances are not instances of sibling classes", () => {
    const err = make(404, null);
    expect(err).not.toBeInstanceOf(RateLimitError);
    expect(err).not.toBeInstanceOf(ConnectionError);
    expect(new TimeoutError({ timeoutMs: 1 })).not.toBeInstanceOf(ChatwootApiError);
  });
});
