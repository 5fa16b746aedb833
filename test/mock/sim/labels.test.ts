// Account labels (admin-only writes, duplicate title → 422 {message, attributes}),
// a conversation's labels (POST replaces the set) and a contact's labels.
import { describe, expect, it } from "vitest";
import { ACC, TOKENS, useSimulator } from "./helpers/harness.js";

const h = useSimulator();

describe("account labels", () => {
  it("lists labels sorted by title for agents and admins", async () => {
    const res = await h.call("GET", `${ACC}/labels`, { token: TOKENS.agent });
    const titles = res.body.payload.map((l: { title: string }) => l.title);
    expect(titles.length).toBeGreaterThanOrEqual(6);
    expect(titles).toEqual([...titles].sort());
  });

  it("creates (lower-cased, default color), reads, updates and deletes; the title carries over to conversations", async () => {
    const created = await h.call("POST", `${ACC}/labels`, { body: { title: "Escalated", description: "Sent to tier 2" } });
    expect(created.body).toMatchObject({ title: "escalated", color: "#1f93ff", description: "Sent to tier 2" });
    const wrapped = await h.call("POST", `${ACC}/labels`, { body: { label: { title: "wrapped-one", color: "#000000", show_on_sidebar: true } } });
    expect(wrapped.body).toMatchObject({ title: "wrapped-one", color: "#000000", show_on_sidebar: true });
    expect((await h.call("GET", `${ACC}/labels/${created.body.id}`)).body.title).toBe("escalated");

    await h.call("POST", `${ACC}/conversations/1/labels`, { body: { labels: ["escalated"] } });
    const renamed = await h.call("PATCH", `${ACC}/labels/${created.body.id}`, { body: { title: "tier2" } });
    expect(renamed.body.title).toBe("tier2");
    expect((await h.call("GET", `${ACC}/conversations/1/labels`)).body.payload).toEqual(["tier2"]);

    expect((await h.call("DELETE", `${ACC}/labels/${created.body.id}`)).status).toBe(200);
    expect((await h.call("GET", `${ACC}/labels/${created.body.id}`)).status).toBe(404);
    expect((await h.call("GET", `${ACC}/conversations/1/labels`)).body.payload).toEqual([]);
  });

  it("a duplicate or malformed title is 422 {message, attributes}", async () => {
    const dup = await h.call("POST", `${ACC}/labels`, { body: { title: "BILLING" } });
    expect(dup).toMatchObject({ status: 422, body: { message: "Title has already been taken", attributes: ["title"] } });
    const bad = await h.call("POST", `${ACC}/labels`, { body: { title: "no spaces allowed" } });
    expect(bad).toMatchObject({ status: 422, body: { message: "Title is invalid", attributes: ["title"] } });
  });

  it("agents may not create, read one, update or delete", async () => {
    const billing = h.sim.store.accountLabels(1)[0]!;
    expect((await h.call("POST", `${ACC}/labels`, { body: { title: "agents-label" }, token: TOKENS.agent })).status).toBe(401);
    expect((await h.call("GET", `${ACC}/labels/${billing.id}`, { token: TOKENS.agent })).status).toBe(401);
    expect((await h.call("PATCH", `${ACC}/labels/${billing.id}`, { body: { color: "#ffffff" }, token: TOKENS.agent })).status).toBe(401);
    expect((await h.call("DELETE", `${ACC}/labels/${billing.id}`, { token: TOKENS.agent })).status).toBe(401);
  });
});

describe("a conversation's and a contact's labels", () => {
  it("POST replaces the whole set, [] clears, titles are not checked; the list filter sees it", async () => {
    const set = await h.call("POST", `${ACC}/conversations/2/labels`, { body: { labels: ["vip", "not-an-account-label", "vip"] } });
    expect(set.body).toEqual({ payload: ["vip", "not-an-account-label"] });
    const replaced = await h.call("POST", `${ACC}/conversations/2/labels`, { body: { labels: ["refund"] } });
    expect(replaced.body.payload).toEqual(["refund"]);
    const listed = await h.call("GET", `${ACC}/conversations?status=all&labels[]=refund`);
    expect(listed.body.data.payload.map((c: { id: number }) => c.id)).toContain(2);
    expect((await h.call("POST", `${ACC}/conversations/2/labels`, { body: { labels: [] } })).body.payload).toEqual([]);
  });

  it("bots may read and set a conversation's labels", async () => {
    expect((await h.call("POST", `${ACC}/conversations/2/labels`, { body: { labels: ["bug"] }, token: TOKENS.bot })).body.payload).toEqual(["bug"]);
    expect((await h.call("GET", `${ACC}/conversations/2/labels`, { token: TOKENS.bot })).body.payload).toEqual(["bug"]);
  });

  it("a contact's labels: read and replace; unknown contact → 404", async () => {
    const contact = h.sim.store.contactOf(h.sim.store.conversationByDisplayId(1, 1)!);
    const res = await h.call("POST", `${ACC}/contacts/${contact.id}/labels`, { body: { labels: ["vip", "sales"] }, token: TOKENS.agent });
    expect(res.body).toEqual({ payload: ["vip", "sales"] });
    expect((await h.call("GET", `${ACC}/contacts/${contact.id}/labels`)).body.payload).toEqual(["vip", "sales"]);
    expect((await h.call("GET", `${ACC}/contacts/999999/labels`)).status).toBe(404);
  });
});
