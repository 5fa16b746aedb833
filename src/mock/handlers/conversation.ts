// One conversation: the member actions of Api::V1::Accounts::ConversationsController
// (app/controllers/api/v1/accounts/conversations_controller.rb): show, update,
// destroy, toggle_status, toggle_priority, toggle_typing_status,
// custom_attributes, update_last_seen, unread, mute, unmute, transcript,
// attachments; views in app/views/api/v1/accounts/conversations/.
import type { HttpHandler } from "msw";
import { deleteConversation, markRead, markUnread, muteConversation, toggleTyping, unmuteConversation } from "../store/conversation-actions.js";
import { saveConversation } from "../store/conversation-changes.js";
import type { ConversationStatus, Priority } from "../store/types.js";
import { conversationView } from "../views/conversation.js";
import { attachmentItem } from "../views/message.js";
import { isoOrNull } from "../views/time.js";
import { accountAction, actorOf, findConversation, json, ok, requireAdmin, unprocessable, type Ctx, type StoreRef } from "./context.js";
import { internalError } from "./conversations.js";
import { present, str, toInt } from "../params.js";
import { api } from "./router.js";

const STATUSES = ["open", "resolved", "pending", "snoozed"];
const PRIORITIES = ["low", "medium", "high", "urgent"];
const BASE = "/api/v1/accounts/{account_id}/conversations/{conversation_id}";
const ATTACHMENTS_PER_PAGE = 100;

/** `self.priority = value.presence`: blank clears, an unknown value is Rails' unhandled ArgumentError. */
function priorityParam(value: unknown): Priority | null {
  const p = str(value);
  if (!present(p)) return null;
  if (!PRIORITIES.includes(p!)) throw internalError();
  return p as Priority;
}

/** DateRangeHelper#parse_date_time: `DateTime.strptime(value.to_s, '%s')`, unix seconds. */
function unixSeconds(value: unknown): number {
  const s = typeof value === "number" ? String(Math.trunc(value)) : String(value ?? "");
  if (!/^\s*-?\d+/.test(s)) throw internalError();
  return Number.parseInt(s, 10);
}

function toggleStatus(ctx: Ctx) {
  const conversation = findConversation(ctx);
  const actor = actorOf(ctx);
  const requested = ctx.params.status;
  let success: boolean | null = null;
  if (ctx.caller.kind === "bot" && conversation.status === "pending" && requested === "open") {
    // bot_handoff!: waiting_since when blank, then open; @status stays nil.
    if (conversation.waiting_since === null) saveConversation(ctx.store, conversation, { waiting_since: ctx.store.now() }, actor);
    saveConversation(ctx.store, conversation, { status: "open" }, actor);
  } else if (present(requested)) {
    const status = str(requested);
    if (!STATUSES.includes(status ?? "")) throw internalError();
    const changes: { status: ConversationStatus; snoozed_until?: number } = { status: status as ConversationStatus };
    if (ctx.params.snoozed_until !== undefined && ctx.params.snoozed_until !== null) changes.snoozed_until = unixSeconds(ctx.params.snoozed_until);
    saveConversation(ctx.store, conversation, changes, actor);
    success = true;
  } else {
    // Conversation#toggle_status: open ↔ resolved; pending and snoozed open.
    saveConversation(ctx.store, conversation, { status: conversation.status === "open" ? "resolved" : "open" }, actor);
    success = true;
  }
  // A plain agent (not an admin) who opens takes the assignment.
  if (conversation.status === "open" && ctx.caller.kind === "user" && ctx.caller.role === "agent") {
    saveConversation(ctx.store, conversation, { assignee_id: ctx.caller.user.id }, actor);
  }
  return json({ payload: { success, conversation_id: conversation.display_id, current_status: conversation.status, snoozed_until: isoOrNull(conversation.snoozed_until) } });
}

export function conversationHandlers(store: StoreRef): HttpHandler[] {
  const view = (ctx: Ctx, c = findConversation(ctx)) => json(conversationView(ctx.store, c, ctx.caller));
  return [
    api.get(BASE, accountAction(store, "conversations#show", (ctx) => view(ctx))),

    api.patch(BASE, accountAction(store, "conversations#update", (ctx) => {
      const conversation = findConversation(ctx);
      // permitted_update_params: priority only; everything else is ignored.
      if ("priority" in ctx.params) saveConversation(ctx.store, conversation, { priority: priorityParam(ctx.params.priority) }, actorOf(ctx));
      return view(ctx, conversation);
    })),

    api.delete(BASE, accountAction(store, "conversations#destroy", (ctx) => {
      const conversation = findConversation(ctx);
      requireAdmin(ctx); // ConversationPolicy#destroy?
      deleteConversation(ctx.store, conversation);
      return ok();
    })),

    api.post(`${BASE}/toggle_status`, accountAction(store, "conversations#toggle_status", toggleStatus)),

    api.post(`${BASE}/toggle_priority`, accountAction(store, "conversations#toggle_priority", (ctx) => {
      const conversation = findConversation(ctx);
      saveConversation(ctx.store, conversation, { priority: priorityParam(ctx.params.priority) }, actorOf(ctx));
      return ok();
    })),

    api.post(`${BASE}/toggle_typing_status`, accountAction(store, "conversations#toggle_typing_status", (ctx) => {
      toggleTyping(ctx.store, findConversation(ctx), ctx.caller, ctx.params.typing_status, ctx.params.is_private);
      return ok();
    })),

    api.post(`${BASE}/custom_attributes`, accountAction(store, "conversations#custom_attributes", (ctx) => {
      const conversation = findConversation(ctx);
      const raw = ctx.params.custom_attributes;
      const attributes = raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
      saveConversation(ctx.store, conversation, { custom_attributes: attributes }, actorOf(ctx));
      return json({ custom_attributes: conversation.custom_attributes });
    })),

    api.post(`${BASE}/update_last_seen`, accountAction(store, "conversations#update_last_seen", (ctx) => {
      const conversation = findConversation(ctx);
      markRead(ctx.store, conversation, ctx.caller);
      return view(ctx, conversation);
    })),

    api.post(`${BASE}/unread`, accountAction(store, "conversations#unread", (ctx) => {
      const conversation = findConversation(ctx);
      markUnread(conversation);
      return view(ctx, conversation);
    })),

    api.post(`${BASE}/mute`, accountAction(store, "conversations#mute", (ctx) => {
      muteConversation(ctx.store, findConversation(ctx), actorOf(ctx));
      return ok();
    })),

    api.post(`${BASE}/unmute`, accountAction(store, "conversations#unmute", (ctx) => {
      unmuteConversation(ctx.store, findConversation(ctx), actorOf(ctx));
      return ok();
    })),

    api.post(`${BASE}/transcript`, accountAction(store, "conversations#transcript", (ctx) => {
      findConversation(ctx);
      if (!present(ctx.params.email)) throw unprocessable("email param missing");
      // The mail is queued; nothing is sent from the simulator.
      return ok();
    })),

    api.get(`${BASE}/attachments`, accountAction(store, "conversations#attachments", (ctx) => {
      const conversation = findConversation(ctx);
      const all = conversation.messages.flatMap((m) => m.attachments.map((a) => ({ a, m })));
      all.sort((x, y) => y.m.created_at - x.m.created_at || y.a.id - x.a.id);
      const page = Math.max(1, toInt(ctx.params.page ?? 1));
      const rows = all.slice((page - 1) * ATTACHMENTS_PER_PAGE, page * ATTACHMENTS_PER_PAGE);
      return json({ meta: { total_count: all.length }, payload: rows.map(({ a, m }) => attachmentItem(ctx.store, a, m)) });
    })),
  ];
}
