// Tokens, accounts and the bots' allow-list (app/controllers/concerns/access_token_auth_helper.rb,
// ensure_current_account_helper.rb), and the tokens option of createSimulator.
import { getResponse } from "msw";
import { describe, expect, it } from "vitest";
import { createSimulator } from "../../../src/mock/simulator.js";
import { ACC, ORIGIN, TOKENS, useSimulator } from "./helpers/harness.js";

const h = useSimulator();

describe("authentication", () => {
  it("no token → 401 {errors:[…]}; unknown token → 401 {error:'Invalid Access Token'}", async () => {
    expect(await h.call("GET", `${ACC}/conversations`, { token: null })).toMatchObject({ status: 401, body: { errors: ["You need to sign in or sign up before continuing."] } });
    expect(await h.call("GET", `${ACC}/conversations`, { token: "nope" })).toMatchObject({ status: 401, body: { error: "Invalid Access Token" } });
    expect(await h.call("GET", `/api/v1/profile`, { token: null })).toMatchObject({ status: 401 });
  });

  it("the profile belongs to the token", async () => {
    const admin = await h.call("GET", "/api/v1/profile");
    expect(admin.body).toMatchObject({ id: 1, role: "administrator", account_id: 1 });
    const agent = await h.call("GET", "/api/v1/profile", { token: TOKENS.agent });
    expect(agent.body).toMatchObject({ id: 2, role: "agent" });
  });

  it("account 2 exists, but the default users are not its members; an unknown account is 404", async () => {
    expect(await h.call("GET", `/api/v1/accounts/2/conversations`)).toMatchObject({ status: 401, body: { error: "You are not authorized to access this account" } });
    expect(await h.call("GET", `/api/v1/accounts/2/conversations`, { token: TOKENS.bot })).toMatchObject({ status: 401 });
    expect(await h.call("GET", `/api/v1/accounts/2/conversations/1`, { token: TOKENS.bot })).toMatchObject({ status: 401, body: { error: "Bot is not authorized to access this account" } });
    expect(await h.call("GET", `/api/v1/accounts/99/conversations`)).toMatchObject({ status: 404, body: { error: "Resource could not be found" } });
    expect(h.sim.store.accountConversations(2).length).toBeGreaterThan(0);
  });

  it("bots may call only the endpoints the source allows", async () => {
    const denied = { status: 401, body: { error: "Access to this endpoint is not authorized for bots" } };
    expect(await h.call("GET", `${ACC}/conversations`, { token: TOKENS.bot })).toMatchObject(denied);
    expect(await h.call("GET", `${ACC}/conversations/1/messages`, { token: TOKENS.bot })).toMatchObject(denied);
    expect(await h.call("GET", `${ACC}/labels`, { token: TOKENS.bot })).toMatchObject(denied);
    expect(await h.call("POST", `${ACC}/conversations/1/mute`, { token: TOKENS.bot })).toMatchObject(denied);
    expect(await h.call("GET", "/api/v1/profile", { token: TOKENS.bot })).toMatchObject(denied);
    expect((await h.call("GET", `${ACC}/conversations/1`, { token: TOKENS.bot })).status).toBe(200);
    expect((await h.call("POST", `${ACC}/conversations/1/toggle_priority`, { body: { priority: "low" }, token: TOKENS.bot })).status).toBe(200);
    expect((await h.call("POST", `${ACC}/conversations/1/custom_attributes`, { body: { custom_attributes: { a: 1 } }, token: TOKENS.bot })).status).toBe(200);
  });

  it("agents and admins both list agents; an agent sees only its inboxes' assignable agents", async () => {
    const agents = await h.call("GET", `${ACC}/agents`, { token: TOKENS.agent });
    expect(agents.body.map((a: { name: string }) => a.name)).toEqual(["Amelia Hart", "Ben Ortiz", "Chloe Nakamura", "Dev Patel", "Elena Rossi"]);
    const foreign = [...h.sim.store.inboxes.values()].find((i) => i.account_id === 1 && !i.members.has(2))!;
    expect((await h.call("GET", `${ACC}/inboxes/${foreign.id}/assignable_agents`, { token: TOKENS.agent })).status).toBe(401);
    const own = await h.call("GET", `${ACC}/assignable_agents?inbox_ids[]=1&inbox_ids[]=2`, { token: TOKENS.agent });
    const expected = h.sim.store.accountUsers(1).filter((u) => (h.sim.store.inboxes.get(1)!.members.has(u.id) && h.sim.store.inboxes.get(2)!.members.has(u.id)) || u.roles.get(1) === "administrator");
    expect(own.body.payload.map((a: { id: number }) => a.id).sort()).toEqual(expected.map((u) => u.id).sort());
  });
});

describe("createSimulator({ tokens })", () => {
  it("replaces the default tokens", async () => {
    // Through msw's getResponse, so this file's own server stays the only one listening.
    const sim = createSimulator({ tokens: { admin: "my-admin" } });
    const status = async (token: string) => (await getResponse(sim.handlers, new Request(`${ORIGIN}${ACC}/conversations/meta`, { headers: { api_access_token: token } })))?.status;
    expect(await status("my-admin")).toBe(200);
    expect(await status(TOKENS.admin)).toBe(401);
    expect(await status(TOKENS.agent)).toBe(200);
  });
});
