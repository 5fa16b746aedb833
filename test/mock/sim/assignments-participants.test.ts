// Assignments (agent, bot, team; unknown ids unassign with 200 null) and
// participants (inbox access required) against the simulator.
import { describe, expect, it } from "vitest";
import type { Conversation } from "../../../src/mock/store/types.js";
import { ACC, TOKENS, useSimulator } from "./helpers/harness.js";

const h = useSimulator();
const conv = (id: number) => h.sim.store.conversationByDisplayId(1, id) as Conversation;
const assign = (id: number, body: unknown, token?: string) => h.call("POST", `${ACC}/conversations/${id}/assignments`, { body, token });

describe("assignments", () => {
  it("assigns an agent (Agent body), then unassigns with null or an unknown id", async () => {
    const res = await assign(1, { assignee_id: 3 });
    expect(res.body).toMatchObject({ id: 3, name: "Chloe Nakamura", role: "agent", account_id: 1 });
    expect((await h.call("GET", `${ACC}/conversations/1`)).body.meta).toMatchObject({ assignee: { id: 3 }, assignee_type: "User" });
    const unknown = await assign(1, { assignee_id: 9999 });
    expect(unknown).toMatchObject({ status: 200, body: null });
    const shown = await h.call("GET", `${ACC}/conversations/1`);
    expect(shown.body.meta.assignee).toBeUndefined();
    await assign(1, { assignee_id: 3 });
    expect((await assign(1, { assignee_id: null })).body).toBeNull();
    expect(conv(1).assignee_id).toBeNull();
  });

  it("a user of another account is not an assignee either", async () => {
    expect((await assign(2, { assignee_id: 6 })).body).toBeNull();
  });

  it("assigns the agent bot (slim bot body); an unknown bot changes nothing", async () => {
    const bot = await assign(3, { assignee_id: 1, assignee_type: "AgentBot" });
    expect(bot.body).toMatchObject({ id: 1, name: "Triage Bot", bot_type: "webhook" });
    expect((await h.call("GET", `${ACC}/conversations/3`)).body.meta).toMatchObject({ assignee: { id: 1, name: "Triage Bot" }, assignee_type: "AgentBot" });
    expect((await assign(3, { assignee_id: 77, assignee_type: "AgentBot" })).body).toBeNull();
    expect(conv(3).assignee_agent_bot_id).toBe(1);
  });

  it("assigns a team (the record) and removes it with an unknown id; team_id is ignored next to assignee_id", async () => {
    const team = await assign(4, { team_id: 2 });
    expect(team.body).toMatchObject({ id: 2, name: "Technical", account_id: 1 });
    expect(typeof team.body.created_at).toBe("string");
    expect((await h.call("GET", `${ACC}/conversations/4`)).body.meta.team).toMatchObject({ id: 2, name: "Technical" });
    expect((await assign(4, { team_id: 0 })).body).toBeNull();
    expect(conv(4).team_id).toBeNull();
    await assign(4, { assignee_id: 2, team_id: 1 });
    expect(conv(4)).toMatchObject({ assignee_id: 2, team_id: null });
    expect((await assign(4, {})).body).toBeNull();
  });

  it("bots may assign", async () => {
    expect((await assign(5, { assignee_id: 1 }, TOKENS.bot)).body).toMatchObject({ id: 1 });
  });
});

describe("participants", () => {
  const path = (id: number) => `${ACC}/conversations/${id}/participants`;
  const inboxMembersOf = (c: Conversation) => [...h.sim.store.inboxOf(c).members];

  it("POST adds and returns the new ones; GET lists; DELETE removes; unknown ids in DELETE are ignored", async () => {
    const c = conv(6);
    c.participants = [];
    const members = inboxMembersOf(c);
    const added = await h.call("POST", path(6), { body: { user_ids: members } });
    expect(added.body.map((u: { id: number }) => u.id).sort()).toEqual([...members].sort());
    const again = await h.call("POST", path(6), { body: { user_ids: members } });
    expect(again.body).toEqual([]);
    expect((await h.call("GET", path(6))).body.map((u: { id: number }) => u.id)).toEqual(members);
    expect((await h.call("DELETE", path(6), { body: { user_ids: [members[0], 12345] } })).status).toBe(200);
    expect((await h.call("GET", path(6))).body.map((u: { id: number }) => u.id)).toEqual(members.slice(1));
  });

  it("a user without inbox access is returned as added by POST but never saved; PATCH skips them", async () => {
    const c = (h.sim.store.accountConversations(1) as Conversation[]).find((x) => !h.sim.store.inboxOf(x).members.has(5))!;
    c.participants = [];
    const res = await h.call("POST", path(c.display_id), { body: { user_ids: [5] } });
    expect(res.body.map((u: { id: number }) => u.id)).toEqual([5]);
    expect((await h.call("GET", path(c.display_id))).body).toEqual([]);
    const patched = await h.call("PATCH", path(c.display_id), { body: { user_ids: [1, 5] } });
    expect(patched.body.map((u: { id: number }) => u.id)).toEqual([1]);
  });

  it("PATCH makes the set exactly the given users (those with access)", async () => {
    const c = conv(7);
    const members = inboxMembersOf(c);
    await h.call("POST", path(7), { body: { user_ids: members } });
    const res = await h.call("PATCH", path(7), { body: { user_ids: [1] } });
    expect(res.body.map((u: { id: number }) => u.id)).toEqual([1]);
  });
});
