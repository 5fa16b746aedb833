export { createChatwootClient } from "./client.js";
export type { ChatwootClient, ChatwootClientOptions } from "./client.js";
export type { RequestOptions } from "./core.js";
export { ApiPromise, type WithResponse } from "./api-promise.js";
export type { IterateOptions, PageIterator } from "./pagination.js";
export type { Conversations } from "./resources/conversations.js";
export type { ConversationLabels } from "./resources/conversation-labels.js";
export type { Participants } from "./resources/participants.js";
export type { CustomAttributes as ConversationCustomAttributes } from "./resources/custom-attributes.js";
export type { Messages, CreateMessageParams, UpdateMessageStatusParams } from "./resources/messages.js";
export type { Labels } from "./resources/labels.js";
export type { Agents, AssignableAgentsParams } from "./resources/agents.js";
export type { Contacts, ContactLabels } from "./resources/contacts.js";
export type { BulkConversationParams } from "./resources/bulk-params.js";
export type { DirectUpload } from "./resources/direct-upload.js";
export { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, type AttachmentFile, type FileData } from "./resources/attachment-files.js";
export type { Profile as ProfileResource } from "./resources/profile.js";
export type { ConversationFilters, ListConversationsParams } from "./list-query.js";
export type { CountsParams, IterateConversationsParams, SearchParams } from "./resources/conversation-queries.js";
export type { ListMessagesParams } from "./resources/messages.js";
export type { CreateLabelParams, UpdateLabelParams } from "./resources/labels.js";
export { isAgent, isAgentBot, isTeam } from "./assignment.js";
/** The allowed values of the spec's enums, for select boxes and checks (generated from the spec). */
export {
  assigneeKindValues,
  assigneeTypeFilterValues,
  attachmentFileTypeValues,
  availabilityStatusValues,
  conversationPriorityValues,
  conversationSortByValues,
  conversationStatusFilterValues,
  conversationStatusValues,
  conversationTypeValues,
  filterOperatorValues,
  messageStatusValues,
  messageTypeValues,
} from "./values.js";
export type {
  AssignAgentBotParams,
  AssignAgentParams,
  AssignParams,
  AssignTeamParams,
  PageParams,
  CreateConversationParams,
  FilterConditionInput,
  SearchMessagesParams,
  SnoozeTime,
  ToggleStatusParams,
  UpdateConversationParams,
} from "./resources/conversations.js";
export type { ApiErrorArgs } from "./errors.js";
export {
  ChatwootError,
  ChatwootApiError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  ConnectionError,
  TimeoutError,
  AbortError,
  InvalidResponseError,
  InvalidRequestError,
} from "./errors.js";
export type { Logger } from "./transport/index.js";
export * from "./types.js";
export * from "./webhooks/index.js";
