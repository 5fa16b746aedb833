// The records the simulator keeps: the columns of Chatwoot's tables that the
// API reads or writes (app/models/*.rb in the 4.15.1 tree). Times are unix
// seconds (floats where Rails keeps sub-second precision); `null` is SQL NULL.

export type Role = "administrator" | "agent";
export type ConversationStatus = "open" | "resolved" | "pending" | "snoozed";
export type Priority = "low" | "medium" | "high" | "urgent";
export type Availability = "online" | "busy" | "offline";

export interface Account {
  id: number;
  name: string;
}

export interface User {
  id: number;
  name: string;
  email: string;
  token: string;
  availability_status: Availability;
  auto_offline: boolean;
  custom_attributes: Record<string, unknown>;
  pubsub_token: string;
  /** account id → role (AccountUser). */
  roles: Map<number, Role>;
}

export interface AgentBot {
  id: number;
  /** null for a system bot (visible to every account). */
  account_id: number | null;
  name: string;
  description: string;
  outgoing_url: string;
  bot_type: string;
  token: string;
}

export interface Inbox {
  id: number;
  account_id: number;
  name: string;
  channel_type: string;
  channel_id: number;
  /** InboxMember user ids. */
  members: Set<number>;
  /** An active agent bot: new conversations start `pending`. */
  active_bot: boolean;
  lock_to_single_conversation: boolean;
}

export interface Team {
  id: number;
  account_id: number;
  name: string;
  description: string;
  allow_auto_assign: boolean;
  members: Set<number>;
  created_at: number;
  updated_at: number;
}

export interface Contact {
  id: number;
  account_id: number;
  name: string;
  email: string | null;
  phone_number: string | null;
  identifier: string | null;
  blocked: boolean;
  availability_status: Availability;
  additional_attributes: Record<string, unknown>;
  custom_attributes: Record<string, unknown>;
  created_at: number;
  last_activity_at: number | null;
  labels: string[];
}

export interface ContactInbox {
  id: number;
  contact_id: number;
  inbox_id: number;
  source_id: string;
  hmac_verified: boolean;
  pubsub_token: string;
  created_at: number;
  updated_at: number;
}

export interface Conversation {
  /** Primary key (never shown by the API). */
  id: number;
  account_id: number;
  display_id: number;
  uuid: string;
  inbox_id: number;
  contact_id: number;
  contact_inbox_id: number;
  status: ConversationStatus;
  priority: Priority | null;
  assignee_id: number | null;
  assignee_agent_bot_id: number | null;
  team_id: number | null;
  campaign_id: number | null;
  sla_policy_id: number | null;
  labels: string[];
  additional_attributes: Record<string, unknown>;
  custom_attributes: Record<string, unknown>;
  snoozed_until: number | null;
  created_at: number;
  updated_at: number;
  last_activity_at: number;
  agent_last_seen_at: number | null;
  assignee_last_seen_at: number | null;
  contact_last_seen_at: number | null;
  first_reply_created_at: number | null;
  waiting_since: number | null;
  /** ConversationParticipant user ids, in insertion order. */
  participants: number[];
  /** Users @-mentioned in a private note (Mention records). */
  mentions: Set<number>;
  /** Messages in id (= creation) order. */
  messages: Message[];
}

export type MessageType = 0 | 1 | 2 | 3; // incoming, outgoing, activity, template
export const MESSAGE_TYPES = ["incoming", "outgoing", "activity", "template"] as const;
export type MessageStatus = "sent" | "delivered" | "read" | "failed";

export interface Attachment {
  id: number;
  message_id: number;
  account_id: number;
  file_type: "image" | "audio" | "video" | "file" | "location" | "fallback" | "contact" | "embed";
  extension: string | null;
  content_type: string;
  file_size: number;
  width: number | null;
  height: number | null;
  data_url: string;
  thumb_url: string;
  meta: Record<string, unknown> | null;
  fallback_title: string | null;
  coordinates_lat: number | null;
  coordinates_long: number | null;
}

export interface Message {
  id: number;
  account_id: number;
  inbox_id: number;
  conversation_id: number;
  message_type: MessageType;
  content: string | null;
  content_type: string;
  status: MessageStatus;
  content_attributes: Record<string, unknown>;
  additional_attributes: Record<string, unknown>;
  private: boolean;
  source_id: string | null;
  sender_type: "User" | "Contact" | "AgentBot" | null;
  sender_id: number | null;
  external_source_ids: Record<string, unknown>;
  processed_message_content: string | null;
  sentiment: Record<string, unknown>;
  created_at: number;
  updated_at: number;
  echo_id: string | null;
  attachments: Attachment[];
}

export interface Label {
  id: number;
  account_id: number;
  title: string;
  description: string | null;
  color: string;
  show_on_sidebar: boolean | null;
}

export interface CustomAttributeDefinition {
  account_id: number;
  attribute_key: string;
  attribute_display_type: "text" | "number" | "currency" | "percent" | "link" | "date" | "list" | "checkbox";
  attribute_model: "conversation_attribute" | "contact_attribute";
}

/** Who calls: a user (with a role in the account) or an agent bot. */
export type Caller = { kind: "user"; user: User; role: Role } | { kind: "bot"; bot: AgentBot };

/** An ActiveStorage blob made by a direct upload; `attachment` is what a message gets from it. */
export interface Blob {
  id: number;
  key: string;
  signed_id: string;
  filename: string;
  content_type: string;
  byte_size: number;
  checksum: string;
  metadata: Record<string, unknown>;
  created_at: number;
  attachment: Omit<Attachment, "id" | "message_id" | "account_id">;
}
