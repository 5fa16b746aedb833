// Every handler of the simulator, in match order: collection routes
// (conversations/meta, /search, /filter) come before /conversations/{id}.
// Each file mirrors one Chatwoot controller and cites it.
import type { RequestHandler } from "msw";
import type { Store } from "../store/store.js";
import { agentHandlers } from "./agents.js";
import { assignmentHandlers } from "./assignments.js";
import { bulkActionHandlers } from "./bulk-actions.js";
import { contactHandlers } from "./contacts.js";
import { conversationHandlers } from "./conversation.js";
import { conversationLabelHandlers } from "./conversation-labels.js";
import { conversationCollectionHandlers } from "./conversations.js";
import { directUploadHandlers } from "./direct-uploads.js";
import { integrationHandlers } from "./integrations.js";
import { labelHandlers } from "./labels.js";
import { messageHandlers } from "./messages.js";
import { participantHandlers } from "./participants.js";
import { searchHandlers } from "./search.js";
import { unreadCountHandlers } from "./unread-counts.js";

export function allHandlers(store: () => Store): RequestHandler[] {
  return [
    ...agentHandlers(store),
    ...unreadCountHandlers(store),
    ...conversationCollectionHandlers(store),
    ...conversationHandlers(store),
    ...messageHandlers(store),
    ...conversationLabelHandlers(store),
    ...participantHandlers(store),
    ...assignmentHandlers(store),
    ...labelHandlers(store),
    ...searchHandlers(store),
    ...contactHandlers(store),
    ...bulkActionHandlers(store),
    ...integrationHandlers(store),
    ...directUploadHandlers(store),
  ];
}
