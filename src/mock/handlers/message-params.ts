// Messages::MessageBuilder (app/builders/messages/message_builder.rb): turns
// the request's fields (JSON or multipart) into a new message, raising what
// the controller renders as 422 {"error": …}.
import type { NewMessage } from "../store/messages.js";
import type { Attachment, Conversation, MessageType } from "../store/types.js";
import { unprocessable, type Ctx } from "./context.js";
import { asId, list, present, str } from "../params.js";

const MESSAGE_TYPES: Record<string, MessageType> = { incoming: 0, outgoing: 1, activity: 2, template: 3 };
const CONTENT_TYPES = new Set(["text", "input_text", "input_textarea", "input_email", "input_select", "cards", "form", "article", "incoming_email", "input_csat", "integrations", "sticker", "voice_call"]);
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
/** Message::NUMBER_OF_PERMITTED_ATTACHMENTS */
const MAX_ATTACHMENTS = 15;

const bool = (v: unknown) => v === true || v === "true" || v === "1" || v === 1;

/** FileTypeHelper#file_type */
function fileType(contentType: string): Attachment["file_type"] {
  if (contentType.startsWith("image/")) return "image";
  if (contentType.startsWith("audio/")) return "audio";
  if (contentType.startsWith("video/")) return "video";
  return "file";
}

function contentAttributes(raw: unknown): Record<string, unknown> {
  if (typeof raw === "string") {
    try {
      const parsed: unknown = JSON.parse(raw);
      return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }
  return raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
}

function fileAttachment(file: File, isVoice: boolean): NonNullable<NewMessage["attachments"]>[number] {
  const type = file.type || "application/octet-stream";
  const kind = fileType(type);
  const key = Array.from({ length: 28 }, (_, i) => "abcdefghijklmnopqrstuvwxyz0123456789"[(file.size * 31 + i * 17 + file.name.length) % 36]).join("");
  const name = encodeURIComponent(file.name || "file");
  return {
    file_type: kind,
    extension: /\.([^.]+)$/.exec(file.name)?.[1] ?? null,
    content_type: type,
    file_size: file.size,
    // ActiveStorage analyses the file after the response: no dimensions yet.
    width: null,
    height: null,
    data_url: `http://localhost:3000/rails/active_storage/blobs/redirect/${key}/${name}`,
    thumb_url: kind === "image" ? `http://localhost:3000/rails/active_storage/representations/redirect/${key}/${name}` : "",
    meta: isVoice && kind === "audio" ? { is_voice_message: true } : null,
    fallback_title: null,
    coordinates_lat: null,
    coordinates_long: null,
  };
}

export async function buildMessage(ctx: Ctx, conversation: Conversation, params: Record<string, unknown>): Promise<NewMessage> {
  const inbox = ctx.store.inboxOf(conversation);
  const typeName = str(params.message_type) ?? "outgoing";
  if (inbox.channel_type !== "Channel::Api" && typeName === "incoming") throw unprocessable("Incoming messages are only allowed in Api inboxes");
  const messageType = MESSAGE_TYPES[typeName];
  if (messageType === undefined) throw unprocessable(`'${typeName}' is not a valid message_type`);
  const contentType = str(params.content_type) ?? "text";
  if (!CONTENT_TYPES.has(contentType)) throw unprocessable(`'${contentType}' is not a valid content_type`);
  const content = params.content === undefined || params.content === null ? null : String(params.content);
  if (content !== null && content.length > 150000) throw unprocessable("Validation failed: Content is too long (maximum is 150000 characters)");
  const since = ctx.store.now() - 60;
  if (conversation.messages.filter((m) => m.created_at > since).length >= 200) throw unprocessable("Validation failed: Too many messages");

  const attributes = contentAttributes(params.content_attributes);
  const additional: Record<string, unknown> = {};
  if (present(params.campaign_id)) additional.campaign_id = params.campaign_id;
  if (present(params.template_params)) additional.template_params = params.template_params;
  if (present(params.external_created_at)) attributes.external_created_at = params.external_created_at;
  if (inbox.channel_type === "Channel::Email") {
    const emails = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.replace(/\s+/g, "").split(",") : []);
    const cc = emails(params.cc_emails);
    const bcc = emails(params.bcc_emails);
    const to = emails(params.to_emails);
    if ([...cc, ...bcc, ...to].some((e) => !EMAIL.test(e))) throw unprocessable("Invalid email address");
    Object.assign(attributes, { cc_emails: cc, bcc_emails: bcc, to_emails: to });
  }

  // Sender: outgoing → the named bot or the caller; any other type → the contact.
  let sender: Pick<NewMessage, "sender_type" | "sender_id">;
  if (messageType === 1) {
    const botId = params.sender_type === "AgentBot" ? asId(params.sender_id) : undefined;
    const bot = botId === undefined ? undefined : ctx.store.bots.get(botId);
    if (bot && (bot.account_id === null || bot.account_id === ctx.account.id)) sender = { sender_type: "AgentBot", sender_id: bot.id };
    else sender = ctx.caller.kind === "user" ? { sender_type: "User", sender_id: ctx.caller.user.id } : { sender_type: "AgentBot", sender_id: ctx.caller.bot.id };
  } else {
    sender = { sender_type: "Contact", sender_id: conversation.contact_id };
  }

  const attachments: NonNullable<NewMessage["attachments"]> = [];
  const isVoice = bool(params.is_voice_message);
  for (const item of list(params.attachments)) {
    if (typeof File !== "undefined" && item instanceof File) attachments.push(fileAttachment(item, isVoice));
    else if (typeof item === "string") {
      const blob = ctx.store.blobs.get(item);
      if (!blob) throw unprocessable("ActiveSupport::MessageVerifier::InvalidSignature");
      attachments.push({ ...blob.attachment, meta: isVoice && blob.attachment.file_type === "audio" ? { is_voice_message: true } : null });
    }
  }
  if (attachments.length > MAX_ATTACHMENTS) throw unprocessable("Validation failed: Attachments exceeded maximum allowed");

  return {
    message_type: messageType,
    content,
    content_type: contentType,
    private: bool(params.private),
    content_attributes: attributes,
    additional_attributes: additional,
    source_id: str(params.source_id) ?? null,
    echo_id: str(params.echo_id) ?? null,
    ...sender,
    attachments,
  };
}
