// Compile-time contract of the client: wrong inputs do not compile, results
// are typed from the spec. Checked by vitest's typecheck mode (and tsc).
import { describe, expectTypeOf, it } from "vitest";
import {
  conversationPriorityValues,
  conversationSortByValues,
  conversationStatusValues,
  createChatwootClient,
  isAgent,
  isAgentBot,
  isTeam,
  messageTypeValues,
  type Agent,
  type AgentBot,
  type AssignmentResult,
  type ConversationPriority,
  type ConversationSortBy,
  type ConversationStatus,
  type Team,
  type ApiPromise,
  type Conversation,
  type ConversationCounts,
  type Label,
  type Message,
  type Profile,
  type ToggleStatusResult,
  type WithResponse,
} from "../../src/index.js";

const client = createChatwootClient({ baseUrl: "https://chat.example.com", apiAccessToken: "t", accountId: 1 });
const c = client.conversations;

describe("inputs that must not compile", () => {
  it("rejects a status that does not exist", () => {
    // @ts-expect-error "closed" is not a conversation status
    void c.toggleStatus(1, { status: "closed" });
    // @ts-expect-error "closed" is not a list status filter
    void c.list({ status: "closed" });
    // @ts-expect-error "closed" is not a status for create
    void c.create({ source_id: "s", status: "closed" });
  });

  it("rejects string ids", () => {
    // @ts-expect-error ids are numbers
    void c.get("12");
    // @ts-expect-error ids are numbers
    void c.labels.add("12", ["vip"]);
    // @ts-expect-error user ids are numbers
    void c.participants.add(12, ["6"]);
    // @ts-expect-error label ids are numbers
    void client.labels.get("3");
  });

  it("rejects unknown fields in update() and create()", () => {
    // @ts-expect-error status is not updatable with update()
    void c.update(1, { status: "open" });
    // @ts-expect-error assignee_id is not updatable with update()
    void c.update(1, { priority: "high", assignee_id: 5 });
    // @ts-expect-error contactId is not a create field
    void c.create({ inbox_id: 3, contact_id: 5, contactId: 5 });
    // @ts-expect-error colour is not a label field
    void client.labels.create({ title: "vip", colour: "#ff0000" });
  });

  it('rejects priority "none"', () => {
    // @ts-expect-error there is no "none" priority (null clears it)
    void c.update(1, { priority: "none" });
    // @ts-expect-error there is no "none" priority (null clears it)
    void c.togglePriority(1, "none");
    void c.update(1, { priority: null });
    void c.togglePriority(1, null);
  });

  it("rejects a snoozed_until that is neither a Date nor a number", () => {
    // @ts-expect-error ISO strings are not accepted: pass a Date or unix seconds
    void c.toggleStatus(1, { status: "snoozed", snoozed_until: "2100-01-01T00:00:00Z" });
  });

  it("rejects an unknown per-call option", () => {
    // @ts-expect-error accountId is the client option; per call it is account_id
    void c.get(1, { accountId: 7 });
  });
});

describe("result types", () => {
  it("list() resolves to { meta, payload } of Conversation", () => {
    expectTypeOf(c.list()).resolves.toHaveProperty("payload").toEqualTypeOf<Conversation[]>();
    expectTypeOf(c.list()).resolves.toHaveProperty("meta").toEqualTypeOf<ConversationCounts>();
    expectTypeOf(c.list()).toHaveProperty("withResponse");
  });

  it("iterate() yields Conversation", async () => {
    for await (const conversation of c.iterate({ labels: ["vip"], limit: 10 })) {
      expectTypeOf(conversation).toEqualTypeOf<Conversation>();
    }
    for await (const conversation of c.iterateFilter([{ attribute_key: "status", filter_operator: "equal_to", values: ["open"] }])) {
      expectTypeOf(conversation).toEqualTypeOf<Conversation>();
    }
  });

  it("toggleStatus() accepts a Date or unix seconds for snoozed_until", () => {
    expectTypeOf(c.toggleStatus(1, { status: "snoozed", snoozed_until: new Date() })).resolves.toEqualTypeOf<ToggleStatusResult>();
    expectTypeOf(c.toggleStatus(1, { status: "snoozed", snoozed_until: 4_102_444_800 })).resolves.toEqualTypeOf<ToggleStatusResult>();
    expectTypeOf(c.toggleStatus(1)).resolves.toEqualTypeOf<ToggleStatusResult>();
  });

  it("conversation labels are string[], account labels are Label[]", () => {
    expectTypeOf(c.labels.list(1)).resolves.toEqualTypeOf<string[]>();
    expectTypeOf(c.labels.add(1, ["vip"])).resolves.toEqualTypeOf<string[]>();
    expectTypeOf(c.labels.remove(1, ["vip"])).resolves.toEqualTypeOf<string[]>();
    expectTypeOf(client.labels.list()).resolves.toEqualTypeOf<Label[]>();
    expectTypeOf(client.labels.get(1)).resolves.toEqualTypeOf<Label>();
  });

  it("other results", () => {
    expectTypeOf(c.get(1)).resolves.toEqualTypeOf<Conversation>();
    expectTypeOf(c.get(1)).toEqualTypeOf<ApiPromise<Conversation>>();
    expectTypeOf(c.get(1).withResponse()).resolves.toEqualTypeOf<WithResponse<Conversation>>();
    expectTypeOf(c.get(1).withResponse()).resolves.toHaveProperty("response").toEqualTypeOf<Response>();
    expectTypeOf(c.participants.list(1)).resolves.toEqualTypeOf<Agent[]>();
    expectTypeOf(c.join(1)).resolves.toEqualTypeOf<Agent[]>();
    expectTypeOf(c.invitableAgents(1)).resolves.toEqualTypeOf<Agent[]>();
    expectTypeOf(client.agents.assignable(3)).resolves.toEqualTypeOf<Agent[]>();
    expectTypeOf(c.messages.create(1, { content: "hi" })).resolves.toEqualTypeOf<Message>();
    expectTypeOf(client.profile.get()).resolves.toEqualTypeOf<Profile>();
    expectTypeOf(c.delete(1)).resolves.toEqualTypeOf<undefined>();
    expectTypeOf(c.togglePriority(1, "low")).resolves.toEqualTypeOf<undefined>();
    expectTypeOf(c.participants.remove(1, [2])).resolves.toEqualTypeOf<undefined>();
    expectTypeOf(client.labels.delete(1)).resolves.toEqualTypeOf<undefined>();
    expectTypeOf(c.mute(1)).resolves.toEqualTypeOf<undefined>();
    expectTypeOf(c.markRead(1)).resolves.toEqualTypeOf<Conversation>();
  });

  it("withResponse() exists on single-request methods", () => {
    void c.togglePriority(1, "low").withResponse();
    void c.delete(1).withResponse();
    void c.mute(1).withResponse();
    void c.unmute(1).withResponse();
    void c.markRead(1).withResponse();
    void c.markUnread(1).withResponse();
  });
});

describe("assign(): what was assigned", () => {
  it("overloads: an agent, a bot or a team (or null when the server unassigned)", () => {
    expectTypeOf(c.assign(1, { assignee_id: 5 })).resolves.toEqualTypeOf<Agent | null>();
    expectTypeOf(c.assign(1, { assignee_id: 5, assignee_type: "User" })).resolves.toEqualTypeOf<Agent | null>();
    expectTypeOf(c.assign(1, { assignee_id: 9, assignee_type: "AgentBot" })).resolves.toEqualTypeOf<AgentBot | null>();
    expectTypeOf(c.assign(1, { team_id: 2 })).resolves.toEqualTypeOf<Team | null>();
    expectTypeOf(c.unassign(1)).resolves.toEqualTypeOf<AssignmentResult>();
    // @ts-expect-error a bot assignment is not a team
    expectTypeOf(c.assign(1, { assignee_id: 9, assignee_type: "AgentBot" })).resolves.toEqualTypeOf<Team | null>();
  });

  it("type guards narrow an AssignmentResult", () => {
    const result = {} as AssignmentResult;
    if (isAgent(result)) expectTypeOf(result).toEqualTypeOf<Agent>();
    if (isAgentBot(result)) expectTypeOf(result).toEqualTypeOf<AgentBot>();
    if (isTeam(result)) expectTypeOf(result).toEqualTypeOf<Team>();
  });
});

describe("value lists for select boxes", () => {
  it("are typed by the enum they list", () => {
    expectTypeOf(conversationStatusValues).toEqualTypeOf<ReadonlyArray<ConversationStatus>>();
    expectTypeOf(conversationPriorityValues).toEqualTypeOf<ReadonlyArray<ConversationPriority>>();
    expectTypeOf(conversationSortByValues).toEqualTypeOf<ReadonlyArray<ConversationSortBy>>();
    expectTypeOf(messageTypeValues).items.toBeNumber();
  });
});

describe("raw is typed by path", () => {
  it("GET data is the path's 200 body", async () => {
    const { data } = await client.raw.GET("/api/v1/accounts/{account_id}/conversations/{conversation_id}", {
      params: { path: { account_id: 1, conversation_id: 12 } },
    });
    // openapi-fetch maps the body type, so compare both ways rather than by identity.
    expectTypeOf(data).toExtend<Conversation | undefined>();
    expectTypeOf<Conversation | undefined>().toExtend<typeof data>();
    expectTypeOf(data).not.toBeAny();

    const labels = await client.raw.GET("/api/v1/accounts/{account_id}/conversations/{conversation_id}/labels", {
      params: { path: { account_id: 1, conversation_id: 12 } },
    });
    expectTypeOf(labels.data).toExtend<{ payload: string[] } | undefined>();
    expectTypeOf<{ payload: string[] } | undefined>().toExtend<typeof labels.data>();
  });

  it("unknown paths, missing path params and wrong query types do not compile", () => {
    // @ts-expect-error not a path of the spec
    void client.raw.GET("/api/v1/accounts/{account_id}/nope", { params: { path: { account_id: 1 } } });
    // @ts-expect-error conversation_id is required
    void client.raw.GET("/api/v1/accounts/{account_id}/conversations/{conversation_id}", { params: { path: { account_id: 1 } } });
    void client.raw.GET("/api/v1/accounts/{account_id}/conversations", {
      // @ts-expect-error labels[] is an array of titles
      params: { path: { account_id: 1 }, query: { "labels[]": "vip" } },
    });
    // @ts-expect-error filter is POST only
    void client.raw.GET("/api/v1/accounts/{account_id}/conversations/filter", { params: { path: { account_id: 1 } } });
  });
});
