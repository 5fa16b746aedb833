// The operations added in 0.2.0, through `npm run mock` (Prism) as a frontend
// developer calls them: a multipart message with a file, Rails-style
// `inbox_ids[]`, the 403s and the webhook-free 3.1 spec served as is.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startMock, type MockProcess } from "./helpers/process.js";
import { Validator, content, examples, loadSpec, operation, response, type Json } from "./helpers/spec.js";

const spec = loadSpec();
const validator = new Validator(spec);
const TOKEN = { api_access_token: "mock-test-token" };

let mock: MockProcess;
beforeAll(async () => {
  mock = await startMock("npm", ["--static", "--port", String(await freePort())]);
});
afterAll(async () => {
  await mock?.stop("SIGKILL");
});

const call = (url: string, init: RequestInit = {}) => fetch(`${mock.url}${url}`, init);
const schemaOf = (operationId: string, status: string) => content(response(spec, operation(spec, operationId), status))![1].schema as Json;
const exampleOf = (operationId: string, status: string) => examples(spec, content(response(spec, operation(spec, operationId), status))![1])[0]![1];

describe("new operations in the static mock", () => {
  it("sends a file as multipart/form-data attachments[] and gets a Message back", async () => {
    const form = new FormData();
    form.append("content", "Invoice attached");
    form.append("attachments[]", new Blob(["%PDF-1.7 fake"], { type: "application/pdf" }), "invoice.pdf");
    form.append("private", "false");
    const res = await call("/api/v1/accounts/1/conversations/42/messages", { method: "POST", headers: TOKEN, body: form });
    const text = await res.text();
    expect(res.status, text).toBe(200);
    expect(validator.errors(schemaOf("createConversationMessage", "200"), JSON.parse(text))).toEqual([]);
  });

  it("two files are two attachments[] parts", async () => {
    const form = new FormData();
    form.append("attachments[]", new Blob(["a"], { type: "image/png" }), "a.png");
    form.append("attachments[]", new Blob(["b"], { type: "image/png" }), "b.png");
    const res = await call("/api/v1/accounts/1/conversations/42/messages", { method: "POST", headers: TOKEN, body: form });
    expect(res.status, await res.text()).toBe(200);
  });

  it("a multipart boolean that is not true/false is refused with a readable 422", async () => {
    const form = new FormData();
    form.append("content", "x");
    form.append("private", "yes");
    const res = await call("/api/v1/accounts/1/conversations/42/messages", { method: "POST", headers: TOKEN, body: form });
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/private/);
  });

  it("assignable agents for several inboxes: inbox_ids[] repeated", async () => {
    const res = await call("/api/v1/accounts/1/assignable_agents?inbox_ids[]=11&inbox_ids[]=14", { headers: TOKEN });
    expect(res.status).toBe(200);
    expect(validator.errors(schemaOf("listAssignableAgents", "200"), await res.json())).toEqual([]);
  });

  it("Prefer: code=403 gives the API-inbox-only error of the message status update", async () => {
    const res = await call("/api/v1/accounts/1/conversations/42/messages/5661", {
      method: "PATCH",
      headers: { ...TOKEN, "content-type": "application/json", Prefer: "code=403" },
      body: JSON.stringify({ status: "delivered" }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual(exampleOf("updateConversationMessageStatus", "403"));
  });

  it("bulk actions: an empty 200, and the {success:false} 422 on demand", async () => {
    const body = JSON.stringify({ type: "Conversation", ids: [1042, 1043], fields: { status: "resolved" } });
    const headers = { ...TOKEN, "content-type": "application/json" };
    const ok = await call("/api/v1/accounts/1/bulk_actions", { method: "POST", headers, body });
    expect([ok.status, await ok.text()]).toEqual([200, ""]);
    const rejected = await call("/api/v1/accounts/1/bulk_actions", { method: "POST", headers: { ...headers, Prefer: "code=422" }, body });
    expect([rejected.status, await rejected.json()]).toEqual([422, { success: false }]);
  });

  it("a bad bulk action type is refused before any handler runs", async () => {
    const res = await call("/api/v1/accounts/1/bulk_actions", {
      method: "POST",
      headers: { ...TOKEN, "content-type": "application/json" },
      body: JSON.stringify({ type: "Message", ids: [1] }),
    });
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/type/);
  });
});
