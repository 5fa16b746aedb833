// One table of client calls, shared by requests.test.ts (injected fetch, exact
// wire assertions) and the Prism test (the same calls against a mock built
// from the spec). Each scenario says what the client must send and how its
// result relates to what the server answered. The rows live in one file per
// topic (scenarios-*.ts); this file joins them.
import { scenariosList } from "./scenarios-list.js";
import { scenariosConversation } from "./scenarios-conversation.js";
import { scenariosConversationParts } from "./scenarios-conversation-parts.js";
import { scenariosAccount } from "./scenarios-account.js";
import { scenariosNewMethods } from "./scenarios-new-methods.js";
import type { Scenario } from "./scenario-kit.js";

export { A, SNOOZE_DATE, SNOOZE_NUMBER, SNOOZE_SECONDS } from "./scenario-kit.js";
export type { Exchange, ExpectedRequest, HttpMethod, Scenario } from "./scenario-kit.js";

export const scenarios: Scenario[] = [...scenariosList, ...scenariosConversation, ...scenariosConversationParts, ...scenariosAccount, ...scenariosNewMethods];

/** Every client method the table must cover. */
export const allMethods = [
  "conversations.list",
  "conversations.iterate",
  "conversations.counts",
  "conversations.filter",
  "conversations.iterateFilter",
  "conversations.searchMessages",
  "conversations.search",
  "conversations.get",
  "conversations.create",
  "conversations.update",
  "conversations.delete",
  "conversations.toggleStatus",
  "conversations.togglePriority",
  "conversations.assign",
  "conversations.unassign",
  "conversations.labels.list",
  "conversations.labels.set",
  "conversations.labels.add",
  "conversations.labels.remove",
  "conversations.participants.list",
  "conversations.participants.add",
  "conversations.participants.set",
  "conversations.participants.remove",
  "conversations.join",
  "conversations.leave",
  "conversations.invitableAgents",
  "conversations.customAttributes.set",
  "conversations.customAttributes.merge",
  "conversations.markRead",
  "conversations.markUnread",
  "conversations.mute",
  "conversations.unmute",
  "conversations.sendTranscript",
  "conversations.attachments",
  "conversations.messages.list",
  "conversations.messages.create",
  "conversations.startVideoCall",
  "conversations.messages.delete",
  "conversations.messages.retry",
  "conversations.messages.updateStatus",
  "conversations.typing",
  "conversations.bulk",
  "conversations.unreadCounts",
  "conversations.joinVideoCall",
  "contacts.conversations",
  "contacts.labels.list",
  "contacts.labels.set",
  "labels.list",
  "labels.get",
  "labels.create",
  "labels.update",
  "labels.delete",
  "agents.list",
  "agents.assignable",
  "profile.get",
  "raw",
] as const;
