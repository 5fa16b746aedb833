// The simulator under test: its MSW handlers behind msw/node's setupServer,
// real fetch calls, and every response body checked against the bundled
// spec (dist/openapi.json). A response the spec does not allow fails the
// call; a route the spec does not describe yet is recorded in `unspecified`.
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { createSimulator, type Simulator, type SimulatorEvent, type SimulatorOptions } from "../../../../src/mock/simulator.js";
import { describeErrors, loadSpec, operations, pointer, response, SpecValidator, type JsonObject, type Operation, type Spec } from "../../../spec/helpers/spec.js";

export const ORIGIN = "http://chatwoot.test";
export const TOKENS = { admin: "sim-admin-token", agent: "sim-agent-token", bot: "sim-bot-token" } as const;
export const ACC = "/api/v1/accounts/1";

export interface CallOptions {
  token?: string | null;
  body?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
}

export interface Reply<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Headers;
  operationId: string | null;
}

interface Route {
  op: Operation;
  regex: RegExp;
}

let shared: { spec: Spec; validator: SpecValidator; routes: Route[] } | undefined;

async function specTools() {
  if (!shared) {
    const spec = await loadSpec();
    const routes = operations(spec).map((op) => ({ op, regex: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, "[^/]+")}$`) }));
    // Literal paths first (conversations/meta before conversations/{id}).
    routes.sort((a, b) => (a.op.path.match(/\{/g)?.length ?? 0) - (b.op.path.match(/\{/g)?.length ?? 0));
    shared = { spec, validator: new SpecValidator(spec), routes };
  }
  return shared;
}

/** Spec violations of one response ([] when it conforms); null when the route is not in the spec. */
export async function violations(method: string, path: string, status: number, contentType: string | null, body: unknown, text: string): Promise<string[] | null> {
  const { spec, validator, routes } = await specTools();
  const route = routes.find((r) => r.op.method === method.toLowerCase() && r.regex.test(path));
  if (!route) return null;
  const res = response(spec, route.op, String(status)) ?? response(spec, route.op, "default");
  // Rails' unhandled-exception answer (e.g. an unknown enum value): no spec documents every 500.
  if (!res && status === 500 && text === '{"status":500,"error":"Internal Server Error"}') return [];
  if (!res) return [`${route.op.operationId}: status ${status} is not documented`];
  const media = (res.node.content as JsonObject | undefined) ?? {};
  const types = Object.keys(media);
  if (types.length === 0) return text === "" ? [] : [`${route.op.operationId} ${status}: the spec has no body, got ${text.slice(0, 200)}`];
  const type = types.find((t) => (contentType ?? "").startsWith(t.split(";")[0]!)) ?? types[0]!;
  if (!(contentType ?? "").includes(type.split(";")[0]!)) return [`${route.op.operationId} ${status}: content type ${contentType} is not ${types.join(", ")}`];
  if (!type.includes("json")) return [];
  const result = validator.validate(`${res.ptr}${pointer("content", type, "schema")}`, body);
  return result.valid ? [] : [`${route.op.operationId} ${status}:\n${describeErrors(result.errors)}`];
}

/** Validates a webhook payload against the spec's `webhooks` entry for its event, when the spec has one. */
export async function webhookViolations(event: SimulatorEvent): Promise<string[] | null> {
  const { spec, validator } = await specTools();
  const hooks = (spec as unknown as { webhooks?: Record<string, JsonObject> }).webhooks;
  const entry = hooks?.[event.event];
  if (!entry) return null;
  const result = validator.validate(`${pointer("webhooks", event.event, "post", "requestBody", "content", "application/json", "schema")}`, event.payload);
  return result.valid ? [] : [`webhook ${event.event}:\n${describeErrors(result.errors)}`];
}

export interface Harness {
  sim: Simulator;
  /** Calls the simulator through fetch; fails on a spec violation. */
  call<T = any>(method: string, path: string, options?: CallOptions): Promise<Reply<T>>;
  /** Events emitted since the last reset. */
  events: SimulatorEvent[];
  /** Routes called that the spec does not describe (yet). */
  unspecified: Set<string>;
}

/** Sets up one simulator and an MSW server for a test file; the seed is restored before each test. */
export function useSimulator(options: SimulatorOptions = {}): Harness {
  const sim = createSimulator(options);
  const server = setupServer(...sim.handlers);
  const events: SimulatorEvent[] = [];
  sim.onEvent((e) => events.push(e));
  const unspecified = new Set<string>();
  beforeAll(async () => {
    await specTools();
    server.listen({ onUnhandledRequest: "error" });
  });
  beforeEach(() => {
    sim.reset();
    events.length = 0;
  });
  // Every event a test caused must be a payload the spec's `webhooks` allow.
  afterEach(async () => {
    for (const e of events) {
      const found = await webhookViolations(e);
      if (found === null) throw new Error(`the spec has no webhook for ${e.event}`);
      if (found.length > 0) throw new Error(found.join("\n"));
    }
  });
  afterAll(() => server.close());

  async function call(method: string, path: string, options: CallOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token === undefined ? TOKENS.admin : options.token;
    if (token !== null) headers.api_access_token = token;
    let body: BodyInit | undefined;
    if (options.form) body = options.form;
    else if (options.body !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(options.body);
    }
    const res = await fetch(`${ORIGIN}${path}`, { method, headers, body });
    const text = await res.text();
    const contentType = res.headers.get("content-type");
    let parsed: unknown = text;
    if (contentType?.includes("json") && text !== "") parsed = JSON.parse(text);
    const url = new URL(`${ORIGIN}${path}`);
    const found = await violations(method, url.pathname, res.status, contentType, parsed, text);
    if (found === null) unspecified.add(`${method} ${url.pathname.replace(/\/\d+/g, "/{id}")}`);
    else if (found.length > 0) throw new Error(`${method} ${path} → ${res.status} violates the spec:\n${found.join("\n")}\nbody: ${text.slice(0, 2000)}`);
    return { status: res.status, body: parsed, text, headers: res.headers, operationId: null };
  }

  return { sim, call, events, unspecified };
}
