// Types of options.mjs, for the TypeScript tests.
export const DEFAULT_PORT: number;
export const DEFAULT_HOST: string;
export const DEFAULT_SEED: string;
export const USAGE: string;
export function parseOptions(
  argv?: string[],
  env?: Record<string, string | undefined>,
): { port: number; host: string; dynamic: boolean; seed: string; help: boolean };
