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
