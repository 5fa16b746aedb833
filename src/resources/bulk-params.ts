// conversations.bulk: one change for many conversations, in the wire shape of
// POST /bulk_actions (app/controllers/api/v1/accounts/bulk_actions_controller.rb,
// app/jobs/bulk_actions_job.rb). The server enqueues a job and answers at once;
// ids the caller may not see are skipped silently.
import { InvalidRequestError } from "../errors.js";
import { conversationStatusValues } from "../generated/schema.js";
import type { ConversationStatus, components } from "../types.js";
import { futureUnixSeconds, knownKeys, labelList, oneOf, plainObject, positiveId, positiveIds } from "../validate.js";

export interface BulkConversationParams {
  /** Conversation display ids. */
  ids: number[];
  status?: ConversationStatus | undefined;
  /** With `status: "snoozed"`: a Date or unix seconds (the server saves it only together with a status). */
  snoozed_until?: Date | number | undefined;
  /** An agent's user id; `null` unassigns. */
  assignee_id?: number | null | undefined;
  /** A team id; `null` removes the team. */
  team_id?: number | null | undefined;
  labels?: { add?: string[] | undefined; remove?: string[] | undefined } | undefined;
}

type BulkBody = components["schemas"]["BulkActionRequest"];

export function bulkBody(params: BulkConversationParams): BulkBody {
  knownKeys("params", params, ["ids", "status", "snoozed_until", "assignee_id", "team_id", "labels"]);
  const body: BulkBody = { type: "Conversation", ids: positiveIds("ids", params.ids) };
  const fields: NonNullable<BulkBody["fields"]> = {};
  if (params.status !== undefined) fields.status = oneOf("status", params.status, conversationStatusValues);
  if (params.assignee_id !== undefined) fields.assignee_id = nullableId("assignee_id", params.assignee_id);
  if (params.team_id !== undefined) fields.team_id = nullableId("team_id", params.team_id);
  if (Object.keys(fields).length > 0) body.fields = fields;
  if (params.snoozed_until !== undefined) {
    if (fields.status !== "snoozed") throw new InvalidRequestError("snoozed_until", 'needs status "snoozed" (the server ignores it otherwise)');
    body.snoozed_until = futureUnixSeconds("snoozed_until", params.snoozed_until);
  }
  if (params.labels !== undefined) {
    const labels = knownKeys("labels", plainObject("labels", params.labels), ["add", "remove"]);
    body.labels = {};
    if (labels.add !== undefined) body.labels.add = labelList("labels.add", labels.add, { allowEmpty: false });
    if (labels.remove !== undefined) body.labels.remove = labelList("labels.remove", labels.remove, { allowEmpty: false });
  }
  if (!body.fields && !body.labels?.add && !body.labels?.remove) {
    throw new InvalidRequestError("params", "nothing to change: give status, assignee_id, team_id or labels");
  }
  return body;
}

function nullableId(param: string, value: unknown): number | null {
  return value === null ? null : positiveId(param, value);
}
