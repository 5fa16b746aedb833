// The inputs of chatwoot.conversations: the public parameter types and the
// functions that check them and build the request bodies (nothing is sent
// until they pass).
import { conversationPriorityValues, conversationStatusValues, filterOperatorValues } from "../generated/schema.js";
import { InvalidRequestError } from "../errors.js";
import { paramKeys, type ListConversationsParams } from "../list-query.js";
import type {
  AllowUndefined,
  ConversationPriority,
  ConversationStatus,
  CreateConversationBody,
  FilterCondition,
  components,
} from "../types.js";
import {
  type CoversAll,
  futureUnixSeconds,
  knownKeys,
  nonEmptyString,
  oneOf,
  optionalOneOf,
  optionalPositiveId,
  plainObject,
  positiveId,
} from "../validate.js";

/** Unix seconds or a Date; sent as unix seconds to toggle_status, as ISO 8601 to create (which stores it as sent). */
export type SnoozeTime = Date | number;

export interface ToggleStatusParams {
  /** Omit to toggle (open ↔ resolved; pending/snoozed → open). */
  status?: ConversationStatus | undefined;
  /** Only with `status: "snoozed"`; must be in the future. */
  snoozed_until?: SnoozeTime | undefined;
}

export type CreateConversationParams = AllowUndefined<Omit<CreateConversationBody, "snoozed_until">> & { snoozed_until?: SnoozeTime | undefined };

export interface UpdateConversationParams {
  /** `null` clears the priority. */
  priority?: ConversationPriority | null | undefined;
  /** Enterprise only. */
  sla_policy_id?: number | null | undefined;
}

/** A page number from 1. */
export interface PageParams {
  page?: number | undefined;
}

/** Assign an agent (a user of the account). */
export interface AssignAgentParams {
  assignee_id: number;
  assignee_type?: "User" | undefined;
}
/** Assign an agent bot. */
export interface AssignAgentBotParams {
  assignee_id: number;
  assignee_type: "AgentBot";
}
/** Assign a team; `0` removes the team. */
export interface AssignTeamParams {
  team_id: number;
}
export type AssignParams = AssignAgentParams | AssignAgentBotParams | AssignTeamParams;

/** A filter condition; `query_operator` defaults to AND and is cleared on the last one for you. */
export type FilterConditionInput = AllowUndefined<Omit<FilterCondition, "query_operator" | "values">> & {
  values: readonly (string | number | boolean)[];
  query_operator?: "AND" | "OR" | null | undefined;
};

true satisfies CoversAll<SearchMessagesParams, (typeof paramKeys.searchMessages)[number]>;
true satisfies CoversAll<ToggleStatusParams, (typeof TOGGLE_STATUS_KEYS)[number]>;
true satisfies CoversAll<UpdateConversationParams, (typeof UPDATE_KEYS)[number]>;

/** The keys update() accepts; anything else is refused with a pointer to the right method. */
export const UPDATE_KEYS = ["priority", "sla_policy_id"] as const;
export const TOGGLE_STATUS_KEYS = ["status", "snoozed_until"] as const;

/** Text in a message (`q`) plus the list's filters, sort order and page. */
export type SearchMessagesParams = ListConversationsParams;

type Schemas = components["schemas"];

export function nullablePriority(priority: unknown): ConversationPriority | null {
  return priority === null ? null : oneOf("priority", priority, conversationPriorityValues);
}

/** snoozed_until goes only with status "snoozed", and as unix seconds. */
export function snoozedUntil(status: unknown, value: SnoozeTime): number {
  if (status !== "snoozed") throw new InvalidRequestError("snoozed_until", 'is only allowed with status "snoozed"');
  return futureUnixSeconds("snoozed_until", value);
}

const CONDITION_KEYS = [
  "attribute_key", "filter_operator", "values", "query_operator", "custom_attribute_type",
] as const satisfies readonly (keyof FilterCondition)[];
true satisfies CoversAll<FilterCondition, (typeof CONDITION_KEYS)[number]>;

export function filterConditions(conditions: FilterConditionInput[]): FilterCondition[] {
  if (!Array.isArray(conditions) || conditions.length === 0) {
    throw new InvalidRequestError("conditions", "must be a non-empty array of filter conditions");
  }
  return conditions.map((condition, i) => {
    const at = `conditions[${i}]`;
    knownKeys(at, condition, CONDITION_KEYS);
    const last = i === conditions.length - 1;
    const queryOperator = last ? null : (condition.query_operator ?? "AND");
    if (!last) oneOf(`${at}.query_operator`, queryOperator, ["AND", "OR"] as const);
    if (!Array.isArray(condition.values)) throw new InvalidRequestError(`${at}.values`, "must be an array");
    return {
      ...condition,
      values: [...condition.values],
      attribute_key: nonEmptyString(`${at}.attribute_key`, condition.attribute_key),
      filter_operator: oneOf(`${at}.filter_operator`, condition.filter_operator, filterOperatorValues),
      query_operator: queryOperator,
    };
  });
}

const CREATE_KEYS = [
  "source_id", "inbox_id", "contact_id", "additional_attributes", "custom_attributes",
  "status", "snoozed_until", "assignee_id", "team_id", "hmac_verified", "message",
] as const satisfies readonly (keyof CreateConversationBody)[];
true satisfies CoversAll<CreateConversationBody, (typeof CREATE_KEYS)[number]>;

export function createBody(params: CreateConversationParams): CreateConversationBody {
  knownKeys("params", params, CREATE_KEYS);
  const hasPair = params.inbox_id !== undefined && params.contact_id !== undefined;
  if (params.source_id === undefined && !hasPair) {
    throw new InvalidRequestError("source_id", "give source_id, or both inbox_id and contact_id");
  }
  const { snoozed_until, ...rest } = params;
  const body: CreateConversationBody = { ...rest };
  if (params.source_id !== undefined) nonEmptyString("source_id", params.source_id);
  optionalPositiveId("inbox_id", params.inbox_id);
  optionalPositiveId("contact_id", params.contact_id);
  optionalPositiveId("assignee_id", params.assignee_id);
  optionalPositiveId("team_id", params.team_id);
  optionalOneOf("status", params.status, conversationStatusValues);
  // Conversation create stores snoozed_until as sent (no unix-seconds parsing there): send ISO 8601.
  if (snoozed_until !== undefined) body.snoozed_until = new Date(snoozedUntil(params.status, snoozed_until) * 1000).toISOString();
  if (params.message !== undefined) nonEmptyString("message.content", plainObject("message", params.message).content);
  return body;
}

export function assignmentBody(params: AssignParams): Schemas["AssignmentRequest"] {
  knownKeys("params", params, ["assignee_id", "assignee_type", "team_id"]);
  if ("assignee_id" in params && "team_id" in params) {
    // The server would assign the agent and silently ignore the team.
    throw new InvalidRequestError("team_id", "give assignee_id or team_id, not both (assign the team in a second call)");
  }
  if ("team_id" in params && "assignee_type" in params) throw new InvalidRequestError("assignee_type", "goes only with assignee_id");
  if ("assignee_id" in params) {
    const body: Schemas["AssignmentRequest"] = { assignee_id: positiveId("assignee_id", params.assignee_id) };
    if (params.assignee_type !== undefined) body.assignee_type = oneOf("assignee_type", params.assignee_type, ["User", "AgentBot"] as const);
    return body;
  }
  // team_id 0 is the server's way to remove the team.
  if ("team_id" in params) return { team_id: params.team_id === 0 ? 0 : positiveId("team_id", params.team_id) };
  throw new InvalidRequestError("assignee_id", "give assignee_id or team_id");
}
