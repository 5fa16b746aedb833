// The HTTP door: the simulator's MSW handlers served by node:http (what
// `npm run mock` and `npx chatwoot-conversations-mock` run). Each request
// becomes a Fetch Request answered by msw's getResponse; around that sit only
// the things a server has and a handler has not:
//
//   unknown methods → 405 (before anything else: TRACE must not reach msw);
//   CORS, preflights included, for any origin;
//   POST /__mock__/reset → restores the seed;
//   Prefer: code=NNN → the error state (./error-states.ts);
//   the contract guard (./contract.ts), which reports and never alters;
//   the webhook emitter (./webhooks.ts).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { getResponse } from "msw";
import { ContractGuard, formatViolation, type ExchangeRequest, type Violation } from "./contract.js";
import { errorState, preferredError } from "./error-states.js";
import { handlerRouter } from "./router.js";
import { createSimulator, type Simulator, type SimulatorOptions } from "./simulator.js";
import type { SpecOperation } from "./spec-document.js";
import { loadSpecDocument } from "./spec-file.js";
import { startWebhooks, type WebhookEmitter } from "./webhooks.js";

export type { Violation } from "./contract.js";

export interface MockServerOptions extends SimulatorOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Posts every simulator event there, as Chatwoot's account webhooks do. */
  webhookUrl?: string;
  /** Signs the webhooks (X-Chatwoot-Signature), as Chatwoot does. */
  webhookSecret?: string;
  /**
   * The contract guard: "log" (default) prints each violation readably,
   * "collect" keeps them in `violations` (tests fail on any), "off" skips it,
   * or a function receives each one. The answer is never changed.
   */
  validate?: "log" | "collect" | "off" | ((violation: Violation) => void);
  /** Where readable lines go (violations, webhook failures). Default: stderr. */
  log?: (line: string) => void;
  /** Another openapi.json than the bundled one. */
  specFile?: string;
  /** Use this simulator instead of creating one from the options. */
  simulator?: Simulator;
}

export interface MockServer {
  url: string;
  port: number;
  simulator: Simulator;
  /** Violations seen so far (validate: "collect"). */
  violations: Violation[];
  /** Returns and forgets the violations seen so far. */
  takeViolations(): Violation[];
  /** Resolves once every webhook queued so far went out. */
  webhooksIdle(): Promise<void>;
  /** Pauses (false) or resumes the contract guard, e.g. while another guard (Prism) checks. */
  setGuard(on: boolean): void;
  close(): Promise<void>;
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const ALLOWED = [...METHODS].join(", ");
const MAX_BODY = 40 * 1024 * 1024; // Chatwoot's default attachment limit
// Long query strings reach the handlers (node's default, 16 KiB, answers 431, which no Chatwoot deployment sends).
const MAX_HEADER_SIZE = 256 * 1024;

export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const simulator = options.simulator ?? createSimulator(options);
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const violations: Violation[] = [];
  const validate = options.validate ?? "log";
  const report = (v: Violation) => {
    if (validate === "collect") violations.push(v);
    else if (typeof validate === "function") validate(v);
    else if (validate === "log") log(formatViolation(v));
  };
  const spec = loadSpecDocument(options.specFile);
  const guard = validate === "off" ? undefined : new ContractGuard(spec);
  let guardOn = true;
  const webhooks: WebhookEmitter | undefined = options.webhookUrl
    ? startWebhooks(simulator, {
        url: options.webhookUrl,
        ...(options.webhookSecret ? { secret: options.webhookSecret } : {}),
        onError: (message) => log(message),
        onPayload: (event) => {
          const messages = guard?.checkWebhook(event.event, event.payload);
          if (messages?.length) report({ where: "request", method: "POST", url: `webhook ${event.event}`, operationId: event.event, messages: messages.map((m) => `payload${m}`) });
        },
      })
    : undefined;

  const server = http.createServer({ maxHeaderSize: MAX_HEADER_SIZE }, (req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on("error", () => res.destroy());
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      answer(req, body, size > MAX_BODY)
        .then((reply) => send(req, res, reply))
        .catch((error: unknown) => {
          log(`mock: ${req.method} ${req.url} failed: ${(error as Error)?.stack ?? String(error)}`);
          send(req, res, json(500, { status: 500, error: "Internal Server Error" }));
        });
    });
  });

  async function answer(req: http.IncomingMessage, body: Buffer, tooLarge: boolean): Promise<Reply> {
    const method = req.method ?? "GET";
    if (!METHODS.has(method)) return { status: 405, headers: { Allow: ALLOWED, "Content-Type": "text/plain; charset=utf-8" }, body: "Method Not Allowed\n" };
    if (method === "OPTIONS") return { status: 204, headers: preflight(req), body: "" };
    if (tooLarge) return json(413, { status: 413, error: "Payload Too Large" });
    const url = new URL(req.url ?? "/", baseUrl);
    if (url.pathname === "/__mock__/reset") {
      if (method !== "POST") return { status: 405, headers: { Allow: "POST", "Content-Type": "text/plain; charset=utf-8" }, body: "Method Not Allowed\n" };
      simulator.reset();
      return { status: 204, headers: {}, body: "" };
    }
    const exchange: ExchangeRequest = { method: method === "HEAD" ? "GET" : method, url, contentType: req.headers["content-type"], body: body.toString("utf8") };
    const operation: SpecOperation | undefined = spec.match(exchange.method, url.pathname)?.operation;
    const wanted = preferredError(req.headers.prefer as string | undefined);
    let reply: Reply;
    let checkReply = true;
    if (wanted && operation) {
      const state = errorState(spec, operation, wanted.code, wanted.example);
      reply = { status: state.status, headers: { "Content-Type": state.contentType }, body: state.body };
      // A status the operation does not document was asked for on purpose: nothing to check it against.
      checkReply = state.documented;
    } else {
      reply = await simulate(req, url, exchange.method, body);
    }
    if (guard && guardOn) {
      const check = () => {
        guard.checkRequest(exchange).violations.forEach(report);
        if (operation && checkReply) {
          const contentType = reply.headers["Content-Type"] ?? reply.headers["content-type"];
          guard.checkResponse(exchange, operation, { status: reply.status, contentType, body: reply.body }).forEach(report);
        }
      };
      // Tests read the violations right after the answer: check first. Otherwise
      // check once the answer is out, so that the guard adds no latency.
      if (validate === "collect") check();
      else reply.after = check;
    }
    return reply;
  }

  let routed = { handlers: simulator.handlers, candidates: handlerRouter(simulator.handlers) };

  async function simulate(req: http.IncomingMessage, url: URL, method: string, body: Buffer): Promise<Reply> {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined && name !== "host" && name !== "connection") headers.set(name, Array.isArray(value) ? value.join(", ") : value);
    }
    const request = new Request(url, { method, headers, ...(body.length > 0 && method !== "GET" ? { body: new Uint8Array(body) } : {}) });
    if (routed.handlers !== simulator.handlers) routed = { handlers: simulator.handlers, candidates: handlerRouter(simulator.handlers) };
    const candidates = routed.candidates(method, url.pathname);
    const response = candidates.length > 0 ? await getResponse(candidates, request) : undefined;
    if (!response) {
      // Rails' routing error through PublicExceptions (json format under /api).
      return json(404, { status: 404, error: "Not Found" });
    }
    const out: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      if (name !== "content-length" && name !== "transfer-encoding") out[name] = value;
    });
    return { status: response.status, headers: out, body: await response.text() };
  }

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const shown = host === "0.0.0.0" ? "127.0.0.1" : host === "::" ? "::1" : host;
  const url = `http://${shown.includes(":") ? `[${shown}]` : shown}:${port}`;
  const baseUrl = url;

  return {
    url,
    port,
    simulator,
    violations,
    takeViolations: () => violations.splice(0),
    webhooksIdle: () => webhooks?.idle() ?? Promise.resolve(),
    setGuard: (on) => void (guardOn = on),
    async close() {
      webhooks?.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await Promise.race([webhooks?.idle(), new Promise((resolve) => setTimeout(resolve, 6000).unref())]);
    },
  };
}

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Runs once the answer is sent (the deferred contract check). */
  after?: () => void;
}

const json = (status: number, value: unknown): Reply => ({ status, headers: { "Content-Type": "application/json; charset=utf-8" }, body: JSON.stringify(value) });

/** A CORS preflight: any origin, the methods above, whatever headers were asked for. */
function preflight(req: http.IncomingMessage): Record<string, string> {
  return {
    "Access-Control-Allow-Methods": ALLOWED,
    "Access-Control-Allow-Headers": String(req.headers["access-control-request-headers"] ?? "*"),
    "Access-Control-Max-Age": "600",
    Allow: ALLOWED,
  };
}

function send(req: http.IncomingMessage, res: http.ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  const origin = req.headers.origin;
  const headers: Record<string, string> = {
    ...reply.headers,
    "Access-Control-Allow-Origin": origin ?? "*",
    "Access-Control-Expose-Headers": "*",
    Vary: "Origin",
  };
  if (origin) headers["Access-Control-Allow-Credentials"] = "true";
  const payload = req.method === "HEAD" ? "" : reply.body;
  headers["Content-Length"] = String(Buffer.byteLength(reply.body));
  res.writeHead(reply.status, headers);
  res.end(payload);
  if (reply.after) setImmediate(reply.after);
}
