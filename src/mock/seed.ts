// The seed: a deterministic dataset for a given seed number. Account 1 has
// the default users, 4 inboxes, 2 teams, 8 labels and `conversations`
// conversations (default 64); account 2 exists with its own user and a few
// conversations. Times are anchored at SEED_NOW, so the data is the same on
// every run; later changes use the real clock.
import {
  ACCOUNT2_USER,
  ACCOUNTS,
  CITIES,
  COMPANIES,
  CUSTOM_ATTRIBUTES,
  FIRST_NAMES,
  INBOXES,
  LABELS,
  LANGUAGES,
  LAST_NAMES,
  TEAMS,
  USERS,
} from "./seed-data.js";
import { seedConversation, type SeedContext } from "./seed-conversation.js";
import type { Store } from "./store/store.js";
import type { Availability, Contact, ContactInbox } from "./store/types.js";

export const DEFAULT_TOKENS = { admin: "sim-admin-token", agent: "sim-agent-token", bot: "sim-bot-token" } as const;
export const DEFAULT_CONVERSATIONS = 64;
/** 2026-05-28T12:00:00Z: "now" for the seeded data. */
export const SEED_NOW = Date.UTC(2026, 4, 28, 12) / 1000;

export interface SeedOptions {
  seed: number;
  conversations?: number;
  tokens: { admin: string; agent: string; bot: string };
}

/** mulberry32: a small, fast, seedable PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedStore(store: Store, options: SeedOptions): void {
  const random = prng(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const hex = (n: number) => {
    let out = "";
    while (out.length < n) out += Math.floor(random() * 0x100000000).toString(16).padStart(8, "0");
    return out.slice(0, n);
  };

  for (const a of ACCOUNTS) store.accounts.set(a.id, { ...a });
  for (const u of USERS) {
    const token = u.id === 1 ? options.tokens.admin : u.id === 2 ? options.tokens.agent : `sim-user-${u.id}-token`;
    store.users.set(u.id, { id: u.id, name: u.name, email: u.email, token, availability_status: u.availability as Availability, auto_offline: true, custom_attributes: {}, pubsub_token: hex(24), roles: new Map([[1, u.admin ? "administrator" : "agent"]]) });
  }
  store.users.set(ACCOUNT2_USER.id, { ...ACCOUNT2_USER, availability_status: "online", auto_offline: true, custom_attributes: {}, pubsub_token: hex(24), roles: new Map([[2, "administrator"]]) });
  store.bumpId("users", ACCOUNT2_USER.id);
  store.bots.set(1, { id: 1, account_id: 1, name: "Triage Bot", description: "Answers first and hands over to a human", outgoing_url: "https://bots.acme.test/triage", bot_type: "webhook", token: options.tokens.bot });
  store.bots.set(2, { id: 2, account_id: 2, name: "Globex Bot", description: "Account 2's bot", outgoing_url: "https://bots.globex.test/hook", bot_type: "webhook", token: "sim-account2-bot-token" });
  store.bumpId("bots", 2);
  for (const i of INBOXES) {
    const members = new Set<number>(i.account_id === 1 ? USERS.filter((u) => (u.inboxes as readonly number[]).includes(i.id)).map((u) => u.id) : [ACCOUNT2_USER.id]);
    store.inboxes.set(i.id, { ...i, channel_id: i.id, members, active_bot: false, lock_to_single_conversation: false });
  }
  store.bumpId("inboxes", INBOXES.length);
  for (const t of TEAMS) store.teams.set(t.id, { id: t.id, account_id: 1, name: t.name, description: t.description, allow_auto_assign: false, members: new Set(t.members), created_at: SEED_NOW - 200 * 86400, updated_at: SEED_NOW - 200 * 86400 });
  store.bumpId("teams", TEAMS.length);
  for (const l of LABELS) {
    const id = store.nextId("labels");
    store.labels.set(id, { id, account_id: 1, ...l, show_on_sidebar: true });
  }
  for (const c of CUSTOM_ATTRIBUTES) store.customAttributes.push({ account_id: 1, attribute_model: "conversation_attribute", ...c });

  const count = options.conversations ?? DEFAULT_CONVERSATIONS;
  const contacts = makeContacts(store, 1, Math.max(40, Math.ceil(count * 0.6)), random, pick, hex);
  const contactInboxes = new Map<string, ContactInbox>();
  const ctx: SeedContext = { store, random, pick, hex, contactInboxes, now: SEED_NOW };
  for (let i = 0; i < count; i++) seedConversation(ctx, { accountId: 1, index: i, contact: contacts[i % contacts.length]! });
  const others = makeContacts(store, 2, 3, random, pick, hex);
  for (let i = 0; i < 3; i++) seedConversation(ctx, { accountId: 2, index: i, contact: others[i]! });
}

function makeContacts(store: Store, accountId: number, count: number, random: () => number, pick: <T>(l: readonly T[]) => T, hex: (n: number) => string): Contact[] {
  const out: Contact[] = [];
  for (let i = 0; i < count; i++) {
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const id = store.nextId("contacts");
    const company = pick(COMPANIES);
    const contact: Contact = {
      id,
      account_id: accountId,
      name: `${first} ${last}`,
      email: random() < 0.9 ? `${first}.${last}${id}@${company.toLowerCase().replace(/\s+/g, "")}.test`.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "") : null,
      phone_number: random() < 0.7 ? `+4915${String(10000000 + Math.floor(random() * 89999999))}` : null,
      identifier: random() < 0.4 ? `cust_${hex(8)}` : null,
      blocked: false,
      availability_status: "offline",
      additional_attributes: { company_name: company, city: pick(CITIES), country_code: "DE" },
      custom_attributes: {},
      created_at: SEED_NOW - (60 + Math.floor(random() * 300)) * 86400,
      last_activity_at: null,
      labels: random() < 0.2 ? ["vip"] : [],
    };
    if (random() < 0.3) contact.additional_attributes.language = pick(LANGUAGES);
    store.contacts.set(id, contact);
    out.push(contact);
  }
  return out;
}
