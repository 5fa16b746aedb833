// Api::V1::Accounts::Conversations::AssignmentsController
// (app/controllers/api/v1/accounts/conversations/assignments_controller.rb) and
// Conversations::AssignmentService (app/services/conversations/assignment_service.rb):
// an agent (any id that is not a user of the account unassigns, 200 null), an
// agent bot (`assignee_type: "AgentBot"`; unknown bot changes nothing), or a
// team (unknown team removes it, 200 null); team_id is ignored next to assignee_id.
import type { HttpHandler } from "msw";
import { saveConversation } from "../store/conversation-changes.js";
import { agentView, botSlim, teamRecord } from "../views/people.js";
import { accountAction, actorOf, findConversation, json, type StoreRef } from "./context.js";
import { asId } from "../params.js";
import { api } from "./router.js";

export function assignmentHandlers(store: StoreRef): HttpHandler[] {
  return [
    api.post("/api/v1/accounts/{account_id}/conversations/{conversation_id}/assignments", accountAction(store, "conversations/assignments#create", (ctx) => {
      const conversation = findConversation(ctx);
      const { params, store: s } = ctx;
      const actor = actorOf(ctx);
      const botAssignment = String(params.assignee_type ?? "") === "AgentBot";
      if ("assignee_id" in params || botAssignment) {
        const id = asId(params.assignee_id);
        if (botAssignment) {
          // AgentBot.accessible_to(account): the account's bots and global ones.
          const bot = id === undefined ? undefined : s.bots.get(id);
          if (!bot || (bot.account_id !== null && bot.account_id !== ctx.account.id)) return json(null);
          saveConversation(s, conversation, { assignee_id: null, assignee_agent_bot_id: bot.id }, actor);
          return json(botSlim(bot));
        }
        const user = id === undefined ? undefined : s.users.get(id);
        const member = user && user.roles.has(ctx.account.id) ? user : undefined;
        saveConversation(s, conversation, { assignee_id: member?.id ?? null, assignee_agent_bot_id: null }, actor);
        return json(member ? agentView(member, ctx.account.id) : null);
      }
      if ("team_id" in params) {
        const id = asId(params.team_id);
        const team = id === undefined ? undefined : s.teams.get(id);
        const found = team && team.account_id === ctx.account.id ? team : undefined;
        saveConversation(s, conversation, { team_id: found?.id ?? null }, actor);
        return json(found ? teamRecord(found) : null);
      }
      return json(null);
    })),
  ];
}
