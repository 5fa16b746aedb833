// Api::V1::Accounts::Conversations::MessagesController
// (app/controllers/api/v1/accounts/conversations/messages_controller.rb):
// index through MessageFinder (app/finders/message_finder.rb), create through
// Messages::MessageBuilder, update (status, API inboxes only), destroy, retry.
// Views: app/views/api/v1/accounts/conversations/messages/*.json.jbuilder.
import type { HttpHandler } from "msw";
import { createMessage, updateMessage } from "../store/messages.js";
import type { Conversation, Message, MessageStatus } from "../store/types.js";
import { messageView } from "../views/message.js";
import { contactPush, userPush } from "../views/people.js";
import { isoOrNull } from "../views/time.js";
import { accountAction, actorOf, findConversation, Halt, json, notFound, type Ctx, type StoreRef } from "./context.js";
import { buildMessage } from "./message-params.js";
import { asId, present, str, toInt } from "../params.js";
import { api } from "./router.js";

const BASE = "/api/v1/accounts/{account_id}/conversations/{conversation_id}/messages";
const STATUSES = ["sent", "delivered", "read", "failed"];

/** MessageFinder#current_messages: latest 20, 20 before, 100 after, or up to 1000 between; ascending. */
function findMessages(conversation: Conversation, params: Record<string, unknown>): Message[] {
  let rows = conversation.messages;
  if (present(params.filter_internal_messages)) rows = rows.filter((m) => !m.private && m.message_type !== 2);
  const after = present(params.after) ? toInt(params.after) : null;
  const before = present(params.before) ? toInt(params.before) : null;
  if (after !== null && before !== null) return rows.filter((m) => m.id >= after && m.id < before).slice(0, 1000);
  if (before !== null) return rows.filter((m) => m.id < before).slice(-20);
  if (after !== null) return rows.filter((m) => m.id > after).slice(0, 100);
  return rows.slice(-20);
}

/** `@conversation.messages.find(params[:id])` */
function findMessage(ctx: Ctx, conversation: Conversation): Message {
  const id = asId(ctx.path.message_id);
  const message = id === undefined ? undefined : conversation.messages.find((m) => m.id === id);
  if (!message) throw notFound();
  return message;
}

export function messageHandlers(store: StoreRef): HttpHandler[] {
  return [
    api.get(BASE, accountAction(store, "conversations/messages#index", (ctx) => {
      const conversation = findConversation(ctx);
      const contact = ctx.store.contactOf(conversation);
      const assignee = conversation.assignee_id === null ? undefined : ctx.store.users.get(conversation.assignee_id);
      return json({
        meta: {
          labels: conversation.labels,
          additional_attributes: conversation.additional_attributes,
          contact: contactPush(contact),
          ...(assignee ? { assignee: userPush(assignee) } : {}),
          agent_last_seen_at: isoOrNull(conversation.agent_last_seen_at),
          assignee_last_seen_at: isoOrNull(conversation.assignee_last_seen_at),
        },
        payload: findMessages(conversation, ctx.params).map((m) => messageView(ctx.store, m, conversation)),
      });
    })),

    api.post(BASE, accountAction(store, "conversations/messages#create", async (ctx) => {
      const conversation = findConversation(ctx);
      // `rescue StandardError => e; render_could_not_create_error(e.message)`: every failure is 422 {"error"}.
      const input = await buildMessage(ctx, conversation, ctx.params);
      const message = createMessage(ctx.store, conversation, input, actorOf(ctx));
      return json(messageView(ctx.store, message, conversation));
    })),

    api.patch(`${BASE}/{message_id}`, accountAction(store, "conversations/messages#update", (ctx) => {
      const conversation = findConversation(ctx);
      // before_action :ensure_api_inbox
      if (ctx.store.inboxOf(conversation).channel_type !== "Channel::Api") throw new Halt(403, { error: "Message status update is only allowed for API inboxes" });
      const message = findMessage(ctx, conversation);
      const status = str(ctx.params.status);
      // Messages::StatusUpdateService: unknown statuses and read → delivered change nothing.
      if (status !== undefined && STATUSES.includes(status) && !(message.status === "read" && status === "delivered")) {
        const error = status === "failed" ? (ctx.params.external_error ?? null) : null;
        const attributes: Record<string, unknown> = { ...message.content_attributes, external_error: error };
        if (error === null) delete attributes.external_error;
        updateMessage(ctx.store, conversation, message, { status: status as MessageStatus, content_attributes: attributes });
      }
      return json(messageView(ctx.store, message, conversation));
    })),

    api.delete(`${BASE}/{message_id}`, accountAction(store, "conversations/messages#destroy", (ctx) => {
      const conversation = findConversation(ctx);
      const message = findMessage(ctx, conversation);
      // The row stays: content replaced, attachments destroyed (config/locales/en.yml text).
      updateMessage(ctx.store, conversation, message, { content: "This message was deleted", content_type: "text", content_attributes: { deleted: true }, attachments: [] });
      return json(messageView(ctx.store, message, conversation));
    })),

    api.post(`${BASE}/{message_id}/retry`, accountAction(store, "conversations/messages#retry", (ctx) => {
      const conversation = findConversation(ctx);
      // The lookup runs inside `rescue StandardError`: a missing message is 422, not 404.
      const id = asId(ctx.path.message_id);
      const message = conversation.messages.find((m) => m.id === id);
      if (!message) throw new Halt(422, { error: `Couldn't find Message with 'id'=${ctx.path.message_id}` });
      // StatusUpdateService 'sent', then content_attributes cleared; delivery is re-queued.
      updateMessage(ctx.store, conversation, message, { status: "sent", content_attributes: {} });
      return json(messageView(ctx.store, message, conversation));
    })),
  ];
}
