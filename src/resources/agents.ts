// chatwoot.agents: users of the account.
import type { ApiPromise } from "../api-promise.js";
import type { Core, RequestOptions } from "../core.js";
import { InvalidRequestError } from "../errors.js";
import { anArray, unwrap } from "../response-shape.js";
import type { Agent, components } from "../types.js";
import { knownKeys, positiveId, positiveIds } from "../validate.js";

export interface AssignableAgentsParams {
  /** Agents who are members of EVERY one of these inboxes (administrators always). */
  inbox_ids: number[];
}

export class Agents {
  constructor(private readonly core: Core) {}

  /** Every user of the account (unpaginated). */
  list(options?: RequestOptions): ApiPromise<Agent[]> {
    return this.core.call<Agent[]>("listAgents", options, undefined, undefined, anArray);
  }

  /**
   * Who may be assigned to, or join, conversations of the inboxes: members of
   * every listed inbox plus administrators. `assignable(3)` is short for
   * `assignable({ inbox_ids: [3] })`. Uses GET /assignable_agents (the
   * per-inbox endpoint is deprecated).
   */
  assignable(params: AssignableAgentsParams | number, options?: RequestOptions): ApiPromise<Agent[]> {
    return this.core.call(
      "listAssignableAgents",
      options,
      undefined,
      () => {
        if (typeof params === "number") return { query: { "inbox_ids[]": [positiveId("inbox_id", params)] } };
        if (typeof params !== "object" || params === null) throw new InvalidRequestError("params", "must be { inbox_ids: [...] } or an inbox id");
        knownKeys("params", params, ["inbox_ids"]);
        return { query: { "inbox_ids[]": positiveIds("inbox_ids", params.inbox_ids) } };
      },
      unwrap({ payload: "array" }, (wire: components["schemas"]["AssignableAgentList"]): Agent[] => wire.payload),
    );
  }
}
