// Command-line options of `npm run bench` (bench/run.mjs lists them), batch sizes, and
// the small helpers every part of the bench shares.
import path from "node:path";
import { fileURLToPath } from "node:url";

export const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const root = path.resolve(here, "..");

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const hit = argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (!hit) return fallback;
  return hit.includes("=") ? hit.slice(hit.indexOf("=") + 1) : true;
};
const list = (value) => (typeof value === "string" ? value.split(",").filter(Boolean) : value);

/** `--alt=a,b`: git refs (built in a temporary worktree) or paths of a built dist/index.js. */
export const alts = list(opt("alt", []));
export const altName = (alt) => `alt:${alt.endsWith(".js") ? path.basename(alt, ".js") : alt}`;
/** "openapi-fetch-aa" is a second openapi-fetch instance: an A/A control that shows the noise floor of the comparison. */
export const ALL_CLIENTS = ["fetch", "openapi-fetch", "openapi-fetch-aa", "client", "axios"];
export const only = list(opt("only", [...ALL_CLIENTS, ...alts.map(altName)]));
export const modes = list(opt("modes", ["seq", "conc", "overhead"]));
export const endpoints = list(opt("endpoints", ["list", "toggle"]));
export const skip = list(opt("skip", []));
export const ROUNDS = Number(opt("rounds", 10));
const scale = Number(opt("scale", 1)); // multiply every batch size (profiling uses more)
export const write = !opt("no-write", false);
export const fromSrc = Boolean(opt("src", false));
/** Internal: run only the HTTP loops against the server on `--port` and print them as JSON (the head-to-head child). */
export const headToHeadChild = Boolean(opt("head-to-head-child", false));
export const serverPort = opt("port", undefined);
export const INFLIGHT = 16;
export const netModes = modes.filter((m) => m === "seq" || m === "conc");
// Requests per client per round. Sized so the whole bench (with the build) stays under ~3 minutes on 2 cores.
export const SIZES = {
  seq: { list: Math.round(60 * scale), toggle: Math.round(120 * scale) },
  conc: { list: Math.round(256 * scale), toggle: Math.round(640 * scale) },
};
export const WARMUP = { list: 150, toggle: 300 };
// In-process mode (no sockets): calls per client per round, and its own, finer interleaving.
export const OVERHEAD = { rounds: 8, list: Math.round(150 * scale), toggle: Math.round(400 * scale) };

export const log = (...a) => console.error(...a);
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
