/** Small AbortSignal utilities that work in every runtime (no AbortSignal.any needed). */

/** Aborts `controller` when any of `signals` aborts. Returns a function that detaches the listeners. */
export function linkSignals(signals: readonly AbortSignal[], controller: AbortController): () => void {
  const detach: Array<() => void> = [];
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    const onAbort = (): void => controller.abort(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    detach.push(() => signal.removeEventListener("abort", onAbort));
  }
  return () => {
    for (const fn of detach) fn();
  };
}

/**
 * Settles with `promise`, or rejects as soon as `signal` aborts. Guards against
 * fetch implementations (or injected sleeps) that ignore their signal.
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => undefined); // the loser must not become an unhandled rejection
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/**
 * One signal that aborts when any of `signals` does, without a new controller
 * when there is only one. `detach` removes the listeners a combination needed.
 */
export function anySignal(signals: ReadonlyArray<AbortSignal | null | undefined>): { signal?: AbortSignal; detach: () => void } {
  const present = signals.filter((s): s is AbortSignal => s !== undefined && s !== null);
  if (present.length <= 1) return { signal: present[0], detach: () => undefined };
  const controller = new AbortController();
  return { signal: controller.signal, detach: linkSignals(present, controller) };
}
