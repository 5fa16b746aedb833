// Types of front.mjs, for the TypeScript tests.
import type { IncomingMessage, Server } from "node:http";

export interface Violation {
  location?: string[];
  severity?: string;
  code?: string;
  message?: string;
}
export function createFrontServer(options: { upstreamPort: (req: IncomingMessage, body: Buffer) => number | undefined; waitMs?: number; explain?: boolean }): Server;
export function explainViolations(violations: Violation[]): { message: string; attributes: string[] };
export const MAX_HEADER_SIZE: number;
