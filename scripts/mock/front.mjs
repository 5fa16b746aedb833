// The listener `npm run mock` exposes: a thin node:http layer in front of
// Prism (which runs on a private loopback port). It passes every request and
// response through untouched (CORS, Prefer, status, headers, body), with three
// exceptions:
//
// 1. A request that breaks the contract, on an operation whose spec declares a
//    422, gets a 422 that says what is wrong. Prism would answer with the
//    spec's first 422 example instead (e.g. "param is missing or the value is
//    empty: email" for a bad `status`), and put the real reason only in its
//    `sl-violations` header. The body keeps the spec's 422 shape
//    `{ message, attributes }`; `sl-violations` stays. With an explicit
//    `Prefer: example=…` Prism's answer is kept as is.
// 2. A request with `Prefer: code=NNN` is sent with `Accept: */*`, so that Prism
//    answers that status whatever its media type (429 is text/plain).
// 3. While Prism is starting or reloading a changed spec (it restarts), requests
//    wait for it (up to `waitMs`) instead of failing with a connection error.
// `upstreamPort(req, body)` may send a request Prism cannot take elsewhere (prism-guard.mjs).
import http from "node:http";

// Room for long query strings (node's default is 16 KiB, answered with 431, a status no
// Chatwoot deployment sends); Prism and the simulator get the same limit.
export const MAX_HEADER_SIZE = 256 * 1024;

const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "proxy-authenticate",
  "proxy-authorization",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);
const RETRYABLE = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ECONNABORTED"]);

/**
 * @param {object} options
 * @param {(req: http.IncomingMessage, body: Buffer) => number | undefined} options.upstreamPort Prism's port
 *   (undefined once Prism is gone), or another upstream for this request.
 * @param {number} [options.waitMs] How long a request waits for Prism to accept it.
 * @param {boolean} [options.explain] Rewrite Prism's example 422s (exception 1); off in
 *   front of the simulator, whose answers must reach the client unchanged.
 */
export function createFrontServer({ upstreamPort, waitMs = 20_000, explain: explainViolated = true }) {
  return http.createServer({ maxHeaderSize: MAX_HEADER_SIZE }, (req, res) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("error", () => res.destroy());
    req.on("end", () => {
      const attempt = { upstream: undefined };
      res.on("close", () => attempt.upstream?.destroy());
      forward(req, res, Buffer.concat(chunks), Date.now() + waitMs, upstreamPort, attempt, explainViolated);
    });
  });
}

function forward(req, res, body, deadline, upstreamPort, attempt, explainViolated) {
  if (res.destroyed) return; // the client went away while we waited for Prism
  const port = upstreamPort(req, body);
  if (port === undefined) return unavailable(req, res, "Prism has stopped");
  const headers = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (!HOP_BY_HOP.has(name) && name !== "content-length" && name !== "host") headers[name] = value;
  }
  headers.host = `127.0.0.1:${port}`;
  // `Prefer: code=429` asks for an error state whatever the client accepts: the
  // 429 body is text/plain, and Prism, asked for JSON only, would answer 200.
  if (/(?:^|[\s,;])code\s*=/i.test(String(req.headers.prefer ?? ""))) headers.accept = "*/*";
  // Prism treats a request without content-length and transfer-encoding as bodiless.
  if (body.length > 0 || req.headers["content-length"] !== undefined) headers["content-length"] = String(body.length);

  const upstream = (attempt.upstream = http.request({ host: "127.0.0.1", port, method: req.method, path: req.url, headers, agent: false }, (answer) => {
    if (explainViolated && shouldExplain(req, answer)) return explain(res, answer);
    res.writeHead(answer.statusCode ?? 502, answer.statusMessage, passableHeaders(answer.rawHeaders));
    answer.pipe(res);
  }));
  upstream.on("error", (error) => {
    if (res.headersSent) return res.destroy();
    if (RETRYABLE.has(error.code) && Date.now() < deadline && !res.destroyed) {
      setTimeout(() => forward(req, res, body, deadline, upstreamPort, attempt, explainViolated), 100);
    } else {
      unavailable(req, res, error.code ?? error.message);
    }
  });
  upstream.end(body);
}

function passableHeaders(rawHeaders, drop = new Set()) {
  const out = [];
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i].toLowerCase();
    if (!HOP_BY_HOP.has(name) && !drop.has(name)) out.push(rawHeaders[i], rawHeaders[i + 1]);
  }
  return out;
}

/** A request violation answered with one of the spec's own 422 examples. */
function shouldExplain(req, answer) {
  if (answer.statusCode !== 422) return false;
  if (!/^application\/json\b/i.test(answer.headers["content-type"] ?? "")) return false; // Prism's problem+json already explains
  if (/\bexample\s*=/i.test(String(req.headers.prefer ?? ""))) return false; // an example was asked for
  return requestViolations(answer.headers["sl-violations"]).length > 0;
}

function requestViolations(header) {
  if (typeof header !== "string") return [];
  try {
    const list = JSON.parse(header);
    return Array.isArray(list) ? list.filter((v) => v?.location?.[0] === "request" && v.severity === "Error") : [];
  } catch {
    return []; // Prism truncates a very long header ("Too many violations! …")
  }
}

/** `{ message, attributes }` (the spec's ValidationError) from Prism's violations. */
export function explainViolations(violations) {
  const messages = [...new Set(violations.map((v) => String(v.message)))];
  const attributes = [...new Set(violations.map(attributeOf))];
  return { message: `Invalid request: ${messages.join("; ")}`, attributes };
}

function attributeOf(violation) {
  const [, where, ...rest] = violation.location ?? [];
  const missing = /required property '([^']+)'/.exec(String(violation.message))?.[1];
  const field = [...rest, ...(missing ? [missing] : [])].join(".");
  return field || where || "request";
}

function explain(res, answer) {
  answer.resume();
  answer.on("end", () => {
    const body = JSON.stringify(explainViolations(requestViolations(answer.headers["sl-violations"])));
    const headers = passableHeaders(answer.rawHeaders, new Set(["content-length", "content-type"]));
    headers.push("Content-Type", "application/json; charset=utf-8", "Content-Length", String(Buffer.byteLength(body)));
    res.writeHead(422, headers);
    res.end(body);
  });
}

function unavailable(req, res, reason) {
  if (res.headersSent || res.destroyed) return;
  const body = `The mock server is not answering (${reason}). Look at the terminal running \`npm run mock\`.\n`;
  res.writeHead(502, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
    // So that a browser shows this message rather than a CORS error.
    "Access-Control-Allow-Origin": req.headers.origin ?? "*",
  });
  res.end(body);
}
