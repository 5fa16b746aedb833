// POST conversations/filter: the filter DSL of lib/filters/filter_keys.yml and
// app/services/filter_service.rb, with its 422s.
import { describe, expect, it } from "vitest";
import type { Conversation } from "../../../src/mock/store/types.js";
import { ACC, TOKENS, useSimulator } from "./helpers/harness.js";

const h = useSimulator({ seed: 3 });
const all = () => h.sim.store.accountConversations(1) as Conversation[];
const filter = (payload: unknown[], token?: string, page = 1) => h.call("POST", `${ACC}/conversations/filter?page=${page}`, { body: { payload }, token });
const cond = (attribute_key: string, filter_operator: string, values: unknown[], query_operator: string | null = null) => ({ attribute_key, filter_operator, values, query_operator });
const sortedIds = (rows: Conversation[]) => [...rows].sort((a, b) => b.last_activity_at - a.last_activity_at || b.id - a.id).slice(0, 25).map((c) => c.display_id);

describe("POST conversations/filter", () => {
  it("combines conditions in order with AND binding tighter than OR", async () => {
    const res = await filter([cond("status", "equal_to", ["open"], "AND"), cond("inbox_id", "equal_to", [2], "OR"), cond("priority", "equal_to", ["urgent"])]);
    const expected = all().filter((c) => (c.status === "open" && c.inbox_id === 2) || c.priority === "urgent");
    expect(res.status).toBe(200);
    expect(res.body.meta).toEqual({
      mine_count: expected.filter((c) => c.assignee_id === 1).length,
      unassigned_count: expected.filter((c) => c.assignee_id === null).length,
      all_count: expected.length,
    });
    expect(res.body.payload.map((c: { id: number }) => c.id)).toEqual(sortedIds(expected));
  });

  it("labels, presence and text operators", async () => {
    const labels = await filter([cond("labels", "equal_to", ["bug", "vip"])]);
    expect(labels.body.meta.all_count).toBe(all().filter((c) => c.labels.includes("bug") || c.labels.includes("vip")).length);
    const none = await filter([cond("labels", "is_not_present", [])]);
    expect(none.body.meta.all_count).toBe(all().filter((c) => c.labels.length === 0).length);
    const unassigned = await filter([cond("assignee_id", "is_not_present", [])]);
    expect(unassigned.body.meta.all_count).toBe(all().filter((c) => c.assignee_id === null).length);
    const referer = await filter([cond("referer", "contains", ["pricing"])]);
    expect(referer.body.meta.all_count).toBe(all().filter((c) => String(c.additional_attributes.referer ?? "").includes("pricing")).length);
    const notOpen = await filter([cond("status", "not_equal_to", ["open"])]);
    expect(notOpen.body.meta.all_count).toBe(all().filter((c) => c.status !== "open").length);
  });

  it("dates: is_greater_than an ISO day and days_before", async () => {
    const day = new Date(all()[10]!.created_at * 1000).toISOString().slice(0, 10);
    const after = await filter([cond("created_at", "is_greater_than", [day])]);
    expect(after.body.meta.all_count).toBe(all().filter((c) => new Date(c.created_at * 1000).toISOString().slice(0, 10) > day).length);
    const old = await filter([cond("last_activity_at", "days_before", [3])]);
    expect(old.body.meta.all_count).toBe(all().length); // the seed is older than three days
  });

  it("custom attributes defined in the account: text case-insensitively, numbers compared", async () => {
    const withOrder = all().find((c) => typeof c.custom_attributes.order_id === "string")!;
    const order = String(withOrder.custom_attributes.order_id);
    const res = await filter([cond("order_id", "equal_to", [order.toLowerCase()])]);
    expect(res.body.payload.map((c: { id: number }) => c.id)).toContain(withOrder.display_id);
    const big = await filter([cond("amount", "is_greater_than", [250])]);
    expect(big.body.meta.all_count).toBe(all().filter((c) => typeof c.custom_attributes.amount === "number" && c.custom_attributes.amount > 250).length);
  });

  it("an agent filters only the inboxes they belong to", async () => {
    const mine = new Set([...h.sim.store.inboxes.values()].filter((i) => i.members.has(2)).map((i) => i.id));
    const res = await filter([cond("status", "equal_to", ["all"])], TOKENS.agent);
    expect(res.body.meta.all_count).toBe(all().filter((c) => mine.has(c.inbox_id)).length);
  });

  it("answers 422 for unknown keys, disallowed operators, missing values, bad query operators and bad dates", async () => {
    const bad = [
      [[cond("colour", "equal_to", ["red"])], /^Invalid attribute key - \[colour\]/],
      [[cond("status", "contains", ["op"])], /^Invalid operator\. The allowed operators for status are/],
      [[cond("inbox_id", "equal_to", [])], /^Invalid value/],
      [[cond("status", "equal_to", ["open"], "XOR"), cond("inbox_id", "equal_to", [1])], /Query operator must be either "AND" or "OR"/],
      [[cond("created_at", "is_greater_than", ["yesterday"])], /^Invalid value/],
    ] as const;
    for (const [payload, message] of bad) {
      const res = await filter([...payload]);
      expect(res.status, JSON.stringify(payload)).toBe(422);
      expect(res.body.error).toMatch(message);
    }
  });

  it("a query_operator on the last condition breaks the SQL: 500", async () => {
    expect((await filter([cond("status", "equal_to", ["open"], "AND")])).status).toBe(500);
  });
});
