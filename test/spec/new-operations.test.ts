// The operations added in 0.2.0: their request bodies take what the 4.15.1
// controllers and builders read and refuse what they cannot, and their
// responses refuse shapes the 4.15.1 views never produce. (Their server-response
// fixtures are validated in server-responses.test.ts with all the others.)
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SpecValidator, clone, loadSpec, operation, pointer, requestBody, response, root, type JsonObject, type Spec } from "./helpers/spec.js";

const spec: Spec = await loadSpec();
const validator = new SpecValidator(spec);

const bodyPtr = (operationId: string, type = "application/json") => `${requestBody(spec, operation(spec, operationId))!.ptr}${pointer("content", type, "schema")}`;
const resPtr = (operationId: string, status: string) => `${response(spec, operation(spec, operationId), status)!.ptr}${pointer("content", "application/json", "schema")}`;
const accepts = (ptr: string, value: unknown) => validator.validate(ptr, value).valid;
const fixtureBody = (name: string) =>
  (JSON.parse(fs.readFileSync(path.join(root, "test", "fixtures", "responses", `${name}.json`), "utf8")) as { body: JsonObject }).body;

describe("createConversationMessage request bodies (Messages::MessageBuilder)", () => {
  const json = bodyPtr("createConversationMessage");
  const multipart = bodyPtr("createConversationMessage", "multipart/form-data");

  it("JSON takes every field the builder reads", () => {
    expect(
      accepts(json, {
        content: "Invoice attached", message_type: "outgoing", private: false, content_type: "text",
        content_attributes: { in_reply_to: 5521 }, attachments: ["eyJfcmFpbHMi--signed"], is_voice_message: false,
        echo_id: "e-1", source_id: "ext-1", external_created_at: 1764059000, cc_emails: "a@x.example, b@x.example",
        bcc_emails: "c@x.example", to_emails: "d@x.example", email_html_content: "<p>Hi</p>", campaign_id: 4,
        template_params: { name: "order_update" }, sender_type: "AgentBot", sender_id: 2,
      }),
    ).toBe(true);
    expect(accepts(json, { content: "x", message_type: "template" })).toBe(true);
    expect(accepts(json, { content_attributes: '{"in_reply_to":5521}' }), "content_attributes as a JSON string").toBe(true);
  });

  it("JSON refuses what the builder cannot use", () => {
    expect(accepts(json, { content: "x", message_type: "note" })).toBe(false);
    expect(accepts(json, { content: "x", content_type: "markdown" })).toBe(false);
    expect(accepts(json, { content: "x", cc_emails: ["a@x.example"] }), "cc_emails is a comma-separated string").toBe(false);
    expect(accepts(json, { content: "x", template_params: { language: "en" } }), "template name is required").toBe(false);
    expect(accepts(json, { content: "x", sender_type: "User" })).toBe(false);
    expect(accepts(json, { content: "x", subject: "not read" })).toBe(false);
  });

  it("multipart carries files as attachments[] and everything else as strings", () => {
    expect(accepts(multipart, { content: "Invoice", "attachments[]": ["%PDF-1.7 …"], private: "false", content_attributes: '{"in_reply_to":5521}' })).toBe(true);
    expect(accepts(multipart, { attachments: ["file"] }), "the part name has the brackets").toBe(false);
    expect(accepts(multipart, { private: true }), "form parts are strings").toBe(false);
    const schema = spec.components.schemas!.CreateMessageMultipartRequest as JsonObject & { properties: Record<string, JsonObject> };
    const branches = schema.properties["attachments[]"]!.anyOf as JsonObject[];
    expect(branches.map((b) => (b.type === "array" ? (b.items as JsonObject).format : b.format))).toEqual(["binary", "binary"]);
  });
});

describe("other request bodies", () => {
  it("bulk actions: Conversation or Contact, display ids, nullable fields, label add/remove", () => {
    const ptr = bodyPtr("performBulkAction");
    expect(accepts(ptr, { type: "Conversation", ids: [1, 2], fields: { status: null, assignee_id: null, team_id: 3 }, labels: { add: ["vip"], remove: ["spam"] }, snoozed_until: 1764579600 })).toBe(true);
    expect(accepts(ptr, { type: "Contact", ids: [5], action_name: "delete" })).toBe(true);
    expect(accepts(ptr, { type: "Message", ids: [1] })).toBe(false);
    expect(accepts(ptr, { type: "Conversation", ids: [1], fields: { priority: "high" } }), "fields the job does not permit").toBe(false);
    expect(accepts(ptr, { type: "Conversation", ids: [1], snoozed_until: "2026-12-01T09:00:00Z" }), "unix seconds (strptime %s)").toBe(false);
  });

  it("message status: only the four statuses", () => {
    const ptr = bodyPtr("updateConversationMessageStatus");
    expect(accepts(ptr, { status: "failed", external_error: "unreachable" })).toBe(true);
    expect(accepts(ptr, { status: "seen" })).toBe(false);
    expect(accepts(ptr, { content: "edited" }), "content is not editable").toBe(false);
  });

  it("typing status: on/off, and the body is optional", () => {
    const ptr = bodyPtr("toggleConversationTypingStatus");
    expect(accepts(ptr, { typing_status: "on", is_private: true })).toBe(true);
    expect(accepts(ptr, { typing_status: "typing" })).toBe(false);
    expect(requestBody(spec, operation(spec, "toggleConversationTypingStatus"))!.node.required).toBe(false);
  });

  it("direct upload: the blob description ActiveStorage requires", () => {
    const ptr = bodyPtr("createConversationDirectUpload");
    expect(accepts(ptr, { blob: { filename: "a.pdf", byte_size: 10, checksum: "1B2M2Y8AsgTpgAmY7PhCfg==", content_type: "application/pdf" } })).toBe(true);
    expect(accepts(ptr, { filename: "a.pdf", byte_size: 10 }), "not wrapped in blob").toBe(false);
  });
});

describe("responses refuse what the views never send", () => {
  it("unread counts omit zero counts and key ids as strings", () => {
    const ptr = resPtr("getConversationUnreadCounts", "200");
    const good = fixtureBody("getConversationUnreadCounts");
    expect(accepts(ptr, good)).toBe(true);
    const zero = clone(good) as { payload: { inboxes: Record<string, number> } };
    zero.payload.inboxes["9"] = 0;
    expect(accepts(ptr, zero)).toBe(false);
    expect(accepts(ptr, { all_count: 4, inboxes: {}, labels: {}, teams: {} }), "wrapped in payload").toBe(false);
  });

  it("a direct upload without signed_id or upload target", () => {
    const ptr = resPtr("createConversationDirectUpload", "200");
    const good = fixtureBody("createConversationDirectUpload");
    expect(accepts(ptr, good)).toBe(true);
    const { signed_id: _gone, ...noSigned } = good;
    expect(accepts(ptr, noSigned)).toBe(false);
    expect(accepts(ptr, { ...good, direct_upload: { url: good.direct_upload && (good.direct_upload as JsonObject).url } })).toBe(false);
  });

  it("bulk actions' 422 is {success:false}, not an error string", () => {
    const ptr = resPtr("performBulkAction", "422");
    expect(accepts(ptr, { success: false })).toBe(true);
    expect(accepts(ptr, { success: true })).toBe(false);
    expect(accepts(ptr, { error: "Invalid type" })).toBe(false);
  });

  it("contact labels and conversations are wrapped in payload", () => {
    expect(accepts(resPtr("listContactLabels", "200"), ["vip"])).toBe(false);
    expect(accepts(resPtr("listContactConversations", "200"), fixtureBody("listContactConversations").payload)).toBe(false);
    const tooMany = { payload: Array.from({ length: 21 }, () => (fixtureBody("listContactConversations").payload as JsonObject[])[0]) };
    expect(accepts(resPtr("listContactConversations", "200"), tooMany), "at most 20").toBe(false);
  });

  it("the Dyte join answers Dyte's participant with a token; its 422 is one of the two shapes", () => {
    const ok = fixtureBody("addDyteMeetingParticipant");
    expect(accepts(resPtr("addDyteMeetingParticipant", "200"), ok)).toBe(true);
    const { token: _t, ...noToken } = ok;
    expect(accepts(resPtr("addDyteMeetingParticipant", "200"), noToken)).toBe(false);
    const err = resPtr("addDyteMeetingParticipant", "422");
    expect(accepts(err, { error: "Invalid message type. Action not permitted" })).toBe(true);
    expect(accepts(err, { error: { success: false }, error_code: 401 })).toBe(true);
    expect(accepts(err, { message: "nope" })).toBe(false);
  });

  it("the only 403s are the API-inbox status update and the unread-counts feature switch", () => {
    expect(accepts(resPtr("updateConversationMessageStatus", "403"), fixtureBody("updateConversationMessageStatus.403"))).toBe(true);
    expect(accepts(resPtr("getConversationUnreadCounts", "403"), fixtureBody("getConversationUnreadCounts.403"))).toBe(true);
  });
});
