// Type guards for what assign() answers: the server returns the agent, the
// bot or the team it assigned (three different shapes), or null when it
// unassigned. Each guard looks for a field only that shape has.
import type { Agent, AgentBot, AssignmentResult, Team } from "./types.js";

const has = (result: AssignmentResult | undefined, field: string): boolean =>
  typeof result === "object" && result !== null && field in result;

/** An agent (a user of the account): it has an email and a role. */
export function isAgent(result: AssignmentResult | undefined): result is Agent {
  return has(result, "email") && has(result, "role");
}

/** An agent bot: it has a bot_type. */
export function isAgentBot(result: AssignmentResult | undefined): result is AgentBot {
  return has(result, "bot_type");
}

/** A team: it has allow_auto_assign. */
export function isTeam(result: AssignmentResult | undefined): result is Team {
  return has(result, "allow_auto_assign");
}
