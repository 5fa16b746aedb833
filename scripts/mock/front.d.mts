// Types of front.mjs, for the TypeScript tests.
import type { Server } from "node:http";

export interface Violation {
  location?: string[];
  severity?: string;
  code?: string;
  message?: string;
}
export function createFrontServer(options: { upstreamPort: () => number | undefined; waitMs?: number; explain?: boolean }): Server;
export function explainViolations(violations: Violation[]): { message: string; attributes: string[] };
