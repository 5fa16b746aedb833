// chatwoot.conversations.messages: read and send messages.
import type { Core, RequestOptions } from "../core.js";
import { createMessageRequestMessage_typeValues } from "../generated/schema.js";
import type { CreateMessageBody, Message, MessagePage } from "../types.js";
import { type CoversAll, knownKeys, optionalOneOf, optionalPositiveId, plainObject } from "../validate.js";
import { InvalidRequestError } from "../errors.js";

const MESSAGE_KEYS = [
  "content", "message_type", "private", "content_type", "content_attributes", "template_params", "echo_id",
  "attachments", "is_voice_message", "source_id", "external_created_at", "cc_emails", "bcc_emails", "to_emails",
  "email_html_content", "campaign_id", "sender_type", "sender_id",
] as const satisfies readonly (keyof CreateMessageBody)[];
true satisfies CoversAll<CreateMessageBody, (typeof MESSAGE_KEYS)[number]>;

export class Messages {
  constructor(private readonly core: Core) {}

  /** Messages in ascending order: the latest 20, or older (`before`) / newer (`after`) than a message id. */
  list(id: number, params: { before?: number; after?: number } = {}, options?: RequestOptions) {
    return this.core.call<MessagePage>("listConversationMessages", options, { conversation_id: id }, () => {
      plainObject("params", params);
      return { query: { before: optionalPositiveId("before", params.before), after: optionalPositiveId("after", params.after) } };
    });
  }

  /** Sends a message or private note. Never retried after it may have reached the server. */
  create(id: number, body: CreateMessageBody, options?: RequestOptions) {
    return this.core.call<Message>("createConversationMessage", options, { conversation_id: id }, () => {
      knownKeys("body", body, MESSAGE_KEYS);
      optionalOneOf("message_type", body.message_type, createMessageRequestMessage_typeValues);
      if (body.content === undefined && body.template_params === undefined && body.content_attributes === undefined && !body.attachments?.length) {
        throw new InvalidRequestError("content", "a message needs content (or attachments / template_params / content_attributes)");
      }
      return { body };
    });
  }
}
