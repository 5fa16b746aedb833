// Account labels: Api::V1::Accounts::LabelsController
// (app/controllers/api/v1/accounts/labels_controller.rb), LabelPolicy
// (app/policies/label_policy.rb: index for everyone, the rest admins only),
// the Label model's rules (app/models/label.rb, lib/regex_helper.rb) and the
// views app/views/api/v1/accounts/labels/*.json.jbuilder.
import type { HttpHandler } from "msw";
import { saveConversation } from "../store/conversation-changes.js";
import type { Label } from "../store/types.js";
import { accountAction, Halt, json, notFound, ok, recordInvalid, requireAdmin, type Ctx, type StoreRef } from "./context.js";
import { asId, str } from "../params.js";
import { api } from "./router.js";

/** RegexHelper::UNICODE_CHARACTER_NUMBER_HYPHEN_UNDERSCORE */
const TITLE = /^[\p{L}\p{N}]+[\p{L}\p{N}_-]+$/u;
const LABEL_FIELDS = ["title", "description", "color", "show_on_sidebar"] as const;

const labelView = (l: Label) => ({ id: l.id, title: l.title, description: l.description, color: l.color, show_on_sidebar: l.show_on_sidebar });

/**
 * `params.require(:label).permit(...)`: Rails' wrap_parameters puts the
 * label's attributes under `label`, so a flat body works too.
 */
function labelParams(ctx: Ctx): Partial<Record<(typeof LABEL_FIELDS)[number], unknown>> {
  const wrapped = ctx.params.label;
  const source = wrapped !== null && typeof wrapped === "object" && !Array.isArray(wrapped) ? (wrapped as Record<string, unknown>) : ctx.params;
  const out: Partial<Record<(typeof LABEL_FIELDS)[number], unknown>> = {};
  for (const f of LABEL_FIELDS) if (f in source) out[f] = source[f];
  if (Object.keys(out).length === 0) throw new Halt(422, { error: "param is missing or the value is empty: label" });
  return out;
}

/** The model's validations; `except` is the label being updated. */
function validate(ctx: Ctx, title: string | null, except?: Label) {
  const messages: string[] = [];
  const attributes = new Set<string>();
  if (title === null || title.trim() === "") {
    messages.push("Title must not be blank");
    attributes.add("title");
  }
  if (title !== null && !TITLE.test(title)) {
    messages.push("Title is invalid");
    attributes.add("title");
  }
  if (title !== null && [...ctx.store.labels.values()].some((l) => l.account_id === ctx.account.id && l.title === title && l !== except)) {
    messages.push("Title has already been taken");
    attributes.add("title");
  }
  if (messages.length > 0) throw recordInvalid(messages, [...attributes]);
}

function findLabel(ctx: Ctx): Label {
  const id = asId(ctx.path.label_id);
  const label = id === undefined ? undefined : ctx.store.labels.get(id);
  if (!label || label.account_id !== ctx.account.id) throw notFound();
  return label;
}

function renameLabel(ctx: Ctx, from: string, to: string) {
  const swap = (labels: string[]) => [...new Set(labels.map((l) => (l === from ? to : l)))];
  for (const c of ctx.store.accountConversations(ctx.account.id)) if (c.labels.includes(from)) saveConversation(ctx.store, c, { labels: swap(c.labels) }, null);
  for (const c of ctx.store.contacts.values()) if (c.account_id === ctx.account.id && c.labels.includes(from)) c.labels = swap(c.labels);
}

const boolOrNull = (v: unknown) => (v === undefined || v === null || v === "" ? null : v === true || v === "true" || v === "1" || v === 1);

export function labelHandlers(store: StoreRef): HttpHandler[] {
  return [
    api.get("/api/v1/accounts/{account_id}/labels", accountAction(store, "labels#index", (ctx) => json({ payload: ctx.store.accountLabels(ctx.account.id).map(labelView) }))),

    api.post("/api/v1/accounts/{account_id}/labels", accountAction(store, "labels#create", (ctx) => {
      requireAdmin(ctx);
      const p = labelParams(ctx);
      // before_validation: the title is stored lower-cased.
      const title = str(p.title)?.toLowerCase() ?? null;
      validate(ctx, title);
      const id = ctx.store.nextId("labels");
      const label: Label = { id, account_id: ctx.account.id, title: title!, description: str(p.description) ?? null, color: str(p.color) ?? "#1f93ff", show_on_sidebar: boolOrNull(p.show_on_sidebar) };
      ctx.store.labels.set(id, label);
      return json(labelView(label));
    })),

    api.get("/api/v1/accounts/{account_id}/labels/{label_id}", accountAction(store, "labels#show", (ctx) => {
      const label = findLabel(ctx);
      requireAdmin(ctx);
      return json(labelView(label));
    })),

    api.patch("/api/v1/accounts/{account_id}/labels/{label_id}", accountAction(store, "labels#update", (ctx) => {
      const label = findLabel(ctx);
      requireAdmin(ctx);
      const p = labelParams(ctx);
      const title = "title" in p ? (str(p.title)?.toLowerCase() ?? null) : label.title;
      validate(ctx, title, label);
      const previous = label.title;
      label.title = title!;
      if ("description" in p) label.description = str(p.description) ?? null;
      if ("color" in p) label.color = str(p.color) ?? label.color;
      if ("show_on_sidebar" in p) label.show_on_sidebar = boolOrNull(p.show_on_sidebar);
      // Labels::UpdateJob (app/services/labels/update_service.rb): a new title is carried over to tagged records.
      if (previous !== label.title) renameLabel(ctx, previous, label.title);
      return json(labelView(label));
    })),

    api.delete("/api/v1/accounts/{account_id}/labels/{label_id}", accountAction(store, "labels#destroy", (ctx) => {
      const label = findLabel(ctx);
      requireAdmin(ctx);
      ctx.store.labels.delete(label.id);
      // Labels::RemoveAssociationsJob: taken off conversations and contacts, no conversation_updated events.
      for (const c of ctx.store.accountConversations(ctx.account.id)) if (c.labels.includes(label.title)) c.labels = c.labels.filter((t) => t !== label.title);
      for (const c of ctx.store.contacts.values()) if (c.account_id === ctx.account.id && c.labels.includes(label.title)) c.labels = c.labels.filter((t) => t !== label.title);
      return ok();
    })),
  ];
}
