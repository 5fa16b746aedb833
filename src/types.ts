// Public names for the generated schema types, so users never need to spell
// components["schemas"][...] themselves. Object types are interfaces (not
// aliases) so editors show the name (`ApiPromise<Conversation>`), not the
// 40-line object it stands for.
import type { components } from "./generated/schema.js";

export type Schemas = components["schemas"];
/** One schema by name (an interface may extend this, not an indexed access). */
type Schema<K extends keyof Schemas> = Schemas[K];

export interface Conversation extends Schema<"Conversation"> {}
export interface ConversationMeta extends Schema<"ConversationMeta"> {}
export type ConversationStatus = Schemas["ConversationStatus"];
export type ConversationStatusFilter = Schemas["ConversationStatusFilter"];
export type ConversationPriority = Schemas["ConversationPriority"];
export type AssigneeTypeFilter = Schemas["AssigneeTypeFilter"];
export type ConversationSortBy = Schemas["ConversationSortBy"];
export type ConversationType = Schemas["ConversationType"];
export interface ConversationCounts extends Schema<"ConversationCounts"> {}
export interface ConversationPage extends Schema<"ConversationListData"> {}
export interface FilterCounts extends Schema<"FilterCounts"> {}
export interface FilterPage extends Schema<"ConversationFilterResponse"> {}
export interface MessageSearchPage extends Schema<"ConversationMessageSearchResponse"> {}
export interface FilterCondition extends Schema<"FilterCondition"> {}
export type FilterOperator = Schemas["FilterOperator"];
export type CreateConversationBody = Schemas["CreateConversationRequest"];

/**
 * T whose optional properties also accept `undefined`, so `{ inbox_id: maybeId }`
 * compiles under `exactOptionalPropertyTypes` (the client treats undefined as absent).
 */
export type AllowUndefined<T> = { [K in keyof T]: {} extends Pick<T, K> ? T[K] | undefined : T[K] };
export interface ToggleStatusResult extends Schema<"ToggleStatusResult"> {}
export type CustomAttributes = Schemas["CustomAttributes"]["custom_attributes"];
export interface AttachmentPage extends Schema<"AttachmentListResponse"> {}
export interface Attachment extends Schema<"Attachment"> {}
/** What assign() answers: the agent, bot or team assigned, or null when the server unassigned. */
export type AssignmentResult = Agent | AgentBot | Team | null;
export interface Agent extends Schema<"Agent"> {}
export interface AgentBot extends Schema<"AgentBotSummary"> {}
export interface Team extends Schema<"Team"> {}
export interface Contact extends Schema<"Contact"> {}
export interface Message extends Schema<"Message"> {}
export interface MessagePage extends Schema<"MessageListResponse"> {}
export type CreateMessageBody = Schemas["CreateMessageRequest"];
export interface Label extends Schema<"Label"> {}
export type CreateLabelBody = Schemas["CreateLabelRequest"];
export type UpdateLabelBody = Schemas["UpdateLabelRequest"];
export interface Profile extends Schema<"Profile"> {}
export interface ConversationSearchResult extends Schema<"ConversationSearchResult"> {}
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
