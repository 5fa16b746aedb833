// TypeScript consumers of the packed tarball: the same program type-checked
// under `nodenext` (as .mts and .cts) and `bundler` resolution, then run:
// nodenext compiled by tsc and run by node (ESM and CJS), bundler bundled by
// esbuild. Each run creates a client and makes a real call to a local
// node:http server, printing what it parsed.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONSUMER_TOKEN, expectedResult, startApiServer, type ApiServer } from "./helpers/api-server.js";
import { installTarball, type ConsumerProject } from "./helpers/consumer-project.js";
import { bin, exec, packageBuild } from "./helpers/package-build.js";

let project: ConsumerProject;
let api: ApiServer;

beforeAll(async () => {
  const [build, server] = await Promise.all([packageBuild(), startApiServer()]);
  api = server;
  project = installTarball(build.tarball, "chatwoot-ts-consumer-");
}, 300_000);

afterAll(async () => {
  await api?.close();
  project?.remove();
});

const consumerTs = `import { createChatwootClient, InvalidRequestError, type ChatwootClient, type ChatwootClientOptions, type Conversation, type ConversationPage } from "chatwoot-conversations";

// The consumer has no @types/node: declare the one global it reads.
declare const process: { argv: string[] };

const options: ChatwootClientOptions = { baseUrl: process.argv[2] ?? "", apiAccessToken: ${JSON.stringify(CONSUMER_TOKEN)}, accountId: 1, maxRetries: 0 };
const client: ChatwootClient = createChatwootClient(options);

export async function openPage(): Promise<{ ids: number[]; allCount: number }> {
  const page: ConversationPage = await client.conversations.list({ status: "open" });
  const first: Conversation | undefined = page.payload[0];
  const ids: number[] = page.payload.map((c) => c.id);
  return { ids: first ? ids : [], allCount: page.meta.all_count };
}

export function isBadInput(err: unknown): boolean {
  return err instanceof InvalidRequestError && typeof err.param === "string";
}

openPage().then((result) => console.log(JSON.stringify(result)));

// The declarations are real types, not \`any\`: each line below must be an error.
// @ts-expect-error accountId is a number
void (() => createChatwootClient({ baseUrl: "https://app.chatwoot.com", apiAccessToken: "token", accountId: "1" }));
// @ts-expect-error no such status
void (() => client.conversations.list({ status: "archived" }));
// @ts-expect-error no such method
void (() => client.conversations.nonexistent());
`;

const specTs = `import spec from "chatwoot-conversations/openapi.json" with { type: "json" };\nexport const version: string = spec.openapi;\n`;

function tsconfig(compilerOptions: Record<string, unknown>, files: string[], emit: boolean) {
  return JSON.stringify(
    {
      compilerOptions: {
        ...compilerOptions,
        target: "es2022",
        lib: ["es2022", "dom"],
        types: [],
        strict: true,
        skipLibCheck: false,
        resolveJsonModule: true,
        ...(emit ? { outDir: "out" } : { noEmit: true }),
      },
      files,
    },
    null,
    2,
  );
}

/** Type-checks (or compiles) a directory; returns the declaration files it resolved the package to. */
function tsc(dir: string): string[] {
  const r = exec(bin("tsc"), ["-p", path.join(project.dir, dir, "tsconfig.json"), "--traceResolution"], { cwd: path.join(project.dir, dir), timeout: 120_000 });
  expect(r.output.split("\n").filter((l) => /error TS\d+/.test(l))).toEqual([]);
  expect(r.status).toBe(0);
  return [...r.output.matchAll(/Module name 'chatwoot-conversations' was successfully resolved to '([^']+)'/g)].map((m) => path.basename(m[1]!));
}

describe("TypeScript consumers of the tarball", () => {
  it("nodenext: .mts and .cts type-check against index.d.ts / index.d.cts, compile, and both make the call", { timeout: 180_000 }, async () => {
    const files = { "consumer.mts": consumerTs, "consumer.cts": consumerTs, "spec.mts": specTs };
    for (const [name, text] of Object.entries(files)) project.write(`ts-nodenext/${name}`, text);
    project.write("ts-nodenext/tsconfig.json", tsconfig({ module: "nodenext", moduleResolution: "nodenext" }, Object.keys(files), true));
    expect(new Set(tsc("ts-nodenext"))).toEqual(new Set(["index.d.ts", "index.d.cts"]));
    const before = api.requests.length;
    expect(await project.node("ts-nodenext/out/consumer.mjs", api.url)).toEqual(expectedResult());
    expect(await project.node("ts-nodenext/out/consumer.cjs", api.url)).toEqual(expectedResult());
    expect(api.requests.slice(before).map((r) => `${r.method} ${r.url} ${r.token}`)).toEqual(
      Array(2).fill(`GET /api/v1/accounts/1/conversations?status=open ${CONSUMER_TOKEN}`),
    );
  });

  it("bundler: type-checks against index.d.ts, bundles with esbuild, and the bundle makes the call", { timeout: 180_000 }, async () => {
    project.write("ts-bundler/consumer.ts", consumerTs);
    project.write("ts-bundler/spec.ts", specTs);
    project.write("ts-bundler/tsconfig.json", tsconfig({ module: "esnext", moduleResolution: "bundler" }, ["consumer.ts", "spec.ts"], false));
    expect(new Set(tsc("ts-bundler"))).toEqual(new Set(["index.d.ts"]));
    const bundled = exec(bin("esbuild"), ["ts-bundler/consumer.ts", "--bundle", "--platform=node", "--format=esm", "--outfile=ts-bundler/out.mjs", "--log-level=warning"], {
      cwd: project.dir,
    });
    expect(bundled.status, bundled.output).toBe(0);
    const before = api.requests.length;
    expect(await project.node("ts-bundler/out.mjs", api.url)).toEqual(expectedResult());
    expect(api.requests.slice(before)).toHaveLength(1);
  });

  it("the TypeScript check fails on a type error (it is not vacuous)", { timeout: 120_000 }, async () => {
    project.write("ts-negative/consumer.ts", `import { createChatwootClient } from "chatwoot-conversations";\nconst n: string = createChatwootClient;\n`);
    project.write(
      "ts-negative/tsconfig.json",
      JSON.stringify({ compilerOptions: { module: "nodenext", moduleResolution: "nodenext", lib: ["es2022", "dom"], types: [], strict: true, noEmit: true }, files: ["consumer.ts"] }),
    );
    const r = exec(bin("tsc"), ["-p", path.join(project.dir, "ts-negative", "tsconfig.json")], { cwd: project.dir });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain("TS2322");
  });
});
