// POST integrations/dyte/create_a_meeting and add_participant_to_meeting: Api::V1::Accounts::Integrations::DyteController
// (app/controllers/api/v1/accounts/integrations/dyte_controller.rb). The
// simulated accounts have no Dyte integration hook, so after the
// conversation lookup the answer is 404, as on a server without Dyte.
import type { HttpHandler } from "msw";
import { accountAction, findConversation, notAuthorizedAction, notFound, unprocessable, type StoreRef } from "./context.js";
import { asId } from "../params.js";
import { api } from "./router.js";

export function integrationHandlers(store: StoreRef): HttpHandler[] {
  return [
    api.post("/api/v1/accounts/{account_id}/integrations/dyte/create_a_meeting", accountAction(store, "integrations/dyte#create_a_meeting", (ctx) => {
      findConversation(ctx, String(ctx.params.conversation_id ?? ""));
      throw notFound();
    })),

    api.post("/api/v1/accounts/{account_id}/integrations/dyte/add_participant_to_meeting", accountAction(store, "integrations/dyte#add_participant_to_meeting", (ctx) => {
      // fetch_message: `Current.account.messages.find(message_id)`, then the conversation's show? policy.
      const id = asId(ctx.params.message_id);
      const message = id === undefined ? undefined : ctx.store.messages.get(id);
      if (!message || message.account_id !== ctx.account.id) throw notFound();
      const conversation = ctx.store.conversations.get(message.conversation_id)!;
      if (!ctx.store.canSee(ctx.caller, conversation)) throw notAuthorizedAction();
      if (message.content_type !== "integrations") throw unprocessable("Invalid message type. Action not permitted");
      throw notFound();
    })),
  ];
}
