// The JavaScript each client runs per call, without undici: a fake fetch answering from
// memory is installed as the runtime's fetch BEFORE dist/index.js loads, so the client
// takes its usual path (no injected-fetch race). openapi-fetch gets the same fake and
// still builds its Request; this client hands the fake a URL and an init, no Request.
// The two take turns call by call; medians of the per-call times.
//
//   npm run -s build && node bench/js-cost.mjs [list|toggle] [calls]
import createClient from "openapi-fetch";
import { ACCOUNT_ID, TOKEN, listBody, toggleBody } from "./data.mjs";

const pages = Array.from({ length: 16 }, (_, i) => Buffer.from(JSON.stringify(listBody(i + 1))));
const headers = (length) => ({ "content-type": "application/json; charset=utf-8", "content-length": String(length) });
globalThis.fetch = async function fetch(input) {
  const url = typeof input === "string" ? input : input.url;
  const toggle = /\/conversations\/(\d+)\/toggle_status/.exec(url);
  const body = toggle
    ? Buffer.from(JSON.stringify(toggleBody(Number(toggle[1]), "resolved")))
    : pages[(Number(/[?&]page=(\d+)/.exec(url)?.[1] ?? 1) - 1) % pages.length];
  return new Response(body, { status: 200, headers: headers(body.length) });
};
const { createChatwootClient } = await import("../dist/index.js");

const endpoint = process.argv[2] ?? "list";
const calls = Number(process.argv[3] ?? 10_000);
const baseUrl = "http://127.0.0.1:1"; // never contacted: the fake answers
const api = createClient({ baseUrl, headers: { api_access_token: TOKEN } });
const chatwoot = createChatwootClient({ baseUrl, apiAccessToken: TOKEN, accountId: ACCOUNT_ID });
const path = { account_id: ACCOUNT_ID };
const clients = {
  "openapi-fetch": endpoint === "list"
    ? async (i) => (await api.GET("/api/v1/accounts/{account_id}/conversations", { params: { path, query: { page: (i % 400) + 1 } } })).data.data
    : async (i) => (await api.POST("/api/v1/accounts/{account_id}/conversations/{conversation_id}/toggle_status", { params: { path: { ...path, conversation_id: i + 1 } }, body: { status: "resolved" } })).data.payload,
  "this client": endpoint === "list" ? (i) => chatwoot.conversations.list({ page: (i % 400) + 1 }) : (i) => chatwoot.conversations.toggleStatus(i + 1, { status: "resolved" }),
};
const times = { "openapi-fetch": [], "this client": [] };
const warmup = Math.min(2000, calls / 5);
for (let i = 0; i < calls; i++) {
  for (const name of i % 2 ? ["openapi-fetch", "this client"] : ["this client", "openapi-fetch"]) {
    const start = performance.now();
    await clients[name](i);
    if (i >= warmup) times[name].push(performance.now() - start);
  }
}
const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1] * 1000;
const [a, b] = [median(times["openapi-fetch"]), median(times["this client"])];
console.log(`${endpoint}: openapi-fetch ${a.toFixed(1)} µs, this client ${b.toFixed(1)} µs per call (median of ${times["this client"].length}); difference ${(b - a).toFixed(1)} µs`);
