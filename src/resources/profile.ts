// chatwoot.profile: the user the token belongs to.
import type { ApiPromise } from "../api-promise.js";
import type { Core, RequestOptions } from "../core.js";
import { anObject, ShapeMismatch, unwrap } from "../response-shape.js";
import { AbortError } from "../errors.js";
import { raceAbort } from "../transport/abort.js";
import type { Profile as ProfileBody } from "../types.js";

/** Only the id is read out of the profile (it also holds the user's secrets). */
const userId = unwrap("entity", (wire: ProfileBody): number => {
  if (!Number.isSafeInteger(wire.id) || wire.id < 1) throw new ShapeMismatch("the body.id is not a positive integer");
  return wire.id;
});

export class Profile {
  #currentUserId: Promise<number> | undefined;

  constructor(private readonly core: Core) {}

  /** The current user. It contains the user's access_token: never log it. */
  get(options?: RequestOptions): ApiPromise<ProfileBody> {
    return this.core.call<ProfileBody>("getProfile", options, undefined, undefined, anObject);
  }

  /**
   * The current user's id, fetched once and shared; only the id is kept (the
   * profile holds secrets). The shared lookup ignores any one caller's signal;
   * each caller's own signal still cancels that caller's wait.
   */
  currentUserId(options?: RequestOptions): Promise<number> {
    const signal = options?.signal;
    // Already cancelled: send nothing, not even the shared lookup.
    if (signal?.aborted) return Promise.reject(new AbortError({ cause: signal.reason }));
    if (!this.#currentUserId) {
      const lookupOptions = { timeoutMs: options?.timeoutMs, maxRetries: options?.maxRetries };
      const lookup = Promise.resolve(this.core.call("getProfile", lookupOptions, undefined, undefined, userId));
      // A failed lookup is not cached, so the next call tries again.
      lookup.catch(() => (this.#currentUserId = undefined));
      this.#currentUserId = lookup;
    }
    if (!signal) return this.#currentUserId;
    return raceAbort(this.#currentUserId, signal).catch((error: unknown) => {
      throw signal.aborted ? new AbortError({ cause: signal.reason }) : error;
    });
  }
}
