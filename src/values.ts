// The allowed values of the spec's enums, for select boxes and checks. The
// generated lists are typed through helper types of the generator; these
// re-exports give them plain public types (`readonly ConversationStatus[]`).
import * as generated from "./generated/schema.js";
import type {
  AssigneeTypeFilter,
  ConversationPriority,
  ConversationSortBy,
  ConversationStatus,
  ConversationStatusFilter,
  ConversationType,
  FilterOperator,
  Schemas,
} from "./types.js";

export const conversationStatusValues: readonly ConversationStatus[] = generated.conversationStatusValues;
export const conversationStatusFilterValues: readonly ConversationStatusFilter[] = generated.conversationStatusFilterValues;
export const conversationPriorityValues: readonly ConversationPriority[] = generated.conversationPriorityValues;
export const conversationSortByValues: readonly ConversationSortBy[] = generated.conversationSortByValues;
export const conversationTypeValues: readonly ConversationType[] = generated.conversationTypeValues;
export const assigneeTypeFilterValues: readonly AssigneeTypeFilter[] = generated.assigneeTypeFilterValues;
export const assigneeKindValues: readonly Schemas["AssigneeKind"][] = generated.assigneeKindValues;
export const messageTypeValues: readonly Schemas["MessageType"][] = generated.messageTypeValues;
export const messageStatusValues: readonly Schemas["MessageStatus"][] = generated.messageStatusValues;
export const filterOperatorValues: readonly FilterOperator[] = generated.filterOperatorValues;
export const availabilityStatusValues: readonly Schemas["AvailabilityStatus"][] = generated.availabilityStatusValues;
export const attachmentFileTypeValues: readonly Schemas["AttachmentFileType"][] = generated.attachmentFileTypeValues;
