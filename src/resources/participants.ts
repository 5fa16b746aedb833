// chatwoot.conversations.participants: agents watching a conversation.
import type { Core, Prepared, RequestOptions } from "../core.js";
import type { Agent, components } from "../types.js";
import { positiveId, positiveIds } from "../validate.js";

type Method = "POST" | "PATCH" | "DELETE";
type OperationId = "addConversationParticipants" | "setConversationParticipants" | "removeConversationParticipants";

export class Participants {
  constructor(private readonly core: Core) {}

  list(id: number, options?: RequestOptions) {
    return this.core.call<Agent[]>("listConversationParticipants", options, (account_id) => {
      const conversation_id = positiveId("conversation_id", id);
      return {
        exec: (init) =>
          this.core.raw.GET("/api/v1/accounts/{account_id}/conversations/{conversation_id}/participants", {
            params: { path: { account_id, conversation_id } },
            ...init,
          }),
      };
    });
  }

  /** Adds these users; returns only the participants just added. Not idempotent. */
  add(id: number, userIds: number[], options?: RequestOptions) {
    return this.send<Agent[]>("addConversationParticipants", "POST", id, userIds, options);
  }

  /** Makes the participants exactly these users; returns them all. */
  set(id: number, userIds: number[], options?: RequestOptions) {
    return this.send<Agent[]>("setConversationParticipants", "PATCH", id, userIds, options);
  }

  /** Removes these users from the participants. */
  remove(id: number, userIds: number[], options?: RequestOptions) {
    return this.send<undefined>("removeConversationParticipants", "DELETE", id, userIds, options);
  }

  private send<T>(operationId: OperationId, method: Method, id: number, userIds: number[], options?: RequestOptions) {
    return this.core.call<T>(operationId, options, (account_id) => {
      const conversation_id = positiveId("conversation_id", id);
      const body: components["schemas"]["ParticipantsRequest"] = { user_ids: positiveIds("user_ids", userIds) };
      const request = { params: { path: { account_id, conversation_id } }, body };
      const path = "/api/v1/accounts/{account_id}/conversations/{conversation_id}/participants" as const;
      const raw = this.core.raw;
      const exec: Prepared["exec"] =
        method === "POST"
          ? (init) => raw.POST(path, { ...request, ...init })
          : method === "PATCH"
            ? (init) => raw.PATCH(path, { ...request, ...init })
            : (init) => raw.DELETE(path, { ...request, ...init });
      return { body, exec };
    });
  }
}
