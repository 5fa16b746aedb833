// Starts `npm run mock` / `node scripts/mock.mjs` as a user would, waits for
// the URL it prints, and tracks its whole process tree (Linux /proc) so that
// tests can check that stopping it leaves nothing behind.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

/** What the mock prints once it accepts requests (scripts/mock/banner.mjs). */
export const READY = /ready on (http:\/\/\S+)/;

export { freePort } from "../../helpers/prism.js";

/** The environment without the MOCK_* / CHATWOOT_* variables a developer may have set. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith("MOCK_") && !key.startsWith("CHATWOOT_")) env[key] = value;
  }
  return { ...env, ...extra };
}

/** Alive and not a zombie. */
export function isAlive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
  } catch {
    return false;
  }
}

/** `pid` and all its descendants, now. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited meanwhile
    }
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]!) ?? []));
  return out.filter(isAlive);
}

export async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface MockProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  output(): string;
  exited: Promise<Exit>;
  /** Every pid seen in its process tree so far (the tree is sampled while it runs). */
  seen(): number[];
  /** Stops the whole process group (like Ctrl-C) and waits; SIGKILL after 10 s. Safe to call twice. */
  stop(signal?: NodeJS.Signals): Promise<Exit>;
}

/** Runs a command in its own process group and waits for the mock's URL. */
export async function startMock(
  command: "npm" | "node",
  args: string[],
  { env = cleanEnv(), timeoutMs = 60_000 }: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<MockProcess> {
  const [file, argv] =
    command === "npm" ? ["npm", ["run", "mock", "--", ...args]] : [process.execPath, [path.join(root, "scripts", "mock.mjs"), ...args]];
  const child = spawn(file, argv, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const pid = child.pid!;
  let log = "";
  child.stdout!.on("data", (chunk) => (log += chunk));
  child.stderr!.on("data", (chunk) => (log += chunk));
  const exited = new Promise<Exit>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));

  const seen = new Set<number>();
  const sample = () => processTree(pid).forEach((p) => seen.add(p));
  const sampler = setInterval(sample, 200);
  void exited.then(() => clearInterval(sampler));

  const stop = async (signal: NodeJS.Signals = "SIGINT") => {
    // The whole group, even when its leader is gone: a mock orphaned by a bug must not outlive the test.
    try {
      process.kill(-pid, signal);
    } catch {
      // nobody left
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, 10_000);
    const exit = await exited;
    clearTimeout(timer);
    return exit;
  };

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "ready on <url>" within ${timeoutMs} ms:\n${log}`)), timeoutMs);
    const check = () => {
      const found = READY.exec(log)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    };
    child.stdout!.on("data", check);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`${command} ${args.join(" ")} exited (${signal ?? code}) before it was ready:\n${log}`));
    });
  }).catch(async (error: unknown) => {
    await stop("SIGKILL");
    throw error;
  });
  sample();
  return { child, pid, url, output: () => log, exited, seen: () => [...seen], stop };
}
