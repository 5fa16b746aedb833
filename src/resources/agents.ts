// chatwoot.agents: users of the account.
import type { Core, RequestOptions } from "../core.js";
import type { Agent, components } from "../types.js";
import { positiveId } from "../validate.js";

export class Agents {
  constructor(private readonly core: Core) {}

  /** Every user of the account (unpaginated). */
  list(options?: RequestOptions) {
    return this.core.call<Agent[]>("listAgents", options, (account_id) => ({
      exec: (init) => this.core.raw.GET("/api/v1/accounts/{account_id}/agents", { params: { path: { account_id } }, ...init }),
    }));
  }

  /** Inbox members plus administrators: who may be assigned to, or join, conversations of the inbox. */
  assignable(inboxId: number, options?: RequestOptions) {
    return this.core.call(
      "listInboxAssignableAgents",
      options,
      (account_id) => {
        const inbox_id = positiveId("inbox_id", inboxId);
        return {
          exec: (init) =>
            this.core.raw.GET("/api/v1/accounts/{account_id}/inboxes/{inbox_id}/assignable_agents", {
              params: { path: { account_id, inbox_id } },
              ...init,
            }),
        };
      },
      (wire: components["schemas"]["AssignableAgentList"]): Agent[] => wire.payload,
    );
  }
}
