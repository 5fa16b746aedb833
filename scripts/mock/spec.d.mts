// Types of spec.mjs, for the TypeScript tests.
export function withBundleLock<T>(root: string, fn: () => T): T;
export function ensureBundle(root: string, log?: (message: string) => void): boolean;
export function readSpec(file: string, options?: { settleMs?: number }): { text: string; doc: Record<string, unknown> } | undefined;
export function snapshotSpec(
  source: string,
  target: string,
  options?: {
    onReload?: (doc: Record<string, unknown>) => void;
    onInvalid?: () => void;
    intervalMs?: number;
    settleMs?: number;
    waitMs?: number;
  },
): { doc: Record<string, unknown>; stop(): void };
