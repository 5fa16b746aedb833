// The spec the mock serves: dist/openapi.yaml, bundled first when missing or
// older than openapi/, and copied to a private snapshot that Prism reads.
//
// Why a snapshot: Prism restarts (a second or two without a listener) whenever
// the file it serves changes, and dist/openapi.yaml is rewritten by every
// `npm run bundle`, `npm run build` and test run, mostly with identical
// content. The snapshot changes only when the bundled spec really changes (and
// only once it parses), so the mock reloads on real edits and ignores the rest.
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import YAML from "yaml";

/** Newest modification time (ms) of any file under `dir`. */
function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

function sleepSync(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function mtimeOrZero(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function staleness(root) {
  const outputs = ["openapi.yaml", "openapi.json"].map((name) => path.join(root, "dist", name));
  const oldest = Math.min(...outputs.map(mtimeOrZero));
  if (oldest === 0) return "missing";
  return oldest < newestMtime(path.join(root, "openapi")) ? "older than openapi/" : undefined;
}

/**
 * Runs `fn` holding the lock the test helpers take around bundling and reading
 * dist/openapi.json (a directory in the temp dir, named after the checkout),
 * so that nobody reads a half-written bundle.
 */
export function withBundleLock(root, fn) {
  const id = crypto.createHash("sha1").update(root).digest("hex").slice(0, 12);
  const lock = path.join(os.tmpdir(), `chatwoot-spec-bundle-${id}.lock`);
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > 60_000) fs.rmSync(lock, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock}`);
      sleepSync(50);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** Runs scripts/bundle.mjs when dist/openapi.{yaml,json} is missing or older than openapi/. */
export function ensureBundle(root, log = console.log) {
  if (!staleness(root)) return false;
  return withBundleLock(root, () => {
    const reason = staleness(root); // someone else may have just bundled it
    if (!reason) return false;
    log(`dist/openapi.yaml is ${reason}: bundling the spec first`);
    const result = spawnSync(process.execPath, [path.join(root, "scripts", "bundle.mjs")], { cwd: root, stdio: "inherit" });
    if (result.status !== 0) throw new Error(`bundling the spec failed (node scripts/bundle.mjs exited with ${result.status})`);
    return true;
  });
}

/** Every local `$ref` of the document resolves (a truncated bundle can still be valid YAML). */
function refsResolve(doc) {
  const resolves = (ref) => {
    let node = doc;
    for (const raw of ref.slice(2).split("/")) {
      const token = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
      if (node === null || typeof node !== "object" || !(token in node)) return false;
      node = node[token];
    }
    return true;
  };
  const stack = [doc];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    if (typeof node.$ref === "string" && node.$ref.startsWith("#/") && !resolves(node.$ref)) return false;
    stack.push(...Object.values(node));
  }
  return true;
}

/**
 * The spec's text and parsed document, or undefined while the file is
 * missing, being written (changed less than `settleMs` ago) or incomplete.
 */
export function readSpec(file, { settleMs = 300 } = {}) {
  try {
    const before = fs.statSync(file);
    if (Date.now() - before.mtimeMs < settleMs) return undefined;
    const text = fs.readFileSync(file, "utf8");
    const after = fs.statSync(file);
    if (after.mtimeMs !== before.mtimeMs || after.size !== Buffer.byteLength(text)) return undefined;
    const doc = YAML.parse(text);
    if (!doc || typeof doc !== "object" || !doc.openapi || !doc.paths || !refsResolve(doc)) return undefined;
    return { text, doc };
  } catch {
    return undefined; // missing, or not (yet) valid YAML
  }
}

/**
 * Copies `source` to `target` now, then again whenever `source` changes to a
 * different, complete spec. `onReload(doc)` runs after each later copy.
 */
export function snapshotSpec(
  source,
  target,
  { onReload = () => {}, onInvalid = () => {}, intervalMs = 1000, settleMs = 300, waitMs = 10_000 } = {},
) {
  let current;
  const deadline = Date.now() + waitMs;
  while (!(current = readSpec(source, { settleMs })) && Date.now() < deadline) sleepSync(100); // being written right now
  if (!current) throw new Error(`${source} is missing or not a complete OpenAPI document`);
  fs.writeFileSync(target, current.text);

  let retry;
  const check = () => {
    clearTimeout(retry);
    let stat;
    try {
      stat = fs.statSync(source);
    } catch {
      return; // deleted (a clean build): keep serving the snapshot
    }
    try {
      if (fs.readFileSync(source, "utf8") === current.text) return; // rewritten with the same content (the usual case)
    } catch {
      return;
    }
    const next = readSpec(source, { settleMs });
    if (!next) {
      const wait = stat.mtimeMs + settleMs - Date.now();
      if (wait <= 0) return onInvalid(); // settled, yet incomplete: wait for the next change
      retry = setTimeout(check, wait + 50); // still being written
      retry.unref();
      return;
    }
    if (next.text === current.text) return;
    current = next;
    fs.writeFileSync(target, next.text);
    onReload(next.doc);
  };
  fs.watchFile(source, { interval: intervalMs }, check);
  // The watcher compares with its own first look at the file, which may
  // already include a change made since we read it: check once by hand.
  retry = setTimeout(check, intervalMs);
  retry.unref();
  return {
    doc: current.doc,
    stop: () => {
      clearTimeout(retry);
      fs.unwatchFile(source, check);
    },
  };
}
