// The conversation collection: Api::V1::Accounts::ConversationsController
// #index, #meta, #search, #filter and #create
// (app/controllers/api/v1/accounts/conversations_controller.rb) with the views
// app/views/api/v1/accounts/conversations/{index,meta,search,filter,create}.json.jbuilder.
import type { HttpHandler } from "msw";
import { buildContactInbox, createConversation, SourceIdTaken } from "../store/conversation-create.js";
import { findConversations, PER_PAGE, TeamNotFound, type FinderResult } from "../store/conversation-finder.js";
import { buildFilter } from "../store/filter-service.js";
import { FilterError } from "../store/filter-keys.js";
import { comparator, pageOf } from "../store/sort.js";
import { createMessage } from "../store/messages.js";
import type { ConversationStatus } from "../store/types.js";
import { conversationSearchItem, conversationView } from "../views/conversation.js";
import { accountAction, actorOf, Halt, json, notFound, unauthorized, unprocessable, type Ctx, type StoreRef } from "./context.js";
import { buildMessage } from "./message-params.js";
import { asId, present, str, toInt } from "../params.js";
import { api } from "./router.js";

function finder(ctx: Ctx): FinderResult {
  try {
    return findConversations(ctx.store, ctx.caller, ctx.account.id, ctx.params);
  } catch (error) {
    if (error instanceof TeamNotFound) throw notFound();
    throw error;
  }
}

const STATUSES = ["open", "resolved", "pending", "snoozed"];
/** Rails answers an unknown enum value with an unhandled ArgumentError. */
export const internalError = () => new Halt(500, { status: 500, error: "Internal Server Error" });

/** `snoozed_until` as ConversationBuilder stores it: a time string, parsed; anything else is nil. */
const parseTime = (value: unknown): number | null => {
  if (typeof value !== "string" || value.trim() === "") return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms / 1000;
};

export function conversationCollectionHandlers(store: StoreRef): HttpHandler[] {
  return [
    api.get("/api/v1/accounts/{account_id}/conversations/meta", accountAction(store, "conversations#meta", (ctx) => {
      const { count } = finder(ctx);
      return json({ meta: count });
    })),

    api.get("/api/v1/accounts/{account_id}/conversations/search", accountAction(store, "conversations#search", (ctx) => {
      const { conversations, count, matches } = finder(ctx);
      return json({
        meta: { mine_count: count.mine_count, unassigned_count: count.unassigned_count, all_count: count.all_count },
        payload: conversations.map((c) => conversationSearchItem(ctx.store, c, matches.get(c) ?? [])),
      });
    })),

    api.post("/api/v1/accounts/{account_id}/conversations/filter", accountAction(store, "conversations#filter", (ctx) => {
      let predicate;
      try {
        predicate = buildFilter(ctx.store, ctx.account.id, ctx.params.payload);
      } catch (error) {
        if (error instanceof FilterError) throw error.status === 500 ? internalError() : unprocessable(error.message);
        throw error;
      }
      const visible = ctx.store.visibleInboxIds(ctx.caller, ctx.account.id);
      const matched = ctx.store.accountConversations(ctx.account.id).filter((c) => (visible === "all" || visible.has(c.inbox_id)) && predicate(c));
      const userId = ctx.caller.kind === "user" ? ctx.caller.user.id : -1;
      const page = Math.max(1, toInt(ctx.params.page ?? 1));
      const rows = pageOf(matched, comparator(ctx.store, "last_activity_at_desc"), page, PER_PAGE);
      return json({
        meta: {
          mine_count: matched.filter((c) => c.assignee_id === userId).length,
          unassigned_count: matched.filter((c) => c.assignee_id === null).length,
          all_count: matched.length,
        },
        payload: rows.map((c) => conversationView(ctx.store, c, ctx.caller)),
      });
    })),

    api.get("/api/v1/accounts/{account_id}/conversations", accountAction(store, "conversations#index", (ctx) => {
      const { conversations, count } = finder(ctx);
      return json({ data: { meta: count, payload: conversations.map((c) => conversationView(ctx.store, c, ctx.caller)) } });
    })),

    api.post("/api/v1/accounts/{account_id}/conversations", accountAction(store, "conversations#create", async (ctx) => {
      const { store: s, params } = ctx;
      // before_action :inbox, :contact, :contact_inbox
      let inbox;
      if (present(params.inbox_id)) {
        inbox = s.inboxes.get(asId(params.inbox_id) ?? -1);
        if (!inbox || inbox.account_id !== ctx.account.id) throw notFound();
        authorizeInbox(ctx, inbox.id);
      }
      let contact;
      if (present(params.contact_id)) {
        contact = s.contacts.get(asId(params.contact_id) ?? -1);
        if (!contact || contact.account_id !== ctx.account.id) throw notFound();
      }
      let contactInbox;
      try {
        if (inbox && contact) contactInbox = buildContactInbox(s, contact, inbox, str(params.source_id), params.hmac_verified === true || params.hmac_verified === "true");
      } catch (error) {
        if (error instanceof SourceIdTaken) throw unprocessable("source_id should be unique");
        if (error instanceof Error) throw unprocessable(error.message);
        throw error;
      }
      // The old fallback: a contact inbox looked up by source id alone.
      contactInbox ??= [...s.contactInboxes.values()].find((ci) => ci.source_id === str(params.source_id));
      if (!contactInbox) throw notFound();
      authorizeInbox(ctx, contactInbox.inbox_id);

      const status = str(params.status);
      if (present(status) && !STATUSES.includes(status!)) throw internalError();
      const assignee = asId(params.assignee_id);
      const team = asId(params.team_id);
      const conversation = createConversation(s, contactInbox, {
        status: present(status) ? (status as ConversationStatus) : undefined,
        additional_attributes: objectParam(params.additional_attributes),
        custom_attributes: objectParam(params.custom_attributes),
        snoozed_until: parseTime(params.snoozed_until),
        assignee_id: assignee !== undefined && s.users.get(assignee)?.roles.has(ctx.account.id) ? assignee : null,
        team_id: team !== undefined && s.teams.get(team)?.account_id === ctx.account.id ? team : null,
      }, actorOf(ctx));
      if (present(params.message) && typeof params.message === "object") {
        const input = await buildMessage(ctx, conversation, params.message as Record<string, unknown>);
        createMessage(s, conversation, input, actorOf(ctx));
      }
      return json(conversationView(s, conversation, ctx.caller));
    })),
  ];
}

const objectParam = (value: unknown): Record<string, unknown> => (value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {});

/** InboxPolicy#show?: bots, or an inbox in the user's assigned inboxes. */
function authorizeInbox(ctx: Ctx, inboxId: number) {
  if (ctx.caller.kind === "bot") return;
  const visible = ctx.store.visibleInboxIds(ctx.caller, ctx.account.id);
  if (visible !== "all" && !visible.has(inboxId)) throw unauthorized("You are not authorized to do this action");
}
