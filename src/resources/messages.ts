// chatwoot.conversations.messages: read, send (with files), delete, retry and
// report the delivery status of messages.
import type { ApiPromise } from "../api-promise.js";
import type { Core, RequestOptions } from "../core.js";
import { InvalidRequestError } from "../errors.js";
import { messageStatusValues } from "../generated/schema.js";
import { anObject, unwrap } from "../response-shape.js";
import type { AllowUndefined, components, Message, MessagePage } from "../types.js";
import { knownKeys, oneOf, optionalPositiveId } from "../validate.js";
import { messageInput, type CreateMessageParams } from "./message-params.js";

export type { CreateMessageParams } from "./message-params.js";
export type UpdateMessageStatusParams = AllowUndefined<components["schemas"]["UpdateMessageStatusRequest"]>;

/** A message id: older (`before`) or newer (`after`) than it. */
export interface ListMessagesParams {
  before?: number | undefined;
  after?: number | undefined;
  /** Leave out private notes and activity messages (what a contact-facing view shows). */
  filter_internal_messages?: boolean | undefined;
}

export class Messages {
  constructor(private readonly core: Core) {}

  /** Messages in ascending order: the latest 20, or older (`before`) / newer (`after`) than a message id. */
  list(id: number, params: ListMessagesParams = {}, options?: RequestOptions): ApiPromise<MessagePage> {
    return this.core.call(
      "listConversationMessages",
      options,
      { conversation_id: id },
      () => {
        knownKeys("params", params, ["before", "after", "filter_internal_messages"]);
        const internal = params.filter_internal_messages;
        if (internal !== undefined && typeof internal !== "boolean") throw new InvalidRequestError("filter_internal_messages", "must be a boolean");
        return {
          query: {
            before: optionalPositiveId("before", params.before),
            after: optionalPositiveId("after", params.after),
            // The server filters on the parameter's presence, even `false`: send it only for true.
            filter_internal_messages: internal === true ? true : undefined,
          },
        };
      },
      unwrap({ meta: "object", payload: "array" }, (wire: MessagePage) => wire),
    );
  }

  /**
   * Sends a message or private note. Files in `attachments` (File/Blob or
   * `{ data, filename, contentType }`) send it as multipart/form-data; strings
   * are signed blob ids. Never retried after it may have reached the server.
   */
  create(id: number, body: CreateMessageParams, options?: RequestOptions): ApiPromise<Message> {
    return this.core.call<Message>("createConversationMessage", options, { conversation_id: id }, () => messageInput(body), anObject);
  }

  /** Deletes a message: its content becomes "This message was deleted" and its files are removed. */
  delete(id: number, messageId: number, options?: RequestOptions): ApiPromise<Message> {
    return this.core.call<Message>("deleteConversationMessage", options, { conversation_id: id, message_id: messageId }, undefined, anObject);
  }

  /** Sends a failed message again. Not retried blindly (it sends). */
  retry(id: number, messageId: number, options?: RequestOptions): ApiPromise<Message> {
    return this.core.call<Message>("retryConversationMessage", options, { conversation_id: id, message_id: messageId }, undefined, anObject);
  }

  /** Reports the delivery status of a message (API inboxes only; elsewhere 403). */
  updateStatus(id: number, messageId: number, params: UpdateMessageStatusParams, options?: RequestOptions): ApiPromise<Message> {
    const ids = { conversation_id: id, message_id: messageId };
    return this.core.call<Message>("updateConversationMessageStatus", options, ids, () => {
      const body = knownKeys("params", params, ["status", "external_error"]);
      oneOf("status", body.status, messageStatusValues);
      if (body.external_error !== undefined && typeof body.external_error !== "string") {
        throw new InvalidRequestError("external_error", "must be a string");
      }
      return { body: body as components["schemas"]["UpdateMessageStatusRequest"] };
    }, anObject);
  }
}
