// GET /search/conversations: Api::V1::Accounts::SearchController#conversations
// (app/controllers/api/v1/accounts/search_controller.rb) through SearchService:
// conversations of the caller's inboxes whose display id, contact name, email,
// phone number or identifier contains `q` (case-insensitive), newest created
// first, 15 per page. View: app/views/api/v1/accounts/search/conversations.json.jbuilder.
// (The message-content search, GET conversations/search, is in ./conversations.ts.)
import type { HttpHandler } from "msw";
import type { Conversation } from "../store/types.js";
import { messageView } from "../views/message.js";
import { accountAction, json, type Ctx, type StoreRef } from "./context.js";
import { internalError } from "./conversations.js";
import { str, toInt } from "../params.js";
import { api } from "./router.js";

const PER_PAGE = 15;

function searchResult(ctx: Ctx, c: Conversation) {
  const contact = ctx.store.contacts.get(c.contact_id);
  const inbox = ctx.store.inboxes.get(c.inbox_id);
  const agent = c.assignee_id === null ? undefined : ctx.store.users.get(c.assignee_id);
  // `conversation.messages.try(:first)`: the oldest message (the default scope orders by created_at).
  const first = c.messages[0];
  // The partial gets nil and fails: a matching conversation without messages is a 500.
  if (!first) throw internalError();
  return {
    id: c.display_id,
    account_id: c.account_id,
    created_at: Math.floor(c.created_at),
    message: messageView(ctx.store, first, c),
    // An empty `json.x do end` block drops the key.
    ...(contact
      ? { contact: { email: contact.email, id: contact.id, name: contact.name, phone_number: contact.phone_number, identifier: contact.identifier, additional_attributes: contact.additional_attributes, last_activity_at: contact.last_activity_at === null ? null : Math.floor(contact.last_activity_at) } }
      : {}),
    ...(inbox ? { inbox: { id: inbox.id, channel_id: inbox.channel_id, name: inbox.name, channel_type: inbox.channel_type } } : {}),
    ...(agent ? { agent: { id: agent.id, available_name: agent.name, email: agent.email, name: agent.name, role: agent.roles.get(ctx.account.id) ?? "agent" } } : {}),
    additional_attributes: c.additional_attributes,
  };
}

export function searchHandlers(store: StoreRef): HttpHandler[] {
  return [
    api.get("/api/v1/accounts/{account_id}/search/conversations", accountAction(store, "search#conversations", (ctx) => {
      const q = (str(ctx.params.q) ?? "").toLowerCase();
      const visible = ctx.store.visibleInboxIds(ctx.caller, ctx.account.id);
      const has = (v: string | null) => v !== null && v.toLowerCase().includes(q);
      const matches = ctx.store.accountConversations(ctx.account.id).filter((c) => {
        if (visible !== "all" && !visible.has(c.inbox_id)) return false;
        const contact = ctx.store.contactOf(c);
        return has(String(c.display_id)) || has(contact.name) || has(contact.email) || has(contact.phone_number) || has(contact.identifier);
      });
      matches.sort((a, b) => b.created_at - a.created_at || b.id - a.id);
      const page = Math.max(1, toInt(ctx.params.page ?? 1));
      return json({ payload: { conversations: matches.slice((page - 1) * PER_PAGE, page * PER_PAGE).map((c) => searchResult(ctx, c)) } });
    })),
  ];
}
