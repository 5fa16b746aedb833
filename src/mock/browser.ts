// `chatwoot-conversations/mock` in a browser bundle (the "browser" export
// condition): the same simulator and MSW handlers for setupWorker, without
// the Node-only HTTP server, contract guard and webhook emitter.
import type { RequestHandler } from "msw";
import { createSimulator, type Simulator } from "./simulator.js";

export { errorStates } from "./error-state-handler.js";
export { createSimulator, DEFAULT_TOKENS, type Simulator, type SimulatorOptions, type SimulatorEvent, type SimulatorEventName } from "./simulator.js";

/** A simulator with the default seed, created on import; `simulator.reset()` restores it. */
export const simulator: Simulator = createSimulator();
/** Its MSW request handlers: `setupWorker(...handlers)`. */
export const handlers: RequestHandler[] = simulator.handlers;

/** Node only: in a browser, start MSW's worker with `handlers` instead. */
export function startMockServer(): never {
  throw new Error("startMockServer needs Node (node:http); in a browser use setupWorker(...handlers) from msw/browser");
}
