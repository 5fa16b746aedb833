import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  computeBackoff,
  createTransport,
  INITIAL_BACKOFF_MS,
  MAX_BACKOFF_MS,
  parseRetryAfter,
} from "../../src/transport/index.js";
import { recordingSleep, TOKEN } from "../helpers/fault-server.js";

describe("computeBackoff", () => {
  it("doubles from 500 ms and caps at 8 s (no jitter reduction at random=1)", () => {
    expect([1, 2, 3, 4, 5, 6, 10].map((n) => computeBackoff(n, () => 1))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });

  it("jitter shortens by at most 25 %", () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => computeBackoff(n, () => 0))).toEqual([375, 750, 1500, 3000, 6000, 6000]);
  });

  it("stays within [0.75, 1] x min(500*2^(n-1), 8000) for any random value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), (retry, r) => {
        const base = Math.min(INITIAL_BACKOFF_MS * 2 ** (retry - 1), MAX_BACKOFF_MS);
        const delay = computeBackoff(retry, () => r);
        return delay >= Math.floor(base * 0.75) && delay <= base;
      }),
    );
  });

  it("is monotonic in the random value", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (n, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return computeBackoff(n, () => lo) <= computeBackoff(n, () => hi);
      }),
    );
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");
  const h = (init: Record<string, string>) => new Headers(init);

  it("reads seconds, fractional seconds, ms and dates", () => {
    expect(parseRetryAfter(h({ "retry-after": "3" }), now)).toBe(3000);
    expect(parseRetryAfter(h({ "retry-after": "0.5" }), now)).toBe(500);
    expect(parseRetryAfter(h({ "retry-after-ms": "120" }), now)).toBe(120);
    expect(parseRetryAfter(h({ "retry-after": "Wed, 01 Jan 2025 00:00:07 GMT" }), now)).toBe(7000);
  });

  it("a date in the past means no wait", () => {
    expect(parseRetryAfter(h({ "retry-after": "Tue, 31 Dec 2024 23:59:00 GMT" }), now)).toBe(0);
  });

  it("ignores absent, negative and garbage values", () => {
    expect(parseRetryAfter(h({}), now)).toBeUndefined();
    expect(parseRetryAfter(h({ "retry-after": "-5" }), now)).toBeUndefined();
    expect(parseRetryAfter(h({ "retry-after": "later" }), now)).toBeUndefined();
    expect(parseRetryAfter(h({ "retry-after-ms": "abc", "retry-after": "2" }), now)).toBe(2000);
  });

  it("accepts the three HTTP-date forms of RFC 9110, always as GMT", () => {
    expect(parseRetryAfter(h({ "retry-after": "Wed, 01 Jan 2025 00:00:09 GMT" }), now)).toBe(9000); // IMF-fixdate
    expect(parseRetryAfter(h({ "retry-after": "Wednesday, 01-Jan-25 00:00:09 GMT" }), now)).toBe(9000); // RFC 850
    expect(parseRetryAfter(h({ "retry-after": "Wed Jan  1 00:00:09 2025" }), now)).toBe(9000); // asctime
  });

  it.each(["Retry 5", "x 1", "5 s", "in 5 seconds", "2025-01-01T00:00:09Z", "Wed, 01 Jan 2025 00:00:09", "Wed, 31 Feb 2025 00:00:09 GMT", "Wed, 01 Jan 2025 25:00:09 GMT", "1e3", "0x10", ""])(
    "anything else (%j) is not a delay: the backoff applies",
    (value) => {
      expect(parseRetryAfter(h({ "retry-after": value }), now)).toBeUndefined();
    },
  );
});

describe("backoff through the transport", () => {
  function failing(status: number): { fetch: typeof globalThis.fetch; calls: () => number } {
    let calls = 0;
    return {
      calls: () => calls,
      fetch: async () => {
        calls++;
        return new Response("{}", { status });
      },
    };
  }

  it("waits 500, 1000, 2000, 4000, 8000, 8000 ms (random=1) across 6 retries", async () => {
    const upstream = failing(503);
    const sleeper = recordingSleep();
    const transport = createTransport({
      baseUrl: "https://chat.example.test",
      apiAccessToken: TOKEN,
      fetch: upstream.fetch,
      sleep: sleeper.sleep,
      random: () => 1,
      maxRetries: 6,
    });
    const res = await transport.fetch(new Request("https://chat.example.test/api/v1/profile"));
    expect(res.status).toBe(503);
    expect(upstream.calls()).toBe(7);
    expect(sleeper.delays).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });

  it("uses the injected random for jitter on every retry", async () => {
    const upstream = failing(500);
    const sleeper = recordingSleep();
    const randoms = [0, 0.5, 1];
    let i = 0;
    const transport = createTransport({
      baseUrl: "https://chat.example.test",
      apiAccessToken: TOKEN,
      fetch: upstream.fetch,
      sleep: sleeper.sleep,
      random: () => randoms[i++] ?? 0,
      maxRetries: 3,
    });
    await transport.fetch(new Request("https://chat.example.test/x"));
    expect(sleeper.delays).toEqual([375, 875, 2000]);
    expect(i).toBe(3);
  });

  it("a short 429 burst without Retry-After gets through with the default 2 retries", async () => {
    let calls = 0;
    const sleeper = recordingSleep();
    const transport = createTransport({
      baseUrl: "https://chat.example.test",
      apiAccessToken: TOKEN,
      sleep: sleeper.sleep,
      fetch: async () => (++calls <= 2 ? new Response("Retry later\n", { status: 429 }) : new Response("[]", { status: 200 })),
    });
    const res = await transport.fetch(new Request("https://chat.example.test/x", { method: "POST", body: "{}" }));
    expect(res.status).toBe(200);
    expect(calls).toBe(3);
    expect(sleeper.delays).toHaveLength(2);
    expect(sleeper.delays[0]).toBeGreaterThanOrEqual(375);
    expect(sleeper.delays[1]).toBeGreaterThanOrEqual(750);
  });
});
