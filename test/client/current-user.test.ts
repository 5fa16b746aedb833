// join()/leave() look up the current user: the profile is not kept (secrets),
// a failed lookup is not cached, concurrent calls share one request.
import { inspect } from "node:util";
import { describe, expect, it, vi } from "vitest";
import { AbortError, InternalServerError } from "../../src/index.js";
import { CLIENT_TOKEN, PROFILE_PUBSUB, PROFILE_SECRET, profile } from "./fixtures.js";
import { harness, jsonResponse, serverLike } from "./harness.js";
import { Spec } from "./spec.js";

const spec = new Spec();

/** Every string reachable from `root` through own (also non-enumerable and symbol) properties, Maps, Sets and arrays. */
function deepStrings(root: unknown): string[] {
  const out: string[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown) => {
    if (typeof value === "string") return void out.push(value);
    if ((typeof value !== "object" && typeof value !== "function") || value === null || seen.has(value)) return;
    seen.add(value);
    if (value instanceof Map) for (const [k, v] of value) (visit(k), visit(v));
    if (value instanceof Set) for (const v of value) visit(v);
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor && "value" in descriptor) visit(descriptor.value);
    }
  };
  visit(root);
  return out;
}

describe("secrets", () => {
  it("join() does not keep the profile (or its access_token) on the client", async () => {
    const logs: unknown[] = [];
    const record = (...args: unknown[]) => void logs.push(args);
    const h = harness(serverLike(spec, { respond: { "GET /api/v1/profile": profile } }), {
      logger: { debug: record, info: record, warn: record, error: record },
    });
    const joined = await h.client.conversations.join(12);
    await h.client.conversations.leave(12);

    // The profile is fetched once and only its id is used.
    expect(h.requests.filter((r) => r.path === "/api/v1/profile")).toHaveLength(1);
    expect(h.requests[h.requests.length - 1]?.bodyText).toBe(`{"user_ids":[${profile.id}]}`);

    const dump = inspect(h.client, { depth: Infinity, showHidden: true, getters: true, showProxy: true });
    expect(dump).not.toContain(PROFILE_SECRET);
    expect(dump).not.toContain(PROFILE_PUBSUB);
    expect(dump, "the client's own token is not on display either").not.toContain(CLIENT_TOKEN);
    expect(deepStrings(h.client).filter((s) => s.includes(PROFILE_SECRET) || s.includes(PROFILE_PUBSUB))).toEqual([]);
    expect(JSON.stringify(joined)).not.toContain(PROFILE_SECRET);
    expect(inspect(logs, { depth: Infinity })).not.toContain(PROFILE_SECRET);
    expect(inspect(logs, { depth: Infinity })).not.toContain(CLIENT_TOKEN);
  });
});

describe("the current user lookup (join / leave)", () => {
  const profilePath = "/api/v1/profile";

  it("a failed profile lookup is not cached: the next join() asks again", async () => {
    let profileCalls = 0;
    const h = harness((request, index) => {
      if (request.path === profilePath && ++profileCalls === 1) return jsonResponse({ error: "boom" }, { status: 500 });
      return serverLike(spec, { respond: { [`GET ${profilePath}`]: profile } })(request, index);
    });
    await expect(h.client.conversations.join(12)).rejects.toBeInstanceOf(InternalServerError);
    await h.client.conversations.join(12);
    await h.client.conversations.join(13);
    expect(h.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET ${profilePath}`,
      `GET ${profilePath}`,
      "POST /api/v1/accounts/1/conversations/12/participants",
      "POST /api/v1/accounts/1/conversations/13/participants",
    ]);
  });

  it("concurrent join() calls share one profile request", async () => {
    const h = harness(serverLike(spec, { respond: { [`GET ${profilePath}`]: profile } }));
    await Promise.all([h.client.conversations.join(12), h.client.conversations.join(13), h.client.conversations.leave(14)]);
    expect(h.requests.filter((r) => r.path === profilePath)).toHaveLength(1);
    expect(h.requests).toHaveLength(4);
  });

  // BUG src/resources/profile.ts currentUserId(): the shared lookup runs with the FIRST
  // caller's options (signal, timeoutMs, maxRetries). When that caller aborts, every
  // concurrent join()/leave() that shares the promise rejects with AbortError although it
  // was never aborted. Fix: start the shared lookup without the caller's signal (race each
  // caller's own signal against it), or do not share an in-flight lookup across signals.
  it("aborting one join() does not abort a concurrent join() without a signal", async () => {
    let releaseProfile: (() => void) | undefined;
    const h = harness(async (request, index) => {
      if (request.path === profilePath) await new Promise<void>((resolve) => (releaseProfile = resolve));
      return serverLike(spec, { respond: { [`GET ${profilePath}`]: profile } })(request, index);
    });
    const controller = new AbortController();
    const aborted = h.client.conversations.join(12, { signal: controller.signal });
    const innocent = h.client.conversations.join(13);
    await vi.waitFor(() => expect(releaseProfile).toBeDefined());
    controller.abort();
    await expect(aborted).rejects.toBeInstanceOf(AbortError);
    releaseProfile?.();
    await expect(innocent).resolves.toBeDefined();
  });
});
