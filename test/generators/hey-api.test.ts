// Other teams regenerate their own TypeScript client from the published spec with
// @hey-api/openapi-ts (0.80.16, the last release for Node 20) and its fetch client.
// This runs exactly the documented command (README, "Generating your own client"), type-checks the output
// with strict tsc, and calls two operations through it against a Prism mock.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPrism, type PrismServer } from "../helpers/prism.js";
import { typescriptSnippets, usesGeneratedClient } from "../helpers/readme.js";
import { bin, exec, root } from "../package/helpers/package-build.js";
import { snapshotSpec } from "../package/helpers/spec-snapshot.js";

const spec = snapshotSpec();
const work = fs.mkdtempSync(path.join(os.tmpdir(), "hey-api-"));
const out = path.join(work, "src", "chatwoot");
let prism: PrismServer;
let generateOutput = "";

beforeAll(async () => {
  prism = await startPrism({ spec: spec.yamlRel });
}, 60_000);

afterAll(async () => {
  await prism?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

describe("@hey-api/openapi-ts client", () => {
  it("generates from dist/openapi.json without warnings", { timeout: 150_000 }, () => {
    const version = exec(bin("openapi-ts"), ["--version"], { cwd: root });
    expect(version.stdout.trim()).toBe("0.80.16");
    // The command from the README (a relative input needs the ./ prefix: a bare
    // "dist/openapi.json" is read as a Hey API registry shorthand "org/project"). The input
    // is a snapshot of dist/openapi.json (see spec-snapshot.ts).
    const r = exec(bin("openapi-ts"), ["-i", `./${spec.jsonRel}`, "-o", out, "-c", "@hey-api/client-fetch", "--no-log-file"], {
      cwd: root,
      timeout: 120_000,
    });
    generateOutput = r.output;
    expect(r.status, r.output).toBe(0);
    const lines = r.output.split("\n").filter((l) => /warn|⚠|deprecat|unsupported|skipp/i.test(l));
    expect(lines).toEqual([]);
    for (const f of ["index.ts", "sdk.gen.ts", "types.gen.ts", "client.gen.ts"]) expect(fs.existsSync(path.join(out, f)), f).toBe(true);
    const sdk = fs.readFileSync(path.join(out, "sdk.gen.ts"), "utf8");
    expect(sdk).toMatch(/export const listConversations\b/);
    expect(sdk).toMatch(/export const setConversationLabels\b/);
  });

  it("type-checks (strict) and calls listConversations and setConversationLabels against Prism", { timeout: 240_000 }, () => {
    expect(generateOutput, "generation must run first").not.toBe("");
    fs.writeFileSync(path.join(work, "package.json"), JSON.stringify({ type: "module", private: true }));
    fs.writeFileSync(
      path.join(work, "src", "main.ts"),
      `import { createClient } from "./chatwoot/client/index.js";
import { listConversations, setConversationLabels, type ConversationListResponse, type ConversationLabels } from "./chatwoot/index.js";

declare const process: { argv: string[] };
const client = createClient({ baseUrl: process.argv[2]!, auth: () => "test-token" });

const list = await listConversations({ client, path: { account_id: 1 }, query: { status: "open", "labels[]": ["vip"] } });
if (!list.data) throw new Error(\`listConversations: HTTP \${list.response.status} \${JSON.stringify(list.error)}\`);
const page: ConversationListResponse = list.data;

const labels = await setConversationLabels({ client, path: { account_id: 1, conversation_id: 7 }, body: { labels: ["vip", "billing"] } });
if (!labels.data) throw new Error(\`setConversationLabels: HTTP \${labels.response.status} \${JSON.stringify(labels.error)}\`);
const set: ConversationLabels = labels.data;

// The generated types are strict: these must be errors.
// @ts-expect-error labels must be strings
void setConversationLabels({ client, path: { account_id: 1, conversation_id: 7 }, body: { labels: [5] } });
// @ts-expect-error account_id is required
void listConversations({ client, path: {} });

console.log(JSON.stringify({ listStatus: list.response.status, conversations: page.data.payload.length, firstId: page.data.payload[0]?.id, labelsStatus: labels.response.status, labels: set.payload }));
`,
    );
    // The README's snippet for this generated client compiles against it too.
    const readmeSnippet = typescriptSnippets().find(usesGeneratedClient);
    expect(readmeSnippet, "README has a snippet for the generated client").toBeDefined();
    fs.writeFileSync(
      path.join(work, "src", "readme-snippet.ts"),
      `declare const process: { env: Record<string, string | undefined> };\n${readmeSnippet!.code}\nexport {};\n`,
    );
    fs.writeFileSync(
      path.join(work, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          lib: ["ES2022", "DOM", "DOM.Iterable"],
          types: [],
          strict: true,
          noUncheckedIndexedAccess: true,
          skipLibCheck: false,
          outDir: "out",
          rootDir: "src",
        },
        include: ["src"],
      }),
    );
    const tsc = exec(bin("tsc"), ["-p", work], { cwd: work, timeout: 180_000 });
    expect(tsc.output.trim()).toBe("");
    expect(tsc.status).toBe(0);

    const run = exec(process.execPath, [path.join(work, "out", "main.js"), prism.url], { cwd: work, timeout: 60_000 });
    expect(run.status, `${run.output}\n--- prism ---\n${prism.output().slice(-3000)}`).toBe(0);
    const result = JSON.parse(run.stdout.trim());
    expect(result).toMatchObject({ listStatus: 200, labelsStatus: 200 });
    expect(result.conversations).toBeGreaterThan(0);
    expect(typeof result.firstId).toBe("number");
    expect(Array.isArray(result.labels)).toBe(true);
  });
});
