// Public names for the generated schema types, so users never need to spell
// components["schemas"][...] themselves.
import type { components } from "./generated/schema.js";

export type Schemas = components["schemas"];

export type Conversation = Schemas["Conversation"];
export type ConversationMeta = Schemas["ConversationMeta"];
export type ConversationStatus = Schemas["ConversationStatus"];
export type ConversationStatusFilter = Schemas["ConversationStatusFilter"];
export type ConversationPriority = Schemas["ConversationPriority"];
export type AssigneeTypeFilter = Schemas["AssigneeTypeFilter"];
export type ConversationSortBy = Schemas["ConversationSortBy"];
export type ConversationType = Schemas["ConversationType"];
export type ConversationCounts = Schemas["ConversationCounts"];
export type ConversationPage = Schemas["ConversationListData"];
export type FilterCounts = Schemas["FilterCounts"];
export type FilterPage = Schemas["ConversationFilterResponse"];
export type MessageSearchPage = Schemas["ConversationMessageSearchResponse"];
export type FilterCondition = Schemas["FilterCondition"];
export type FilterOperator = Schemas["FilterOperator"];
export type CreateConversationBody = Schemas["CreateConversationRequest"];
export type ToggleStatusResult = Schemas["ToggleStatusResult"];
export type CustomAttributes = Schemas["CustomAttributes"]["custom_attributes"];
export type AttachmentPage = Schemas["AttachmentListResponse"];
export type Attachment = Schemas["Attachment"];
export type AssignmentResult = Schemas["AssignmentResponse"];
export type Agent = Schemas["Agent"];
export type AgentBot = Schemas["AgentBotSummary"];
export type Team = Schemas["Team"];
export type Contact = Schemas["Contact"];
export type Message = Schemas["Message"];
export type MessagePage = Schemas["MessageListResponse"];
export type CreateMessageBody = Schemas["CreateMessageRequest"];
export type Label = Schemas["Label"];
export type CreateLabelBody = Schemas["CreateLabelRequest"];
export type UpdateLabelBody = Schemas["UpdateLabelRequest"];
export type Profile = Schemas["Profile"];
export type ConversationSearchResult = Schemas["ConversationSearchResult"];
export type { components, paths, operations } from "./generated/schema.js";

// Operations added in 0.2.0 (client methods for them come separately).
export type CreateMessageMultipartBody = Schemas["CreateMessageMultipartRequest"];
export type DirectUploadBody = Schemas["DirectUploadRequest"];
export type DirectUpload = Schemas["DirectUpload"];
export type UpdateMessageStatusBody = Schemas["UpdateMessageStatusRequest"];
export type ToggleTypingStatusBody = Schemas["ToggleTypingStatusRequest"];
export type BulkActionBody = Schemas["BulkActionRequest"];
export type ContactConversationList = Schemas["ContactConversationList"];
export type ContactLabels = Schemas["ContactLabels"];
export type SetContactLabelsBody = Schemas["SetContactLabelsRequest"];
export type UnreadCounts = Schemas["UnreadCounts"]["payload"];
export type DyteParticipant = Schemas["DyteParticipant"];

// Webhook payloads, exactly as the server builds them (the spec's `webhooks`).
/** Any webhook payload; `switch (event.event)` narrows it. */
export type WebhookEvent = Schemas["WebhookEvent"];
/** Every event name a webhook target can receive. */
export type WebhookEventName = WebhookEvent["event"];
/** The payload of one event, e.g. `WebhookPayload<"message_created">`. */
export type WebhookPayload<E extends WebhookEventName> = Extract<WebhookEvent, { event: E }>;
export type WebhookConversation = Schemas["WebhookConversation"];
export type WebhookMessage = Schemas["WebhookMessage"];
export type WebhookContact = Schemas["WebhookContact"];
export type WebhookInbox = Schemas["WebhookInbox"];
export type WebhookContactInbox = Schemas["WebhookContactInbox"];
export type WebhookChangedAttributes = Schemas["WebhookChangedAttributes"];
export type WebhookActor = Schemas["WebhookActor"];
export type WebhookConversationCreated = Schemas["WebhookConversationCreated"];
export type WebhookConversationStatusChanged = Schemas["WebhookConversationStatusChanged"];
export type WebhookConversationUpdated = Schemas["WebhookConversationUpdated"];
export type WebhookConversationOpened = Schemas["WebhookConversationOpened"];
export type WebhookConversationResolved = Schemas["WebhookConversationResolved"];
export type WebhookMessageCreated = Schemas["WebhookMessageCreated"];
export type WebhookMessageUpdated = Schemas["WebhookMessageUpdated"];
export type WebhookContactCreated = Schemas["WebhookContactCreated"];
export type WebhookContactUpdated = Schemas["WebhookContactUpdated"];
export type WebhookInboxCreated = Schemas["WebhookInboxCreated"];
export type WebhookInboxUpdated = Schemas["WebhookInboxUpdated"];
export type WebhookWebwidgetTriggered = Schemas["WebhookWebwidgetTriggered"];
export type WebhookConversationTypingOn = Schemas["WebhookConversationTypingOn"];
export type WebhookConversationTypingOff = Schemas["WebhookConversationTypingOff"];
