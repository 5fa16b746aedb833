// The HTTP door as the door tests use it: a real startMockServer on a free
// loopback port with the contract guard collecting, so that any request or
// response that breaks the spec fails the test that caused it.
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { startMockServer, type MockServer, type MockServerOptions } from "../../../src/mock/http-server.js";
import { formatViolation } from "../../../src/mock/contract.js";
import { createChatwootClient, type ChatwootClient } from "../../../src/index.js";

export function useMockServer(options: MockServerOptions = {}): { readonly server: MockServer } {
  const holder = {} as { server: MockServer };
  beforeAll(async () => {
    holder.server = await startMockServer({ validate: "collect", ...options });
  });
  afterEach(() => {
    const seen = holder.server?.takeViolations() ?? [];
    expect(seen.map(formatViolation), "contract violations").toEqual([]);
  });
  afterAll(async () => {
    await holder.server?.close();
  });
  return holder;
}

/** The project's client against the door, as `token`; `prefer` adds a Prefer header to every request. */
export function clientFor(server: MockServer, { token = "sim-admin-token", prefer, accountId = 1 }: { token?: string; prefer?: string; accountId?: number } = {}): ChatwootClient {
  const fetchWithPrefer: typeof fetch = (input, init) => {
    const request = new Request(input, init);
    if (prefer) request.headers.set("Prefer", prefer);
    return fetch(request);
  };
  return createChatwootClient({ baseUrl: server.url, apiAccessToken: token, accountId, maxRetries: 0, fetch: fetchWithPrefer });
}
