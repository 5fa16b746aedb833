// One seeded conversation with its messages, written straight into the store
// (no callbacks, no events): a customer's opening, maybe an agent's reply, a
// follow-up, a private note, an attachment, and the activity of its status.
import { LANGUAGES, PRIVATE_NOTES, TOPICS } from "./seed-data.js";
import type { Store } from "./store/store.js";
import type { Contact, ContactInbox, Conversation, ConversationStatus, Message, Priority } from "./store/types.js";

export interface SeedContext {
  store: Store;
  random: () => number;
  pick: <T>(list: readonly T[]) => T;
  hex: (n: number) => string;
  contactInboxes: Map<string, ContactInbox>;
  now: number;
}

/** 10 of every 16 open, then 2 each of resolved, pending, snoozed. */
const STATUS_CYCLE: ConversationStatus[] = ["open", "open", "resolved", "open", "pending", "open", "snoozed", "open", "open", "resolved", "open", "pending", "open", "snoozed", "open", "open"];
const PRIORITIES: (Priority | null)[] = [null, null, null, "low", "medium", "medium", "high", "urgent"];
const MINUTE = 60;

export function seedConversation(ctx: SeedContext, spec: { accountId: number; index: number; contact: Contact }): Conversation {
  const { store, random, pick, hex } = ctx;
  const { accountId, index } = spec;
  const inboxId = accountId === 1 ? pick([1, 1, 2, 2, 3, 4]) : 5;
  const inbox = store.inboxes.get(inboxId)!;
  const status = STATUS_CYCLE[index % STATUS_CYCLE.length]!;
  // The first ten use every topic once, so every label is in use.
  const topic = index < TOPICS.length ? TOPICS[index]! : pick(TOPICS);
  const contactInbox = contactInboxFor(ctx, spec.contact, inboxId);
  const agents = store.assignableAgents(inbox);
  // Every 32nd conversation (a pending one) is the agent bot's; others may be too when unassigned.
  const forceBot = accountId === 1 && index % 32 === 4;
  const assignee = forceBot || random() < 0.3 ? null : pick(agents);
  const botAssigned = forceBot || (assignee === null && status === "pending" && accountId === 1);
  const teamId = accountId !== 1 ? null : topic.labels.includes("billing") || topic.labels.includes("refund") ? (random() < 0.5 ? 1 : null) : topic.labels.includes("bug") ? (random() < 0.6 ? 2 : null) : null;
  const createdAt = ctx.now - Math.floor(random() * 45 * 86400) - 3600;
  const id = store.nextId("conversations");
  const conversation: Conversation = {
    id,
    account_id: accountId,
    display_id: index + 1,
    uuid: `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
    inbox_id: inboxId,
    contact_id: spec.contact.id,
    contact_inbox_id: contactInbox.id,
    status,
    priority: accountId === 1 ? pick(PRIORITIES) : null,
    assignee_id: assignee?.id ?? null,
    assignee_agent_bot_id: botAssigned ? 1 : null,
    team_id: teamId,
    campaign_id: null,
    sla_policy_id: null,
    labels: accountId === 1 ? topic.labels.filter(() => random() < 0.85) : [],
    additional_attributes: additionalAttributes(ctx, inbox.channel_type, topic.subject),
    custom_attributes: customAttributes(ctx, topic.labels),
    snoozed_until: status === "snoozed" ? ctx.now + (1 + Math.floor(random() * 7)) * 86400 : null,
    created_at: createdAt,
    updated_at: createdAt,
    last_activity_at: createdAt,
    agent_last_seen_at: null,
    assignee_last_seen_at: null,
    contact_last_seen_at: null,
    first_reply_created_at: null,
    waiting_since: null,
    participants: [],
    mentions: new Set(),
    messages: [],
  };
  store.addConversation(conversation);

  const replier = assignee ?? store.users.get(accountId === 1 ? 1 : 6)!;
  let at = createdAt;
  const add = (m: Partial<Message> & Pick<Message, "message_type">) => {
    const message = newMessage(store, conversation, at, m);
    conversation.messages.push(message);
    store.messages.set(message.id, message);
    return message;
  };
  const opening = add({ message_type: 0, content: topic.opening, sender_type: "Contact", sender_id: spec.contact.id, status: "sent" });
  if (random() < 0.15) attachImage(store, opening, hex);
  const replied = status !== "pending" && random() < 0.75;
  if (replied) {
    at += (5 + Math.floor(random() * 120)) * MINUTE;
    add({ message_type: 1, content: topic.reply, sender_type: "User", sender_id: replier.id, status: random() < 0.5 ? "read" : "delivered" });
    conversation.first_reply_created_at = at;
  }
  const followedUp = random() < 0.5;
  if (followedUp) {
    at += (10 + Math.floor(random() * 600)) * MINUTE;
    add({ message_type: 0, content: topic.followUp, sender_type: "Contact", sender_id: spec.contact.id });
  }
  if (random() < 0.25) {
    at += (1 + Math.floor(random() * 30)) * MINUTE;
    const mention = random() < 0.5 && accountId === 1 ? ` cc [@Ben Ortiz](mention://user/2/Ben%20Ortiz)` : "";
    if (mention) conversation.mentions.add(2);
    add({ message_type: 1, private: true, content: pick(PRIVATE_NOTES).replace("{n}", String(1000 + index)) + mention, sender_type: "User", sender_id: replier.id });
  }
  if (status === "resolved" || status === "snoozed") {
    at += (1 + Math.floor(random() * 60)) * MINUTE;
    const verb = status === "resolved" ? "marked resolved" : "snoozed";
    add({ message_type: 2, content: `Conversation was ${verb} by ${replier.name}` });
  }
  // Unanswered customers wait since their first unanswered message.
  const waiting = status !== "resolved" && (!replied || followedUp);
  conversation.waiting_since = waiting ? (followedUp && replied ? conversation.messages.find((m, i) => i > 0 && m.message_type === 0)!.created_at : createdAt) : null;
  conversation.last_activity_at = at;
  conversation.updated_at = at + random();
  conversation.agent_last_seen_at = random() < 0.5 ? at : null;
  if (conversation.agent_last_seen_at !== null && assignee) conversation.assignee_last_seen_at = at;
  conversation.contact_last_seen_at = replied ? at - MINUTE : null;
  if (assignee && random() < 0.2) conversation.participants.push(assignee.id, ...agents.filter((a) => a.id !== assignee.id).slice(0, 1).map((a) => a.id));
  if (spec.contact.last_activity_at === null || spec.contact.last_activity_at < at) spec.contact.last_activity_at = at;
  return conversation;
}

function newMessage(store: Store, conversation: Conversation, at: number, m: Partial<Message> & Pick<Message, "message_type">): Message {
  return {
    id: store.nextId("messages"),
    account_id: conversation.account_id,
    inbox_id: conversation.inbox_id,
    conversation_id: conversation.id,
    content: null,
    content_type: "text",
    status: "sent",
    content_attributes: {},
    additional_attributes: {},
    private: false,
    source_id: null,
    sender_type: null,
    sender_id: null,
    external_source_ids: {},
    processed_message_content: m.content ?? null,
    sentiment: {},
    created_at: at,
    updated_at: at,
    echo_id: null,
    attachments: [],
    ...m,
  };
}

function attachImage(store: Store, message: Message, hex: (n: number) => string) {
  const id = store.nextId("attachments");
  const key = hex(28);
  message.attachments.push({
    id,
    message_id: message.id,
    account_id: message.account_id,
    file_type: "image",
    extension: "png",
    content_type: "image/png",
    file_size: 48213,
    width: 1280,
    height: 720,
    data_url: `http://localhost:3000/rails/active_storage/blobs/redirect/${key}/screenshot.png`,
    thumb_url: `http://localhost:3000/rails/active_storage/representations/redirect/${key}/screenshot.png`,
    meta: null,
    fallback_title: null,
    coordinates_lat: null,
    coordinates_long: null,
  });
}

function contactInboxFor(ctx: SeedContext, contact: Contact, inboxId: number): ContactInbox {
  const key = `${contact.id}:${inboxId}`;
  let ci = ctx.contactInboxes.get(key);
  if (!ci) {
    const id = ctx.store.nextId("contact_inboxes");
    const channel = ctx.store.inboxes.get(inboxId)!.channel_type;
    const sourceId = channel === "Channel::Email" ? (contact.email ?? `${ctx.hex(8)}@mail.test`) : channel === "Channel::Whatsapp" ? (contact.phone_number ?? `+49${ctx.hex(8)}`).replace("+", "") : `${ctx.hex(8)}-${ctx.hex(4)}-${ctx.hex(4)}-${ctx.hex(12)}`;
    ci = { id, contact_id: contact.id, inbox_id: inboxId, source_id: sourceId, hmac_verified: false, pubsub_token: ctx.hex(24), created_at: contact.created_at, updated_at: contact.created_at };
    ctx.contactInboxes.set(key, ci);
    ctx.store.contactInboxes.set(id, ci);
  }
  return ci;
}

function additionalAttributes(ctx: SeedContext, channel: string, subject: string): Record<string, unknown> {
  if (channel === "Channel::Email") return { mail_subject: subject, source: "email" };
  if (channel === "Channel::WebWidget") {
    const language = ctx.pick(LANGUAGES);
    return {
      browser: { device_name: "Macintosh", browser_name: "Chrome", platform_name: "macOS", browser_version: "137.0", platform_version: "15.5" },
      referer: ctx.pick(["https://acme.test/pricing", "https://acme.test/docs/getting-started", "https://acme.test/account/billing"]),
      initiated_at: { timestamp: "Wed May 27 2026 10:15:00 GMT+0000" },
      browser_language: language,
      conversation_language: language,
    };
  }
  return {};
}

function customAttributes(ctx: SeedContext, labels: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (labels.includes("billing") || labels.includes("refund")) {
    out.order_id = `ORD-${10000 + Math.floor(ctx.random() * 90000)}`;
    out.amount = 10 + Math.floor(ctx.random() * 490);
  }
  if (labels.includes("vip") || labels.includes("sales")) {
    out.plan = ctx.pick(["business", "enterprise"]);
    out.vip_customer = true;
    out.renewal_date = "2026-09-01";
  }
  return out;
}
