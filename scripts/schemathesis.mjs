// `npm run fuzz`: schemathesis (pinned, from PyPI, in the venv .tmp/schemathesis that
// scripts/ensure-tools.sh creates) generates requests for every operation of
// dist/openapi.json, sends them to the mock server, and checks each answer against the
// spec: no 5xx, documented status codes, content types, headers and response schemas.
// Its stateful phase follows the spec's `links` (create a conversation, then get,
// toggle and label it, add participants and messages; create a label, then get, update
// and delete it). scripts/schemathesis.toml holds what is a fact about the simulator
// (its account id).
//
//   node scripts/schemathesis.mjs                 starts the simulator (`npm run mock`) on a free port, fuzzes it, stops it
//   node scripts/schemathesis.mjs --static        the same against Prism (`npm run mock -- --static`)
//   node scripts/schemathesis.mjs --url URL       fuzzes a simulator that is already running (--static: a Prism)
//   node scripts/schemathesis.mjs --spec FILE     checks against another spec (the test's self-check)
//   … -- <st options>                             anything after `--` goes to `st run` as is
//
// Bounded: at most MAX_EXAMPLES cases per operation and phase, a fixed seed (the same run
// every time), and a hard stop after HARD_LIMIT_S. A failure is a defect of the spec or of
// the mock server: fix that, never these settings. Exit status: st's (0 = no failure).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { SCHEMATHESIS, ensureTools, root } from "./tools.mjs";

export const CHECKS = [
  "not_a_server_error",
  "status_code_conformance",
  "content_type_conformance",
  "response_headers_conformance",
  "response_schema_conformance",
];
export const MAX_EXAMPLES = 10;
export const SEED = 20261128;
const HARD_LIMIT_S = 240;

// The servers schemathesis can talk to (`npm run mock` and its flags). The stateful
// simulator is the target: it answers like Chatwoot, invalid requests included, so every
// kind of request is generated (--mode all). Prism (--static, examples from the spec)
// validates requests itself and answers invalid ones with its own 422, which no Chatwoot
// server sends, so against Prism only valid requests (--mode positive) say anything.
export const TARGETS = {
  simulator: { mockArgs: [], token: "sim-admin-token", mode: "all", label: "npm run mock (the stateful simulator)" },
  static: { mockArgs: ["--static"], token: "schemathesis", mode: "positive", label: "npm run mock -- --static (Prism, examples from the spec)" },
};
const CONFIG = path.join(root, "scripts", "schemathesis.toml");

export function stArgs({ spec, url, target = TARGETS.simulator, extra = [] }) {
  return [
    "--config-file",
    CONFIG,
    "run",
    spec,
    "--url",
    url,
    "--header",
    `api_access_token: ${target.token}`,
    "--checks",
    CHECKS.join(","),
    "--mode",
    target.mode,
    "--phases",
    "examples,coverage,fuzzing,stateful",
    "--max-examples",
    String(MAX_EXAMPLES),
    "--seed",
    String(SEED),
    "--workers",
    "1",
    "--request-timeout",
    "10",
    "--report",
    "junit",
    "--report-dir",
    path.join(root, "artifacts", "schemathesis"),
    ...extra,
  ];
}

/** Starts scripts/mock.mjs on a free loopback port; resolves once it says "ready on <url>". */
export function startMock(args = TARGETS.simulator.mockArgs) {
  const child = spawn(process.execPath, [path.join(root, "scripts", "mock.mjs"), "--port", "0", "--host", "127.0.0.1", ...args], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
      child.once("exit", resolve);
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => stop().then(() => reject(new Error(`mock not ready in 60 s:\n${log}`))), 60_000);
    const onData = (chunk) => {
      log += chunk;
      const url = /ready on (http:\/\/\S+)/.exec(log)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, stop, output: () => log });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk) => (log += chunk));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`mock exited (${code}) before it was ready:\n${log}`));
    });
  });
}

/** Runs `st run`, passing its output through; resolves with its exit status. */
export function runSchemathesis(args, { onOutput = (s) => process.stdout.write(s) } = {}) {
  // cwd .tmp: st keeps a cache directory (.schemathesis/) in its working directory.
  fs.mkdirSync(path.join(root, ".tmp"), { recursive: true });
  const child = spawn(SCHEMATHESIS, args, { cwd: path.join(root, ".tmp"), env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (c) => onOutput(String(c)));
  child.stderr.on("data", (c) => onOutput(String(c)));
  const timer = setTimeout(() => {
    onOutput(`\nschemathesis: still running after ${HARD_LIMIT_S} s, stopped\n`);
    child.kill("SIGKILL");
  }, HARD_LIMIT_S * 1000);
  return new Promise((resolve) =>
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? (signal ? 128 : 1));
    }),
  );
}

async function main() {
  const { values, positionals } = parseArgs({
    options: {
      url: { type: "string" },
      static: { type: "boolean", default: false },
      spec: { type: "string", default: path.join(root, "dist", "openapi.json") },
    },
    allowPositionals: true,
  });
  ensureTools("schemathesis");
  const target = values.static ? TARGETS.static : TARGETS.simulator;
  const mock = values.url ? undefined : await startMock(target.mockArgs);
  try {
    const url = values.url ?? mock.url;
    console.error(`schemathesis: ${path.relative(root, values.spec)} against ${values.url ? url : `${target.label} at ${url}`}`);
    return await runSchemathesis(stArgs({ spec: path.resolve(values.spec), url, target, extra: positionals }));
  } finally {
    await mock?.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => (process.exitCode = code),
    (error) => {
      console.error(`schemathesis: ${error.message}`);
      process.exitCode = 2;
    },
  );
}
