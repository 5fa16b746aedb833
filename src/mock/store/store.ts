// The simulator's database: plain Maps keyed by primary key, plus the few
// indexes the hot paths need (conversations per account, by display id).
// Plain Maps rather than @msw/data: 10,000 conversations seed in a few
// hundred ms and a list is one pass over an array (see bench/).
// Mutations that Chatwoot reports (webhooks, activity messages) live in
// ./conversation-changes.ts and ./messages.ts and go through `emit`.
import type { SimulatorEvent } from "./events.js";
import type {
  Account,
  Blob,
  AgentBot,
  Caller,
  Contact,
  ContactInbox,
  Conversation,
  CustomAttributeDefinition,
  Inbox,
  Label,
  Message,
  Team,
  User,
} from "./types.js";

export class Store {
  readonly accounts = new Map<number, Account>();
  readonly users = new Map<number, User>();
  readonly bots = new Map<number, AgentBot>();
  readonly inboxes = new Map<number, Inbox>();
  readonly teams = new Map<number, Team>();
  readonly contacts = new Map<number, Contact>();
  readonly contactInboxes = new Map<number, ContactInbox>();
  readonly conversations = new Map<number, Conversation>();
  readonly messages = new Map<number, Message>();
  readonly labels = new Map<number, Label>();
  readonly customAttributes: CustomAttributeDefinition[] = [];
  /** ActiveStorage blobs from direct uploads, by signed id. */
  readonly blobs = new Map<string, Blob>();

  /** Conversations of each account, in creation order. */
  private readonly byAccount = new Map<number, Conversation[]>();
  /** `${account_id}:${display_id}` → conversation. */
  private readonly byDisplayId = new Map<string, Conversation>();
  private readonly nextIds = new Map<string, number>();

  /** The clock: real time, so that new activity sorts after the seed. */
  now: () => number = () => Date.now() / 1000;

  constructor(readonly emit: (e: SimulatorEvent) => void) {}

  /** Next primary key of a table (ids are global, like Postgres sequences). */
  nextId(table: string): number {
    const id = (this.nextIds.get(table) ?? 0) + 1;
    this.nextIds.set(table, id);
    return id;
  }

  /** Raises a table's sequence past an id that was set explicitly. */
  bumpId(table: string, id: number): void {
    if (id > (this.nextIds.get(table) ?? 0)) this.nextIds.set(table, id);
  }

  addConversation(conversation: Conversation): void {
    this.conversations.set(conversation.id, conversation);
    let list = this.byAccount.get(conversation.account_id);
    if (!list) this.byAccount.set(conversation.account_id, (list = []));
    list.push(conversation);
    this.byDisplayId.set(`${conversation.account_id}:${conversation.display_id}`, conversation);
  }

  removeConversation(conversation: Conversation): void {
    this.conversations.delete(conversation.id);
    const list = this.byAccount.get(conversation.account_id);
    if (list) list.splice(list.indexOf(conversation), 1);
    this.byDisplayId.delete(`${conversation.account_id}:${conversation.display_id}`);
    for (const message of conversation.messages) this.messages.delete(message.id);
  }

  accountConversations(accountId: number): readonly Conversation[] {
    return this.byAccount.get(accountId) ?? [];
  }

  conversationByDisplayId(accountId: number, displayId: number): Conversation | undefined {
    return this.byDisplayId.get(`${accountId}:${displayId}`);
  }

  /** The display id the next conversation of the account gets (a DB trigger in Chatwoot). */
  nextDisplayId(accountId: number): number {
    const list = this.byAccount.get(accountId) ?? [];
    let max = 0;
    for (const c of list) if (c.display_id > max) max = c.display_id;
    return max + 1;
  }

  // ---- lookups the views and handlers share ----

  contactOf(conversation: Conversation): Contact {
    return this.contacts.get(conversation.contact_id)!;
  }

  inboxOf(conversation: Conversation): Inbox {
    return this.inboxes.get(conversation.inbox_id)!;
  }

  contactInboxOf(conversation: Conversation): ContactInbox | undefined {
    return this.contactInboxes.get(conversation.contact_inbox_id);
  }

  account(id: number): Account {
    return this.accounts.get(id)!;
  }

  /** Users of an account (AccountUser), by id. */
  accountUsers(accountId: number): User[] {
    return [...this.users.values()].filter((u) => u.roles.has(accountId));
  }

  accountLabels(accountId: number): Label[] {
    return [...this.labels.values()].filter((l) => l.account_id === accountId).sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  }

  userByToken(token: string): User | undefined {
    for (const user of this.users.values()) if (user.token === token) return user;
    return undefined;
  }

  botByToken(token: string): AgentBot | undefined {
    for (const bot of this.bots.values()) if (bot.token === token) return bot;
    return undefined;
  }

  /** Inbox ids whose conversations the caller may list (PermissionFilterService). */
  visibleInboxIds(caller: Caller, accountId: number): Set<number> | "all" {
    if (caller.kind === "user" && caller.role === "administrator") return "all";
    const ids = new Set<number>();
    for (const inbox of this.inboxes.values()) {
      if (inbox.account_id !== accountId) continue;
      if (caller.kind === "user" && inbox.members.has(caller.user.id)) ids.add(inbox.id);
    }
    return ids;
  }

  /** ConversationPolicy#show?: admins, bots, inbox members and members of the conversation's team. */
  canSee(caller: Caller, conversation: Conversation): boolean {
    if (caller.kind === "bot" || caller.role === "administrator") return true;
    if (this.inboxOf(conversation).members.has(caller.user.id)) return true;
    const team = conversation.team_id === null ? undefined : this.teams.get(conversation.team_id);
    return team !== undefined && team.members.has(caller.user.id);
  }

  /** Inbox#assignable_agents: inbox members of the account plus its administrators. */
  assignableAgents(inbox: Inbox): User[] {
    return this.accountUsers(inbox.account_id).filter((u) => inbox.members.has(u.id) || u.roles.get(inbox.account_id) === "administrator");
  }

  /** Conversation#unread_incoming_messages.count: incoming since agent_last_seen_at, at most 10. */
  unreadCount(conversation: Conversation): number {
    const seen = conversation.agent_last_seen_at;
    let count = 0;
    const list = conversation.messages;
    for (let i = list.length - 1; i >= 0 && count < 10; i--) {
      const m = list[i]!;
      if (seen !== null && m.created_at <= seen) break;
      if (m.message_type === 0 && m.account_id === conversation.account_id) count++;
    }
    return count;
  }
}
