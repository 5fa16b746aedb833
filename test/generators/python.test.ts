// A Python client generated from the published 3.1 spec with openapi-python-client
// (pinned, installed into .tmp/venv on first use): no generator warnings, the package
// compiles and imports, list-conversations / set-labels work against Prism, and a
// toggle reads back from the stateful simulator (src/mock, over HTTP).
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPrism, type PrismServer } from "../helpers/prism.js";
import { formatViolation } from "../../src/mock/contract.js";
import { startMockServer } from "../../src/mock/http-server.js";
import { exec } from "../package/helpers/package-build.js";
import { snapshotSpec } from "../package/helpers/spec-snapshot.js";
import { ensurePythonClient, PYTHON_CLIENT_VERSION, venvBin, warningLines } from "./helpers/tools.js";

const spec = snapshotSpec();
const execAsync = promisify(execFile);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "python-client-"));
const pkg = path.join(work, "chatwoot_client");
const python = path.join(venvBin, "python");
const env = { PATH: `${venvBin}:${process.env.PATH}`, PYTHONPATH: work, PYTHONDONTWRITEBYTECODE: "1" };
let cli: string;
let prism: PrismServer;

beforeAll(async () => {
  [cli, prism] = await Promise.all([Promise.resolve().then(ensurePythonClient), startPrism({ spec: spec.yamlRel })]);
}, 300_000);

afterAll(async () => {
  await prism?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe(`openapi-python-client ${PYTHON_CLIENT_VERSION}`, () => {
  it("generates a client from dist/openapi.json without a single warning", { timeout: 200_000 }, () => {
    // The command other teams run (README, "Generating your own client"). ruff (installed with the
    // generator) formats the output; it must be on PATH or the generator warns.
    const r = exec(
      cli,
      ["generate", "--path", spec.json, "--meta", "none", "--output-path", pkg, "--overwrite", "--fail-on-warning"],
      { cwd: work, env, timeout: 180_000 },
    );
    expect(r.status, r.output).toBe(0);
    expect(warningLines(r.output)).toEqual([]);
    for (const f of ["client.py", "api/conversations/list_conversations.py", "api/conversation_labels/set_conversation_labels.py"]) {
      expect(fs.existsSync(path.join(pkg, f)), f).toBe(true);
    }
  });

  it("compiles and imports", { timeout: 120_000 }, () => {
    const compile = exec(python, ["-W", "error", "-m", "compileall", "-q", pkg], { cwd: work, env });
    expect(compile.status, compile.output).toBe(0);
    const imp = exec(python, ["-W", "error", "-c", "import chatwoot_client, chatwoot_client.api.conversations.list_conversations, chatwoot_client.models; print('ok')"], {
      cwd: work,
      env,
    });
    expect(imp.stdout.trim(), imp.output).toBe("ok");
  });

  it("calls list-conversations and set-labels against Prism", { timeout: 90_000 }, () => {
    const script = path.join(work, "smoke.py");
    fs.writeFileSync(
      script,
      `import json, sys
from chatwoot_client import AuthenticatedClient
from chatwoot_client.api.conversations import list_conversations
from chatwoot_client.api.conversation_labels import set_conversation_labels
from chatwoot_client.models import ConversationListResponse, ConversationLabels, SetConversationLabelsRequest, ConversationStatusFilter

client = AuthenticatedClient(base_url=sys.argv[1], token="test-token", prefix="", auth_header_name="api_access_token", raise_on_unexpected_status=True)
with client:
    r = list_conversations.sync_detailed(1, client=client, status=ConversationStatusFilter.OPEN, labels=["vip", "billing"])
    assert isinstance(r.parsed, ConversationListResponse), (int(r.status_code), r.content[:500])
    l = set_conversation_labels.sync_detailed(1, 7, client=client, body=SetConversationLabelsRequest(labels=["vip", "billing"]))
    assert isinstance(l.parsed, ConversationLabels), (int(l.status_code), l.content[:500])
    first = r.parsed.data.payload[0]
    print(json.dumps({"listStatus": int(r.status_code), "conversations": len(r.parsed.data.payload), "firstId": first.id, "labelsStatus": int(l.status_code), "labels": l.parsed.payload}))
`,
    );
    const r = exec(python, ["-W", "error::DeprecationWarning", script, prism.url], { cwd: work, env, timeout: 60_000 });
    expect(r.status, `${r.output}\n--- prism ---\n${prism.output().slice(-3000)}`).toBe(0);
    const result = JSON.parse(r.stdout.trim().split("\n").at(-1)!);
    expect(result).toMatchObject({ listStatus: 200, labelsStatus: 200 });
    expect(result.conversations).toBeGreaterThan(0);
    expect(typeof result.firstId).toBe("number");
    expect(Array.isArray(result.labels)).toBe(true);
  });

  it("runs a stateful round trip against the simulator: toggle, then read back", { timeout: 90_000 }, async () => {
    const script = path.join(work, "roundtrip.py");
    fs.writeFileSync(
      script,
      `import json, sys
from chatwoot_client import AuthenticatedClient
from chatwoot_client.api.conversations import list_conversations, toggle_conversation_status, get_conversation
from chatwoot_client.models import ConversationListResponse, ConversationStatus, ConversationStatusFilter, ToggleStatusRequest, ToggleStatusResponse, Conversation

client = AuthenticatedClient(base_url=sys.argv[1], token="sim-admin-token", prefix="", auth_header_name="api_access_token", raise_on_unexpected_status=True)
with client:
    listed = list_conversations.sync_detailed(1, client=client, status=ConversationStatusFilter.OPEN)
    assert isinstance(listed.parsed, ConversationListResponse), (int(listed.status_code), listed.content[:500])
    target = listed.parsed.data.payload[0].id
    toggled = toggle_conversation_status.sync_detailed(1, target, client=client, body=ToggleStatusRequest(status=ConversationStatus.SNOOZED))
    assert isinstance(toggled.parsed, ToggleStatusResponse), (int(toggled.status_code), toggled.content[:500])
    read = get_conversation.sync_detailed(1, target, client=client)
    assert isinstance(read.parsed, Conversation), (int(read.status_code), read.content[:500])
    print(json.dumps({"id": target, "before": "open", "toggled": toggled.parsed.payload.current_status.value, "readBack": read.parsed.status.value}))
`,
    );
    const server = await startMockServer({ validate: "collect" });
    try {
      // Asynchronously: the simulator answers from this process.
      const r = await execAsync(python, ["-W", "error::DeprecationWarning", script, server.url], { cwd: work, env: { ...process.env, ...env }, timeout: 60_000 });
      const result = JSON.parse(r.stdout.trim().split("\n").at(-1)!);
      expect(result).toMatchObject({ toggled: "snoozed", readBack: "snoozed" });
      expect(server.takeViolations().map(formatViolation)).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
