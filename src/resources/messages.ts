// chatwoot.conversations.messages: read and send messages.
import type { ApiPromise } from "../api-promise.js";
import type { Core, RequestOptions } from "../core.js";
import { anObject, unwrap } from "../response-shape.js";
import { createMessageRequestMessage_typeValues } from "../generated/schema.js";
import type { AllowUndefined, CreateMessageBody, Message, MessagePage } from "../types.js";
import { type CoversAll, knownKeys, optionalOneOf, optionalPositiveId } from "../validate.js";
import { InvalidRequestError } from "../errors.js";

const MESSAGE_KEYS = [
  "content", "message_type", "private", "content_type", "content_attributes", "template_params", "echo_id",
] as const satisfies readonly (keyof CreateMessageBody)[];
true satisfies CoversAll<CreateMessageBody, (typeof MESSAGE_KEYS)[number]>;

/** A message id: older (`before`) or newer (`after`) than it. */
export interface ListMessagesParams {
  before?: number | undefined;
  after?: number | undefined;
}

/** The new message (optional fields also accept `undefined`). */
export type CreateMessageParams = AllowUndefined<CreateMessageBody>;

export class Messages {
  constructor(private readonly core: Core) {}

  /** Messages in ascending order: the latest 20, or older (`before`) / newer (`after`) than a message id. */
  list(id: number, params: ListMessagesParams = {}, options?: RequestOptions): ApiPromise<MessagePage> {
    return this.core.call(
      "listConversationMessages",
      options,
      { conversation_id: id },
      () => {
        knownKeys("params", params, ["before", "after"]);
        return { query: { before: optionalPositiveId("before", params.before), after: optionalPositiveId("after", params.after) } };
      },
      unwrap({ meta: "object", payload: "array" }, (wire: MessagePage) => wire),
    );
  }

  /** Sends a message or private note. Never retried after it may have reached the server. */
  create(id: number, body: CreateMessageParams, options?: RequestOptions): ApiPromise<Message> {
    return this.core.call<Message>("createConversationMessage", options, { conversation_id: id }, () => {
      knownKeys("body", body, MESSAGE_KEYS);
      optionalOneOf("message_type", body.message_type, createMessageRequestMessage_typeValues);
      if (body.content === undefined && body.template_params === undefined && body.content_attributes === undefined) {
        throw new InvalidRequestError("content", "a message needs content (or template_params / content_attributes)");
      }
      return { body };
    }, anObject);
  }
}
