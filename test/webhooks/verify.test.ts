// verifyWebhook against payloads signed exactly as Chatwoot 4.15.1 signs them
// (node:crypto HMAC, Rails-style JSON), including every rejection reason.
import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { ChatwootError, InvalidRequestError, verifyWebhook, WebhookVerificationError, type WebhookEvent } from "../../src/index.js";
import { FIXTURE_SECRET, fixtures, messageWithMarkup, payload, railsToJson, SECRET, signLikeTrigger } from "./payloads.js";

const NOW_MS = 1_764_316_800_000;
const NOW_S = NOW_MS / 1000;
const now = () => NOW_MS;

function signed(value: unknown = messageWithMarkup(), timestamp = NOW_S) {
  const body = railsToJson(value);
  return { body, headers: signLikeTrigger(SECRET, body, timestamp) };
}

async function rejection(promise: Promise<unknown>): Promise<WebhookVerificationError> {
  const error = await promise.then(
    () => expect.fail("expected a rejection"),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WebhookVerificationError);
  expect(error).toBeInstanceOf(ChatwootError);
  return error as WebhookVerificationError;
}

describe("verifyWebhook accepts what Chatwoot sends", () => {
  it.each(fixtures.map((f) => [f.name, f] as const))("%s (fixture, signed by the server's code path): resolves to the payload itself", async (_name, f) => {
    const now = () => Number(f.headers["X-Chatwoot-Timestamp"]) * 1000;
    const result = await verifyWebhook(f.rawBody, f.headers, FIXTURE_SECRET, { now });
    expect(result).toEqual(JSON.parse(f.rawBody));
    expect(result).toEqual(f.body);
    expect(result.event).toBe(f.event);
  });

  it("every fixture fails with another secret", async () => {
    for (const f of fixtures) {
      const now = () => Number(f.headers["X-Chatwoot-Timestamp"]) * 1000;
      await expect(verifyWebhook(f.rawBody, f.headers, SECRET, { now })).rejects.toMatchObject({ reason: "bad_signature" });
    }
  });

  it("takes the body as string, Buffer, Uint8Array view and ArrayBuffer", async () => {
    const { body, headers } = signed();
    const buffer = Buffer.from(body, "utf8");
    // A view into a larger buffer: only its own bytes are signed.
    const padded = new Uint8Array(buffer.length + 8);
    padded.set(buffer, 4);
    const view = padded.subarray(4, 4 + buffer.length);
    const arrayBuffer = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.length);
    for (const raw of [body, buffer, view, arrayBuffer]) {
      await expect(verifyWebhook(raw, headers, SECRET, { now })).resolves.toMatchObject({ event: "message_created", id: messageWithMarkup().id });
    }
  });

  it("reads headers from a Headers object or a plain object, in any case, and Node's string[] form", async () => {
    const { body, headers } = signed();
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    const arrays = Object.fromEntries(Object.entries(lower).map(([k, v]) => [k, [v]]));
    for (const h of [new Headers(headers), headers, lower, upper, arrays]) {
      await expect(verifyWebhook(body, h, SECRET, { now })).resolves.toMatchObject({ event: "message_created" });
    }
  });

  it("accepts timestamps up to toleranceSeconds away in either direction", async () => {
    for (const ts of [NOW_S - 300, NOW_S + 300]) {
      const { body, headers } = signed(messageWithMarkup(), ts);
      await expect(verifyWebhook(body, headers, SECRET, { now })).resolves.toBeTruthy();
    }
    const { body, headers } = signed(messageWithMarkup(), NOW_S - 3600);
    await expect(verifyWebhook(body, headers, SECRET, { now, toleranceSeconds: 3600 })).resolves.toBeTruthy();
  });

  it("uses Date.now by default", async () => {
    const { body, headers } = signed(messageWithMarkup(), Math.floor(Date.now() / 1000));
    await expect(verifyWebhook(body, headers, SECRET)).resolves.toBeTruthy();
  });

  it("narrows on event in a switch", async () => {
    const { body, headers } = signed(payload("conversation_typing_on"));
    const event: WebhookEvent = await verifyWebhook(body, headers, SECRET, { now });
    let seen = "";
    switch (event.event) {
      case "conversation_typing_on":
        seen = event.event;
        break;
      default:
        seen = "other";
    }
    expect(seen).toBe("conversation_typing_on");
  });
});

describe("verifyWebhook rejects", () => {
  it("missing_signature: no signature header (webhook without a secret)", async () => {
    const { body, headers } = signed();
    const { "X-Chatwoot-Signature": _, ...rest } = headers;
    expect((await rejection(verifyWebhook(body, rest, SECRET, { now }))).reason).toBe("missing_signature");
    expect((await rejection(verifyWebhook(body, { ...rest, "x-chatwoot-signature": undefined }, SECRET, { now }))).reason).toBe("missing_signature");
  });

  it.each([
    ["no prefix", (hex: string) => hex],
    ["other algorithm", (hex: string) => `sha1=${hex}`],
    ["short", (hex: string) => `sha256=${hex.slice(2)}`],
    ["not hex", (hex: string) => `sha256=${hex.slice(1)}z`],
    ["two values", (hex: string) => `sha256=${hex}, sha256=${hex}`],
  ])("malformed_signature: %s", async (_name, mangle) => {
    const { body, headers } = signed();
    const hex = headers["X-Chatwoot-Signature"].slice("sha256=".length);
    const error = await rejection(verifyWebhook(body, { ...headers, "X-Chatwoot-Signature": mangle(hex) }, SECRET, { now }));
    expect(error.reason).toBe("malformed_signature");
  });

  it("malformed_signature: the header sent twice (Node's string[] form)", async () => {
    const { body, headers } = signed();
    const sig = headers["X-Chatwoot-Signature"];
    const error = await rejection(verifyWebhook(body, { ...headers, "X-Chatwoot-Signature": [sig, sig] }, SECRET, { now }));
    expect(error.reason).toBe("malformed_signature");
  });

  it("missing_timestamp and malformed_timestamp", async () => {
    const { body, headers } = signed();
    const { "X-Chatwoot-Timestamp": _, ...rest } = headers;
    expect((await rejection(verifyWebhook(body, rest, SECRET, { now }))).reason).toBe("missing_timestamp");
    for (const bad of ["yesterday", "1764316800.5", "-1764316800", "2026-11-28T08:00:00Z"]) {
      const error = await rejection(verifyWebhook(body, { ...headers, "X-Chatwoot-Timestamp": bad }, SECRET, { now }));
      expect(error.reason).toBe("malformed_timestamp");
    }
  });

  it("stale_timestamp: a correctly signed request replayed later", async () => {
    const { body, headers } = signed(messageWithMarkup(), NOW_S - 301);
    const error = await rejection(verifyWebhook(body, headers, SECRET, { now }));
    expect(error.reason).toBe("stale_timestamp");
    expect(error.message).toContain("301 s ago");
  });

  it("future_timestamp: signed more than the tolerance ahead", async () => {
    const { body, headers } = signed(messageWithMarkup(), NOW_S + 301);
    expect((await rejection(verifyWebhook(body, headers, SECRET, { now }))).reason).toBe("future_timestamp");
    const tight = signed(messageWithMarkup(), NOW_S + 6);
    expect((await rejection(verifyWebhook(tight.body, tight.headers, SECRET, { now, toleranceSeconds: 5 }))).reason).toBe("future_timestamp");
  });

  it("bad_signature: wrong secret, changed body, changed timestamp", async () => {
    const { body, headers } = signed();
    expect((await rejection(verifyWebhook(body, headers, "another-secret-entirely", { now }))).reason).toBe("bad_signature");
    expect((await rejection(verifyWebhook(body.replace("broken", "broke!"), headers, SECRET, { now }))).reason).toBe("bad_signature");
    const moved = { ...headers, "X-Chatwoot-Timestamp": String(NOW_S - 1) };
    expect((await rejection(verifyWebhook(body, moved, SECRET, { now }))).reason).toBe("bad_signature");
  });

  it("bad_signature: the body re-serialised after parsing (Rails escapes <, >, & as \\u003c…)", async () => {
    const { body, headers } = signed();
    const reserialised = JSON.stringify(JSON.parse(body));
    expect(reserialised).not.toBe(body);
    expect((await rejection(verifyWebhook(reserialised, headers, SECRET, { now }))).reason).toBe("bad_signature");
  });

  it.each([
    ["not JSON", "event=message_created"],
    ["an array", "[]"],
    ["null", "null"],
    ["no event", '{"id":1}'],
    ["event not a string", '{"event":7}'],
  ])("invalid_body: %s, even though correctly signed", async (_name, body) => {
    const headers = signLikeTrigger(SECRET, body, NOW_S);
    expect((await rejection(verifyWebhook(body, headers, SECRET, { now }))).reason).toBe("invalid_body");
  });

  it("invalid_body: bytes that are not UTF-8", async () => {
    const bytes = Uint8Array.from([0x7b, 0x22, 0x65, 0x76, 0x65, 0x6e, 0x74, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]); // {"event":"\xff"}
    const { createHmac } = await import("node:crypto");
    const sig = createHmac("sha256", SECRET).update(`${NOW_S}.`).update(bytes).digest("hex");
    const headers = { "x-chatwoot-timestamp": String(NOW_S), "x-chatwoot-signature": `sha256=${sig}` };
    expect((await rejection(verifyWebhook(bytes, headers, SECRET, { now }))).reason).toBe("invalid_body");
  });

  it("caller mistakes reject with InvalidRequestError naming the argument", async () => {
    const { body, headers } = signed();
    const cases: [unknown[], string][] = [
      [[JSON.parse(body), headers, SECRET], "body"],
      [[body, headers, ""], "secret"],
      [[body, headers, undefined], "secret"],
      [[body, null, SECRET], "headers"],
      [[body, headers, SECRET, { toleranceSeconds: -1 }], "toleranceSeconds"],
    ];
    for (const [args, param] of cases) {
      const error = await (verifyWebhook as (...a: unknown[]) => Promise<unknown>)(...args).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidRequestError);
      expect((error as InvalidRequestError).param).toBe(param);
    }
  });
});

describe("the error never carries the secret or the expected signature", () => {
  it("in message, JSON, util.inspect and String()", async () => {
    const { body, headers } = signed();
    const wrongSecret = "ZZsecret-value-that-must-not-leakZZ";
    const errors = [
      await rejection(verifyWebhook(body, headers, wrongSecret, { now })),
      await rejection(verifyWebhook(body, { ...headers, "X-Chatwoot-Timestamp": String(NOW_S - 999) }, wrongSecret, { now })),
      await rejection(verifyWebhook("{}", signLikeTrigger(wrongSecret, "{}", NOW_S), wrongSecret, { now })),
    ];
    const { createHmac } = await import("node:crypto");
    const expected = createHmac("sha256", wrongSecret).update(`${NOW_S}.${body}`).digest("hex");
    for (const error of errors) {
      for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: 10 }), String(error), String(error.stack)]) {
        expect(text).not.toContain(wrongSecret);
        expect(text).not.toContain(expected);
        expect(text).not.toContain(SECRET);
      }
      expect(JSON.parse(JSON.stringify(error))).toEqual({ name: "WebhookVerificationError", message: error.message, reason: error.reason });
    }
  });
});
