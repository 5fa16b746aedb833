import type { SimulatorEvent } from "./events.js";
export class Store {
  constructor(readonly emit: (e: SimulatorEvent) => void) {}
}
