// Webhook payloads as Chatwoot 4.15.1 builds them: the fixtures in
// test/fixtures/webhooks/ (written from the listeners and presenters each
// names, with the raw body and the headers Webhooks::Trigger sent, signed with
// FIXTURE_SECRET), and helpers to sign a body anew the way lib/webhooks/trigger.rb
// does, with node:crypto (an implementation independent of the WebCrypto code under test).
import { createHmac } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export interface WebhookFixture {
  name: string;
  event: string;
  headers: Record<string, string>;
  rawBody: string;
  body: Record<string, unknown> & { event: string };
}

const dir = path.resolve(import.meta.dirname, "..", "fixtures", "webhooks");

/** The secret the fixtures were signed with (test data only). */
export const FIXTURE_SECRET = "whsec_fixture_northwind";

export const fixtures: WebhookFixture[] = fs
  .readdirSync(dir)
  .filter((file) => file.endsWith(".json"))
  .sort()
  .map((file) => {
    const data = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Omit<WebhookFixture, "name" | "event">;
    return { name: file.replace(/\.json$/, ""), event: file.split(".")[0]!, ...data };
  });

export function fixture(name: string): WebhookFixture {
  const found = fixtures.find((f) => f.name === name);
  if (!found) throw new Error(`no webhook fixture ${name}`);
  return found;
}

/** A fixture's payload (parsed from its raw body), to re-sign or alter. */
export const payload = (name: string) => JSON.parse(fixture(name).rawBody) as Record<string, unknown> & { event: string };

/**
 * What Ruby's `payload.to_json` writes in a Rails app: JSON with `<`, `>`, `&`,
 * U+2028 and U+2029 escaped (ActiveSupport's escape_html_entities_in_json), so
 * `JSON.stringify(JSON.parse(body))` is NOT the same bytes.
 */
export function railsToJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The headers Webhooks::Trigger#request_headers sends for `body` at `timestamp`. */
export function signLikeTrigger(secret: string, body: string, timestamp: number, deliveryId = "5f0e9a4c-1b7e-4d8f-9a63-2c1e0b7d4f10") {
  const ts = String(timestamp);
  return {
    "Content-Type": "application/json",
    Accept: "application/json",
    "X-Chatwoot-Delivery": deliveryId,
    "X-Chatwoot-Timestamp": ts,
    "X-Chatwoot-Signature": `sha256=${createHmac("sha256", secret).update(`${ts}.${body}`).digest("hex")}`,
  };
}

/** A secret as has_secure_token makes them (24 base58 characters), for bodies signed anew. */
export const SECRET = "x9KqT3vWmZ7pRb2LcN8sYf4H";

/** message_created with `<`, `>` and `&` in its content, as Rails escapes them on the wire. */
export function messageWithMarkup(): Record<string, unknown> & { event: string; id: number } {
  return { ...(payload("message_created") as { event: string; id: number }), content: "Order #5 arrived broken 😞 <see photo> & a refund?" };
}
