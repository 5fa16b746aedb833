// `chatwoot-conversations/mock` (Node): the simulator's MSW handlers for
// setupServer, createSimulator for a private one, and startMockServer for an
// HTTP server. A thin door: everything lives in ./simulator.ts and its store,
// handlers and views. Browsers get ./browser.ts (no HTTP server).
import type { RequestHandler } from "msw";
import { createSimulator, type Simulator } from "./simulator.js";

export { errorStates } from "./error-state-handler.js";
export { createSimulator, DEFAULT_TOKENS, type Simulator, type SimulatorOptions, type SimulatorEvent, type SimulatorEventName } from "./simulator.js";
export { startMockServer, type MockServer, type MockServerOptions, type Violation } from "./http-server.js";
export { webhookHeaders } from "./webhooks.js";

/** A simulator with the default seed, created on import; `simulator.reset()` restores it (e.g. in afterEach). */
export const simulator: Simulator = createSimulator();
/** Its MSW request handlers: `setupServer(...handlers)`. */
export const handlers: RequestHandler[] = simulator.handlers;
