// The README's two webhook receivers, taken verbatim from README.md (importing the
// built package, dist/index.js), served on a real node:http server on 127.0.0.1 and
// sent real signed POSTs, as Chatwoot's Webhooks::Trigger sends them.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebhookEvent } from "../../src/index.js";
import { typescriptSnippets } from "../helpers/readme.js";
import { messageWithMarkup, payload, railsToJson, SECRET, signLikeTrigger } from "./payloads.js";
import { listenOnLoopback } from "../helpers/loopback.js";

const root = path.resolve(import.meta.dirname, "..", "..");
const dir = path.join(root, ".tmp", "readme-webhooks");

type OnEvent = (event: WebhookEvent, deliveryId?: string | null) => Promise<void>;
type Listener = (secret: string, onEvent: OnEvent) => http.RequestListener;
type Handler = (secret: string, onEvent: OnEvent) => (request: Request) => Promise<Response>;
type RouterFactory = (secret: string, onEvent: OnEvent) => express.Router;

/** The README snippet that defines `name`, importing the built package instead of the published one. */
async function readmeExport<T>(name: string): Promise<T> {
  const snippet = typescriptSnippets().find((s) => s.code.includes(`export function ${name}(`));
  if (!snippet) throw new Error(`README.md has no snippet exporting ${name}`);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.ts`);
  fs.writeFileSync(file, snippet.code.replace(/from "chatwoot-conversations"/g, `from ${JSON.stringify(path.join(root, "dist", "index.js"))}`));
  return ((await import(pathToFileURL(file).href)) as Record<string, T>)[name]!;
}

interface Served {
  url: string;
  events: { event: WebhookEvent; deliveryId?: string | null }[];
  close(): Promise<void>;
}

async function serve(listener: http.RequestListener, events: Served["events"]): Promise<Served> {
  const { url, close } = await listenOnLoopback(http.createServer(listener));
  return { url: `${url}/chatwoot`, events, close };
}

/** Runs a Fetch-API handler behind node:http, passing the request bytes through untouched. */
function fetchAdapter(handler: (request: Request) => Promise<Response>): http.RequestListener {
  return async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const response = await handler(new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined }));
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
  };
}

/** POSTs like Webhooks::Trigger: the payload's to_json, signed with the current time. */
function post(url: string, payload: unknown, { secret = SECRET, deliveryId = crypto.randomUUID(), age = 0 } = {}) {
  const body = railsToJson(payload);
  const headers = signLikeTrigger(secret, body, Math.floor(Date.now() / 1000) - age, deliveryId);
  return fetch(url, { method: "POST", headers, body });
}

const receivers: Served[] = [];
beforeAll(async () => {
  const listenerEvents: Served["events"] = [];
  const handlerEvents: Served["events"] = [];
  const expressEvents: Served["events"] = [];
  const chatwootWebhookListener = await readmeExport<Listener>("chatwootWebhookListener");
  const chatwootWebhookHandler = await readmeExport<Handler>("chatwootWebhookHandler");
  const chatwootExpressRouter = await readmeExport<RouterFactory>("chatwootExpressRouter");
  const listenerEvents2: Served["events"] = [];
  // The node:http listener mounted as an Express route, as the README says it can be.
  const app = express().post("/chatwoot", chatwootWebhookListener(SECRET, async (event) => void listenerEvents2.push({ event })) as express.RequestHandler);
  receivers.push(
    await serve(chatwootWebhookListener(SECRET, async (event) => void listenerEvents.push({ event })), listenerEvents),
    await serve(fetchAdapter(chatwootWebhookHandler(SECRET, async (event, deliveryId) => void handlerEvents.push({ event, deliveryId }))), handlerEvents),
    await serve(express().use(chatwootExpressRouter(SECRET, async (event) => void expressEvents.push({ event }))), expressEvents),
    await serve(app, listenerEvents2),
  );
});

afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
});

describe.each([
  ["node:http listener", 0, 200],
  ["Fetch-API handler", 1, 204],
  ["Express router with express.raw()", 2, 200],
  ["node:http listener as an Express route", 3, 200],
])("README %s over real HTTP", (_name, index, okStatus) => {
  const receiver = () => receivers[index]!;

  it("accepts signed events and hands over the payload itself", async () => {
    const before = receiver().events.length;
    const deliveryId = crypto.randomUUID();
    expect((await post(receiver().url, messageWithMarkup(), { deliveryId })).status).toBe(okStatus);
    expect((await post(receiver().url, payload("conversation_status_changed"))).status).toBe(okStatus);
    const got = receiver().events.slice(before);
    expect(got.map((e) => e.event.event)).toEqual(["message_created", "conversation_status_changed"]);
    expect(got[0]!.event).toEqual(JSON.parse(railsToJson(messageWithMarkup())));
    if (index === 1) expect(got[0]!.deliveryId).toBe(deliveryId);
  });

  it("answers 401 to a wrong secret, a stale timestamp or an unsigned request, and never calls onEvent", async () => {
    const before = receiver().events.length;
    expect((await post(receiver().url, messageWithMarkup(), { secret: "some-other-secret" })).status).toBe(401);
    expect((await post(receiver().url, messageWithMarkup(), { age: 600 })).status).toBe(401);
    const unsigned = await fetch(receiver().url, { method: "POST", headers: { "content-type": "application/json" }, body: railsToJson(messageWithMarkup()) });
    expect(unsigned.status).toBe(401);
    expect(receiver().events.length).toBe(before);
  });
});

describe("de-duplication on X-Chatwoot-Delivery (node:http listener)", () => {
  it("handles a repeated delivery once", async () => {
    const receiver = receivers[0]!;
    const before = receiver.events.length;
    const deliveryId = crypto.randomUUID();
    for (let i = 0; i < 3; i++) expect((await post(receiver.url, messageWithMarkup(), { deliveryId })).status).toBe(200);
    expect(receiver.events.length - before).toBe(1);
  });
});

describe("Fetch-API handler", () => {
  it("refuses other methods with 405", async () => {
    const response = await fetch(receivers[1]!.url);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });
});

describe("Express with a JSON parser before the route", () => {
  it("cannot verify (the bytes are gone): the listener answers 401, never 200", async () => {
    const events: Served["events"] = [];
    const chatwootWebhookListener = await readmeExport<Listener>("chatwootWebhookListener");
    const app = express().use(express.json()).post("/chatwoot", chatwootWebhookListener(SECRET, async (event) => void events.push({ event })) as express.RequestHandler);
    const served = await serve(app, events);
    try {
      expect((await post(served.url, messageWithMarkup())).status).toBe(401);
      expect(events).toEqual([]);
    } finally {
      await served.close();
    }
  });
});
