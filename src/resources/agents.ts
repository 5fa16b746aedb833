// chatwoot.agents: users of the account.
import type { Core, RequestOptions } from "../core.js";
import type { Agent, components } from "../types.js";

export class Agents {
  constructor(private readonly core: Core) {}

  /** Every user of the account (unpaginated). */
  list(options?: RequestOptions) {
    return this.core.call<Agent[]>("listAgents", options);
  }

  /** Inbox members plus administrators: who may be assigned to, or join, conversations of the inbox. */
  assignable(inboxId: number, options?: RequestOptions) {
    return this.core.call(
      "listInboxAssignableAgents",
      options,
      { inbox_id: inboxId },
      undefined,
      (wire: components["schemas"]["AssignableAgentList"]): Agent[] => wire.payload,
    );
  }
}
