import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AbortError, InvalidRequestError } from "../../src/errors.js";
import { json, neverFinishes, rejectionOf, startHarness, type Harness } from "../helpers/fault-server.js";

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

describe("caller abort", () => {
  it("abort before start: AbortError, nothing sent", async () => {
    const controller = new AbortController();
    controller.abort();
    h.server.enqueue(json(200, {}));
    await rejectionOf(h.transport().fetchWith({ signal: controller.signal })(new Request(h.server.url())), AbortError);
    expect(h.server.count).toBe(0);
  });

  it("a Request's own aborted signal counts too", async () => {
    const controller = new AbortController();
    controller.abort(new Error("gone"));
    await rejectionOf(h.transport().fetch(new Request(h.server.url(), { signal: controller.signal })), AbortError);
    expect(h.server.count).toBe(0);
  });

  it("abort during the retry wait rejects at once with no further request (real sleep)", async () => {
    h.server.enqueue(json(503, {}), json(200, {}));
    const controller = new AbortController();
    // Default sleep (real setTimeout); random 1 → a 500 ms wait we interrupt.
    const transport = h.transport({
      sleep: undefined,
      random: () => 1,
      logger: {
        warn: (msg) => {
          if (msg === "Retrying request") setTimeout(() => controller.abort(), 30);
        },
      },
    });
    const started = Date.now();
    const err = await rejectionOf(transport.fetchWith({ signal: controller.signal })(new Request(h.server.url())), AbortError);
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(400);
    expect(err.method).toBe("GET");
    await new Promise((r) => setTimeout(r, 600)); // past the would-be retry
    expect(h.server.count).toBe(1);
  });

  it("abort during the retry wait works even if an injected sleep ignores the signal", async () => {
    h.server.enqueue(json(503, {}), json(200, {}));
    const controller = new AbortController();
    const transport = h.transport({
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: () => 1,
    });
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    await rejectionOf(transport.fetchWith({ signal: controller.signal })(new Request(h.server.url())), AbortError);
    expect(Date.now() - started).toBeLessThan(450);
    await new Promise((r) => setTimeout(r, 500));
    expect(h.server.count).toBe(1);
  });

  it("abort while the response is hanging: AbortError, not retried", async () => {
    h.server.enqueue(neverFinishes, json(200, {}));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 80);
    const started = Date.now();
    const err = await rejectionOf(
      h.transport({ timeoutMs: 5_000 }).fetchWith({ signal: controller.signal })(new Request(h.server.url())),
      AbortError,
    );
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(h.server.count).toBe(1);
    expect(h.sleeper.delays).toEqual([]);
    expect(err.cause).toBeInstanceOf(DOMException);
  });

  it("abort with the Request's own signal while waiting for headers", async () => {
    h.server.enqueue(() => {
      /* never answer */
    });
    const controller = new AbortController();
    const pending = h.transport({ timeoutMs: 5_000 }).fetch(new Request(h.server.url(), { signal: controller.signal }));
    // Abort once the request has arrived (not after a fixed delay, which a loaded machine can outrun).
    while (h.server.count < 1) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    await rejectionOf(pending, AbortError);
    expect(h.server.count).toBe(1);
  });
});

describe("option validation", () => {
  it.each([
    [{ maxRetries: -1 }, "maxRetries"],
    [{ maxRetries: 1.5 }, "maxRetries"],
    [{ timeoutMs: 0 }, "timeoutMs"],
    [{ timeoutMs: Number.NaN }, "timeoutMs"],
  ])("rejects %o", (opts, param) => {
    let caught: unknown;
    try {
      h.transport(opts);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(InvalidRequestError);
    expect((caught as InvalidRequestError).param).toBe(param);
  });

  it("rejects invalid per-call options before sending", async () => {
    const err = await rejectionOf(h.transport().fetchWith({ maxRetries: -2 })(new Request(h.server.url())), InvalidRequestError);
    expect(err.param).toBe("maxRetries");
    expect(h.server.count).toBe(0);
  });
});
