// A contact's conversations: Api::V1::Accounts::Contacts::ConversationsController
// (app/controllers/api/v1/accounts/contacts/conversations_controller.rb): the 20
// most recently active, every status, only the caller's inboxes for agents;
// view app/views/api/v1/accounts/contacts/conversations/index.json.jbuilder.
import type { HttpHandler } from "msw";
import type { Contact } from "../store/types.js";
import { conversationView } from "../views/conversation.js";
import { accountAction, json, notFound, type Ctx, type StoreRef } from "./context.js";
import { asId } from "../params.js";
import { api } from "./router.js";

/** Contacts::BaseController#ensure_contact: `Current.account.contacts.find(params[:contact_id])` */
export function findContact(ctx: Ctx): Contact {
  const id = asId(ctx.path.contact_id);
  const contact = id === undefined ? undefined : ctx.store.contacts.get(id);
  if (!contact || contact.account_id !== ctx.account.id) throw notFound();
  return contact;
}

export function contactHandlers(store: StoreRef): HttpHandler[] {
  return [
    api.get("/api/v1/accounts/{account_id}/contacts/{contact_id}/conversations", accountAction(store, "contacts/conversations#index", (ctx) => {
      const contact = findContact(ctx);
      const visible = ctx.store.visibleInboxIds(ctx.caller, ctx.account.id);
      const rows = ctx.store
        .accountConversations(ctx.account.id)
        .filter((c) => c.contact_id === contact.id && (visible === "all" || visible.has(c.inbox_id)))
        .sort((a, b) => b.last_activity_at - a.last_activity_at || b.id - a.id)
        .slice(0, 20);
      return json({ payload: rows.map((c) => conversationView(ctx.store, c, ctx.caller)) });
    })),
  ];
}
