// Who works here: the profile (app/views/api/v1/profiles/show.json.jbuilder,
// api/v1/models/_user.json.jbuilder), GET agents
// (app/controllers/api/v1/accounts/agents_controller.rb: every user, by name),
// the deprecated inbox assignable_agents (app/controllers/api/v1/accounts/inboxes_controller.rb,
// Inbox#assignable_agents) and GET assignable_agents for several inboxes
// (app/controllers/api/v1/accounts/assignable_agents_controller.rb).
import type { HttpHandler } from "msw";
import type { Inbox, User } from "../store/types.js";
import { agentView } from "../views/people.js";
import { accountAction, json, notAuthorizedAction, notFound, userAction, type Ctx, type StoreRef } from "./context.js";
import { asId, list } from "../params.js";
import { api } from "./router.js";

const byName = (a: User, b: User) => a.name.toLowerCase().localeCompare(b.name.toLowerCase());

/** InboxPolicy#show?: the inbox is one of the user's assigned inboxes (all of them for admins). */
function authorizeInbox(ctx: Ctx, inbox: Inbox) {
  const visible = ctx.store.visibleInboxIds(ctx.caller, ctx.account.id);
  if (ctx.caller.kind === "user" && visible !== "all" && !visible.has(inbox.id)) throw notAuthorizedAction();
}

function findInbox(ctx: Ctx, raw: unknown): Inbox {
  const id = asId(raw);
  const inbox = id === undefined ? undefined : ctx.store.inboxes.get(id);
  if (!inbox || inbox.account_id !== ctx.account.id) throw notFound();
  return inbox;
}

export function agentHandlers(store: StoreRef): HttpHandler[] {
  return [
    api.get("/api/v1/profile", userAction(store, "profiles#show", (s, caller) => {
      if (caller.kind !== "user") throw new Error("unreachable: bots are refused before");
      const user = caller.user;
      const [activeAccount, role] = [...user.roles.entries()][0]!;
      return json({
        access_token: user.token,
        account_id: activeAccount,
        available_name: user.name,
        avatar_url: "",
        confirmed: true,
        display_name: null,
        message_signature: null,
        email: user.email,
        id: user.id,
        inviter_id: null,
        name: user.name,
        provider: "email",
        pubsub_token: user.pubsub_token,
        role,
        ui_settings: {},
        uid: user.email,
        type: null,
        accounts: [...user.roles.entries()].map(([accountId, r]) => ({
          id: accountId,
          name: s.account(accountId).name,
          status: "active",
          active_at: null,
          role: r,
          permissions: [r],
          availability: user.availability_status,
          availability_status: user.availability_status,
          auto_offline: user.auto_offline,
        })),
      });
    })),

    api.get("/api/v1/accounts/{account_id}/agents", accountAction(store, "agents#index", (ctx) => json(ctx.store.accountUsers(ctx.account.id).sort(byName).map((u) => agentView(u, ctx.account.id))))),

    api.get("/api/v1/accounts/{account_id}/inboxes/{inbox_id}/assignable_agents", accountAction(store, "inboxes#assignable_agents", (ctx) => {
      const inbox = findInbox(ctx, ctx.path.inbox_id);
      authorizeInbox(ctx, inbox);
      return json({ payload: ctx.store.assignableAgents(inbox).map((u) => agentView(u, ctx.account.id)) });
    })),

    api.get("/api/v1/accounts/{account_id}/assignable_agents", accountAction(store, "assignable_agents#index", (ctx) => {
      // `inboxes.find(ids)`: every id must exist, else 404 (none given is a 404 too).
      const ids = list(ctx.params.inbox_ids);
      if (ids.length === 0) throw notFound();
      const inboxes = ids.map((id) => findInbox(ctx, id));
      for (const inbox of inboxes) authorizeInbox(ctx, inbox);
      const members = inboxes.map((i) => i.members).reduce((a, b) => new Set([...a].filter((id) => b.has(id))));
      const users = ctx.store.accountUsers(ctx.account.id).filter((u) => members.has(u.id) || u.roles.get(ctx.account.id) === "administrator");
      return json({ payload: users.map((u) => agentView(u, ctx.account.id)) });
    })),
  ];
}
