// Webhook payloads as the 4.15.1 listeners build them (test/fixtures/webhooks/
// <event>[.<case>].json, written from the source files each names) are accepted by
// the spec's webhook for that event AND by the `WebhookEvent` union; what the server
// never sends is rejected; the spec covers exactly the events the source defines.
import { chatwootSource } from "../helpers/chatwoot-source.js";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SpecValidator, clone, describeErrors, loadSpec, pointer, root, type JsonObject, type Spec } from "./helpers/spec.js";

interface WebhookFixture {
  file: string;
  event: string;
  source: string[];
  target: string;
  headers: Record<string, string>;
  rawBody: string;
  body: JsonObject;
}

/** The secret the fixtures are signed with (test data only; see the fixtures README). */
const FIXTURE_SECRET = "whsec_fixture_northwind";
const SOURCE = chatwootSource ?? "";

const spec: Spec = await loadSpec();
const validator = new SpecValidator(spec);
const webhooks = (spec as unknown as { webhooks: Record<string, { post: JsonObject }> }).webhooks;
const dir = path.join(root, "test", "fixtures", "webhooks");
const fixtures: WebhookFixture[] = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((file) => ({ file, event: file.split(".")[0]!, ...(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as Omit<WebhookFixture, "file" | "event">) }));
const fixture = (name: string) => {
  const found = fixtures.find((f) => f.file === `${name}.json`);
  if (!found) throw new Error(`missing fixture ${name}.json`);
  return found;
};

const eventSchema = (event: string) => pointer("webhooks", event, "post", "requestBody", "content", "application/json", "schema");
const UNION = pointer("components", "schemas", "WebhookEvent");
const check = (event: string, body: unknown) => validator.validate(eventSchema(event), body);
const union = (body: unknown) => validator.validate(UNION, body);
const eventNames = Object.keys(webhooks).filter((name) => name !== "anyEvent");

describe("webhook fixtures are accepted by the spec", () => {
  it("every webhook event has a fixture, and every fixture names a webhook event", () => {
    expect(eventNames.length).toBe(14);
    expect(eventNames.filter((e) => !fixtures.some((f) => f.event === e))).toEqual([]);
    expect(fixtures.filter((f) => !eventNames.includes(f.event)).map((f) => f.file)).toEqual([]);
  });

  for (const f of fixtures) {
    it(`${f.file}: valid for its webhook and for WebhookEvent`, () => {
      expect(f.body.event).toBe(f.event);
      expect(f.source.length, "cites the files it was written from").toBeGreaterThan(0);
      for (const file of f.source) expect(file).toMatch(/^(app|lib|config)\//);
      const own = check(f.event, f.body);
      expect(own.valid, describeErrors(own.errors)).toBe(true);
      const any = union(f.body);
      expect(any.valid, describeErrors(any.errors)).toBe(true);
    });

    it(`${f.file}: raw body and signature follow lib/webhooks/trigger.rb`, () => {
      expect(JSON.parse(f.rawBody)).toEqual(f.body);
      const ts = f.headers["X-Chatwoot-Timestamp"]!;
      const expected = `sha256=${crypto.createHmac("sha256", FIXTURE_SECRET).update(`${ts}.${f.rawBody}`).digest("hex")}`;
      expect(f.headers["X-Chatwoot-Signature"]).toBe(expected);
      expect(f.headers["X-Chatwoot-Delivery"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(f.headers["Content-Type"]).toBe("application/json");
    });
  }

  it("the signing headers are documented on every webhook, as trigger.rb sends them", () => {
    for (const name of Object.keys(webhooks)) {
      const params = (webhooks[name]!.post.parameters as JsonObject[]).map((p) => String(p.$ref));
      expect(params, name).toEqual([
        "#/components/parameters/WebhookSignature",
        "#/components/parameters/WebhookTimestamp",
        "#/components/parameters/WebhookDelivery",
      ]);
    }
    const sig = spec.components.parameters!.WebhookSignature!;
    expect(sig.name).toBe("X-Chatwoot-Signature");
    expect(String(sig.description)).toMatch(/<X-Chatwoot-Timestamp>\.<raw request body>/);
  });
});

describe("message events: top level and nested conversation use different wire types", () => {
  const f = fixture("message_created");
  it("message_type is a string at the top and an integer inside conversation.messages", () => {
    expect(typeof f.body.message_type).toBe("string");
    const nested = ((f.body.conversation as JsonObject).messages as JsonObject[])[0]!;
    expect(typeof nested.message_type).toBe("number");
    expect(typeof f.body.created_at).toBe("string");
    expect(typeof nested.created_at).toBe("number");
  });
});

describe("the spec rejects what the server never sends", () => {
  function rejects(name: string, mutate: (body: JsonObject) => unknown, errorAt?: string) {
    const f = fixture(name);
    const body = clone(f.body);
    const mutated = (mutate(body) ?? body) as JsonObject;
    const own = check(f.event, mutated);
    expect(own.valid, "rejected by its webhook").toBe(false);
    if (errorAt !== undefined) expect(own.errors.map((e) => e.instancePath), describeErrors(own.errors)).toContain(errorAt);
    expect(union(mutated).valid, "rejected by WebhookEvent").toBe(false);
  }

  it("a message event with an integer message_type at the top", () => rejects("message_created", (b) => void (b.message_type = 0), "/message_type"));
  it("a message event with unix seconds as created_at at the top", () => rejects("message_created", (b) => void (b.created_at = 1764059280), "/created_at"));
  it("a message event whose nested message has a string message_type", () =>
    rejects("message_created", (b) => void (((b.conversation as JsonObject).messages as JsonObject[])[0]!.message_type = "incoming")));
  it("an activity message event (activity never fires)", () => rejects("message_created", (b) => void (b.message_type = "activity"), "/message_type"));
  it("conversation_status_changed without its changed_attributes key", () => rejects("conversation_status_changed", (b) => void delete b.changed_attributes));
  it("a webhook conversation with meta.assignee left out (the key is always there, null when unassigned)", () =>
    rejects("conversation_updated.unassigned", (b) => void delete (b.meta as JsonObject).assignee));
  it("changed_attributes as a plain object instead of a list of one-key objects", () =>
    rejects("conversation_updated", (b) => void (b.changed_attributes = { priority: [null, "high"] })));
  it("a typing event without is_private", () => rejects("conversation_typing_on", (b) => void delete b.is_private));

  it("WebhookEvent refuses an unknown event name, and a payload under another event's name", () => {
    expect(union({ ...fixture("contact_created").body, event: "contact_deleted" }).valid).toBe(false);
    expect(union({ ...fixture("conversation_created").body, event: "message_created" }).valid).toBe(false);
  });
});

describe.skipIf(chatwootSource === undefined)("the events are exactly those of the 4.15.1 source", () => {
  const read = (file: string) => fs.readFileSync(path.join(SOURCE, file), "utf8");
  /** Public listener methods (before `private`) of a listener class. */
  const listenerEvents = (file: string) => [...read(file).split(/^\s*private\s*$/m)[0]!.matchAll(/^\s{2}def (\w+)\(event\)/gm)].map((m) => m[1]!);

  it("the 12 account events are Webhook::ALLOWED_WEBHOOK_EVENTS, and WebhookListener handles each", () => {
    const allowed = read("app/models/webhook.rb").match(/ALLOWED_WEBHOOK_EVENTS = %w\[([^\]]+)\]/)![1]!.split(/\s+/).filter(Boolean);
    expect(allowed).toHaveLength(12);
    expect(listenerEvents("app/listeners/webhook_listener.rb").sort()).toEqual([...allowed].sort());
    for (const e of allowed) expect(eventNames).toContain(e);
  });

  it("every agent-bot event has a webhook entry", () => {
    const bot = listenerEvents("app/listeners/agent_bot_listener.rb");
    expect(bot.sort()).toEqual(
      ["conversation_opened", "conversation_resolved", "conversation_status_changed", "conversation_updated", "message_created", "message_updated", "webwidget_triggered"].sort(),
    );
    for (const e of bot) expect(eventNames).toContain(e);
  });

  it("the signature is computed as the spec says", () => {
    const trigger = read("lib/webhooks/trigger.rb");
    expect(trigger).toContain(`headers['X-Chatwoot-Signature'] = "sha256=#{OpenSSL::HMAC.hexdigest('SHA256', @secret, "#{ts}.#{body}")}"`);
    expect(trigger).toContain("headers['X-Chatwoot-Timestamp'] = ts");
    expect(trigger).toContain("headers['X-Chatwoot-Delivery'] = @delivery_id");
  });
});
