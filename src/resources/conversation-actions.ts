// Changing a conversation's state: status, priority, assignment, read and
// mute flags.
import type { ApiPromise } from "../api-promise.js";
import type { RequestOptions } from "../core.js";
import { conversationStatusValues } from "../generated/schema.js";
import { anObject, unwrap } from "../response-shape.js";
import type { Agent, AgentBot, AssignmentResult, Conversation, ConversationPriority, Team, ToggleStatusResult, components } from "../types.js";
import { knownKeys, optionalOneOf } from "../validate.js";
import { ConversationQueries } from "./conversation-queries.js";
import {
  assignmentBody,
  nullablePriority,
  snoozedUntil,
  TOGGLE_STATUS_KEYS,
  type AssignAgentBotParams,
  type AssignAgentParams,
  type AssignParams,
  type AssignTeamParams,
  type ToggleStatusParams,
} from "./conversation-params.js";

type Schemas = components["schemas"];

/** The assignment answer: what was assigned, or null when the server unassigned. */
const assignment = unwrap("entity|null", (wire: AssignmentResult) => wire);

export class ConversationActions extends ConversationQueries {
  /** Sets a status, or toggles it when `status` is omitted. `snoozed_until` is sent as unix seconds. */
  toggleStatus(id: number, params: ToggleStatusParams = {}, options?: RequestOptions): ApiPromise<ToggleStatusResult> {
    return this.core.call(
      "toggleConversationStatus",
      options,
      { conversation_id: id },
      () => {
        knownKeys("params", params, TOGGLE_STATUS_KEYS);
        const status = optionalOneOf("status", params.status, conversationStatusValues);
        const body: Schemas["ToggleStatusRequest"] = {};
        if (status !== undefined) body.status = status;
        if (params.snoozed_until !== undefined) body.snoozed_until = snoozedUntil(status, params.snoozed_until);
        return { body };
      },
      unwrap({ payload: "object" }, (wire: Schemas["ToggleStatusResponse"]): ToggleStatusResult => wire.payload),
    );
  }

  /** Sets the priority, or clears it with `null`. */
  togglePriority(id: number, priority: ConversationPriority | null, options?: RequestOptions): ApiPromise<undefined> {
    return this.core.call<undefined>("toggleConversationPriority", options, { conversation_id: id }, () => ({
      body: { priority: nullablePriority(priority) },
    }));
  }

  /**
   * Assigns an agent (`assignee_id`), a bot (`assignee_type: "AgentBot"`) or a team (`team_id`).
   * Resolves to what was assigned, or `null` when the server unassigned instead (an id that is
   * not an agent/team of the account, or `team_id: 0`). See isAgent/isAgentBot/isTeam.
   */
  assign(id: number, params: AssignAgentParams, options?: RequestOptions): ApiPromise<Agent | null>;
  assign(id: number, params: AssignAgentBotParams, options?: RequestOptions): ApiPromise<AgentBot | null>;
  assign(id: number, params: AssignTeamParams, options?: RequestOptions): ApiPromise<Team | null>;
  assign(id: number, params: AssignParams, options?: RequestOptions): ApiPromise<AssignmentResult>;
  assign(id: number, params: AssignParams, options?: RequestOptions): ApiPromise<AssignmentResult> {
    return this.core.call("assignConversation", options, { conversation_id: id }, () => ({ body: assignmentBody(params) }), assignment);
  }

  /** Removes the assigned agent (the team stays; `assign(id, { team_id: 0 })` removes the team). */
  unassign(id: number, options?: RequestOptions): ApiPromise<AssignmentResult> {
    return this.core.call("assignConversation", options, { conversation_id: id }, () => ({ body: { assignee_id: null } }), assignment);
  }

  /** Marks the conversation as read by the current user. */
  markRead(id: number, options?: RequestOptions): ApiPromise<Conversation> {
    return this.core.call<Conversation>("markConversationRead", options, { conversation_id: id }, undefined, anObject);
  }

  /** Marks the conversation as unread for the current user. */
  markUnread(id: number, options?: RequestOptions): ApiPromise<Conversation> {
    return this.core.call<Conversation>("markConversationUnread", options, { conversation_id: id }, undefined, anObject);
  }

  mute(id: number, options?: RequestOptions): ApiPromise<undefined> {
    return this.core.call<undefined>("muteConversation", options, { conversation_id: id });
  }

  unmute(id: number, options?: RequestOptions): ApiPromise<undefined> {
    return this.core.call<undefined>("unmuteConversation", options, { conversation_id: id });
  }
}
