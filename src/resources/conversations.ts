// chatwoot.conversations: everything about conversations, by display id.
// Reading lives in conversation-queries.ts, state changes in
// conversation-actions.ts, input checks in conversation-params.ts.
import type { ApiPromise } from "../api-promise.js";
import type { Core, RequestOptions } from "../core.js";
import { InvalidRequestError } from "../errors.js";
import { anObject, ShapeMismatch, unwrap } from "../response-shape.js";
import type { Agent, AttachmentPage, Conversation, Message, components } from "../types.js";
import { email, knownKeys, oneOf, optionalPositiveId, positiveId } from "../validate.js";
import type { Agents } from "./agents.js";
import { ConversationActions } from "./conversation-actions.js";
import { ConversationLabels } from "./conversation-labels.js";
import {
  createBody,
  nullablePriority,
  UPDATE_KEYS,
  type CreateConversationParams,
  type PageParams,
  type UpdateConversationParams,
} from "./conversation-params.js";
import { CustomAttributes } from "./custom-attributes.js";
import { Messages } from "./messages.js";
import { Participants } from "./participants.js";
import { bulkBody, type BulkConversationParams } from "./bulk-params.js";
import { uploadFile, type DirectUpload } from "./direct-upload.js";
import type { AttachmentFile } from "./attachment-files.js";

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
} from "./conversation-params.js";

type Schemas = components["schemas"];

export class Conversations extends ConversationActions {
  readonly labels: ConversationLabels;
  readonly participants: Participants;
  readonly customAttributes: CustomAttributes;
  readonly messages: Messages;

  constructor(
    core: Core,
    private readonly agents: Agents,
    private readonly currentUserId: (options?: RequestOptions) => Promise<number>,
  ) {
    super(core);
    this.labels = new ConversationLabels(core);
    this.participants = new Participants(core);
    this.customAttributes = new CustomAttributes(core, this);
    this.messages = new Messages(core);
  }

  get(id: number, options?: RequestOptions): ApiPromise<Conversation> {
    return this.core.call<Conversation>("getConversation", options, { conversation_id: id }, undefined, anObject);
  }

  /** Creates a conversation. Never retried after it may have reached the server. */
  create(params: CreateConversationParams, options?: RequestOptions): ApiPromise<Conversation> {
    return this.core.call<Conversation>("createConversation", options, undefined, () => ({ body: createBody(params) }), anObject);
  }

  /** Changes the priority (null clears) and, on Enterprise, the SLA policy. */
  update(id: number, params: UpdateConversationParams, options?: RequestOptions): ApiPromise<Conversation> {
    return this.core.call<Conversation>("updateConversation", options, { conversation_id: id }, () => {
      knownKeys("params", params, UPDATE_KEYS, "cannot be updated here (only priority and sla_policy_id); use toggleStatus or assign");
      const body: Schemas["UpdateConversationRequest"] = {};
      if (params.priority !== undefined) body.priority = nullablePriority(params.priority);
      if (params.sla_policy_id !== undefined) {
        body.sla_policy_id = params.sla_policy_id === null ? null : positiveId("sla_policy_id", params.sla_policy_id);
      }
      return { body };
    }, anObject);
  }

  /** Deletes the conversation (administrators only). */
  delete(id: number, options?: RequestOptions): ApiPromise<undefined> {
    return this.core.call<undefined>("deleteConversation", options, { conversation_id: id });
  }

  /** Adds the current user (from the profile, fetched once) as a participant. */
  async join(id: number, options?: RequestOptions): Promise<Agent[]> {
    positiveId("conversation_id", id);
    return this.participants.add(id, [await this.currentUserId(options)], options);
  }

  /** Removes the current user from the participants. */
  async leave(id: number, options?: RequestOptions): Promise<undefined> {
    positiveId("conversation_id", id);
    return this.participants.remove(id, [await this.currentUserId(options)], options);
  }

  /** Agents who may be added as participants: the inbox's assignable agents minus current participants. */
  async invitableAgents(id: number, options?: RequestOptions): Promise<Agent[]> {
    const conversation = await this.get(id, options);
    const [assignable, participants] = await Promise.all([
      this.agents.assignable({ inbox_ids: [conversation.inbox_id] }, options),
      this.participants.list(id, options),
    ]);
    const taken = new Set(participants.map((agent) => agent.id));
    return assignable.filter((agent) => !taken.has(agent.id));
  }

  /** Emails the transcript. Not idempotent (each call sends an email). */
  sendTranscript(id: number, to: string, options?: RequestOptions): ApiPromise<undefined> {
    return this.core.call<undefined>("sendConversationTranscript", options, { conversation_id: id }, () => ({
      body: { email: email("email", to) },
    }));
  }

  /** One page (100) of the conversation's attachments. */
  attachments(id: number, params: PageParams = {}, options?: RequestOptions): ApiPromise<AttachmentPage> {
    return this.core.call(
      "listConversationAttachments",
      options,
      { conversation_id: id },
      () => ({ query: { page: optionalPositiveId("page", knownKeys("params", params, ["page"]).page) } }),
      unwrap({ meta: "object", payload: "array" }, (wire: AttachmentPage) => wire),
    );
  }

  /** Starts a Dyte video call; returns the message announcing it. Needs the Dyte integration. */
  startVideoCall(id: number, options?: RequestOptions): ApiPromise<Message> {
    return this.core.call<Message>(
      "createDyteMeeting",
      options,
      undefined,
      () => ({ body: { conversation_id: positiveId("conversation_id", id) } }),
      anObject,
    );
  }

  /** Joins the Dyte call announced by an `integrations` message; the result holds the participant's join `token` (never log it). */
  joinVideoCall(messageId: number, options?: RequestOptions): ApiPromise<Schemas["DyteParticipant"]> {
    return this.core.call(
      "addDyteMeetingParticipant",
      options,
      undefined,
      () => ({ body: { message_id: positiveId("message_id", messageId) } }),
      unwrap("object", (wire: Schemas["DyteParticipant"]) => {
        if (typeof wire.token !== "string") throw new ShapeMismatch("the body.token is missing, a join token was expected");
        return wire;
      }),
    );
  }

  /** Shows (`"on"`) or hides (`"off"`) the caller's typing indicator; `private` while writing a note. */
  typing(id: number, status: "on" | "off", params: { private?: boolean | undefined } = {}, options?: RequestOptions): ApiPromise<undefined> {
    return this.core.call<undefined>("toggleConversationTypingStatus", options, { conversation_id: id }, () => {
      knownKeys("params", params, ["private"]);
      const body: Schemas["ToggleTypingStatusRequest"] = { typing_status: oneOf("status", status, ["on", "off"] as const) };
      if (params.private !== undefined) {
        if (typeof params.private !== "boolean") throw new InvalidRequestError("private", "must be a boolean");
        body.is_private = params.private;
      }
      return { body };
    });
  }

  /**
   * One change (status, assignee, team, labels) for many conversations. The
   * server queues it and answers at once; conversations the caller may not
   * see are skipped silently, so re-read them to confirm.
   */
  bulk(params: BulkConversationParams, options?: RequestOptions): ApiPromise<undefined> {
    return this.core.call<undefined>("performBulkAction", options, undefined, () => ({ body: bulkBody(params) }));
  }

  /** Open conversations with unread incoming messages, per inbox, label and team (needs the account feature; else 403). */
  unreadCounts(options?: RequestOptions): ApiPromise<Schemas["UnreadCounts"]["payload"]> {
    return this.core.call(
      "getConversationUnreadCounts",
      options,
      undefined,
      undefined,
      unwrap({ payload: "object" }, (wire: Schemas["UnreadCounts"]) => wire.payload),
    );
  }

  /**
   * Uploads a file to storage (ActiveStorage direct upload) and returns the
   * blob; pass its `signed_id` in `messages.create(id, { attachments: [signed_id] })`.
   * Chatwoot 4.15.1 applies Rails' CSRF check to this endpoint, so most servers
   * refuse it for API tokens (422): `messages.create` with files is the dependable way.
   */
  uploadFile(id: number, file: AttachmentFile, options?: RequestOptions): Promise<DirectUpload> {
    return uploadFile(this.core, id, file, options);
  }
}
