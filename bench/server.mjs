// A fake Chatwoot server for the benchmarks: node:http on 127.0.0.1, port 0.
//
// It runs in a CHILD PROCESS (bench/run.mjs forks it), not in a worker thread:
// process.cpuUsage() and process.memoryUsage() are per process, so a worker's
// CPU time and allocations would be counted as the client's. In its own
// process the server's JSON work, GC and socket handling never show up in the
// measured numbers, and on the 2-core machine it gets the other core.
//
// Every body is serialised once at start-up (400 list pages + the empty page
// 401), so the server's per-request cost is tiny and the same for every client.
//
//   GET  /api/v1/accounts/1/conversations?page=N          → {"data":{"meta":…,"payload":[25]}}
//   POST /api/v1/accounts/1/conversations/{id}/toggle_status {"status":…} → {"meta":{},"payload":{…}}
//
// Requests without the right api_access_token get 401, as Chatwoot answers.
// The process exits by itself when its parent goes away (IPC disconnect) or
// after MAX_LIFETIME_MS, whichever comes first.
import http from "node:http";
import { ACCOUNT_ID, PAGE_SIZE, TOKEN, TOTAL_CONVERSATIONS, listBody, toggleBody } from "./data.mjs";

const MAX_LIFETIME_MS = 10 * 60_000;
const LAST_PAGE = Math.ceil(TOTAL_CONVERSATIONS / PAGE_SIZE) + 1; // 401: empty

const json = (value) => Buffer.from(JSON.stringify(value));
const pages = [];
for (let page = 1; page <= LAST_PAGE; page++) pages[page] = json(listBody(page));
const emptyPage = pages[LAST_PAGE];
const unauthorized = json({ errors: ["You need to sign in or sign up before continuing."] });
const notFound = json({ error: "Resource could not be found" });

const LIST_PATH = `/api/v1/accounts/${ACCOUNT_ID}/conversations`;
const TOGGLE = new RegExp(`^/api/v1/accounts/${ACCOUNT_ID}/conversations/(\\d+)/toggle_status$`);

let requestId = 0;
/** Headers of the shape a Rails/Puma Chatwoot answer carries (so header parsing is realistic too). */
function send(res, status, body) {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": body.length,
    "cache-control": "max-age=0, private, must-revalidate",
    etag: `W/"${(body.length * 2654435761 >>> 0).toString(16)}"`,
    "x-request-id": `bench-${++requestId}`,
    "x-runtime": "0.004",
    "x-frame-options": "SAMEORIGIN",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    vary: "Accept, Origin",
  });
  res.end(body);
}

const stats = { list: 0, toggle: 0, rejected: 0, connections: 0 };

const server = http.createServer((req, res) => {
  const q = req.url.indexOf("?");
  const path = q === -1 ? req.url : req.url.slice(0, q);
  if (req.headers.api_access_token !== TOKEN) {
    stats.rejected++;
    req.resume();
    return send(res, 401, unauthorized);
  }
  if (req.method === "GET" && path === LIST_PATH) {
    stats.list++;
    const page = Number(new URLSearchParams(q === -1 ? "" : req.url.slice(q + 1)).get("page") ?? "1");
    return send(res, 200, Number.isInteger(page) && page >= 1 && page < LAST_PAGE ? pages[page] : emptyPage);
  }
  const toggle = req.method === "POST" ? TOGGLE.exec(path) : null;
  if (toggle) {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      stats.toggle++;
      let status = "open";
      try {
        status = JSON.parse(Buffer.concat(chunks).toString("utf8")).status ?? "open";
      } catch {
        // Chatwoot toggles when there is no body; the bench always sends one
      }
      send(res, 200, json(toggleBody(Number(toggle[1]), status)));
    });
    return;
  }
  req.resume();
  stats.rejected++;
  send(res, 404, notFound);
});
server.on("connection", () => stats.connections++);
// Keep sockets alive across rounds so no client pays reconnects the others don't.
server.keepAliveTimeout = 120_000;
server.headersTimeout = 121_000;

server.listen(0, "127.0.0.1", () => {
  const { port } = server.address();
  const info = { port, pageBytes: pages[1].length, pages: LAST_PAGE - 1 };
  if (process.send) process.send({ type: "ready", ...info });
  else console.log(`fake Chatwoot on http://127.0.0.1:${port} (${info.pages} pages, page 1 = ${info.pageBytes} bytes)`);
});

function stop() {
  server.closeAllConnections?.();
  server.close();
  process.exit(0);
}
process.on("message", (msg) => {
  if (msg?.type === "stats") process.send({ type: "stats", ...stats });
  if (msg?.type === "stop") stop();
});
process.on("disconnect", stop);
process.on("SIGTERM", stop);
setTimeout(stop, MAX_LIFETIME_MS).unref();
