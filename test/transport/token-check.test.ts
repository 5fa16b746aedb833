// A token that can never be sent as a header value (control characters,
// characters beyond Latin-1, e.g. a zero-width space pasted along) is refused
// when the client is created, without quoting it; before, every call failed
// after retries with the token inside err.cause.
import { describe, expect, it } from "vitest";
import { createChatwootClient, InvalidRequestError } from "../../src/index.js";
import { createTransport } from "../../src/transport/index.js";
import { renderError } from "../helpers/fault-server.js";

const BASE = "http://127.0.0.1:9";
const cases = [
  ["NUL", "zq7\u0000en"],
  ["DEL", "zq7\u007fen"],
  ["a C1 control", "zq7\u0085en"],
  ["a zero-width space", "zq7\u200Ben"],
  ["a no-break space", "zq7\u00a0en"],
  ["an emoji", "zq7🔑en"],
  ["a tab", "zq7\ten"],
] as const;

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("the token is checked at construction", () => {
  it.each(cases)("createChatwootClient refuses a token with %s", (_name, token) => {
    const error = thrown(() => createChatwootClient({ baseUrl: BASE, apiAccessToken: token, accountId: 1 }));
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).param).toBe("apiAccessToken");
    expect(renderError(error)).not.toContain(token);
    expect(renderError(error)).not.toContain("zq7");
  });

  it.each(cases)("createTransport refuses a token with %s too", (_name, token) => {
    expect(thrown(() => createTransport({ baseUrl: BASE, apiAccessToken: token }))).toBeInstanceOf(InvalidRequestError);
  });

  it("accepts a real token shape, including Latin-1 letters", () => {
    expect(() => createChatwootClient({ baseUrl: BASE, apiAccessToken: "xQ3pL9vK2mN8rT4wY6zA1bC5", accountId: 1 })).not.toThrow();
    expect(() => createTransport({ baseUrl: BASE, apiAccessToken: "tokén-é" })).not.toThrow();
  });
});
