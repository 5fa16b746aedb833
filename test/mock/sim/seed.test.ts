// The seed: what issue 13 asks of it, determinism per seed number, scaling,
// and reset().
import { getResponse } from "msw";
import { describe, expect, it } from "vitest";
import { createSimulator } from "../../../src/mock/simulator.js";
import { ACC, ORIGIN, TOKENS } from "./helpers/harness.js";

const list = async (sim: ReturnType<typeof createSimulator>, query = "status=all") => {
  const res = await getResponse(sim.handlers, new Request(`${ORIGIN}${ACC}/conversations?${query}`, { headers: { api_access_token: TOKENS.admin } }));
  return (await res!.json()) as { data: { meta: Record<string, number>; payload: { id: number; updated_at: number }[] } };
};

describe("the default seed", () => {
  const sim = createSimulator();
  const store = sim.store;
  const conversations = store.accountConversations(1);

  it("has what the issue asks for", () => {
    expect(conversations.length).toBeGreaterThanOrEqual(60);
    expect(new Set(conversations.map((c) => c.inbox_id)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(conversations.map((c) => c.status))).toEqual(new Set(["open", "resolved", "pending", "snoozed"]));
    expect(conversations.filter((c) => c.status === "open").length).toBeGreaterThanOrEqual(26);
    expect(new Set(conversations.flatMap((c) => c.labels)).size).toBeGreaterThanOrEqual(6);
    expect(store.accountUsers(1).filter((u) => u.roles.get(1) === "agent").length).toBeGreaterThanOrEqual(4);
    expect([...store.teams.values()].filter((t) => t.account_id === 1)).toHaveLength(2);
    expect(store.accounts.has(2)).toBe(true);
    for (const token of Object.values(TOKENS)) {
      const user = store.userByToken(token);
      if (user) expect(user.roles.has(2)).toBe(false);
    }
  });

  it("has realistic contacts and messages, an agent in some inboxes but not all, assigned and unassigned, teams and priorities in use", () => {
    const agent = store.userByToken(TOKENS.agent)!;
    const inboxes = [...store.inboxes.values()].filter((i) => i.account_id === 1);
    expect(inboxes.some((i) => i.members.has(agent.id))).toBe(true);
    expect(inboxes.some((i) => !i.members.has(agent.id))).toBe(true);
    expect(store.bots.get(1)!.token).toBe(TOKENS.bot);
    for (const c of conversations) {
      const contact = store.contactOf(c);
      expect(contact.name).toMatch(/^\S+ \S+$/);
      expect(c.messages.length).toBeGreaterThan(0);
      expect(c.messages[0]!.content!.length).toBeGreaterThan(10);
    }
    expect(conversations.some((c) => c.assignee_id === null)).toBe(true);
    expect(conversations.some((c) => c.assignee_id !== null)).toBe(true);
    expect(conversations.some((c) => c.assignee_agent_bot_id !== null)).toBe(true);
    expect(conversations.some((c) => c.team_id !== null)).toBe(true);
    expect(conversations.some((c) => c.priority !== null)).toBe(true);
    expect(conversations.some((c) => c.messages.some((m) => m.private))).toBe(true);
    expect(conversations.some((c) => c.messages.some((m) => m.attachments.length > 0))).toBe(true);
  });
});

describe("determinism, scale and reset", () => {
  it("the same seed gives the same data; another seed other data", async () => {
    const a = await list(createSimulator({ seed: 42 }));
    const b = await list(createSimulator({ seed: 42 }));
    const c = await list(createSimulator({ seed: 43 }));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it("scales to 10,000 conversations", async () => {
    const sim = createSimulator({ conversations: 10_000 });
    expect(sim.store.accountConversations(1)).toHaveLength(10_000);
    const page = await list(sim, "status=open&page=3");
    expect(page.data.payload).toHaveLength(25);
    expect(page.data.meta.all_count).toBe(sim.store.accountConversations(1).filter((c) => c.status === "open").length);
  });

  it("reset() restores the seed after changes", async () => {
    const sim = createSimulator({ seed: 5 });
    const before = await list(sim);
    const call = (path: string, body: unknown) => getResponse(sim.handlers, new Request(`${ORIGIN}${ACC}${path}`, { method: "POST", headers: { api_access_token: TOKENS.admin, "content-type": "application/json" }, body: JSON.stringify(body) }));
    await call("/conversations/1/toggle_status", { status: "snoozed", snoozed_until: 1893456000 });
    await call("/conversations/2/labels", { labels: ["x1"] });
    expect(JSON.stringify(await list(sim))).not.toBe(JSON.stringify(before));
    sim.reset();
    expect(JSON.stringify(await list(sim))).toBe(JSON.stringify(before));
  });
});
