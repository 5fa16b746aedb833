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
