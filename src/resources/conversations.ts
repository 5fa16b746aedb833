// chatwoot.conversations: everything about conversations, by display id.
import type { Core, RequestOptions } from "../core.js";
import { conversationPriorityValues, conversationStatusValues, filterOperatorValues } from "../generated/schema.js";
import { InvalidRequestError } from "../errors.js";
import { filtersQuery, listQuery, type ConversationFilters, type ListConversationsParams } from "../list-query.js";
import { iterationLimit, PageIterator, type IterateOptions } from "../pagination.js";
import type {
  AssignmentResult,
  AttachmentPage,
  Conversation,
  ConversationCounts,
  ConversationPage,
  ConversationPriority,
  ConversationSearchResult,
  ConversationStatus,
  CreateConversationBody,
  FilterCondition,
  FilterPage,
  Message,
  MessageSearchPage,
  ToggleStatusResult,
  components,
} from "../types.js";
import {
  type CoversAll,
  email,
  knownKeys,
  futureUnixSeconds,
  nonEmptyString,
  oneOf,
  optionalOneOf,
  optionalPositiveId,
  plainObject,
  positiveId,
  queryString,
} from "../validate.js";
import type { Agents } from "./agents.js";
import { ConversationLabels } from "./conversation-labels.js";
import { CustomAttributes } from "./custom-attributes.js";
import { Messages } from "./messages.js";
import { Participants } from "./participants.js";

const PAGE_SIZE = 25;

/** Unix seconds or a Date; sent as unix seconds to toggle_status, as ISO 8601 to create (which stores it as sent). */
export type SnoozeTime = Date | number;

export interface ToggleStatusParams {
  /** Omit to toggle (open ↔ resolved; pending/snoozed → open). */
  status?: ConversationStatus;
  /** Only with `status: "snoozed"`; must be in the future. */
  snoozed_until?: SnoozeTime;
}

export type CreateConversationParams = Omit<CreateConversationBody, "snoozed_until"> & { snoozed_until?: SnoozeTime };

export interface UpdateConversationParams {
  /** `null` clears the priority. */
  priority?: ConversationPriority | null;
  /** Enterprise only. */
  sla_policy_id?: number | null;
}

export type AssignParams = { assignee_id: number; assignee_type?: "User" | "AgentBot" } | { team_id: number };

/** A filter condition; `query_operator` defaults to AND and is cleared on the last one for you. */
export type FilterConditionInput = Omit<FilterCondition, "query_operator" | "values"> & {
  values: readonly (string | number | boolean)[];
  query_operator?: "AND" | "OR" | null;
};

export interface SearchMessagesParams extends Omit<ConversationFilters, "q" | "conversation_type" | "source_id"> {
  q?: string;
  page?: number;
}

type Schemas = components["schemas"];

export class Conversations {
  readonly labels: ConversationLabels;
  readonly participants: Participants;
  readonly customAttributes: CustomAttributes;
  readonly messages: Messages;

  constructor(
    private readonly core: Core,
    private readonly agents: Agents,
    private readonly currentUserId: (options?: RequestOptions) => Promise<number>,
  ) {
    this.labels = new ConversationLabels(core);
    this.participants = new Participants(core);
    this.customAttributes = new CustomAttributes(core, this);
    this.messages = new Messages(core);
  }

  /** One page (25) of conversations and the counts of the whole query. */
  list(params: ListConversationsParams = {}, options?: RequestOptions) {
    return this.core.call(
      "listConversations",
      options,
      undefined,
      () => ({ query: listQuery(params) }),
      (wire: Schemas["ConversationListResponse"]): ConversationPage => wire.data,
    );
  }

  /** Every conversation of the query, page by page, each once. `limit` stops early. */
  iterate(params: Omit<ListConversationsParams, "page"> & IterateOptions = {}, options?: RequestOptions) {
    const { limit, ...filters } = plainObject("params", params) as typeof params;
    const max = iterationLimit(limit);
    listQuery(filters); // fail now, not at the first next()
    const unpaged = filters.updated_within !== undefined; // the server returns everything at once
    return new PageIterator<Conversation>(async (page) => {
      const { payload } = await this.list({ ...filters, page: unpaged ? undefined : page }, options);
      return { items: payload, hasMore: !unpaged && payload.length >= PAGE_SIZE };
    }, max);
  }

  /** The four counts (mine, assigned, unassigned, all) for the filters. */
  counts(params: Omit<ConversationFilters, "assignee_type"> = {}, options?: RequestOptions) {
    return this.core.call(
      "getConversationCounts",
      options,
      undefined,
      () => {
        const { assignee_type: _ignored, ...query } = filtersQuery(params);
        return { query };
      },
      (wire: Schemas["ConversationCountsResponse"]): ConversationCounts => wire.meta,
    );
  }

  /** One page (25) of conversations matching the conditions. */
  filter(conditions: FilterConditionInput[], params: { page?: number } = {}, options?: RequestOptions) {
    return this.core.call<FilterPage>("filterConversations", options, undefined, () => ({
      body: { payload: filterConditions(conditions) },
      query: { page: optionalPositiveId("page", plainObject("params", params).page) },
    }));
  }

  /** Every conversation matching the conditions, page by page, each once. */
  iterateFilter(conditions: FilterConditionInput[], iterateOptions: IterateOptions = {}, options?: RequestOptions) {
    const max = iterationLimit((plainObject("iterateOptions", iterateOptions) as IterateOptions).limit);
    filterConditions(conditions);
    return new PageIterator<Conversation>(async (page) => {
      const { payload } = await this.filter(conditions, { page }, options);
      return { items: payload, hasMore: payload.length >= PAGE_SIZE };
    }, max);
  }

  /** Conversations with a message containing `q` (message-content search), 25 per page, as slim items (id, uuid, contact, inbox, the matching messages), not full conversations. */
  searchMessages(params: SearchMessagesParams, options?: RequestOptions) {
    return this.core.call<MessageSearchPage>("searchConversationMessages", options, undefined, () => {
      const { q, status, assignee_type, inbox_id, team_id, "labels[]": labels } = filtersQuery(params);
      return { query: { q, status, assignee_type, inbox_id, team_id, "labels[]": labels, page: optionalPositiveId("page", params.page) } };
    });
  }

  /** Conversations whose display id, contact name, email, phone or identifier match `q` (15 per page). */
  search(params: { q: string; page?: number }, options?: RequestOptions) {
    return this.core.call(
      "searchConversations",
      options,
      undefined,
      () => ({
        query: {
          q: nonEmptyString("q", queryString("q", plainObject("params", params).q)),
          page: optionalPositiveId("page", params.page),
        },
      }),
      (wire: Schemas["ConversationSearchResponse"]): ConversationSearchResult[] => wire.payload.conversations,
    );
  }

  get(id: number, options?: RequestOptions) {
    return this.core.call<Conversation>("getConversation", options, { conversation_id: id });
  }

  /** Creates a conversation. Never retried after it may have reached the server. */
  create(params: CreateConversationParams, options?: RequestOptions) {
    return this.core.call<Conversation>("createConversation", options, undefined, () => ({ body: createBody(params) }));
  }

  /** Changes the priority (null clears) and, on Enterprise, the SLA policy. */
  update(id: number, params: UpdateConversationParams, options?: RequestOptions) {
    return this.core.call<Conversation>("updateConversation", options, { conversation_id: id }, () => {
      plainObject("params", params);
      const body: Schemas["UpdateConversationRequest"] = {};
      if (params.priority !== undefined) body.priority = nullablePriority(params.priority);
      if (params.sla_policy_id !== undefined) {
        body.sla_policy_id = params.sla_policy_id === null ? null : positiveId("sla_policy_id", params.sla_policy_id);
      }
      for (const key of Object.keys(params)) {
        if (key !== "priority" && key !== "sla_policy_id") {
          throw new InvalidRequestError(key, "cannot be updated here (only priority and sla_policy_id); use toggleStatus or assign");
        }
      }
      return { body };
    });
  }

  /** Deletes the conversation (administrators only). */
  delete(id: number, options?: RequestOptions) {
    return this.core.call<undefined>("deleteConversation", options, { conversation_id: id });
  }

  /** Sets a status, or toggles it when `status` is omitted. `snoozed_until` is sent as unix seconds. */
  toggleStatus(id: number, params: ToggleStatusParams = {}, options?: RequestOptions) {
    return this.core.call(
      "toggleConversationStatus",
      options,
      { conversation_id: id },
      () => {
        plainObject("params", params);
        const status = optionalOneOf("status", params.status, conversationStatusValues);
        const body: Schemas["ToggleStatusRequest"] = {};
        if (status !== undefined) body.status = status;
        if (params.snoozed_until !== undefined) body.snoozed_until = snoozedUntil(status, params.snoozed_until);
        return { body };
      },
      (wire: Schemas["ToggleStatusResponse"]): ToggleStatusResult => wire.payload,
    );
  }

  /** Sets the priority, or clears it with `null`. */
  togglePriority(id: number, priority: ConversationPriority | null, options?: RequestOptions) {
    return this.core.call<undefined>("toggleConversationPriority", options, { conversation_id: id }, () => ({
      body: { priority: nullablePriority(priority) },
    }));
  }

  /** Assigns an agent (`assignee_id`, or a bot with `assignee_type: "AgentBot"`) or a team (`team_id`). */
  assign(id: number, params: AssignParams, options?: RequestOptions) {
    return this.core.call<AssignmentResult>("assignConversation", options, { conversation_id: id }, () => ({ body: assignmentBody(params) }));
  }

  /** Removes the assigned agent (the team stays; `assign(id, { team_id: 0 })` removes the team). */
  unassign(id: number, options?: RequestOptions) {
    return this.core.call<AssignmentResult>("assignConversation", options, { conversation_id: id }, () => ({ body: { assignee_id: null } }));
  }

  /** Adds the current user (from the profile, fetched once) as a participant. */
  async join(id: number, options?: RequestOptions) {
    positiveId("conversation_id", id);
    return this.participants.add(id, [await this.currentUserId(options)], options);
  }

  /** Removes the current user from the participants. */
  async leave(id: number, options?: RequestOptions): Promise<undefined> {
    positiveId("conversation_id", id);
    return this.participants.remove(id, [await this.currentUserId(options)], options);
  }

  /** Agents who may be added as participants: the inbox's assignable agents minus current participants. */
  async invitableAgents(id: number, options?: RequestOptions) {
    const conversation = await this.get(id, options);
    const [assignable, participants] = await Promise.all([
      this.agents.assignable(conversation.inbox_id, options),
      this.participants.list(id, options),
    ]);
    const taken = new Set(participants.map((agent) => agent.id));
    return assignable.filter((agent) => !taken.has(agent.id));
  }

  /** Marks the conversation as read by the current user. */
  markRead(id: number, options?: RequestOptions) {
    return this.core.call<Conversation>("markConversationRead", options, { conversation_id: id });
  }

  /** Marks the conversation as unread for the current user. */
  markUnread(id: number, options?: RequestOptions) {
    return this.core.call<Conversation>("markConversationUnread", options, { conversation_id: id });
  }

  mute(id: number, options?: RequestOptions) {
    return this.core.call<undefined>("muteConversation", options, { conversation_id: id });
  }

  unmute(id: number, options?: RequestOptions) {
    return this.core.call<undefined>("unmuteConversation", options, { conversation_id: id });
  }

  /** Emails the transcript. Not idempotent (each call sends an email). */
  sendTranscript(id: number, to: string, options?: RequestOptions) {
    return this.core.call<undefined>("sendConversationTranscript", options, { conversation_id: id }, () => ({
      body: { email: email("email", to) },
    }));
  }

  /** One page (100) of the conversation's attachments. */
  attachments(id: number, params: { page?: number } = {}, options?: RequestOptions) {
    return this.core.call<AttachmentPage>("listConversationAttachments", options, { conversation_id: id }, () => ({
      query: { page: optionalPositiveId("page", plainObject("params", params).page) },
    }));
  }

  /** Starts a Dyte video call; returns the message announcing it. Needs the Dyte integration. */
  startVideoCall(id: number, options?: RequestOptions) {
    return this.core.call<Message>("createDyteMeeting", options, undefined, () => ({
      body: { conversation_id: positiveId("conversation_id", id) },
    }));
  }
}

function nullablePriority(priority: unknown): ConversationPriority | null {
  return priority === null ? null : oneOf("priority", priority, conversationPriorityValues);
}

/** snoozed_until goes only with status "snoozed", and as unix seconds. */
function snoozedUntil(status: unknown, value: SnoozeTime): number {
  if (status !== "snoozed") throw new InvalidRequestError("snoozed_until", 'is only allowed with status "snoozed"');
  return futureUnixSeconds("snoozed_until", value);
}

function filterConditions(conditions: FilterConditionInput[]): FilterCondition[] {
  if (!Array.isArray(conditions) || conditions.length === 0) {
    throw new InvalidRequestError("conditions", "must be a non-empty array of filter conditions");
  }
  return conditions.map((condition, i) => {
    const at = `conditions[${i}]`;
    plainObject(at, condition);
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

function createBody(params: CreateConversationParams): CreateConversationBody {
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

function assignmentBody(params: AssignParams): Schemas["AssignmentRequest"] {
  plainObject("params", params);
  if ("assignee_id" in params) {
    const body: Schemas["AssignmentRequest"] = { assignee_id: positiveId("assignee_id", params.assignee_id) };
    if (params.assignee_type !== undefined) body.assignee_type = oneOf("assignee_type", params.assignee_type, ["User", "AgentBot"] as const);
    return body;
  }
  // team_id 0 is the server's way to remove the team.
  if ("team_id" in params) return { team_id: params.team_id === 0 ? 0 : positiveId("team_id", params.team_id) };
  throw new InvalidRequestError("assignee_id", "give assignee_id or team_id");
}
