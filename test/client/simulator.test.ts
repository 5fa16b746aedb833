// The new methods against the stateful simulator (startMockServer from src/mock/,
// on 127.0.0.1, with its contract guard collecting violations): each call changes
// state that the next read shows, and the simulator's signed webhooks are received
// by a real node:http server and checked with verifyWebhook, end to end.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatwootClient, PermissionDeniedError, verifyWebhook, type ChatwootClient, type WebhookEvent } from "../../src/index.js";
import { startMockServer, type MockServer } from "../../src/mock/index.js";

const SECRET = "sim-webhook-secret-9QxT";
let mock: MockServer;
let receiver: http.Server;
let chatwoot: ChatwootClient;
const verified: WebhookEvent[] = [];
const refused: string[] = [];

beforeAll(async () => {
  receiver = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    try {
      verified.push(await verifyWebhook(Buffer.concat(chunks), req.headers, SECRET));
      res.writeHead(200).end();
    } catch (error) {
      refused.push(String(error));
      res.writeHead(401).end();
    }
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/chatwoot`;
  mock = await startMockServer({ port: 0, host: "127.0.0.1", webhookUrl, webhookSecret: SECRET, validate: "collect", log: () => undefined });
  chatwoot = createChatwootClient({ baseUrl: mock.url, apiAccessToken: "sim-admin-token", accountId: 1, maxRetries: 0 });
}, 60_000);

afterAll(async () => {
  await mock?.close();
  await new Promise<void>((resolve) => (receiver ? receiver.close(() => resolve()) : resolve()));
});

/** A conversation of inbox 2 (the API inbox) and one of another inbox. */
async function conversations() {
  const api = (await chatwoot.conversations.list({ inbox_id: 2, status: "all" })).payload[0]!;
  const other = (await chatwoot.conversations.list({ inbox_id: 1, status: "all" })).payload[0]!;
  return { api, other };
}

describe("new methods against the simulator", () => {
  it("messages: create with a file, updateStatus (API inbox only), retry, delete", async () => {
    const { api, other } = await conversations();
    const pdf = { data: new TextEncoder().encode("%PDF-1.7\n%%EOF\n"), filename: "invoice-2041.pdf", contentType: "application/pdf" };
    const sent = await chatwoot.conversations.messages.create(api.id, { content: "Your invoice", attachments: [pdf] });
    expect(sent.content).toBe("Your invoice");
    expect(sent.attachments?.map((a) => [a.file_type, a.data_url?.endsWith("invoice-2041.pdf")])).toEqual([["file", true]]);
    const listed = await chatwoot.conversations.messages.list(api.id);
    expect(listed.payload.some((m) => m.id === sent.id)).toBe(true);

    const failed = await chatwoot.conversations.messages.updateStatus(api.id, sent.id, { status: "failed", external_error: "Recipient unreachable" });
    expect(failed.status).toBe("failed");
    await expect(chatwoot.conversations.messages.updateStatus(other.id, sent.id, { status: "read" })).rejects.toBeInstanceOf(PermissionDeniedError);

    const retried = await chatwoot.conversations.messages.retry(api.id, sent.id);
    expect(retried.id).toBe(sent.id);

    const deleted = await chatwoot.conversations.messages.delete(api.id, sent.id);
    expect(deleted.content_attributes).toMatchObject({ deleted: true });
  });

  it("bulk changes many conversations; a read shows the change", async () => {
    const page = (await chatwoot.conversations.list({ status: "open" })).payload.slice(0, 2);
    expect(page).toHaveLength(2);
    await chatwoot.conversations.bulk({ ids: page.map((c) => c.id), status: "resolved", labels: { add: ["billing"] } });
    for (const { id } of page) {
      const after = await chatwoot.conversations.get(id);
      expect(after.status).toBe("resolved");
      expect(after.labels).toContain("billing");
    }
  });

  it("contacts: conversations and labels", async () => {
    const { api } = await conversations();
    const contactId = api.meta.sender.id;
    const theirs = await chatwoot.contacts.conversations(contactId);
    expect(theirs.map((c) => c.id)).toContain(api.id);
    expect(await chatwoot.contacts.labels.set(contactId, ["vip", "wholesale"])).toEqual(expect.arrayContaining(["vip", "wholesale"]));
    expect((await chatwoot.contacts.labels.list(contactId)).sort()).toEqual(["vip", "wholesale"]);
  });

  it("agents.assignable({ inbox_ids }): members of every inbox plus administrators; invitableAgents uses it", async () => {
    const agents = await chatwoot.agents.assignable({ inbox_ids: [1, 2] });
    // Seed: Amelia (admin, 1-4), Ben (1, 2); Chloe (1, 3) and Dev (2, 3, 4) are in only one of them.
    expect(agents.map((a) => a.id).sort()).toEqual([1, 2]);
    const { api } = await conversations();
    const invitable = await chatwoot.conversations.invitableAgents(api.id);
    const participants = await chatwoot.conversations.participants.list(api.id);
    expect(invitable.every((a) => !participants.some((p) => p.id === a.id))).toBe(true);
  });

  it("typing fires signed conversation_typing_on/off webhooks that verifyWebhook accepts", async () => {
    const { api } = await conversations();
    const before = verified.length;
    await chatwoot.conversations.typing(api.id, "on", { private: true });
    await chatwoot.conversations.typing(api.id, "off");
    await mock.webhooksIdle();
    const typing = verified.slice(before).filter((e) => e.event.startsWith("conversation_typing"));
    expect(typing.map((e) => e.event)).toEqual(["conversation_typing_on", "conversation_typing_off"]);
    const on = typing[0]!;
    if (on.event !== "conversation_typing_on") throw new Error("narrowing");
    expect(on.conversation.id).toBe(api.id);
    expect(on.is_private).toBe(true);
  });

  it("unreadCounts answers the counts, or 403 without the account feature", async () => {
    const result = await chatwoot.conversations.unreadCounts().then(
      (counts) => counts,
      (error: unknown) => error,
    );
    if (result instanceof PermissionDeniedError) return;
    expect(result).toMatchObject({ all_count: expect.any(Number), inboxes: expect.any(Object) });
  });

  it("every webhook the simulator sent was verified, and nothing broke the contract", async () => {
    await mock.webhooksIdle();
    expect(refused).toEqual([]);
    expect(verified.length).toBeGreaterThan(2);
    expect(mock.takeViolations()).toEqual([]);
  });
});
