// Types of banner.mjs, for the TypeScript tests.
export function displayUrl(host: string, port: number): string;
export function banner(options: { url: string; dynamic: boolean; seed: string; doc: unknown; prismVersion: string }): string;
