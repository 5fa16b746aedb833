// GET conversations/unread_counts: Api::V1::Accounts::Conversations::UnreadCountsController
// (app/controllers/api/v1/accounts/conversations/unread_counts_controller.rb) and
// Conversations::UnreadCounts::Counter (app/services/conversations/unread_counts/counter.rb):
// open conversations with an incoming message newer than agent_last_seen_at,
// per visible inbox, per sidebar label (by label id) and per team; zero
// counts left out. The simulated accounts have the feature turned on.
import type { HttpHandler } from "msw";
import { accountAction, json, type StoreRef } from "./context.js";
import { api } from "./router.js";

export function unreadCountHandlers(store: StoreRef): HttpHandler[] {
  return [
    api.get("/api/v1/accounts/{account_id}/conversations/unread_counts", accountAction(store, "conversations/unread_counts#index", (ctx) => {
      const visible = ctx.store.visibleInboxIds(ctx.caller, ctx.account.id);
      const sidebar = ctx.store.accountLabels(ctx.account.id).filter((l) => l.show_on_sidebar);
      const inboxes: Record<string, number> = {};
      const labels: Record<string, number> = {};
      const teams: Record<string, number> = {};
      const bump = (map: Record<string, number>, key: number) => (map[String(key)] = (map[String(key)] ?? 0) + 1);
      for (const c of ctx.store.accountConversations(ctx.account.id)) {
        if (c.status !== "open" || (visible !== "all" && !visible.has(c.inbox_id))) continue;
        const unread = c.messages.some((m) => m.message_type === 0 && (c.agent_last_seen_at === null || m.created_at > c.agent_last_seen_at));
        if (!unread) continue;
        bump(inboxes, c.inbox_id);
        for (const l of sidebar) if (c.labels.includes(l.title)) bump(labels, l.id);
        if (c.team_id !== null) bump(teams, c.team_id);
      }
      const all = Object.values(inboxes).reduce((a, b) => a + b, 0);
      return json({ payload: { all_count: all, inboxes, labels, teams } });
    })),
  ];
}
