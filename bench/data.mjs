// Deterministic, real-shaped Chatwoot data for the benchmarks.
//
// Shapes follow /work/shared/chatwoot-api-behaviour.md §6 and
// openapi/components/schemas/Conversation.yaml: meta.sender (Contact),
// meta.assignee (Agent, or a slim bot; absent when unassigned), meta.team
// (absent when none), messages[1] and last_non_activity_message (full Message
// with sender), float updated_at, 0 (not null) for "never" timestamps,
// snoozed_until as an ISO string or null. Each conversation serialises to
// roughly 1.5–3 kB, as a real server's do.

export const ACCOUNT_ID = 1;
export const PAGE_SIZE = 25;
export const TOTAL_CONVERSATIONS = 10_000; // 400 full pages; page 401 is empty
export const TOKEN = "bench-token-0123456789abcdef";

/** mulberry32: tiny seeded PRNG, so every run serves byte-identical bodies (and shuffles the same client orders). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ["Ana", "Bruno", "Chen", "Dmitri", "Elif", "Fatima", "Giulia", "Hiro", "Ines", "Jonas", "Kwame", "Lena", "Mateo", "Noor", "Olga", "Priya"];
const LAST = ["Silva", "Okafor", "Müller", "Nguyen", "Kowalski", "Haddad", "Rossi", "Tanaka", "García", "Johansson", "Mensah", "Dubois"];
const CITIES = [["Lisbon", "Portugal", "PT"], ["Berlin", "Germany", "DE"], ["Lagos", "Nigeria", "NG"], ["Austin", "United States", "US"], ["Pune", "India", "IN"], ["Osaka", "Japan", "JP"]];
const CHANNELS = ["Channel::WebWidget", "Channel::Email", "Channel::Api", "Channel::Whatsapp"];
const LABELS = ["billing", "bug", "feature-request", "vip", "refund", "onboarding", "churn-risk", "enterprise"];
const STATUSES = ["open", "open", "open", "pending", "snoozed", "resolved"];
const PRIORITIES = [null, null, "low", "medium", "high", "urgent"];
const SENTENCES = [
  "Hi, I can't log in to my account since this morning.",
  "The invoice for October shows the wrong VAT number, could you fix it?",
  "Thanks, that worked! One more thing: how do I export my contacts to CSV?",
  "We are evaluating the enterprise plan for 40 agents and need SSO with Okta.",
  "The widget doesn't load on our checkout page in Safari 17.",
  "Please cancel my subscription and refund the last payment.",
  "Our WhatsApp template was rejected again, what should we change in the body?",
  "Can you confirm the webhook retries failed deliveries, and how often?",
];
const AGENTS = [
  { id: 1, name: "Sam Carter", email: "sam@acme.example" },
  { id: 2, name: "Maria Lopes", email: "maria@acme.example" },
  { id: 3, name: "Yuki Sato", email: "yuki@acme.example" },
  { id: 4, name: "Omar Farouk", email: "omar@acme.example" },
];
const TEAMS = [
  { id: 1, name: "support", description: "First-line support" },
  { id: 2, name: "billing", description: "Invoices, refunds and plan changes" },
];

const pick = (r, list) => list[Math.floor(r() * list.length)];
const hex = (r, n) => Array.from({ length: n }, () => Math.floor(r() * 16).toString(16)).join("");
const uuid = (r) => `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-a${hex(r, 3)}-${hex(r, 12)}`;
const iso = (seconds) => new Date(seconds * 1000).toISOString();

function agent(a, online) {
  return {
    id: a.id,
    account_id: ACCOUNT_ID,
    availability_status: online ? "online" : "offline",
    auto_offline: true,
    confirmed: true,
    email: a.email,
    available_name: a.name,
    name: a.name,
    role: a.id === 1 ? "administrator" : "agent",
    thumbnail: `https://chat.acme.example/rails/active_storage/blobs/${a.id}/avatar.png`,
    custom_role_id: null,
  };
}

function contact(r, id, base) {
  const [city, country, code] = pick(r, CITIES);
  const name = `${pick(r, FIRST)} ${pick(r, LAST)}`;
  const email = `${name.toLowerCase().normalize("NFD").replace(/[^a-z ]/g, "").replace(" ", ".")}${id}@mail.example`;
  return {
    additional_attributes: {
      city,
      country,
      description: "",
      company_name: r() < 0.5 ? "Globex Ltd" : "",
      country_code: code,
    },
    availability_status: r() < 0.2 ? "online" : "offline",
    email,
    id,
    name,
    phone_number: r() < 0.6 ? `+${Math.floor(r() * 9e10 + 1e10)}` : null,
    blocked: false,
    identifier: r() < 0.3 ? `crm-${hex(r, 10)}` : null,
    thumbnail: r() < 0.4 ? `https://www.gravatar.com/avatar/${hex(r, 32)}?d=404` : "",
    custom_attributes: r() < 0.3 ? { plan: "pro", seats: Math.floor(r() * 50) } : {},
    last_activity_at: base + 3000,
    created_at: base - 86_400 * 30,
  };
}

function message(r, { id, conversationId, inboxId, incoming, created, sender, channel }) {
  const content = r() < 0.85 ? pick(r, SENTENCES) : `${pick(r, SENTENCES)} ${pick(r, SENTENCES)}`;
  return {
    id,
    content,
    account_id: ACCOUNT_ID,
    inbox_id: inboxId,
    conversation_id: conversationId,
    message_type: incoming ? 0 : 1,
    created_at: created,
    updated_at: iso(created),
    private: false,
    status: incoming ? "sent" : pick(r, ["sent", "delivered", "read"]),
    source_id: channel === "Channel::Email" || channel === "Channel::Whatsapp" ? `wamid.${hex(r, 24)}` : null,
    content_type: "text",
    content_attributes: channel === "Channel::Email" ? { email: { subject: "Re: your request", from: [sender.email] } } : {},
    sender_type: incoming ? "Contact" : "User",
    sender_id: sender.id,
    sender: incoming
      ? { id: sender.id, name: sender.name, email: sender.email, phone_number: sender.phone_number, identifier: sender.identifier, thumbnail: sender.thumbnail, type: "contact" }
      : { id: sender.id, name: sender.name, available_name: sender.available_name, avatar_url: sender.thumbnail, type: "user", availability_status: sender.availability_status, thumbnail: sender.thumbnail },
  };
}

/** Conversation number `n` (1-based display id), always the same object for the same n. */
export function conversation(n) {
  const r = rng(n * 2654435761);
  const base = 1_763_000_000 - n * 600;
  const channel = pick(r, CHANNELS);
  const inboxId = 1 + CHANNELS.indexOf(channel);
  const sender = contact(r, 10_000 + n, base);
  const assigned = r() < 0.7;
  const a = assigned ? agent(pick(r, AGENTS), r() < 0.5) : undefined;
  const withTeam = r() < 0.4;
  const status = pick(r, STATUSES);
  const lastIncoming = !assigned || r() < 0.6;
  const last = message(r, {
    id: n * 10 + 3,
    conversationId: n,
    inboxId,
    incoming: lastIncoming,
    created: base + 3000,
    sender: lastIncoming ? sender : a,
    channel,
  });
  const labels = LABELS.filter(() => r() < 0.15);
  const meta = { sender, channel };
  if (a) {
    meta.assignee = a;
    meta.assignee_type = "User";
  }
  if (withTeam) {
    const t = pick(r, TEAMS);
    meta.team = { ...t, allow_auto_assign: true, account_id: ACCOUNT_ID, is_member: r() < 0.5 };
  }
  meta.hmac_verified = channel === "Channel::WebWidget" ? false : null;
  return {
    meta,
    id: n,
    messages: [last],
    account_id: ACCOUNT_ID,
    uuid: uuid(r),
    additional_attributes:
      channel === "Channel::WebWidget"
        ? {
            browser: { device_name: "Unknown", browser_name: "Chrome", platform_name: "macOS", browser_version: "131.0.0.0", platform_version: "10.15.7" },
            referer: `https://shop.acme.example/checkout?step=${1 + Math.floor(r() * 4)}`,
            initiated_at: { timestamp: new Date(base * 1000).toString() },
            browser_language: "en",
          }
        : channel === "Channel::Email"
          ? { mail_subject: "Question about my order", source: "email", in_reply_to: null }
          : {},
    agent_last_seen_at: assigned ? base + 3100 : 0,
    assignee_last_seen_at: assigned ? base + 3100 : 0,
    can_reply: channel !== "Channel::Whatsapp" || r() < 0.5,
    contact_last_seen_at: channel === "Channel::WebWidget" ? base + 2900 : 0,
    custom_attributes: r() < 0.3 ? { order_id: `ORD-${Math.floor(r() * 1e6)}`, plan: "pro" } : {},
    inbox_id: inboxId,
    labels,
    muted: false,
    snoozed_until: status === "snoozed" ? iso(base + 86_400) : null,
    status,
    created_at: base,
    updated_at: base + 3000 + Math.floor(r() * 1e6) / 1e6,
    timestamp: base + 3000,
    first_reply_created_at: assigned ? base + 600 : 0,
    unread_count: Math.floor(r() * 11),
    last_non_activity_message: last,
    last_activity_at: base + 3000,
    priority: pick(r, PRIORITIES),
    waiting_since: lastIncoming ? base + 3000 : 0,
    sla_policy_id: null,
  };
}

export const COUNTS = { mine_count: 1_234, assigned_count: 7_000, unassigned_count: 3_000, all_count: TOTAL_CONVERSATIONS };

/** The list response body for `page` (1-based): 25 conversations, or fewer past the end. */
export function listBody(page) {
  const from = (page - 1) * PAGE_SIZE + 1;
  const to = Math.min(page * PAGE_SIZE, TOTAL_CONVERSATIONS);
  const payload = [];
  for (let n = from; n <= to; n++) payload.push(conversation(n));
  return { data: { meta: COUNTS, payload } };
}

export function toggleBody(id, status) {
  return { meta: {}, payload: { success: true, conversation_id: id, current_status: status, snoozed_until: null } };
}
