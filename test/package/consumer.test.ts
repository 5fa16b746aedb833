// Installs the packed tarball, offline, into a fresh project OUTSIDE the repository
// (so nothing resolves through the repo's node_modules) and uses it the way people do:
// `import` (.mjs), `require` (.cjs), TypeScript under nodenext and bundler resolution,
// and the spec subpath exports.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPrism, type PrismServer } from "../helpers/prism.js";
import { bin, exec, packageBuild, root, type PackageBuild } from "./helpers/package-build.js";
import { snapshotSpec } from "./helpers/spec-snapshot.js";

let build: PackageBuild;
let project: string;
let prism: PrismServer;
let installLog = "";

function write(file: string, text: string) {
  fs.mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
  fs.writeFileSync(path.join(project, file), text);
}

function node(file: string, ...args: string[]) {
  const r = exec(process.execPath, [file, ...args], { cwd: project, timeout: 60_000 });
  expect(r.status, r.output).toBe(0);
  return JSON.parse(r.stdout.trim().split("\n").at(-1)!) as Record<string, unknown>;
}

beforeAll(async () => {
  [build, prism] = await Promise.all([packageBuild(), startPrism({ spec: snapshotSpec().yamlRel })]);
  project = fs.mkdtempSync(path.join(os.tmpdir(), "chatwoot-consumer-"));
  write("package.json", JSON.stringify({ name: "consumer", version: "1.0.0", private: true }, null, 2));
  const args = ["install", "--no-audit", "--no-fund", "--no-package-lock", build.tarball];
  let r = exec("npm", [...args, "--offline"], { cwd: project, timeout: 120_000 });
  installLog = r.output;
  if (r.status !== 0) {
    // Not everything in the local cache: allow the registry, but prefer the cache.
    console.warn(`npm install --offline failed, retrying with --prefer-offline:\n${r.output}`);
    r = exec("npm", [...args, "--prefer-offline"], { cwd: project, timeout: 180_000 });
    installLog += r.output;
  }
  expect(r.status, installLog).toBe(0);
}, 300_000);

afterAll(async () => {
  await prism?.stop();
  if (project) fs.rmSync(project, { recursive: true, force: true });
});

describe("installed from the tarball", () => {
  it("installs with its one dependency", () => {
    const installed = JSON.parse(fs.readFileSync(path.join(project, "node_modules", "chatwoot-conversations", "package.json"), "utf8"));
    expect(installed.name).toBe("chatwoot-conversations");
    expect(fs.existsSync(path.join(project, "node_modules", "openapi-fetch", "package.json"))).toBe(true);
    // Nothing of the source tree came along.
    expect(fs.existsSync(path.join(project, "node_modules", "chatwoot-conversations", "src"))).toBe(false);
  });

  it("works with import (ESM): errors are instances of the exported classes, a real call succeeds", { timeout: 60_000 }, () => {
    write(
      "esm.mjs",
      `import { createChatwootClient, InvalidRequestError, ChatwootError } from "chatwoot-conversations";
import spec from "chatwoot-conversations/openapi.json" with { type: "json" };
let caught;
try { createChatwootClient({}); } catch (err) { caught = err; }
const client = createChatwootClient({ baseUrl: process.argv[2], apiAccessToken: "test-token", accountId: 1 });
const page = await client.conversations.list({ status: "open" });
console.log(JSON.stringify({
  resolved: import.meta.resolve("chatwoot-conversations"),
  isInvalidRequest: caught instanceof InvalidRequestError,
  isChatwootError: caught instanceof ChatwootError,
  isError: caught instanceof Error,
  name: caught?.name,
  openapi: spec.openapi,
  operations: Object.values(spec.paths).flatMap((item) => Object.values(item)).filter((op) => op && op.operationId).length,
  payloadIsArray: Array.isArray(page.payload),
  hasMeta: typeof page.meta === "object" && page.meta !== null,
}));
`,
    );
    const out = node("esm.mjs", prism.url);
    expect(out).toMatchObject({
      isInvalidRequest: true,
      isChatwootError: true,
      isError: true,
      name: "InvalidRequestError",
      openapi: "3.1.0",
      payloadIsArray: true,
      hasMeta: true,
    });
    expect(out.resolved).toMatch(/node_modules\/chatwoot-conversations\/dist\/index\.js$/);
    expect(out.operations).toBeGreaterThan(0);
  });

  it("works with require (CJS): errors are instances of the exported classes", () => {
    write(
      "cjs.cjs",
      `const { createChatwootClient, InvalidRequestError, ChatwootError } = require("chatwoot-conversations");
const spec = require("chatwoot-conversations/openapi.json");
const spec30 = require("chatwoot-conversations/openapi-3.0.json");
let caught;
try { createChatwootClient({}); } catch (err) { caught = err; }
console.log(JSON.stringify({
  resolved: require.resolve("chatwoot-conversations"),
  isInvalidRequest: caught instanceof InvalidRequestError,
  isChatwootError: caught instanceof ChatwootError,
  isError: caught instanceof Error,
  name: caught && caught.name,
  openapi: spec.openapi,
  openapi30: spec30.openapi,
  yaml: require("node:fs").readFileSync(require.resolve("chatwoot-conversations/openapi.yaml"), "utf8").startsWith("openapi: 3.1"),
}));
`,
    );
    const out = node("cjs.cjs");
    expect(out).toMatchObject({
      isInvalidRequest: true,
      isChatwootError: true,
      isError: true,
      name: "InvalidRequestError",
      openapi: "3.1.0",
      openapi30: "3.0.3",
      yaml: true,
    });
    expect(out.resolved).toMatch(/node_modules\/chatwoot-conversations\/dist\/index\.cjs$/);
  });

  it("does not expose files outside the exports map", () => {
    write(
      "deep.cjs",
      `let code; try { require("chatwoot-conversations/dist/index.cjs"); } catch (err) { code = err.code; }
console.log(JSON.stringify({ code }));`,
    );
    expect(node("deep.cjs")).toEqual({ code: "ERR_PACKAGE_PATH_NOT_EXPORTED" });
  });

  const consumerTs = `import { createChatwootClient, InvalidRequestError, type ChatwootClient, type ChatwootClientOptions, type Conversation, type ConversationPage } from "chatwoot-conversations";

const options: ChatwootClientOptions = { baseUrl: "https://app.chatwoot.com", apiAccessToken: "token", accountId: 1 };
const client: ChatwootClient = createChatwootClient(options);

export async function firstOpen(): Promise<Conversation | undefined> {
  const page: ConversationPage = await client.conversations.list({ status: "open" });
  const first = page.payload[0];
  if (first) {
    const id: number = first.id;
    await client.conversations.labels.set(id, ["vip"]);
  }
  return first;
}

export function isBadInput(err: unknown): boolean {
  return err instanceof InvalidRequestError && typeof err.param === "string";
}

// The declarations are real types, not \`any\`: each line below must be an error.
// @ts-expect-error accountId is a number
createChatwootClient({ baseUrl: "https://app.chatwoot.com", apiAccessToken: "token", accountId: "1" });
// @ts-expect-error no such status
void client.conversations.list({ status: "archived" });
// @ts-expect-error no such method
void client.conversations.nonexistent();
`;

  const specTs = `import spec from "chatwoot-conversations/openapi.json" with { type: "json" };\nexport const version: string = spec.openapi;\n`;

  const typeChecks = [
    {
      label: "module/moduleResolution nodenext, ESM (.mts) and CJS (.cts) consumers",
      dir: "ts-nodenext",
      compilerOptions: { module: "nodenext", moduleResolution: "nodenext" },
      // .mts resolves through the "import" condition (index.d.ts), .cts through "require" (index.d.cts).
      files: { "consumer.mts": consumerTs, "consumer.cts": consumerTs, "spec.mts": specTs },
    },
    {
      label: "module esnext + moduleResolution bundler",
      dir: "ts-bundler",
      compilerOptions: { module: "esnext", moduleResolution: "bundler" },
      files: { "consumer.ts": consumerTs, "spec.ts": specTs },
    },
  ];

  for (const { label, dir, compilerOptions, files } of typeChecks) {
    it(`type-checks a TypeScript consumer (${label})`, { timeout: 180_000 }, () => {
      for (const [name, text] of Object.entries(files)) write(`${dir}/${name}`, text);
      write(
        `${dir}/tsconfig.json`,
        JSON.stringify(
          {
            compilerOptions: {
              ...compilerOptions,
              target: "es2022",
              lib: ["es2022", "dom"],
              types: [],
              strict: true,
              noEmit: true,
              skipLibCheck: false,
              resolveJsonModule: true,
            },
            files: Object.keys(files),
          },
          null,
          2,
        ),
      );
      const r = exec(bin("tsc"), ["-p", path.join(project, dir, "tsconfig.json"), "--traceResolution"], {
        cwd: path.join(project, dir),
        timeout: 120_000,
      });
      const errors = r.output.split("\n").filter((l) => /error TS\d+/.test(l));
      expect(errors).toEqual([]);
      expect(r.status).toBe(0);
      // The declarations that were actually used.
      const resolved = [...r.output.matchAll(/Module name 'chatwoot-conversations' was successfully resolved to '([^']+)'/g)].map((m) => path.basename(m[1]!));
      expect(new Set(resolved)).toEqual(new Set(dir === "ts-nodenext" ? ["index.d.ts", "index.d.cts"] : ["index.d.ts"]));
    });
  }

  it("the TypeScript check fails on a type error (it is not vacuous)", { timeout: 120_000 }, () => {
    write("ts-negative/consumer.ts", `import { createChatwootClient } from "chatwoot-conversations";\nconst n: string = createChatwootClient;\n`);
    write(
      "ts-negative/tsconfig.json",
      JSON.stringify({ compilerOptions: { module: "nodenext", moduleResolution: "nodenext", lib: ["es2022", "dom"], types: [], strict: true, noEmit: true }, files: ["consumer.ts"] }),
    );
    const r = exec(bin("tsc"), ["-p", path.join(project, "ts-negative", "tsconfig.json")], { cwd: project });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain("TS2322");
  });
});

void root;
