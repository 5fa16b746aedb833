// Webhooks from the HTTP door to a real node:http receiver that verifies each
// delivery the way a Chatwoot integration does: HMAC-SHA256 over
// "<X-Chatwoot-Timestamp>.<raw body>" with the shared secret.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockServer, type MockServer } from "../../../src/mock/http-server.js";
import { formatViolation } from "../../../src/mock/contract.js";
import type { SimulatorEvent } from "../../../src/mock/simulator.js";
import { startWebhooks, webhookHeaders } from "../../../src/mock/webhooks.js";
import { clientFor } from "./helpers.js";

const SECRET = "whsec-test-7f3a";

interface Delivery {
  headers: http.IncomingHttpHeaders;
  body: string;
  verified: boolean;
}

let receiver: http.Server;
let receiverUrl: string;
let answerWith = 200;
const deliveries: Delivery[] = [];

function verify(headers: http.IncomingHttpHeaders, body: string, secret: string): boolean {
  const timestamp = String(headers["x-chatwoot-timestamp"] ?? "");
  const expected = `sha256=${crypto.createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
  const given = Buffer.from(String(headers["x-chatwoot-signature"] ?? ""));
  return given.length === expected.length && crypto.timingSafeEqual(given, Buffer.from(expected)) && Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
}

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      deliveries.push({ headers: req.headers, body, verified: verify(req.headers, body, SECRET) });
      res.writeHead(answerWith).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/chatwoot/hook`;
});
afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

async function withServer(options: { webhookSecret?: string }, fn: (server: MockServer, log: string[]) => Promise<void>) {
  const log: string[] = [];
  const server = await startMockServer({ validate: "collect", webhookUrl: receiverUrl, ...options, log: (line) => log.push(line) });
  try {
    await fn(server, log);
    await server.webhooksIdle();
    expect(server.takeViolations().map(formatViolation)).toEqual([]);
  } finally {
    await server.close();
  }
}

const emitted = (server: MockServer) => {
  const events: SimulatorEvent[] = [];
  server.simulator.onEvent((e) => events.push(e));
  return events;
};

describe("the emitter (src/mock/webhooks.ts)", () => {
  it("posts each event it is given, signed over '<timestamp>.<body>'", async () => {
    deliveries.length = 0;
    let listener: ((e: SimulatorEvent) => void) | undefined;
    const emitter = startWebhooks({ onEvent: (l) => ((listener = l), () => (listener = undefined)) }, { url: receiverUrl, secret: SECRET });
    const payload = { event: "conversation_typing_on", conversation: { id: 7 }, user: { id: 1 }, is_private: false };
    listener!({ event: "conversation_typing_on", accountId: 1, payload });
    listener!({ event: "conversation_typing_off", accountId: 1, payload: { ...payload, event: "conversation_typing_off" } });
    await emitter.idle();
    emitter.stop();
    expect(listener).toBeUndefined();
    expect(deliveries.map((d) => [d.verified, JSON.parse(d.body).event])).toEqual([
      [true, "conversation_typing_on"],
      [true, "conversation_typing_off"],
    ]);
    expect(deliveries[0]!.body).toBe(JSON.stringify(payload));
  });

  it("computes the signature Chatwoot's Ruby computes (OpenSSL::HMAC.hexdigest('SHA256', secret, \"#{ts}.#{body}\"))", () => {
    const headers = webhookHeaders('{"event":"message_created"}', "secret", new Date(1_700_000_000_000));
    expect(headers["X-Chatwoot-Timestamp"]).toBe("1700000000");
    // printf '%s' '1700000000.{"event":"message_created"}' | openssl dgst -sha256 -hmac secret
    expect(headers["X-Chatwoot-Signature"]).toBe("sha256=4fbf414139098588cc31e819ccebf960699d147368b51572e7657c1332d9c962");
    expect(webhookHeaders("{}", undefined)["X-Chatwoot-Signature"]).toBeUndefined();
    expect(() => startWebhooks({ onEvent: () => () => {} }, { url: "ftp://example.org/" })).toThrow(/http/);
  });
});

describe("webhooks", () => {
  it("signs every delivery exactly as Chatwoot 4.15.1 does, in the order of the events", async () => {
    deliveries.length = 0;
    await withServer({ webhookSecret: SECRET }, async (server) => {
      const events = emitted(server);
      const chatwoot = clientFor(server);
      const [open] = (await chatwoot.conversations.list({ status: "open" })).payload;
      await chatwoot.conversations.toggleStatus(open!.id, { status: "resolved" });
      await chatwoot.conversations.messages.create(open!.id, { content: "Thanks, closing this." });
      await server.webhooksIdle();
      expect(events.map((e) => e.event)).toEqual(expect.arrayContaining(["conversation_status_changed", "message_created"]));
      expect(deliveries).toHaveLength(events.length);
      deliveries.forEach((d, i) => {
        expect(d.verified, `delivery ${i} verifies`).toBe(true);
        expect(d.headers["content-type"]).toBe("application/json");
        expect(d.headers["x-chatwoot-delivery"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(JSON.parse(d.body)).toEqual(events[i]!.payload);
        expect(JSON.parse(d.body).event).toBe(events[i]!.event);
      });
      const status = deliveries.map((d) => JSON.parse(d.body) as { event: string; id?: number; status?: string }).find((p) => p.event === "conversation_status_changed");
      expect(status).toMatchObject({ id: open!.id, status: "resolved" });
    });
  });

  it("sends no signature headers without a secret, and a tampered body would not verify", async () => {
    deliveries.length = 0;
    await withServer({}, async (server) => {
      const [first] = (await clientFor(server).conversations.list()).payload;
      await clientFor(server).conversations.togglePriority(first!.id, "urgent");
      await server.webhooksIdle();
    });
    expect(deliveries.length).toBeGreaterThan(0);
    for (const d of deliveries) {
      expect(d.headers["x-chatwoot-signature"]).toBeUndefined();
      expect(d.headers["x-chatwoot-timestamp"]).toBeUndefined();
      expect(d.headers["x-chatwoot-delivery"]).toBeDefined();
    }
  });

  it("reports a failed delivery without the secret and keeps serving", async () => {
    deliveries.length = 0;
    answerWith = 500;
    try {
      await withServer({ webhookSecret: SECRET }, async (server, log) => {
        const chatwoot = clientFor(server);
        const [first] = (await chatwoot.conversations.list({ status: "open" })).payload;
        await chatwoot.conversations.toggleStatus(first!.id, { status: "pending" });
        await server.webhooksIdle();
        expect(log.some((line) => line.includes("HTTP 500"))).toBe(true);
        expect(log.join("\n")).not.toContain(SECRET);
        expect((await chatwoot.conversations.get(first!.id)).status).toBe("pending");
      });
    } finally {
      answerWith = 200;
    }
  });
});
