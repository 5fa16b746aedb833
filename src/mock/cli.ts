// `npx chatwoot-conversations-mock` (and `npm run mock` in this repository):
// the stateful simulator over HTTP until Ctrl-C. Flags beat MOCK_* variables,
// which beat the defaults.
import { parseArgs } from "node:util";
import { formatViolation } from "./contract.js";
import { startMockServer, type MockServerOptions } from "./http-server.js";
import { DEFAULT_TOKENS } from "./simulator.js";

export const USAGE = `Usage: chatwoot-conversations-mock [options]   (in the repository: npm run mock -- [options])

Serves a stateful simulator of the Chatwoot 4.15.1 conversation API.

Options:
  --port <n>             port (env MOCK_PORT, default 4010; 0 = any free port)
  --host <h>             address (env MOCK_HOST, default 127.0.0.1)
  --seed <n>             dataset (env MOCK_SEED, default 1): same seed, same data
  --conversations <n>    conversations in account 1 (env MOCK_CONVERSATIONS, default: the seed's 64)
  --admin-token <t>      token of the administrator (env MOCK_ADMIN_TOKEN, default ${DEFAULT_TOKENS.admin})
  --agent-token <t>      token of the agent (env MOCK_AGENT_TOKEN, default ${DEFAULT_TOKENS.agent})
  --bot-token <t>        token of the agent bot (env MOCK_BOT_TOKEN, default ${DEFAULT_TOKENS.bot})
  --webhook-url <url>    post every event there (env MOCK_WEBHOOK_URL)
  --webhook-secret <s>   sign the webhooks like Chatwoot (env MOCK_WEBHOOK_SECRET; prefer the env: argv is visible to ps)
  --guard <g>            the contract guard: prism (Prism 5.14.2's validating proxy in front; the
                         default of npm run mock, which has Prism) or ajv (in-process; the default here)
  --no-validate          do not check requests and responses against the spec
  --help                 show this help

POST /__mock__/reset restores the seed. Prefer: code=NNN answers an error state.`;

export interface CliOptions extends MockServerOptions {
  help: boolean;
  /** Undefined unless given: npm run mock then picks prism, the bin ajv. */
  guard?: "prism" | "ajv";
}

const integer = (name: string, text: string, min: number, max: number) => {
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) throw new Error(`invalid ${name} ${JSON.stringify(text)}: expected a whole number from ${min} to ${max}`);
  return value;
};

/** Throws on bad input, with a message for the terminal. */
export function parseCliOptions(argv: string[], env: Record<string, string | undefined> = process.env): CliOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string", short: "p" },
      host: { type: "string", short: "h" },
      seed: { type: "string" },
      conversations: { type: "string" },
      "admin-token": { type: "string" },
      "agent-token": { type: "string" },
      "bot-token": { type: "string" },
      "webhook-url": { type: "string" },
      "webhook-secret": { type: "string" },
      guard: { type: "string" },
      "no-validate": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const pick = (flag: keyof typeof values, variable: string) => (values[flag] as string | undefined) ?? env[variable];
  const port = integer("port", pick("port", "MOCK_PORT") ?? "4010", 0, 65535);
  const host = (pick("host", "MOCK_HOST") ?? "127.0.0.1").trim();
  if (host === "") throw new Error("invalid host: empty");
  const seedText = pick("seed", "MOCK_SEED");
  const conversationsText = pick("conversations", "MOCK_CONVERSATIONS");
  const tokens: Record<string, string> = {};
  for (const role of ["admin", "agent", "bot"] as const) {
    const token = pick(`${role}-token`, `MOCK_${role.toUpperCase()}_TOKEN`);
    if (token !== undefined) {
      if (!/^[\x21-\x7e]+$/.test(token)) throw new Error(`invalid ${role} token: printable ASCII without spaces expected`);
      tokens[role] = token;
    }
  }
  const webhookUrl = pick("webhook-url", "MOCK_WEBHOOK_URL");
  if (webhookUrl !== undefined && !/^https?:\/\//.test(webhookUrl)) throw new Error("invalid webhook URL: http:// or https:// expected");
  const webhookSecret = pick("webhook-secret", "MOCK_WEBHOOK_SECRET");
  const guard = pick("guard", "MOCK_GUARD");
  if (guard !== undefined && guard !== "prism" && guard !== "ajv") throw new Error(`invalid guard ${JSON.stringify(guard)}: prism or ajv`);
  return {
    help: values.help as boolean,
    port,
    host,
    ...(seedText !== undefined ? { seed: integer("seed", seedText, 0, 2 ** 31 - 1) } : {}),
    ...(conversationsText !== undefined ? { conversations: integer("conversations", conversationsText, 1, 1_000_000) } : {}),
    ...(Object.keys(tokens).length ? { tokens } : {}),
    ...(webhookUrl !== undefined ? { webhookUrl } : {}),
    ...(webhookSecret ? { webhookSecret } : {}),
    validate: values["no-validate"] ? "off" : "log",
    ...(guard !== undefined ? { guard } : {}),
  };
}

export function readyBanner(url: string, options: CliOptions, readyMs: number, guard = "every request and response checked against the spec (ajv); violations are printed here"): string {
  const tokens = { ...DEFAULT_TOKENS, ...options.tokens };
  const conversations = `${url}/api/v1/accounts/1/conversations`;
  return [
    "",
    `Chatwoot API simulator (stateful, seed ${options.seed ?? 1}) ready on ${url} in ${readyMs} ms`,
    `  tokens: admin ${tokens.admin} · agent ${tokens.agent} · bot ${tokens.bot} (header api_access_token)`,
    `  contract guard: ${options.validate === "off" ? "off" : guard}`,
    ...(options.webhookUrl ? [`  webhooks: ${options.webhookUrl}${options.webhookSecret ? " (signed)" : " (unsigned: no secret)"}`] : []),
    "",
    "Try:",
    `  curl -s -H 'api_access_token: ${tokens.admin}' '${conversations}?status=open'`,
    `  curl -s -X POST -H 'api_access_token: ${tokens.admin}' -H 'content-type: application/json' -d '{"status":"resolved"}' ${conversations}/1/toggle_status`,
    `  curl -si -H 'api_access_token: ${tokens.admin}' -H 'Prefer: code=503' ${conversations}`,
    `  curl -s -X POST ${url}/__mock__/reset     # back to the seed`,
    "",
    "Ctrl-C stops it.",
    "",
  ].join("\n");
}

/** Runs until SIGINT/SIGTERM/SIGHUP; resolves the server once it listens. */
export async function main(argv: string[] = process.argv.slice(2)): Promise<void> {
  let options: CliOptions;
  try {
    options = parseCliOptions(argv);
  } catch (error) {
    process.stderr.write(`mock: ${(error as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (options.guard === "prism") {
    process.stderr.write("mock: --guard prism needs this repository's Prism (npm run mock); here the guard is ajv, in-process\n");
    process.exit(2);
  }
  const started = performance.now();
  const server = await startMockServer({
    ...options,
    validate: options.validate === "off" ? "off" : (v) => process.stderr.write(`${formatViolation(v)}\n`),
  }).catch((error: NodeJS.ErrnoException) => {
    const hint = error.code === "EADDRINUSE" ? ": already in use; choose another with --port <n> or MOCK_PORT" : "";
    process.stderr.write(`mock: cannot listen on ${options.host}:${options.port}${hint} (${error.code ?? error.message})\n`);
    process.exit(1);
  });
  process.stdout.write(`${readyBanner(server.url, options, Math.round(performance.now() - started))}\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    process.stdout.write("mock server stopped\n");
    process.exit(0);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stop());
  // `npm run` starts us through `sh -c`, which may die on a SIGTERM without passing it on.
  const parent = process.ppid;
  setInterval(() => process.ppid !== parent && void stop(), 250).unref();
}
