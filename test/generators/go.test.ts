// A Go client generated with oapi-codegen (pinned; built with `go install` into
// .tmp/go/bin on first use). oapi-codegen reads OpenAPI 3.0 only, so it gets the 3.0
// rendition (scripts/openapi30.mjs, shipped as chatwoot-conversations/openapi-3.0.json):
// no generator warnings, `go vet` + `go build` pass, and list-conversations / set-labels
// work against Prism (which serves the original 3.1 spec), and a toggle reads back
// from the stateful simulator (src/mock, over HTTP).
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error -- plain .mjs script without type declarations
import { writeOpenApi30 } from "../../scripts/openapi30.mjs";
import { startPrism, type PrismServer } from "../helpers/prism.js";
import { formatViolation } from "../../src/mock/contract.js";
import { startMockServer } from "../../src/mock/http-server.js";
import { exec } from "../package/helpers/package-build.js";
import { snapshotSpec } from "../package/helpers/spec-snapshot.js";
import { ensureOapiCodegen, goEnv, OAPI_CODEGEN_VERSION, OAPI_RUNTIME_VERSION, warningLines } from "./helpers/tools.js";

const spec = snapshotSpec();
const execAsync = promisify(execFile);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "go-client-"));
let codegen: string;
let prism: PrismServer;
const go = (args: string[], timeout = 240_000) => exec("go", args, { cwd: work, env: goEnv, timeout });

beforeAll(async () => {
  [codegen, prism] = await Promise.all([Promise.resolve().then(ensureOapiCodegen), startPrism({ spec: spec.yamlRel })]);
  writeOpenApi30({ input: spec.json, outDir: work });
}, 300_000);

afterAll(async () => {
  await prism?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});


/** A Go program using the generated client `c` (authenticated with `token`, base URL from argv); `body` goes on in main(). */
function goProgram(token: string, body: string): string {
  return `package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"

	"example.com/chatwootsmoke/chatwoot"
)

func main() {
	ctx := context.Background()
	auth := chatwoot.WithRequestEditorFn(func(ctx context.Context, req *http.Request) error {
		req.Header.Set("api_access_token", ${JSON.stringify(token)})
		return nil
	})
	c, err := chatwoot.NewClientWithResponses(os.Args[1], auth)
	if err != nil {
		panic(err)
	}
${body}`;
}

describe(`oapi-codegen ${OAPI_CODEGEN_VERSION}`, () => {
  it("generates types and a client from openapi-3.0.yaml without a single warning", { timeout: 150_000 }, () => {
    fs.mkdirSync(path.join(work, "chatwoot"));
    fs.writeFileSync(
      path.join(work, "oapi-codegen.yaml"),
      "package: chatwoot\noutput: chatwoot/client.gen.go\ngenerate:\n  models: true\n  client: true\n",
    );
    // The command other teams run (README, "Generating your own client").
    const r = exec(codegen, ["-config", "oapi-codegen.yaml", "openapi-3.0.yaml"], { cwd: work, env: goEnv, timeout: 120_000 });
    expect(r.status, r.output).toBe(0);
    expect(r.output.trim()).toBe("");
    expect(warningLines(r.output)).toEqual([]);
    const code = fs.readFileSync(path.join(work, "chatwoot", "client.gen.go"), "utf8");
    expect(code).toMatch(/func \(c \*ClientWithResponses\) ListConversationsWithResponse\(/);
    expect(code).toMatch(/func \(c \*ClientWithResponses\) SetConversationLabelsWithResponse\(/);
  });

  it("the 3.1 spec itself is rejected by oapi-codegen (why the 3.0 rendition exists)", { timeout: 150_000 }, () => {
    const r = exec(codegen, ["-generate", "types", "-package", "chatwoot", spec.json], { cwd: work, env: goEnv, timeout: 120_000 });
    expect(r.output).toMatch(/error/i);
  });

  it("builds (go vet) and calls list-conversations and set-labels against Prism", { timeout: 300_000 }, () => {
    fs.writeFileSync(path.join(work, "go.mod"), "module example.com/chatwootsmoke\n\ngo 1.22\n");
    fs.writeFileSync(
      path.join(work, "main.go"),
      goProgram("test-token", `	status := chatwoot.Status("open")
	labelsFilter := chatwoot.Labels{"vip", "billing"}
	list, err := c.ListConversationsWithResponse(ctx, 1, &chatwoot.ListConversationsParams{Status: &status, Labels: &labelsFilter})
	if err != nil {
		panic(err)
	}
	if list.JSON200 == nil {
		fmt.Fprintf(os.Stderr, "list: HTTP %d %s\\n", list.StatusCode(), list.Body)
		os.Exit(1)
	}
	labels, err := c.SetConversationLabelsWithResponse(ctx, 1, 7, chatwoot.SetConversationLabelsJSONRequestBody{Labels: []chatwoot.LabelTitle{"vip", "billing"}})
	if err != nil {
		panic(err)
	}
	if labels.JSON200 == nil {
		fmt.Fprintf(os.Stderr, "labels: HTTP %d %s\\n", labels.StatusCode(), labels.Body)
		os.Exit(1)
	}
	first := 0
	if len(list.JSON200.Data.Payload) > 0 {
		first = list.JSON200.Data.Payload[0].Id
	}
	out, _ := json.Marshal(map[string]any{
		"listStatus":    list.StatusCode(),
		"conversations": len(list.JSON200.Data.Payload),
		"firstId":       first,
		"labelsStatus":  labels.StatusCode(),
		"labels":        labels.JSON200.Payload,
	})
	fmt.Println(string(out))
}
`),
    );
    const get = go(["get", `github.com/oapi-codegen/runtime@${OAPI_RUNTIME_VERSION}`]);
    expect(get.status, get.output).toBe(0);
    const tidy = go(["mod", "tidy"]);
    expect(tidy.status, tidy.output).toBe(0);
    const vet = go(["vet", "./..."]);
    expect(vet.status, vet.output).toBe(0);
    const build = go(["build", "-o", "smoke", "."]);
    expect(build.status, build.output).toBe(0);

    const r = exec(path.join(work, "smoke"), [prism.url], { cwd: work, timeout: 60_000 });
    expect(r.status, `${r.output}\n--- prism ---\n${prism.output().slice(-3000)}`).toBe(0);
    const result = JSON.parse(r.stdout.trim());
    expect(result).toMatchObject({ listStatus: 200, labelsStatus: 200 });
    expect(result.conversations).toBeGreaterThan(0);
    expect(result.firstId).toBeGreaterThan(0);
    expect(Array.isArray(result.labels)).toBe(true);
  });

  it("runs a stateful round trip against the simulator: toggle, then read back", { timeout: 300_000 }, async () => {
    // Uses the module, client and dependencies of the previous test.
    fs.mkdirSync(path.join(work, "roundtrip"));
    fs.writeFileSync(
      path.join(work, "roundtrip", "main.go"),
      goProgram("sim-admin-token", `	status := chatwoot.Status("open")
	list, err := c.ListConversationsWithResponse(ctx, 1, &chatwoot.ListConversationsParams{Status: &status})
	if err != nil || list.JSON200 == nil || len(list.JSON200.Data.Payload) == 0 {
		fmt.Fprintf(os.Stderr, "list: %v %s\\n", err, list.Body)
		os.Exit(1)
	}
	id := list.JSON200.Data.Payload[0].Id
	pending := chatwoot.ConversationStatusPending
	toggled, err := c.ToggleConversationStatusWithResponse(ctx, 1, id, chatwoot.ToggleConversationStatusJSONRequestBody{Status: &pending})
	if err != nil || toggled.JSON200 == nil {
		fmt.Fprintf(os.Stderr, "toggle: %v %s\\n", err, toggled.Body)
		os.Exit(1)
	}
	read, err := c.GetConversationWithResponse(ctx, 1, id)
	if err != nil || read.JSON200 == nil {
		fmt.Fprintf(os.Stderr, "get: %v %s\\n", err, read.Body)
		os.Exit(1)
	}
	out, _ := json.Marshal(map[string]any{"id": id, "toggled": toggled.JSON200.Payload.CurrentStatus, "readBack": read.JSON200.Status})
	fmt.Println(string(out))
}
`),
    );
    const build = go(["build", "-o", "roundtrip-bin", "./roundtrip"]);
    expect(build.status, build.output).toBe(0);
    const server = await startMockServer({ validate: "collect" });
    try {
      // Asynchronously: the simulator answers from this process.
      const r = await execAsync(path.join(work, "roundtrip-bin"), [server.url], { cwd: work, timeout: 60_000 });
      expect(JSON.parse(r.stdout.trim())).toMatchObject({ toggled: "pending", readBack: "pending" });
      expect(server.takeViolations().map(formatViolation)).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
