// `npm run mock` (the default, --guard prism): the simulator with Prism's
// validating proxy (5.14.2, `prism proxy`, no --errors) as its contract guard.
//
//   public listener (scripts/mock/front.mjs, pass-through)
//     → Prism proxy (private loopback port; validates, logs violations, adds
//       `sl-violations`, never changes the answer)
//       → the simulator (startMockServer, private loopback port)
//
// Requests Prism cannot take go straight to the simulator, which answers them as Rails
// does (see prismCanTake).
//
// The listener answers at once: until Prism is up (it takes 1.5–3 s), requests
// go straight to the simulator and the in-process guard (ajv) logs violations;
// from then on they go through Prism and Prism logs them.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { forEachLine } from "./lines.mjs";
import { MAX_HEADER_SIZE, createFrontServer } from "./front.mjs";
import { ensureBundle } from "./spec.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(import.meta.url);

/** `cli` is src/mock/cli.ts, `http` src/mock/http-server.ts, `contract` src/mock/contract.ts (loaded through tsx). */
export async function runWithPrismGuard(argv, { cli, http, contract }) {
  let options;
  try {
    options = cli.parseCliOptions(argv);
  } catch (error) {
    process.stderr.write(`mock: ${error.message}\n\n${cli.USAGE}\n`);
    process.exit(2);
  }
  if (options.help) return void process.stdout.write(`${cli.USAGE}\n`);
  const started = performance.now();
  ensureBundle(root, (line) => process.stdout.write(`${line}\n`));
  let prismUp = false;
  const logViolation = (v) => process.stderr.write(`${contract.formatViolation(v)}\n`);
  const simulator = await http.startMockServer({ ...options, port: 0, host: "127.0.0.1", validate: logViolation });
  const simPort = simulator.port;
  let prismPort;
  const { loadSpecDocument } = await import("../../src/mock/spec-file.ts");
  const spec = loadSpecDocument(path.join(root, "dist", "openapi.json"));
  const front = createFrontServer({ upstreamPort: (req, body) => (prismUp && prismCanTake(spec, req, body) ? prismPort : simPort), explain: false });
  try {
    await new Promise((resolve, reject) => {
      front.once("error", reject);
      front.listen(options.port, options.host, resolve);
    });
  } catch (error) {
    await simulator.close();
    const hint = error.code === "EADDRINUSE" ? ": already in use; choose another with --port <n> or MOCK_PORT" : "";
    process.stderr.write(`mock: cannot listen on ${options.host}:${options.port}${hint} (${error.code ?? error.message})\n`);
    process.exit(1);
  }
  const port = front.address().port;
  const url = `http://${options.host === "0.0.0.0" ? "127.0.0.1" : options.host}:${port}`;
  const guard = "Prism 5.14.2 validating proxy (starting; the in-process ajv guard checks meanwhile)";
  process.stdout.write(`${cli.readyBanner(url, options, Math.round(performance.now() - started), guard)}\n`);

  prismPort = await freePort();
  const prismCli = require.resolve("@stoplight/prism-cli/dist/index.js");
  const prism = spawn(process.execPath, [`--max-http-header-size=${MAX_HEADER_SIZE}`, prismCli, "proxy", path.join(root, "dist", "openapi.yaml"), simulator.url, "--host", "127.0.0.1", "--port", String(prismPort)], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const internal = new RegExp(`http://127\\.0\\.0\\.1:(${prismPort}|${simPort})\\b`, "g");
  const plain = (line) => line.replace(/\u001b\[[0-9;]*m/g, "");
  const onLine = (line, sink) => {
    const text = plain(line);
    if (!prismUp) {
      if (text.includes("Prism is listening on")) {
        prismUp = true;
        simulator.setGuard(false); // Prism checks from now on
        process.stdout.write(`contract guard: Prism's validating proxy is up (${Math.round(performance.now() - started)} ms); violations below come from Prism\n`);
      }
      return; // Prism lists every operation while starting
    }
    // Violations and errors only: the request log of a busy UI would drown them.
    if (/VALIDATOR|✖|error|fatal/i.test(text)) sink.write(`${text.replace(internal, url)}\n`);
  };
  forEachLine(prism, onLine);

  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    prismUp = false;
    front.close();
    front.closeAllConnections();
    if (prism.exitCode === null && prism.signalCode === null) {
      const exited = new Promise((resolve) => prism.once("exit", resolve));
      prism.kill(signal === "SIGKILL" ? "SIGKILL" : "SIGTERM");
      const timer = setTimeout(() => prism.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    }
    await simulator.close();
    process.stdout.write("mock server stopped\n");
    process.exit(0);
  };
  prism.on("exit", (code, signal) => {
    if (stopping) return;
    prismUp = false; // keep serving, unguarded by Prism: the ajv guard checks again
    simulator.setGuard(true);
    process.stderr.write(`mock: Prism exited (${signal ?? `code ${code}`}); the in-process guard checks from now on\n`);
  });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => void stop(signal));
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && void stop("SIGTERM"), 250).unref();
}

/**
 * Whether Prism's proxy can pass this request on. It cannot: a method the spec does not
 * declare on a path (Prism answers 501, Rails' router 404 `{"status":404,"error":"Not
 * Found"}`), an unparsable JSON body (Prism answers its own 400 `{"error":{"code":
 * "invalid_json"}}`, Rails a 400 `{"status":400,"error":"Bad Request"}`) and the JSON body
 * `null`, `false` or `0` (Prism 5.14.2 never answers; Rails reads it as `{_json: …}`),
 * and a GET or HEAD with a body (Prism answers 501 PROXY_UNSUPPORTED_REQUEST_BODY; Rails
 * ignores the body). The simulator answers those as Rails does.
 */
function prismCanTake(spec, req, body) {
  const method = req.method ?? "GET";
  const pathname = new URL(req.url ?? "/", "http://x").pathname;
  if (!spec.match(method, pathname)) return false;
  if (body.length === 0) return true;
  if (method === "GET" || method === "HEAD") return false;
  if (!/^application\/(?:[\w.-]+\+)?json\b/i.test(req.headers["content-type"] ?? "")) return true;
  try {
    const parsed = JSON.parse(body.toString("utf8"));
    return parsed !== null && parsed !== false && parsed !== 0;
  } catch {
    return false;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = require("node:net").createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
