// The simulator in a frontend's own vitest suite, written the way the README
// tells a frontend developer to: MSW's setupServer with the package's
// handlers, no process to start. The code under test is a small piece of app
// logic. (In an app the two imports below read "chatwoot-conversations" and
// "chatwoot-conversations/mock"; here they point at the sources so that the
// typecheck does not depend on a build.)
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createChatwootClient, InternalServerError, type ChatwootClient } from "../../../src/index.js";
import { errorStates, handlers, simulator } from "../../../src/mock/index.js";
import { loadSpecDocument } from "../../../src/mock/spec-file.js";

// In an app: import spec from "chatwoot-conversations/openapi.json" with { type: "json" };
const spec = loadSpecDocument().doc;

// --- the app's code (what a frontend would really test) ----------------------
/** Resolves every open conversation carrying `label`; returns how many it resolved. */
async function resolveLabelled(chatwoot: ChatwootClient, label: string): Promise<number> {
  // Collect first: resolving while paging would shift the later pages of the open list.
  const ids: number[] = [];
  for await (const c of chatwoot.conversations.iterate({ status: "open" })) if (c.labels.includes(label)) ids.push(c.id);
  for (const id of ids) await chatwoot.conversations.toggleStatus(id, { status: "resolved" });
  return ids.length;
}

// --- the test setup ----------------------------------------------------------
const server = setupServer(errorStates(spec), ...handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  simulator.reset(); // back to the seed: tests do not see each other's changes
});
afterAll(() => server.close());

const chatwoot = createChatwootClient({ baseUrl: "https://chatwoot.example.test", apiAccessToken: "sim-admin-token", accountId: 1, maxRetries: 0 });

describe("a frontend's tests against the simulator's MSW handlers", () => {
  it("resolves the labelled open conversations, and the simulator remembers", async () => {
    const labels = (await chatwoot.labels.list()).map((l) => l.title);
    const label = labels[0]!;
    const before = (await chatwoot.conversations.counts({ status: "open" })).all_count;
    const done = await resolveLabelled(chatwoot, label);
    expect(done).toBeGreaterThan(0);
    expect((await chatwoot.conversations.counts({ status: "open" })).all_count).toBe(before - done);
    for await (const c of chatwoot.conversations.iterate({ status: "open" })) expect(c.labels).not.toContain(label);
  });

  it("starts from the seed again in the next test", async () => {
    const open = await chatwoot.conversations.list({ status: "open", labels: [(await chatwoot.labels.list())[0]!.title] });
    expect(open.payload.length).toBeGreaterThan(0);
  });

  it("overrides one endpoint for an error state with server.use", async () => {
    server.use(http.get("*/api/v1/accounts/:accountId/conversations", () => HttpResponse.json({ status: 500, error: "Internal Server Error" }, { status: 500 })));
    await expect(resolveLabelled(chatwoot, "billing")).rejects.toBeInstanceOf(InternalServerError);
  });

  it("answers Prefer: code=NNN like the HTTP simulator (errorStates before the handlers)", async () => {
    const preferring = (prefer: string) =>
      createChatwootClient({
        baseUrl: "https://chatwoot.example.test",
        apiAccessToken: "sim-admin-token",
        accountId: 1,
        maxRetries: 0,
        fetch: (input, init) => {
          const request = new Request(input, init);
          request.headers.set("Prefer", prefer);
          return fetch(request);
        },
      });
    await expect(preferring("code=429").conversations.list()).rejects.toMatchObject({ name: "RateLimitError", status: 429, body: "Retry later\n" });
    await expect(preferring("code=503").conversations.get(1)).rejects.toBeInstanceOf(InternalServerError);
    expect((await chatwoot.conversations.list()).payload.length).toBeGreaterThan(0); // without the header: the simulator
  });
});
