// Changing a conversation's state: status, priority, assignment, read and
// mute flags.
import type { RequestOptions } from "../core.js";
import { conversationStatusValues } from "../generated/schema.js";
import type { AssignmentResult, Conversation, ConversationPriority, ToggleStatusResult, components } from "../types.js";
import { knownKeys, optionalOneOf } from "../validate.js";
import { ConversationQueries } from "./conversation-queries.js";
import {
  assignmentBody,
  nullablePriority,
  snoozedUntil,
  TOGGLE_STATUS_KEYS,
  type AssignParams,
  type ToggleStatusParams,
} from "./conversation-params.js";

type Schemas = components["schemas"];

export class ConversationActions extends ConversationQueries {
  /** Sets a status, or toggles it when `status` is omitted. `snoozed_until` is sent as unix seconds. */
  toggleStatus(id: number, params: ToggleStatusParams = {}, options?: RequestOptions) {
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
}
