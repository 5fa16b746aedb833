// Realistic response bodies, shaped like a real Chatwoot 4.x server's JSON
// (see /work/shared/chatwoot-api-behaviour.md). Used when the spec has no
// example for an operation, and by scenarios whose later requests depend on
// what an earlier response said (labels.add, join, invitableAgents, …).
// Every fixture is checked against the spec's response schema in requests.test.ts and input-checks.test.ts.

export const ACCOUNT_ID = 1;
export const CLIENT_TOKEN = "client-token-Qx7vK2mP9wL4";
/** The access_token inside the profile response: a DIFFERENT secret the client must not keep. */
export const PROFILE_SECRET = "profile-secret-Zr8nT3bY6hJ1";
export const PROFILE_PUBSUB = "pubsub-secret-Lm4cW9dE2sK7";

export function contact(id = 501) {
  return {
    id,
    name: "Ada Lovelace",
    email: "ada@example.com",
    phone_number: "+15555550123",
    identifier: null,
    thumbnail: "",
    blocked: false,
    availability_status: "offline",
    additional_attributes: { city: "London", country: "United Kingdom" },
    custom_attributes: {},
    last_activity_at: 1763716500,
    created_at: 1763700000,
  };
}

export function agent(id: number, overrides: Record<string, unknown> = {}) {
  return {
    id,
    account_id: ACCOUNT_ID,
    availability_status: "online",
    auto_offline: true,
    confirmed: true,
    email: `agent${id}@example.com`,
    provider: "email",
    available_name: `Agent ${id}`,
    name: `Agent ${id}`,
    role: "agent",
    thumbnail: "",
    custom_role_id: null,
    ...overrides,
  };
}

/** The contact as a message sender / messages meta.contact (Contact#push_event_data). */
export function contactSender(id = 501) {
  const { additional_attributes, custom_attributes, email, identifier, name, phone_number, thumbnail, blocked } = contact(id);
  return { additional_attributes, custom_attributes, email, id, identifier, name, phone_number, thumbnail, blocked, type: "contact" };
}

/** An agent as a message sender / messages meta.assignee (User#push_event_data). */
export function userSender(id: number) {
  return { id, name: `Agent ${id}`, available_name: `Agent ${id}`, avatar_url: "", type: "user", availability_status: "online", thumbnail: "" };
}

/** A message as embedded in a conversation (Message#push_event_data: every column). */
export function embeddedMessage(id: number, conversationId = 12, overrides: Record<string, unknown> = {}) {
  return {
    id,
    content: "Hello, I need help with my invoice",
    account_id: ACCOUNT_ID,
    inbox_id: 3,
    conversation_id: conversationId,
    message_type: 0,
    content_type: "text",
    status: "sent",
    content_attributes: {},
    private: false,
    source_id: null,
    sender_type: "Contact",
    sender_id: 501,
    created_at: 1763716500,
    updated_at: "2025-11-21T09:15:00.123Z",
    sender: contactSender(),
    ...overrides,
  };
}

/** A message as the messages endpoints render it (the message partial: no account_id, sender_type, sender_id, updated_at). */
export function message(id: number, conversationId = 12, overrides: Record<string, unknown> = {}) {
  return {
    id,
    content: "Hello, I need help with my invoice",
    inbox_id: 3,
    conversation_id: conversationId,
    message_type: 0,
    content_type: "text",
    status: "sent",
    content_attributes: {},
    created_at: 1763716500,
    private: false,
    source_id: null,
    sender: contactSender(),
    ...overrides,
  };
}

export function conversation(id: number, overrides: Record<string, unknown> = {}) {
  const latest = embeddedMessage(1000 + id, id);
  return {
    id,
    uuid: `7b3c9a2e-1f4d-4c8b-9a6e-${String(id).padStart(12, "0")}`,
    account_id: ACCOUNT_ID,
    inbox_id: 3,
    status: "open",
    priority: null,
    labels: ["billing"],
    muted: false,
    can_reply: true,
    unread_count: 1,
    created_at: 1763700000,
    updated_at: 1763716535.482917,
    timestamp: 1763716500,
    last_activity_at: 1763716500,
    agent_last_seen_at: 0,
    assignee_last_seen_at: 0,
    contact_last_seen_at: 1763716400,
    first_reply_created_at: 0,
    waiting_since: 1763716500,
    snoozed_until: null,
    sla_policy_id: null,
    additional_attributes: { browser_language: "en" },
    custom_attributes: {},
    messages: [latest],
    last_non_activity_message: latest,
    meta: {
      sender: contact(),
      channel: "Channel::Api",
      assignee: agent(5),
      assignee_type: "User",
      hmac_verified: false,
    },
    ...overrides,
  };
}

export const counts = { mine_count: 2, assigned_count: 7, unassigned_count: 3, all_count: 10 };
export const filterCounts = { mine_count: 2, unassigned_count: 3, all_count: 10 };

export function conversationPage(ids: number[]) {
  return { data: { meta: counts, payload: ids.map((id) => conversation(id)) } };
}

export function filterPage(ids: number[]) {
  return { meta: filterCounts, payload: ids.map((id) => conversation(id)) };
}

/** n consecutive ids starting at `from`. */
export function ids(from: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => from + i);
}

export function label(id: number, title: string, overrides: Record<string, unknown> = {}) {
  return { id, title, description: `Conversations about ${title}`, color: "#1f93ff", show_on_sidebar: true, ...overrides };
}

export const profile = {
  id: 42,
  name: "Grace Hopper",
  available_name: "Grace",
  display_name: null,
  email: "grace@example.com",
  account_id: ACCOUNT_ID,
  role: "administrator",
  access_token: PROFILE_SECRET,
  pubsub_token: PROFILE_PUBSUB,
  avatar_url: "",
  confirmed: true,
  accounts: [
    { id: ACCOUNT_ID, name: "Acme Support", role: "administrator", status: "active", availability: "online", auto_offline: true, active_at: "2025-11-21T09:00:00.000Z", custom_role_id: null },
    { id: 7, name: "Acme Sales", role: "agent", status: "active", availability: "online", auto_offline: true, active_at: null, custom_role_id: null },
  ],
};

export const attachment = {
  id: 77,
  message_id: 1012,
  thumb_url: "https://chat.example.com/rails/active_storage/representations/redirect/abc/screenshot.png",
  data_url: "https://chat.example.com/rails/active_storage/blobs/redirect/abc/screenshot.png",
  file_size: 48213,
  file_type: "image",
  extension: "png",
  width: 1280,
  height: 720,
  created_at: 1763716500,
  sender: contactSender(),
};

export const searchResult = {
  id: 12,
  account_id: ACCOUNT_ID,
  created_at: 1763700000,
  message: message(1012),
  contact: { email: "ada@example.com", id: 501, name: "Ada Lovelace", phone_number: "+15555550123", identifier: null, additional_attributes: {}, last_activity_at: 1763716500 },
  inbox: { id: 3, channel_id: 2, name: "Support API", channel_type: "Channel::Api" },
  agent: { id: 5, available_name: "Agent 5", email: "agent5@example.com", name: "Agent 5", role: "agent" },
  additional_attributes: {},
};

/** A message-search item: the slim conversation form, with the messages that matched. */
export function messageSearchItem(id: number) {
  return {
    id,
    uuid: `7b3c9a2e-1f4d-4c8b-9a6e-${String(id).padStart(12, "0")}`,
    created_at: 1763700000,
    contact: { id: 501, name: "Ada Lovelace" },
    inbox: { id: 3, name: "Support API", channel_type: "Channel::Api" },
    messages: [{ content: "Hello, I need help with my invoice", id: 1000 + id, sender_name: "Ada Lovelace", message_type: 0, created_at: 1763716500 }],
    account_id: ACCOUNT_ID,
  };
}

/** Default 200 body per operationId (undefined: the 200 has no body). */
export const defaultBodies: Record<string, unknown> = {
  getProfile: profile,
  listConversations: conversationPage([12, 11]),
  createConversation: conversation(13, { status: "snoozed", snoozed_until: "2100-01-01T00:00:00.000Z" }),
  getConversationCounts: { meta: counts },
  filterConversations: filterPage([12]),
  searchConversationMessages: { meta: { mine_count: 0, unassigned_count: 0, all_count: 1 }, payload: [messageSearchItem(12)] },
  getConversation: conversation(12, { custom_attributes: { plan: "pro", seats: 5, legacy_id: "A-17" } }),
  updateConversation: conversation(12, { priority: "high" }),
  toggleConversationStatus: {
    payload: { success: true, conversation_id: 12, current_status: "resolved", snoozed_until: null },
  },
  setConversationCustomAttributes: { custom_attributes: { plan: "enterprise", seats: 5 } },
  markConversationRead: conversation(12, { unread_count: 0, agent_last_seen_at: 1763716600 }),
  markConversationUnread: conversation(12, { unread_count: 1 }),
  listConversationAttachments: { meta: { total_count: 1 }, payload: [attachment] },
  assignConversation: agent(5),
  listConversationLabels: { payload: ["billing", "vip"] },
  setConversationLabels: { payload: ["billing", "vip"] },
  listConversationParticipants: [agent(5), agent(6)],
  addConversationParticipants: [agent(6)],
  setConversationParticipants: [agent(5), agent(6)],
  listConversationMessages: {
    meta: {
      labels: ["billing"],
      additional_attributes: {},
      contact: contactSender(),
      assignee: userSender(5),
      agent_last_seen_at: null,
      assignee_last_seen_at: "2025-11-21T09:13:20.000Z",
    },
    payload: [message(1011), message(1012, 12, { message_type: 1, sender: userSender(5) })],
  },
  createConversationMessage: message(1013, 12, { content: "Thanks, looking into it", message_type: 1, sender: userSender(42) }),
  listLabels: { payload: [label(2, "billing"), label(3, "vip", { color: "#ff0000" })] },
  createLabel: label(4, "urgent", { color: "#ff0000" }),
  getLabel: label(3, "vip"),
  updateLabel: label(3, "vip", { color: "#00ff00" }),
  listAgents: [agent(5), agent(6, { role: "administrator" }), agent(42, { role: "administrator" })],
  listInboxAssignableAgents: { payload: [agent(5), agent(6), agent(42, { role: "administrator" })] },
  searchConversations: { payload: { conversations: [searchResult] } },
  createDyteMeeting: embeddedMessage(1014, 12, {
    content: "Video call started",
    message_type: 1,
    content_type: "integrations",
    content_attributes: { type: "dyte", data: { meeting_id: "bbb-123", room_name: "conversation-12" } },
    sender_type: "User",
    sender_id: 42,
  }),
  // Empty 200s.
  deleteConversation: undefined,
  toggleConversationPriority: undefined,
  muteConversation: undefined,
  unmuteConversation: undefined,
  sendConversationTranscript: undefined,
  removeConversationParticipants: undefined,
  deleteLabel: undefined,
};
