// Input checks for a new message, and its multipart/form-data form when files
// are attached (Messages::MessageBuilder reads both, app/builders/messages/message_builder.rb).
import type { Input } from "../core.js";
import { InvalidRequestError } from "../errors.js";
import { createMessageRequestMessage_typeValues, messageContentTypeNameValues } from "../generated/schema.js";
import type { AllowUndefined, CreateMessageBody } from "../types.js";
import { type CoversAll, knownKeys, optionalOneOf, optionalPositiveId } from "../validate.js";
import { type AttachmentFile, checkFile, type CheckedFile, encodeMultipart, MAX_ATTACHMENTS } from "./attachment-files.js";

/** A new message: `attachments` takes files (sent as multipart) and/or signed blob ids. */
export type CreateMessageParams = AllowUndefined<Omit<CreateMessageBody, "attachments">> & {
  attachments?: (AttachmentFile | string)[] | undefined;
};

const MESSAGE_KEYS = [
  "content", "message_type", "private", "content_type", "content_attributes", "template_params", "echo_id",
  "attachments", "is_voice_message", "source_id", "external_created_at", "cc_emails", "bcc_emails", "to_emails",
  "email_html_content", "campaign_id", "sender_type", "sender_id",
] as const satisfies readonly (keyof CreateMessageBody)[];
true satisfies CoversAll<CreateMessageBody, (typeof MESSAGE_KEYS)[number]>;

/** Validates a new message; with files, encodes it as multipart/form-data (`attachments[]` parts). */
export async function messageInput(params: CreateMessageParams): Promise<Input> {
  const body = knownKeys("body", params, MESSAGE_KEYS) as CreateMessageParams;
  optionalOneOf("message_type", body.message_type, createMessageRequestMessage_typeValues);
  optionalOneOf("content_type", body.content_type, messageContentTypeNameValues);
  optionalPositiveId("sender_id", body.sender_id);
  optionalPositiveId("campaign_id", body.campaign_id);
  const attachments = checkAttachments(body.attachments);
  if (body.content === undefined && body.template_params === undefined && body.content_attributes === undefined && attachments.length === 0) {
    throw new InvalidRequestError("content", "a message needs content (or attachments / template_params / content_attributes)");
  }
  if (attachments.every((item) => typeof item === "string")) return { body: attachments.length ? { ...body, attachments } : body };

  if (body.template_params !== undefined) {
    throw new InvalidRequestError("template_params", "cannot be sent with files: send the template without attachments");
  }
  const fields: [string, string][] = [];
  for (const [key, value] of Object.entries(body)) {
    if (key === "attachments" || value === undefined) continue;
    // Multipart parts are strings: booleans as true/false, content_attributes as JSON (the builder parses it).
    fields.push([key, typeof value === "string" ? value : JSON.stringify(value)]);
  }
  return { encoded: await encodeMultipart(fields, attachments.map((item) => ["attachments[]", item])) };
}

function checkAttachments(value: unknown): (CheckedFile | string)[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new InvalidRequestError("attachments", "must be an array of files or signed blob ids");
  if (value.length > MAX_ATTACHMENTS) throw new InvalidRequestError("attachments", `at most ${MAX_ATTACHMENTS} per message, got ${value.length}`);
  return value.map((item, i) => {
    if (typeof item !== "string") return checkFile(`attachments[${i}]`, item);
    if (item.trim() === "") throw new InvalidRequestError(`attachments[${i}]`, "a signed blob id must be a non-empty string");
    return item;
  });
}
