// POST integrations/dyte/create_a_meeting: Api::V1::Accounts::Integrations::DyteController
// (app/controllers/api/v1/accounts/integrations/dyte_controller.rb). The
// simulated accounts have no Dyte integration hook, so after the
// conversation lookup the answer is 404, as on a server without Dyte.
import type { HttpHandler } from "msw";
import { accountAction, findConversation, notFound, type StoreRef } from "./context.js";
import { api } from "./router.js";

export function integrationHandlers(store: StoreRef): HttpHandler[] {
  return [
    api.post("/api/v1/accounts/{account_id}/integrations/dyte/create_a_meeting", accountAction(store, "integrations/dyte#create_a_meeting", (ctx) => {
      findConversation(ctx, String(ctx.params.conversation_id ?? ""));
      throw notFound();
    })),
  ];
}
