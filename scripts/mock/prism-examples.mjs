// `npm run mock -- --static` (or --dynamic): the whole API from the spec's
// examples (or data generated from its schemas), as before the simulator.
//
// Prism (static examples, or --dynamic data with a fixed seed) serves a
// snapshot of dist/openapi.yaml on a private loopback port; scripts/mock/front.mjs
// listens on the public address (default http://127.0.0.1:4010) and passes
// requests through. SIGINT/SIGTERM stop both, and the process exits 0.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { forEachLine } from "./lines.mjs";
import { banner, displayUrl } from "./banner.mjs";
import { createFrontServer } from "./front.mjs";
import { parseOptions, USAGE } from "./options.mjs";
import { ensureBundle, snapshotSpec } from "./spec.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(import.meta.url);
const log = (message) => process.stdout.write(`${message}\n`);
const fail = (message, code = 1) => {
  process.stderr.write(`mock: ${message}\n`);
  process.exit(code);
};

let options;
try {
  options = parseOptions();
} catch (error) {
  fail(`${error.message}\n\n${USAGE}`, 2);
}
if (options.help) {
  log(USAGE);
  process.exit(0);
}

let stopping = false;
let prism;
let prismPort;
let spec;
let tmp;
const front = createFrontServer({ upstreamPort: () => (prism && prism.exitCode === null && prism.signalCode === null ? prismPort : undefined) });

function cleanup() {
  spec?.stop();
  front.close();
  front.closeAllConnections();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}

async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  cleanup();
  if (prism && prism.exitCode === null && prism.signalCode === null) {
    const exited = new Promise((resolve) => prism.once("exit", resolve));
    prism.kill(signal);
    const timer = setTimeout(() => prism.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(timer);
  }
  log("mock server stopped");
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => void shutdown(signal));
// `npm run` starts us through `sh -c`, which dies on a SIGTERM sent to npm
// without passing it on: notice that we were orphaned and stop as well.
const parentAtStart = process.ppid;
setInterval(() => {
  if (process.ppid !== parentAtStart) void shutdown("SIGTERM");
}, 250).unref();

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// 1. The spec: bundled if stale, then a private snapshot Prism reads.
try {
  ensureBundle(root, log);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "chatwoot-mock-"));
  spec = snapshotSpec(path.join(root, "dist", "openapi.yaml"), path.join(tmp, "openapi.yaml"), {
    onReload: () => log("dist/openapi.yaml changed: the mock reloads it (requests wait meanwhile)"),
    onInvalid: () => log("dist/openapi.yaml changed but is not a complete spec: the mock keeps the previous one"),
  });
} catch (error) {
  cleanup();
  fail(error.message);
}

// 2. The public listener first, so that a busy port fails now rather than after Prism's start-up.
try {
  await new Promise((resolve, reject) => {
    front.once("error", reject);
    front.listen(options.port, options.host, resolve);
  });
} catch (error) {
  cleanup();
  const hint = error.code === "EADDRINUSE" ? ": already in use; choose another with --port <n> or MOCK_PORT" : "";
  fail(`cannot listen on ${options.host}:${options.port}${hint} (${error.code ?? error.message})`);
}
const url = displayUrl(options.host, front.address().port);

// 3. Prism on a private loopback port.
prismPort = await freePort();
const prismCli = require.resolve("@stoplight/prism-cli/dist/index.js");
const prismVersion = require("@stoplight/prism-cli/package.json").version;
const args = ["mock", path.join(tmp, "openapi.yaml"), "--host", "127.0.0.1", "--port", String(prismPort)];
// Generated data (--dynamic, or `Prefer: dynamic=true` per request): a fixed
// seed (same data every run), and no random extra properties on objects
// (json-schema-faker's fillProperties, on by default), so that it validates.
args.push("--seed", options.seed, "--json-schema-faker-fillProperties=false");
if (options.dynamic) args.push("--dynamic");
prism = spawn(process.execPath, [prismCli, ...args], {
  cwd: root,
  stdio: ["ignore", "pipe", "pipe"],
  env: { ...process.env, ...(process.stdout.isTTY ? { FORCE_COLOR: "1" } : {}) },
});

let ready = false;
const startup = [];
const internal = new RegExp(`http://127\\.0\\.0\\.1:${prismPort}\\b`, "g");
const plain = (line) => line.replace(/\u001b\[[0-9;]*m/g, "");
function onPrismLine(line, stream) {
  const shown = line.replace(internal, url);
  if (ready) return stream.write(`${shown}\n`);
  startup.push(shown); // Prism lists every operation while starting; shown only if it fails
  if (plain(line).includes("Prism is listening on")) {
    ready = true;
    log(banner({ url, dynamic: options.dynamic, seed: options.seed, doc: spec.doc, prismVersion }));
  }
}
forEachLine(prism, onPrismLine);

const startTimer = setTimeout(() => {
  if (ready) return;
  process.stderr.write(`${startup.join("\n")}\n`);
  prism.kill("SIGTERM");
  cleanup();
  fail("Prism did not start within 60 s");
}, 60_000);
startTimer.unref();

prism.on("exit", (code, signal) => {
  if (stopping) return;
  // Ctrl-C reaches Prism too (same process group), maybe before it reaches us.
  if (signal === "SIGINT" || signal === "SIGTERM" || signal === "SIGHUP") return void shutdown(signal);
  process.stderr.write(ready ? "" : `${startup.join("\n")}\n`);
  cleanup();
  fail(`Prism exited unexpectedly (${signal ?? `code ${code}`})`);
});
