// The stateful Chatwoot 4.15.1 simulator: one store (seeded), the MSW handlers
// that act on it, and the webhook-worthy events its mutations emit. The doors
// (HTTP server, MSW in the browser or in tests) are thin layers over this.
// It shares only src/generated/ with the client and never imports the client.
import type { RequestHandler } from "msw";
import { allHandlers } from "./handlers/index.js";
import type { SimulatorEvent } from "./store/events.js";
import { Store } from "./store/store.js";
import { seedStore, DEFAULT_TOKENS, type SeedOptions } from "./seed.js";

export type { SimulatorEvent, SimulatorEventName } from "./store/events.js";
export { Store } from "./store/store.js";
export { DEFAULT_TOKENS } from "./seed.js";

export interface SimulatorOptions {
  /** Picks the dataset; the same seed gives the same data. Default 1. */
  seed?: number;
  /** Conversations in account 1 (default 64); scales to 10,000 and more. */
  conversations?: number;
  /** Overrides the default tokens `sim-admin-token`, `sim-agent-token`, `sim-bot-token`. */
  tokens?: Partial<{ admin: string; agent: string; bot: string }>;
}

export interface Simulator {
  /** MSW handlers for every operation of the spec, paths /api/v1/... on any origin. */
  handlers: RequestHandler[];
  /** Restores the seed (same options as at creation). */
  reset(): void;
  /** The state, for tests. Replaced by reset(): read `simulator.store` anew after it. */
  store: Store;
  /** Webhook-worthy events emitted by store mutations; returns the unsubscribe function. */
  onEvent(listener: (e: SimulatorEvent) => void): () => void;
}

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const seedOptions: SeedOptions = {
    seed: options.seed ?? 1,
    conversations: options.conversations,
    tokens: { ...DEFAULT_TOKENS, ...options.tokens },
  };
  const listeners = new Set<(e: SimulatorEvent) => void>();
  const emit = (e: SimulatorEvent) => {
    for (const listener of listeners) listener(e);
  };
  const build = () => {
    const store = new Store(emit);
    seedStore(store, seedOptions);
    return store;
  };
  const simulator: Simulator = {
    store: build(),
    handlers: [],
    reset() {
      simulator.store = build();
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  // Handlers read the current store on each request, so reset() needs no new handlers.
  simulator.handlers = allHandlers(() => simulator.store);
  return simulator;
}
