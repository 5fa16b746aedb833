// Api::V1::Accounts::Conversations::ParticipantsController
// (app/controllers/api/v1/accounts/conversations/participants_controller.rb) with
// ConversationParticipant's rules (app/models/conversation_participant.rb: a
// participant must be an assignable agent of the inbox) and the views
// app/views/api/v1/accounts/conversations/participants/*.json.jbuilder.
import type { HttpHandler } from "msw";
import type { Conversation, User } from "../store/types.js";
import { agentView } from "../views/people.js";
import { accountAction, findConversation, json, ok, type Ctx, type StoreRef } from "./context.js";
import { internalError } from "./conversations.js";
import { list } from "../params.js";
import { api } from "./router.js";

const BASE = "/api/v1/accounts/{account_id}/conversations/{conversation_id}/participants";

/** `params[:user_ids]`: required (nil - array raises, a 500). Ids compare as Rails would cast them. */
function userIds(ctx: Ctx): number[] {
  const raw = ctx.params.user_ids;
  if (raw === undefined || raw === null) throw internalError();
  return list(raw).map((v) => Number(v)).filter((n) => Number.isInteger(n));
}

/** find_or_create_by(user_id:): a user without inbox access fails validation silently (not saved). */
function add(ctx: Ctx, conversation: Conversation, id: number): User {
  const user = ctx.store.users.get(id);
  // belongs_to :user is required: an unknown id makes the returned record's `user` nil → the view fails.
  if (!user) throw internalError();
  const allowed = ctx.store.assignableAgents(ctx.store.inboxOf(conversation)).includes(user);
  if (allowed && !conversation.participants.includes(id)) conversation.participants.push(id);
  return user;
}

const view = (ctx: Ctx, users: User[]) => json(users.map((u) => agentView(u, ctx.account.id)));
const current = (ctx: Ctx, c: Conversation) => c.participants.map((id) => ctx.store.users.get(id)).filter((u): u is User => u !== undefined);

export function participantHandlers(store: StoreRef): HttpHandler[] {
  return [
    api.get(BASE, accountAction(store, "conversations/participants#show", (ctx) => view(ctx, current(ctx, findConversation(ctx))))),

    api.post(BASE, accountAction(store, "conversations/participants#create", (ctx) => {
      const conversation = findConversation(ctx);
      const ids = userIds(ctx).filter((id, i, all) => !conversation.participants.includes(id) && all.indexOf(id) === i);
      return view(ctx, ids.map((id) => add(ctx, conversation, id)));
    })),

    api.patch(BASE, accountAction(store, "conversations/participants#update", (ctx) => {
      const conversation = findConversation(ctx);
      const wanted = userIds(ctx);
      const before = [...conversation.participants];
      for (const id of wanted.filter((id) => !before.includes(id))) {
        const user = ctx.store.users.get(id);
        if (user && ctx.store.assignableAgents(ctx.store.inboxOf(conversation)).includes(user)) conversation.participants.push(id);
      }
      conversation.participants = conversation.participants.filter((id) => wanted.includes(id));
      return view(ctx, current(ctx, conversation));
    })),

    api.delete(BASE, accountAction(store, "conversations/participants#destroy", (ctx) => {
      const conversation = findConversation(ctx);
      const ids = userIds(ctx);
      conversation.participants = conversation.participants.filter((id) => !ids.includes(id));
      return ok();
    })),
  ];
}
