// chatwoot.agents: users of the account.
import type { ApiPromise } from "../api-promise.js";
import type { Core, RequestOptions } from "../core.js";
import { anArray, unwrap } from "../response-shape.js";
import type { Agent, components } from "../types.js";

export class Agents {
  constructor(private readonly core: Core) {}

  /** Every user of the account (unpaginated). */
  list(options?: RequestOptions): ApiPromise<Agent[]> {
    return this.core.call<Agent[]>("listAgents", options, undefined, undefined, anArray);
  }

  /** Inbox members plus administrators: who may be assigned to, or join, conversations of the inbox. */
  assignable(inboxId: number, options?: RequestOptions): ApiPromise<Agent[]> {
    return this.core.call(
      "listInboxAssignableAgents",
      options,
      { inbox_id: inboxId },
      undefined,
      unwrap({ payload: "array" }, (wire: components["schemas"]["AssignableAgentList"]): Agent[] => wire.payload),
    );
  }
}
