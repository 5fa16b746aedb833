import type { Store } from "./store/store.js";
export const DEFAULT_TOKENS = { admin: "sim-admin-token", agent: "sim-agent-token", bot: "sim-bot-token" } as const;
export interface SeedOptions { seed: number; conversations?: number; tokens: { admin: string; agent: string; bot: string } }
export function seedStore(_store: Store, _options: SeedOptions): void {}
