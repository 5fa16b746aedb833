// Command-line and environment options of `npm run mock`.
import { parseArgs } from "node:util";

export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_SEED = "chatwoot";

export const USAGE = `Usage: npm run mock -- --static [options]

Serves the Chatwoot conversation API from dist/openapi.yaml with Prism
(the spec's examples; no state). Without --static, npm run mock serves the
stateful simulator instead (npm run mock -- --help).

Options:
  --static       this mode (implied by --dynamic)
  --port <n>     port to listen on (env MOCK_PORT, default ${DEFAULT_PORT}; 0 = any free port)
  --host <h>     address to listen on (env MOCK_HOST, default ${DEFAULT_HOST})
  --dynamic      generate data from the schemas instead of serving the spec's examples
  --seed <s>     seed of --dynamic (env MOCK_SEED, default "${DEFAULT_SEED}"): same seed, same data
  --help         show this help`;

/** Flags beat environment variables, which beat the defaults. Throws on bad input. */
export function parseOptions(argv = process.argv.slice(2), env = process.env) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: "string", short: "p" },
      host: { type: "string", short: "h" },
      static: { type: "boolean", default: false },
      dynamic: { type: "boolean", short: "d", default: false },
      seed: { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const portText = values.port ?? env.MOCK_PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText.trim()) || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`invalid port ${JSON.stringify(portText)}: expected a number from 0 to 65535`);
  }
  const host = (values.host ?? env.MOCK_HOST ?? DEFAULT_HOST).trim();
  if (host === "") throw new Error("invalid host: empty");
  const seed = values.seed ?? env.MOCK_SEED ?? DEFAULT_SEED;
  if (seed === "") throw new Error("invalid seed: empty");
  return { port, host, dynamic: values.dynamic, seed, help: values.help };
}
