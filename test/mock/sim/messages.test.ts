// Messages against the simulator: MessageFinder paging (before/after),
// private notes, create (JSON and multipart with files), the 422s, delete,
// status updates (API inboxes only), retry, and direct uploads.
import { describe, expect, it } from "vitest";
import type { Conversation } from "../../../src/mock/store/types.js";
import { ACC, TOKENS, useSimulator } from "./helpers/harness.js";

const h = useSimulator();
const conv = (id: number) => h.sim.store.conversationByDisplayId(1, id) as Conversation;
const firstWhere = (match: (c: Conversation) => boolean) => (h.sim.store.accountConversations(1) as Conversation[]).find(match)!;
const path = (c: Conversation) => `${ACC}/conversations/${c.display_id}/messages`;

async function fill(c: Conversation, n: number) {
  for (let i = 0; i < n; i++) await h.call("POST", path(c), { body: { content: `note ${i}`, private: i % 5 === 0 } });
}

describe("GET messages", () => {
  it("returns the latest 20 ascending; before gives the 20 earlier; after the next 100; both the range", async () => {
    const c = conv(1);
    await fill(c, 45);
    const ids = c.messages.map((m) => m.id);
    const latest = await h.call("GET", path(c));
    expect(latest.body.payload.map((m: { id: number }) => m.id)).toEqual(ids.slice(-20));
    const before = await h.call("GET", `${path(c)}?before=${ids[ids.length - 20]}`);
    expect(before.body.payload.map((m: { id: number }) => m.id)).toEqual(ids.slice(-40, -20));
    const after = await h.call("GET", `${path(c)}?after=${ids[2]}`);
    expect(after.body.payload.map((m: { id: number }) => m.id)).toEqual(ids.slice(3, 103));
    const between = await h.call("GET", `${path(c)}?after=${ids[5]}&before=${ids[9]}`);
    expect(between.body.payload.map((m: { id: number }) => m.id)).toEqual(ids.slice(5, 9));
    expect(latest.body.meta).toMatchObject({ labels: c.labels, contact: { id: c.contact_id, type: "contact" } });
  });

  it("filter_internal_messages drops private notes and activity", async () => {
    const c = conv(2);
    await fill(c, 6);
    await h.call("POST", `${ACC}/conversations/2/toggle_status`, { body: { status: "resolved" } }); // an activity message
    const res = await h.call("GET", `${path(c)}?filter_internal_messages=true`);
    expect(res.body.payload.length).toBeGreaterThan(0);
    for (const m of res.body.payload) expect(m.private || m.message_type === 2).toBe(false);
    const everything = await h.call("GET", path(c));
    expect(everything.body.payload.some((m: { private: boolean }) => m.private)).toBe(true);
  });
});

describe("POST messages", () => {
  it("sends an outgoing reply as the caller, echoes echo_id, shows up as the conversation's last message", async () => {
    const res = await h.call("POST", path(conv(3)), { body: { content: "On it!", echo_id: "tmp-1" } });
    expect(res.body).toMatchObject({ content: "On it!", message_type: 1, private: false, echo_id: "tmp-1", sender: { id: 1, type: "user" }, conversation_id: 3 });
    const shown = await h.call("GET", `${ACC}/conversations/3`);
    expect(shown.body.messages[0].id).toBe(res.body.id);
    expect(shown.body.last_non_activity_message.id).toBe(res.body.id);
  });

  it("a private note is private; a bot's message has the bot as sender", async () => {
    const note = await h.call("POST", path(conv(4)), { body: { content: "internal", private: true } });
    expect(note.body.private).toBe(true);
    const bot = await h.call("POST", path(conv(4)), { body: { content: "beep" }, token: TOKENS.bot });
    expect(bot.body.sender).toMatchObject({ id: 1, type: "agent_bot" });
  });

  it("incoming only in API inboxes; an incoming message reopens a resolved conversation", async () => {
    const web = firstWhere((c) => h.sim.store.inboxOf(c).channel_type !== "Channel::Api");
    expect(await h.call("POST", path(web), { body: { content: "hi", message_type: "incoming" } })).toMatchObject({ status: 422, body: { error: "Incoming messages are only allowed in Api inboxes" } });
    const api = firstWhere((c) => h.sim.store.inboxOf(c).channel_type === "Channel::Api" && c.status === "resolved");
    const res = await h.call("POST", path(api), { body: { content: "still broken", message_type: "incoming" } });
    expect(res.body.sender.type).toBe("contact");
    expect((await h.call("GET", `${ACC}/conversations/${api.display_id}`)).body.status).toBe("open");
  });

  it("rejects unknown message and content types with 422 {error}", async () => {
    expect((await h.call("POST", path(conv(5)), { body: { content: "x", message_type: "shout" } })).status).toBe(422);
    expect((await h.call("POST", path(conv(5)), { body: { content: "x", content_type: "hologram" } })).body.error).toMatch(/not a valid content_type/);
  });

  it("multipart with files: one attachment per part, file type from the MIME type", async () => {
    const form = new FormData();
    form.append("content", "Here is the screenshot");
    form.append("private", "false");
    form.append("attachments[]", new File([new Uint8Array(2048)], "screen.png", { type: "image/png" }));
    form.append("attachments[]", new File(["%PDF-1.4"], "invoice.pdf", { type: "application/pdf" }));
    const res = await h.call("POST", path(conv(6)), { form });
    expect(res.status).toBe(200);
    expect(res.body.attachments.map((a: { file_type: string }) => a.file_type)).toEqual(["image", "file"]);
    expect(res.body.attachments[0]).toMatchObject({ extension: "png", file_size: 2048, content_type: "image/png" });
    const list = await h.call("GET", `${ACC}/conversations/6/attachments`);
    expect(list.body.payload.slice(0, 2).map((a: { message_id: number }) => a.message_id)).toEqual([res.body.id, res.body.id]);
  });

  it("direct upload: the signed id becomes an attachment", async () => {
    const blob = await h.call("POST", `${ACC}/conversations/7/direct_uploads`, { body: { blob: { filename: "label.pdf", byte_size: 10, checksum: "abc==", content_type: "application/pdf" } } });
    expect(blob.body.direct_upload.headers).toEqual({ "Content-Type": "application/pdf" });
    const put = await fetch(blob.body.direct_upload.url, { method: "PUT", body: "0123456789", headers: blob.body.direct_upload.headers });
    expect(put.status).toBe(204);
    const message = await h.call("POST", path(conv(7)), { body: { content: "label attached", attachments: [blob.body.signed_id] } });
    expect(message.body.attachments[0]).toMatchObject({ file_type: "file", extension: "pdf" });
    expect((await h.call("POST", `${ACC}/conversations/99999/direct_uploads`, { body: { blob: { filename: "x" } } })).status).toBe(204);
  });
});

describe("one message: delete, status, retry", () => {
  it("delete keeps the row with the deleted text and no attachments", async () => {
    const c = firstWhere((x) => x.messages.some((m) => m.attachments.length > 0));
    const m = c.messages.find((x) => x.attachments.length > 0)!;
    const res = await h.call("DELETE", `${path(c)}/${m.id}`);
    expect(res.body).toMatchObject({ id: m.id, content: "This message was deleted", content_type: "text", content_attributes: { deleted: true } });
    expect(res.body.attachments).toBeUndefined();
    expect((await h.call("DELETE", `${path(c)}/999999`)).status).toBe(404);
  });

  it("status updates only in API inboxes (403 elsewhere); read never goes back to delivered", async () => {
    const web = firstWhere((c) => h.sim.store.inboxOf(c).channel_type !== "Channel::Api");
    expect((await h.call("PATCH", `${path(web)}/${web.messages[0]!.id}`, { body: { status: "read" } })).status).toBe(403);
    const api = firstWhere((c) => h.sim.store.inboxOf(c).channel_type === "Channel::Api");
    const m = api.messages[0]!;
    expect((await h.call("PATCH", `${path(api)}/${m.id}`, { body: { status: "read" } })).body.status).toBe("read");
    expect((await h.call("PATCH", `${path(api)}/${m.id}`, { body: { status: "delivered" } })).body.status).toBe("read");
    const failed = await h.call("PATCH", `${path(api)}/${m.id}`, { body: { status: "failed", external_error: "timeout" } });
    expect(failed.body).toMatchObject({ status: "failed", content_attributes: { external_error: "timeout" } });
  });

  it("retry sets sent and clears content_attributes; a missing message is 422 here", async () => {
    const c = conv(8);
    const sent = await h.call("POST", path(c), { body: { content: "retry me", content_attributes: { in_reply_to: c.messages[0]!.id } } });
    const res = await h.call("POST", `${path(c)}/${sent.body.id}/retry`);
    expect(res.body).toMatchObject({ status: "sent", content_attributes: {} });
    expect((await h.call("POST", `${path(c)}/999999/retry`)).status).toBe(422);
  });
});
