// messages.create with files against a Prism mock built from the bundled spec:
// Prism parses the multipart body and validates it against
// CreateMessageMultipartRequest (422 on a mismatch), then answers the spec's example.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatwootClient } from "../../src/index.js";
import { startPrism, type PrismServer } from "../helpers/prism.js";
import { Spec } from "./spec.js";

let prism: PrismServer | undefined;
beforeAll(async () => {
  prism = await startPrism();
}, 60_000);
afterAll(async () => {
  await prism?.stop();
});

const pdf = { data: new TextEncoder().encode("%PDF-1.7\n%%EOF\n"), filename: "invoice.pdf", contentType: "application/pdf" };
const png = () => new File([Uint8Array.from([0x89, 0x50, 0x4e, 0x47])], "photo.png", { type: "image/png" });

describe("messages.create with files against Prism", () => {
  it.each([
    ["one file", [pdf]],
    ["two files", [pdf, png()]],
  ])("%s: the multipart request satisfies the spec and the answer is a Message", async (_name, attachments) => {
    const chatwoot = createChatwootClient({ baseUrl: prism!.url, apiAccessToken: "prism-token", accountId: 1, maxRetries: 0 });
    const message = await chatwoot.conversations.messages.create(12, {
      content: "Your invoice",
      private: false,
      message_type: "outgoing",
      content_attributes: { in_reply_to: 88342 },
      attachments,
    });
    const spec = new Spec();
    expect(spec.validate200(spec.byId("createConversationMessage"), message)).toBeNull();
  });

  it("Prism has teeth: a multipart body that breaks the schema is a 422", async () => {
    const form = new FormData();
    form.append("content", "x");
    form.append("message_type", "broadcast");
    const response = await fetch(`${prism!.url}/api/v1/accounts/1/conversations/12/messages`, {
      method: "POST",
      headers: { api_access_token: "prism-token" },
      body: form,
    });
    expect(response.status).toBe(422);
  });
});
