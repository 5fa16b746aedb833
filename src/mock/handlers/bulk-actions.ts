// POST /bulk_actions: Api::V1::Accounts::BulkActionsController
// (app/controllers/api/v1/accounts/bulk_actions_controller.rb) and BulkActionsJob
// (app/jobs/bulk_actions_job.rb), run at once here. Only the conversations the
// caller may see are touched; labels are removed first, then added and the
// fields applied per conversation; failures are silent. Contact bulk actions
// apply labels (and delete, admins only).
import type { HttpHandler } from "msw";
import { saveConversation, type ConversationChanges } from "../store/conversation-changes.js";
import type { ConversationStatus } from "../store/types.js";
import { accountAction, actorOf, json, notAuthorizedAction, isAdmin, ok, type Ctx, type StoreRef } from "./context.js";
import { labelList } from "./conversation-labels.js";
import { asId, list } from "../params.js";
import { api } from "./router.js";

const STATUSES = ["open", "resolved", "pending", "snoozed"];
const obj = (v: unknown): Record<string, unknown> => (v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
/** `"conversation".camelize` */
const camelize = (s: string) => s.replace(/(?:^|_)([a-z])/g, (_, c: string) => c.toUpperCase());

function conversationFields(ctx: Ctx, fields: Record<string, unknown>): ConversationChanges | null {
  const changes: ConversationChanges = {};
  if ("status" in fields && fields.status !== null) {
    if (!STATUSES.includes(String(fields.status))) return null; // the job's update raises: silently nothing
    changes.status = fields.status as ConversationStatus;
  }
  if ("assignee_id" in fields) {
    const id = asId(fields.assignee_id);
    changes.assignee_id = id !== undefined && ctx.store.users.get(id)?.roles.has(ctx.account.id) ? id : null;
    if (fields.assignee_id !== null && changes.assignee_id === null) return null;
  }
  if ("team_id" in fields) {
    const id = asId(fields.team_id);
    changes.team_id = id !== undefined && ctx.store.teams.get(id)?.account_id === ctx.account.id ? id : null;
    if (fields.team_id !== null && changes.team_id === null) return null;
  }
  return changes;
}

function conversationBulk(ctx: Ctx) {
  const ids = new Set(list(ctx.params.ids).map((v) => asId(v)));
  const visible = ctx.store.visibleInboxIds(ctx.caller, ctx.account.id);
  const records = ctx.store.accountConversations(ctx.account.id).filter((c) => ids.has(c.display_id) && (visible === "all" || visible.has(c.inbox_id)));
  const labels = obj(ctx.params.labels);
  const remove = labelList(labels.remove);
  const add = labelList(labels.add);
  const actor = actorOf(ctx);
  if (remove.length) for (const c of records) saveConversation(ctx.store, c, { labels: c.labels.filter((l) => !remove.includes(l)) }, actor);
  const hasFields = ctx.params.fields !== undefined && ctx.params.fields !== null;
  const snooze = ctx.params.snoozed_until;
  for (const c of records) {
    if (add.length) saveConversation(ctx.store, c, { labels: [...new Set([...c.labels, ...add])] }, actor);
    if (!hasFields) continue;
    const changes = conversationFields(ctx, obj(ctx.params.fields));
    if (!changes) continue;
    // bulk_snoozed_until is set on the record and saved with the fields (unix seconds).
    if (snooze !== undefined && snooze !== null && /^\s*\d+/.test(String(snooze))) changes.snoozed_until = Number.parseInt(String(snooze), 10);
    saveConversation(ctx.store, c, changes, actor);
  }
}

function contactBulk(ctx: Ctx) {
  const ids = new Set(list(ctx.params.ids).map((v) => asId(v)));
  const contacts = [...ctx.store.contacts.values()].filter((c) => c.account_id === ctx.account.id && ids.has(c.id));
  if (ctx.params.action_name === "delete") {
    for (const contact of contacts) {
      for (const c of ctx.store.accountConversations(ctx.account.id).filter((x) => x.contact_id === contact.id)) ctx.store.removeConversation(c);
      // has_many :contact_inboxes, dependent: :destroy_async (app/models/contact.rb): a
      // later create by source_id must not find an inbox of a contact that is gone.
      for (const ci of [...ctx.store.contactInboxes.values()]) if (ci.contact_id === contact.id) ctx.store.contactInboxes.delete(ci.id);
      ctx.store.contacts.delete(contact.id);
    }
    return;
  }
  const labels = obj(ctx.params.labels);
  const remove = labelList(labels.remove);
  const add = labelList(labels.add);
  for (const contact of contacts) contact.labels = [...new Set([...contact.labels.filter((l) => !remove.includes(l)), ...add])];
}

export function bulkActionHandlers(store: StoreRef): HttpHandler[] {
  return [
    api.post("/api/v1/accounts/{account_id}/bulk_actions", accountAction(store, "bulk_actions#create", (ctx) => {
      const type = camelize(String(ctx.params.type ?? ""));
      if (type === "Conversation") {
        conversationBulk(ctx);
        return ok();
      }
      if (type === "Contact") {
        // ContactPolicy#destroy? for deletes only.
        if (ctx.params.action_name === "delete" && !isAdmin(ctx)) throw notAuthorizedAction();
        contactBulk(ctx);
        return ok();
      }
      return json({ success: false }, 422);
    })),
  ];
}
