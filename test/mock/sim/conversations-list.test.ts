// GET conversations, conversations/meta and conversations/search against the
// simulator: filters, sort orders, pages of 25, counts and the agent's view
// (app/finders/conversation_finder.rb). Expectations are computed from the
// seeded store, so they hold for any seed.
import { describe, expect, it } from "vitest";
import type { Conversation } from "../../../src/mock/store/types.js";
import { ACC, TOKENS, useSimulator } from "./helpers/harness.js";

const h = useSimulator({ seed: 7 });
const all = () => h.sim.store.accountConversations(1) as Conversation[];
const ids = (payload: { id: number }[]) => payload.map((c) => c.id);
const byActivity = (rows: Conversation[]) => [...rows].sort((a, b) => b.last_activity_at - a.last_activity_at || b.id - a.id);
const agentInboxes = () => new Set([...h.sim.store.inboxes.values()].filter((i) => i.members.has(2)).map((i) => i.id));

describe("GET conversations", () => {
  it("lists open conversations, latest activity first, 25 per page, with the counts", async () => {
    const open = byActivity(all().filter((c) => c.status === "open"));
    expect(open.length).toBeGreaterThan(25);
    const res = await h.call("GET", `${ACC}/conversations`);
    expect(res.status).toBe(200);
    expect(ids(res.body.data.payload)).toEqual(open.slice(0, 25).map((c) => c.display_id));
    expect(res.body.data.meta).toEqual({
      mine_count: open.filter((c) => c.assignee_id === 1).length,
      assigned_count: open.filter((c) => c.assignee_id !== null).length,
      unassigned_count: open.filter((c) => c.assignee_id === null).length,
      all_count: open.length,
    });
    const page2 = await h.call("GET", `${ACC}/conversations?page=2`);
    expect(ids(page2.body.data.payload)).toEqual(open.slice(25, 50).map((c) => c.display_id));
    const beyond = await h.call("GET", `${ACC}/conversations?page=99`);
    expect(beyond.body.data.payload).toEqual([]);
  });

  it("filters by status (all included) and ignores an unknown one by finding nothing", async () => {
    for (const status of ["resolved", "pending", "snoozed"] as const) {
      const res = await h.call("GET", `${ACC}/conversations?status=${status}`);
      const expected = all().filter((c) => c.status === status);
      expect(expected.length).toBeGreaterThan(0);
      expect(res.body.data.meta.all_count).toBe(expected.length);
      expect(res.body.data.payload.every((c: { status: string }) => c.status === status)).toBe(true);
    }
    const everything = await h.call("GET", `${ACC}/conversations?status=all`);
    expect(everything.body.data.meta.all_count).toBe(all().length);
  });

  it("assignee_type narrows the payload, not the counts", async () => {
    const base = await h.call("GET", `${ACC}/conversations?status=all`);
    for (const [type, match] of [
      ["me", (c: Conversation) => c.assignee_id === 1],
      ["unassigned", (c: Conversation) => c.assignee_id === null],
      ["assigned", (c: Conversation) => c.assignee_id !== null],
    ] as const) {
      const res = await h.call("GET", `${ACC}/conversations?status=all&assignee_type=${type}`);
      expect(res.body.data.meta).toEqual(base.body.data.meta);
      expect(ids(res.body.data.payload)).toEqual(byActivity(all().filter(match)).slice(0, 25).map((c) => c.display_id));
    }
  });

  it("filters by inbox, team and labels (any of labels[]; a repeated plain `labels` keeps the last)", async () => {
    const inbox = await h.call("GET", `${ACC}/conversations?status=all&inbox_id=3`);
    expect(inbox.body.data.meta.all_count).toBe(all().filter((c) => c.inbox_id === 3).length);
    const team = await h.call("GET", `${ACC}/conversations?status=all&team_id=1`);
    expect(team.body.data.meta.all_count).toBe(all().filter((c) => c.team_id === 1).length);
    expect((await h.call("GET", `${ACC}/conversations?team_id=999`)).status).toBe(404);

    const any = all().filter((c) => c.labels.includes("bug") || c.labels.includes("vip"));
    const both = await h.call("GET", `${ACC}/conversations?status=all&labels[]=bug&labels[]=vip`);
    expect(both.body.data.meta.all_count).toBe(any.length);
    const lastOnly = await h.call("GET", `${ACC}/conversations?status=all&labels=bug&labels=vip`);
    expect(lastOnly.body.data.meta.all_count).toBe(all().filter((c) => c.labels.includes("vip")).length);
  });

  it("sorts by every documented order and falls back to last activity for unknown ones", async () => {
    const check = async (sortBy: string, order: (a: Conversation, b: Conversation) => number) => {
      const res = await h.call("GET", `${ACC}/conversations?status=all&sort_by=${sortBy}`);
      const expected = [...all()].sort((a, b) => order(a, b) || b.id - a.id).slice(0, 25);
      expect(ids(res.body.data.payload), sortBy).toEqual(expected.map((c) => c.display_id));
    };
    const rank = (c: Conversation) => (c.priority === null ? null : ["low", "medium", "high", "urgent"].indexOf(c.priority));
    const nullsLast = (x: number | null, y: number | null, dir: number) => (x === null || y === null ? (x === y ? 0 : x === null ? 1 : -1) : (x - y) * dir);
    await check("created_at_asc", (a, b) => a.created_at - b.created_at);
    await check("created_at_desc", (a, b) => b.created_at - a.created_at);
    await check("last_activity_at_asc", (a, b) => a.last_activity_at - b.last_activity_at);
    await check("nonsense", (a, b) => b.last_activity_at - a.last_activity_at);
    await check("priority_desc", (a, b) => nullsLast(rank(a), rank(b), -1) || b.last_activity_at - a.last_activity_at);
    await check("priority_asc", (a, b) => nullsLast(rank(a), rank(b), 1) || b.last_activity_at - a.last_activity_at);
    await check("priority_desc_created_at_asc", (a, b) => nullsLast(rank(a), rank(b), -1) || a.created_at - b.created_at);
    await check("waiting_since_asc", (a, b) => nullsLast(a.waiting_since, b.waiting_since, 1) || a.created_at - b.created_at);
    await check("sort_on_created_at", (a, b) => a.created_at - b.created_at);
  });

  it("an agent lists only the inboxes they belong to; another inbox gives an empty list", async () => {
    const mine = agentInboxes();
    const visible = all().filter((c) => c.status === "open" && mine.has(c.inbox_id));
    const res = await h.call("GET", `${ACC}/conversations`, { token: TOKENS.agent });
    expect(res.body.data.meta.all_count).toBe(visible.length);
    expect(res.body.data.meta.mine_count).toBe(visible.filter((c) => c.assignee_id === 2).length);
    const foreign = [...h.sim.store.inboxes.values()].find((i) => i.account_id === 1 && !mine.has(i.id))!;
    const other = await h.call("GET", `${ACC}/conversations?status=all&inbox_id=${foreign.id}`, { token: TOKENS.agent });
    expect(other.body.data.payload).toEqual([]);
    expect(other.body.data.meta.all_count).toBe(0);
  });

  it("conversation_type: mention, participating, unattended", async () => {
    const mentioned = all().filter((c) => c.mentions.has(2) && agentInboxes().has(c.inbox_id));
    const res = await h.call("GET", `${ACC}/conversations?status=all&conversation_type=mention`, { token: TOKENS.agent });
    expect(res.body.data.meta.all_count).toBe(mentioned.length);
    const participating = all().filter((c) => c.participants.includes(1));
    const p = await h.call("GET", `${ACC}/conversations?status=all&conversation_type=participating`);
    expect(p.body.data.meta.all_count).toBe(participating.length);
    const unattended = all().filter((c) => c.first_reply_created_at === null || c.waiting_since !== null);
    const u = await h.call("GET", `${ACC}/conversations?status=all&conversation_type=unattended`);
    expect(u.body.data.meta.all_count).toBe(unattended.length);
  });

  it("updated_within returns every match in the window, unpaginated", async () => {
    const res = await h.call("GET", `${ACC}/conversations?status=all&updated_within=60`);
    expect(res.body.data.payload).toEqual([]);
    const current = h.sim.store.conversationByDisplayId(1, 3)!.priority;
    await h.call("POST", `${ACC}/conversations/3/toggle_priority`, { body: { priority: current === "high" ? "low" : "high" } });
    const after = await h.call("GET", `${ACC}/conversations?status=all&updated_within=60`);
    expect(ids(after.body.data.payload)).toEqual([3]);
  });

  it("q searches message content across statuses; counts are those of the page", async () => {
    const needle = "refund";
    const hits = all().filter((c) => c.messages.some((m) => m.message_type < 2 && m.content?.toLowerCase().includes(needle)));
    expect(new Set(hits.map((c) => c.status)).size).toBeGreaterThan(1);
    const res = await h.call("GET", `${ACC}/conversations?q=REFUND&status=resolved`);
    expect(res.body.data.meta.all_count).toBe(Math.min(hits.length, 25));
    expect(new Set(ids(res.body.data.payload))).toEqual(new Set(byActivity(hits).slice(0, 25).map((c) => c.display_id)));
  });
});

describe("GET conversations/meta and conversations/search", () => {
  it("meta returns the list's counts without a data wrapper", async () => {
    const list = await h.call("GET", `${ACC}/conversations?status=pending&assignee_type=me`);
    const meta = await h.call("GET", `${ACC}/conversations/meta?status=pending&assignee_type=me`);
    expect(meta.body).toEqual({ meta: list.body.data.meta });
  });

  it("search returns slim items whose messages are the matches", async () => {
    const res = await h.call("GET", `${ACC}/conversations/search?q=invoice`);
    expect(res.status).toBe(200);
    expect(res.body.payload.length).toBeGreaterThan(0);
    for (const item of res.body.payload) {
      expect(item.messages.length).toBeGreaterThan(0);
      for (const m of item.messages) expect(m.content.toLowerCase()).toContain("invoice");
    }
    expect(Object.keys(res.body.meta).sort()).toEqual(["all_count", "mine_count", "unassigned_count"]);
  });
});
