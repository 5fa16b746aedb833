// Users, contacts, bots and teams as the views embed them:
// app/views/api/v1/models/_agent, _contact, _agent_bot_slim, _team.json.jbuilder
// and the models' push_event_data / webhook_data (app/models/user.rb,
// contact.rb, agent_bot.rb, team.rb, account.rb). No avatars are stored, so
// avatar_url / thumbnail are "" as Avatarable#avatar_url returns then.
import type { Store } from "../store/store.js";
import type { AgentBot, Contact, Team, User } from "../store/types.js";
import { toI } from "./time.js";

/** api/v1/models/_agent.json.jbuilder (`account_id` is Current.account). */
export function agentView(user: User, accountId: number) {
  return {
    id: user.id,
    account_id: accountId,
    availability_status: user.availability_status,
    auto_offline: user.auto_offline,
    confirmed: true,
    email: user.email,
    provider: "email",
    available_name: user.name,
    ...(Object.keys(user.custom_attributes).length > 0 ? { custom_attributes: user.custom_attributes } : {}),
    name: user.name,
    role: user.roles.get(accountId) ?? "agent",
    thumbnail: "",
  };
}

/** User#push_event_data */
export const userPush = (user: User) => ({
  id: user.id,
  name: user.name,
  available_name: user.name,
  avatar_url: "",
  type: "user",
  availability_status: user.availability_status,
  thumbnail: "",
});

/** User#webhook_data */
export const userWebhook = (user: User) => ({ id: user.id, name: user.name, email: user.email, type: "user" });

/** api/v1/models/_contact.json.jbuilder */
export const contactView = (contact: Contact) => ({
  additional_attributes: contact.additional_attributes,
  availability_status: contact.availability_status,
  email: contact.email,
  id: contact.id,
  name: contact.name,
  phone_number: contact.phone_number,
  blocked: contact.blocked,
  identifier: contact.identifier,
  thumbnail: "",
  custom_attributes: contact.custom_attributes,
  ...(contact.last_activity_at !== null ? { last_activity_at: toI(contact.last_activity_at) } : {}),
  created_at: toI(contact.created_at),
});

/** Contact#push_event_data */
export const contactPush = (contact: Contact) => ({
  additional_attributes: contact.additional_attributes,
  custom_attributes: contact.custom_attributes,
  email: contact.email,
  id: contact.id,
  identifier: contact.identifier,
  name: contact.name,
  phone_number: contact.phone_number,
  thumbnail: "",
  blocked: contact.blocked,
  type: "contact",
});

/** Contact#webhook_data */
export const contactWebhook = (store: Store, contact: Contact) => ({
  account: accountWebhook(store, contact.account_id),
  additional_attributes: contact.additional_attributes,
  avatar: "",
  custom_attributes: contact.custom_attributes,
  email: contact.email,
  id: contact.id,
  identifier: contact.identifier,
  name: contact.name,
  phone_number: contact.phone_number,
  thumbnail: "",
  blocked: contact.blocked,
});

/** api/v1/models/_agent_bot_slim.json.jbuilder (`outgoing_url` only for account bots). */
export const botSlim = (bot: AgentBot) => ({
  id: bot.id,
  name: bot.name,
  description: bot.description,
  thumbnail: "",
  ...(bot.account_id !== null ? { outgoing_url: bot.outgoing_url } : {}),
  bot_type: bot.bot_type,
});

/** AgentBot#push_event_data */
export const botPush = (bot: AgentBot) => ({ id: bot.id, name: bot.name, avatar_url: "", type: "agent_bot" });

/** AgentBot#webhook_data */
export const botWebhook = (bot: AgentBot) => ({ id: bot.id, name: bot.name, type: "agent_bot" });

/** api/v1/models/_team.json.jbuilder; `is_member` is about the caller. */
export const teamView = (team: Team, callerUserId: number | null) => ({
  id: team.id,
  name: team.name,
  description: team.description,
  allow_auto_assign: team.allow_auto_assign,
  account_id: team.account_id,
  is_member: callerUserId !== null && team.members.has(callerUserId),
});

/** `render json: @team` (assignments): the record's columns. */
export const teamRecord = (team: Team) => ({
  id: team.id,
  name: team.name,
  description: team.description,
  allow_auto_assign: team.allow_auto_assign,
  account_id: team.account_id,
  created_at: new Date(team.created_at * 1000).toISOString(),
  updated_at: new Date(team.updated_at * 1000).toISOString(),
});

/** Account#webhook_data */
export const accountWebhook = (store: Store, accountId: number) => ({ id: accountId, name: store.account(accountId).name });
