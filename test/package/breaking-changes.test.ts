// scripts/breaking-changes.mjs: each kind of break is caught in a modified copy of the
// released spec, compatible changes are not reported, acknowledgements work (file and
// env), and the real comparison (dist/openapi.json vs openapi/released) passes.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error -- plain .mjs script without type declarations
import { check, compareSpecs, readAcknowledged } from "../../scripts/breaking-changes.mjs";
import { exec, root } from "./helpers/package-build.js";
import { snapshotSpec } from "./helpers/spec-snapshot.js";

type Spec = {
  paths: Record<string, Record<string, any>>;
  components: { schemas: Record<string, any> };
};
type Change = { id: string; kind: string; message: string };

const releasedPath = path.join(root, "openapi", "released", "openapi.json");
const released: Spec = JSON.parse(fs.readFileSync(releasedPath, "utf8"));
const script = path.join(root, "scripts", "breaking-changes.mjs");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "breaking-changes-"));

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const LABELS = "/api/v1/accounts/{account_id}/labels";
const CONVERSATIONS = "/api/v1/accounts/{account_id}/conversations";

function changed(mutate: (spec: Spec) => void): Change[] {
  const head = structuredClone(released);
  mutate(head);
  return compareSpecs(released, head) as Change[];
}
const ids = (changes: Change[]) => changes.map((c) => c.id);

function schema(spec: Spec, name: string) {
  const s = spec.components.schemas[name];
  if (!s) throw new Error(`test precondition: the released spec has no schema ${name}`);
  return s;
}

describe("breaking changes are caught", () => {
  it("removed operation", () => {
    expect(ids(changed((s) => delete s.paths[LABELS]!.get))).toContain(`removed-operation:GET ${LABELS}`);
  });

  it("removed path (all its operations)", () => {
    const out = ids(changed((s) => delete s.paths[LABELS]));
    expect(out).toEqual(expect.arrayContaining([`removed-operation:GET ${LABELS}`, `removed-operation:POST ${LABELS}`]));
  });

  it("changed operationId (generated clients rename the method)", () => {
    expect(ids(changed((s) => (s.paths[LABELS]!.get.operationId = "getAllLabels")))).toEqual([`changed-operation-id:GET ${LABELS}`]);
  });

  it("removed response field, wherever the schema is used", () => {
    const out = ids(
      changed((s) => {
        const c = schema(s, "Conversation");
        delete c.properties.unread_count;
        c.required = (c.required ?? []).filter((r: string) => r !== "unread_count");
      }),
    );
    expect(out).toEqual(
      expect.arrayContaining([
        "removed-response-field:getConversation:200:unread_count",
        "removed-response-field:listConversations:200:data.payload[].unread_count",
      ]),
    );
    expect(out.every((id) => id.startsWith("removed-response-field:") && id.endsWith("unread_count"))).toBe(true);
  });

  it("removed nested response field (and everything below it)", () => {
    const out = ids(changed((s) => delete schema(s, "ConversationListData").properties.meta));
    expect(out).toContain("removed-response-field:listConversations:200:data.meta");
    expect(out).toContain("removed-response-field:listConversations:200:data.meta.all_count");
  });

  it("removed 2xx response", () => {
    expect(ids(changed((s) => delete s.paths[LABELS]!.get.responses["200"]))).toContain("removed-response:listLabels:200");
  });

  it("new required request field", () => {
    const out = ids(
      changed((s) => {
        const body = schema(s, "SetConversationLabelsRequest");
        body.properties.reason = { type: "string" };
        body.required = [...(body.required ?? []), "reason"];
      }),
    );
    expect(out).toEqual(["new-required-request-field:setConversationLabels:reason"]);
  });

  it("optional request field made required", () => {
    const out = ids(changed((s) => schema(s, "CreateConversationRequest").required = ["source_id"]));
    expect(out).toEqual(["new-required-request-field:createConversation:source_id"]);
  });

  it("new required field inside array items of a request", () => {
    const out = ids(
      changed((s) => {
        const item = schema(s, "FilterCondition");
        item.properties.negate = { type: "boolean" };
        item.required = [...item.required, "negate"];
      }),
    );
    expect(out).toEqual(["new-required-request-field:filterConversations:payload[].negate"]);
  });

  it("request body made required", () => {
    const out = ids(
      changed((s) => {
        const op = s.paths[`${CONVERSATIONS}/{conversation_id}/toggle_status`]!.post;
        if (!op.requestBody || op.requestBody.required) throw new Error("test precondition: toggle_status has an optional body");
        op.requestBody.required = true;
      }),
    );
    expect(out).toEqual(["new-required-request-field:toggleConversationStatus:(body)"]);
  });

  it("new required query parameter", () => {
    const out = ids(
      changed((s) => s.paths[CONVERSATIONS]!.get.parameters.push({ name: "region", in: "query", required: true, schema: { type: "string" } })),
    );
    expect(out).toEqual(["new-required-parameter:listConversations:query.region"]);
  });

  it("narrowed enum (one change per removed value, reported once per schema)", () => {
    const out = ids(
      changed((s) => {
        const e = schema(s, "ConversationStatus");
        e.enum = e.enum.filter((v: string) => v !== "snoozed" && v !== "pending");
      }),
    );
    expect(out.sort()).toEqual(['narrowed-enum:#/components/schemas/ConversationStatus:"pending"', 'narrowed-enum:#/components/schemas/ConversationStatus:"snoozed"']);
  });

  it("narrowed inline enum of a parameter", () => {
    const out = ids(
      changed((s) => {
        const op = s.paths[CONVERSATIONS]!.get;
        op.parameters.push({ name: "mode", in: "query", schema: { type: "string", enum: ["a", "b"] } });
      }),
    );
    expect(out).toEqual([]); // adding an optional parameter is compatible…
    const base = structuredClone(released);
    base.paths[CONVERSATIONS]!.get.parameters.push({ name: "mode", in: "query", schema: { type: "string", enum: ["a", "b"] } });
    const head = structuredClone(base);
    head.paths[CONVERSATIONS]!.get.parameters.at(-1).schema.enum = ["a"];
    // …narrowing it later is not.
    expect(ids(compareSpecs(base, head) as Change[])).toEqual(['narrowed-enum:listConversations:parameter:query.mode:"b"']);
  });
});

describe("compatible changes are not reported", () => {
  it("identical spec", () => {
    expect(changed(() => {})).toEqual([]);
  });

  it("new operation, new optional parameter, new optional request field, new response field, wider enum, required → optional", () => {
    const out = changed((s) => {
      s.paths["/api/v1/accounts/{account_id}/teams"] = {
        get: { operationId: "listTeams", responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "array", items: { type: "string" } } } } } } },
      };
      s.paths[CONVERSATIONS]!.get.parameters.push({ name: "region", in: "query", required: false, schema: { type: "string" } });
      schema(s, "SetConversationLabelsRequest").properties.note = { type: "string" };
      schema(s, "Conversation").properties.brand_new = { type: "string" };
      schema(s, "ConversationStatus").enum.push("archived");
      schema(s, "SetConversationLabelsRequest").required = [];
    });
    expect(out).toEqual([]);
  });
});

describe("acknowledgements", () => {
  const head = structuredClone(released);
  delete head.paths[LABELS]!.get;
  const id = `removed-operation:GET ${LABELS}`;

  it("splits acknowledged, unacknowledged and stale ids", () => {
    const result = check({ base: released, head, acknowledged: new Set([id, "removed-operation:GET /nowhere"]) });
    expect(result.breaking).toEqual([]);
    expect(result.accepted.map((c: Change) => c.id)).toEqual([id]);
    expect(result.stale).toEqual(["removed-operation:GET /nowhere"]);
  });

  it("reads ids from the file (strings or {id, reason}) and the environment", () => {
    const file = path.join(tmp, "ack.json");
    fs.writeFileSync(file, JSON.stringify(["a", { id: "b", reason: "planned for 1.0" }]));
    expect([...readAcknowledged({ file, env: { ACK_BREAKING_CHANGES: "c, d" } })].sort()).toEqual(["a", "b", "c", "d"]);
    fs.writeFileSync(file, JSON.stringify([{ reason: "no id" }]));
    expect(() => readAcknowledged({ file, env: {} })).toThrow(/change id/);
  });

  it("CLI: fails on an unacknowledged break, passes once acknowledged (file or env)", { timeout: 60_000 }, () => {
    const headFile = path.join(tmp, "head.json");
    const ackFile = path.join(tmp, "ack-cli.json");
    fs.writeFileSync(headFile, JSON.stringify(head));
    fs.writeFileSync(ackFile, "[]");
    const args = [script, "--base", releasedPath, "--head", headFile, "--ack", ackFile];

    const failing = exec(process.execPath, args, { cwd: root });
    expect(failing.status).toBe(1);
    expect(failing.stderr).toContain(`BREAKING  ${id}`);

    fs.writeFileSync(ackFile, JSON.stringify([{ id, reason: "labels are listed by the new endpoint" }]));
    const acknowledged = exec(process.execPath, args, { cwd: root });
    expect(acknowledged.status, acknowledged.output).toBe(0);
    expect(acknowledged.stdout).toContain(`acknowledged  ${id}`);

    fs.writeFileSync(ackFile, "[]");
    const viaEnv = exec(process.execPath, args, { cwd: root, env: { ACK_BREAKING_CHANGES: id } });
    expect(viaEnv.status, viaEnv.output).toBe(0);
  });

  it("the acknowledgement file in the repository is valid", () => {
    expect(() => readAcknowledged({ env: {} })).not.toThrow();
  });
});

describe("the real spec", () => {
  it("dist/openapi.json has no unacknowledged breaking change against openapi/released/openapi.json", { timeout: 60_000 }, () => {
    const r = exec(process.execPath, [script, "--head", snapshotSpec().json], { cwd: root });
    expect(r.status, r.output).toBe(0);
  });
});
