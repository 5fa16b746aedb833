// Labels of one conversation and of one contact: LabelConcern
// (app/controllers/concerns/label_concern.rb) in
// app/controllers/api/v1/accounts/conversations/labels_controller.rb and
// app/controllers/api/v1/accounts/contacts/labels_controller.rb. POST replaces
// the whole set (Labelable#update_labels); titles are not checked against the
// account's labels.
import type { HttpHandler } from "msw";
import { saveConversation } from "../store/conversation-changes.js";
import { accountAction, actorOf, findConversation, json, type StoreRef } from "./context.js";
import { findContact } from "./contacts.js";
import { api } from "./router.js";

/** acts_as_taggable's tag list: strings, split on commas, stripped, without blanks or repeats. */
export function labelList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : [];
  const out: string[] = [];
  for (const item of items) {
    if (typeof item !== "string" && typeof item !== "number") continue;
    for (const part of String(item).split(",")) {
      const title = part.trim();
      if (title && !out.includes(title)) out.push(title);
    }
  }
  return out;
}

export function conversationLabelHandlers(store: StoreRef): HttpHandler[] {
  const base = "/api/v1/accounts/{account_id}/conversations/{conversation_id}/labels" as const;
  const contactBase = "/api/v1/accounts/{account_id}/contacts/{contact_id}/labels";
  return [
    api.get(base, accountAction(store, "conversations/labels#index", (ctx) => json({ payload: findConversation(ctx).labels }))),

    api.post(base, accountAction(store, "conversations/labels#create", (ctx) => {
      const conversation = findConversation(ctx);
      // `params.permit(labels: [])`: anything but an array of scalars is dropped, which clears.
      saveConversation(ctx.store, conversation, { labels: labelList(ctx.params.labels) }, actorOf(ctx));
      return json({ payload: conversation.labels });
    })),

    api.get(contactBase, accountAction(store, "contacts/labels#index", (ctx) => json({ payload: findContact(ctx).labels }))),

    api.post(contactBase, accountAction(store, "contacts/labels#create", (ctx) => {
      const contact = findContact(ctx);
      contact.labels = labelList(ctx.params.labels);
      return json({ payload: contact.labels });
    })),
  ];
}
