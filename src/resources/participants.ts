// chatwoot.conversations.participants: agents watching a conversation.
import type { ApiPromise } from "../api-promise.js";
import type { Core, RequestOptions } from "../core.js";
import { anArray } from "../response-shape.js";
import type { OperationId } from "../operations.js";
import type { Agent } from "../types.js";
import { positiveIds } from "../validate.js";

export class Participants {
  constructor(private readonly core: Core) {}

  list(id: number, options?: RequestOptions): ApiPromise<Agent[]> {
    return this.core.call<Agent[]>("listConversationParticipants", options, { conversation_id: id }, undefined, anArray);
  }

  /** Adds these users; returns only the participants just added. Not idempotent. */
  add(id: number, userIds: number[], options?: RequestOptions): ApiPromise<Agent[]> {
    return this.send("addConversationParticipants", id, userIds, options, anArray<Agent[]>);
  }

  /** Makes the participants exactly these users; returns them all. */
  set(id: number, userIds: number[], options?: RequestOptions): ApiPromise<Agent[]> {
    return this.send("setConversationParticipants", id, userIds, options, anArray<Agent[]>);
  }

  /** Removes these users from the participants. */
  remove(id: number, userIds: number[], options?: RequestOptions): ApiPromise<undefined> {
    return this.send<undefined>("removeConversationParticipants", id, userIds, options);
  }

  private send<T>(operationId: OperationId, id: number, userIds: number[], options?: RequestOptions, select?: (wire: never) => T) {
    return this.core.call<T>(operationId, options, { conversation_id: id }, () => ({ body: { user_ids: positiveIds("user_ids", userIds) } }), select);
  }
}
