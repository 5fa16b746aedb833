// `--alt=<git ref>`: builds that ref of this repository as an extra client, so an old and
// a new build are measured side by side in the same interleaved rounds.
//
// The ref is checked out in a temporary git worktree under .tmp/bench-alt/, which uses
// this checkout's node_modules through a symlink when its package-lock.json is the same
// (else `npm ci`), runs `npm run build`, keeps only dist/ (cached per commit in
// .tmp/bench-alt/<commit>/dist, so a second run costs nothing) and removes the worktree.
// dist/index.js then imports openapi-fetch from this checkout's node_modules.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { altName, log, root } from "./options.mjs";

const git = (...args) => execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: ["ignore", 2, 2], timeout: 600_000 });

/** Returns the built dist/index.js of a git ref (building it on first use). */
export function buildRef(ref) {
  const commit = git("rev-parse", "--verify", `${ref}^{commit}`);
  const cache = path.join(root, ".tmp", "bench-alt", commit.slice(0, 12));
  const entry = path.join(cache, "dist", "index.js");
  if (fs.existsSync(entry)) return entry;

  const tree = path.join(root, ".tmp", "bench-alt", `worktree-${commit.slice(0, 12)}-${process.pid}`);
  log(`bench: building ${ref} (${commit.slice(0, 12)}) in ${path.relative(root, tree)}`);
  git("worktree", "add", "--detach", tree, commit);
  try {
    const sameLock = fs.readFileSync(path.join(tree, "package-lock.json"), "utf8") === fs.readFileSync(path.join(root, "package-lock.json"), "utf8");
    if (sameLock) fs.symlinkSync(path.join(root, "node_modules"), path.join(tree, "node_modules"), "dir");
    else run("npm", ["ci", "--no-audit", "--no-fund"], tree);
    run("npm", ["run", "-s", "build"], tree);
    fs.mkdirSync(cache, { recursive: true });
    fs.cpSync(path.join(tree, "dist"), path.join(cache, "dist"), { recursive: true });
  } finally {
    git("worktree", "remove", "--force", tree);
  }
  return entry;
}

/** Every `--alt`: { name, file, label } — a built file as given, or a git ref built here. */
export function resolveAlts(alts) {
  return alts.map((alt) => {
    const isFile = alt.endsWith(".js") && fs.existsSync(path.resolve(alt));
    const file = isFile ? path.resolve(alt) : buildRef(alt);
    return { ref: alt, name: altName(alt), file, label: isFile ? `alt build ${path.relative(root, file)}` : `this client at \`${alt}\`` };
  });
}
