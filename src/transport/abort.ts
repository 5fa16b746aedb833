/** Small AbortSignal utilities that work in every runtime (no AbortSignal.any needed). */

/**
 * The callbacks waiting on each signal, behind ONE 'abort' listener per signal.
 * A signal shared by many calls (a page's lifetime, a job) would otherwise carry
 * one listener per call in flight, and Node warns "Possible EventTarget memory
 * leak" past 10. The listener is removed when its last callback unsubscribes.
 */
const waiting = new WeakMap<AbortSignal, { callbacks: Set<() => void>; listener: () => void }>();

/** Runs `callback` once when `signal` aborts; returns the unsubscribe function (call it when done). */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let entry = waiting.get(signal);
  if (!entry) {
    const callbacks = new Set<() => void>();
    const listener = (): void => {
      waiting.delete(signal);
      for (const fn of callbacks) fn();
    };
    entry = { callbacks, listener };
    waiting.set(signal, entry);
    signal.addEventListener("abort", listener, { once: true });
  }
  const { callbacks, listener } = entry;
  const once = (): void => {
    callbacks.delete(once);
    callback();
  };
  callbacks.add(once);
  return () => {
    if (!callbacks.delete(once) || callbacks.size > 0) return;
    signal.removeEventListener("abort", listener);
    if (waiting.get(signal)?.callbacks === callbacks) waiting.delete(signal);
  };
}

/** Aborts `controller` when any of `signals` aborts. Returns a function that detaches the listeners. */
export function linkSignals(signals: readonly AbortSignal[], controller: AbortController): () => void {
  const detach: Array<() => void> = [];
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    detach.push(onAbort(signal, () => controller.abort(signal.reason)));
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
    const unsubscribe = onAbort(signal, () => reject(signal.reason));
    promise.then(
      (value) => {
        unsubscribe();
        resolve(value);
      },
      (error: unknown) => {
        unsubscribe();
        reject(error);
      },
    );
  });
}

/**
 * A promise that rejects with the signal's reason once it aborts (never settles
 * otherwise). For a signal owned by one attempt: its listener is never removed,
 * it goes away with the signal.
 */
export function rejectOnAbort(signal: AbortSignal): Promise<never> {
  const rejection = new Promise<never>((_resolve, reject) => {
    if (signal.aborted) reject(signal.reason);
    else signal.addEventListener("abort", () => reject(signal.reason), { once: true });
  });
  rejection.catch(() => undefined); // a rejection nobody raced against is not an error
  return rejection;
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
