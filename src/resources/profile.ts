// chatwoot.profile: the user the token belongs to.
import type { Core, RequestOptions } from "../core.js";
import { AbortError } from "../errors.js";
import { raceAbort } from "../transport/abort.js";
import type { Profile as ProfileBody } from "../types.js";

export class Profile {
  #currentUserId: Promise<number> | undefined;

  constructor(private readonly core: Core) {}

  /** The current user. It contains the user's access_token: never log it. */
  get(options?: RequestOptions) {
    return this.core.call<ProfileBody>("getProfile", options);
  }

  /**
   * The current user's id, fetched once and shared; only the id is kept (the
   * profile holds secrets). The shared lookup ignores any one caller's signal;
   * each caller's own signal still cancels that caller's wait.
   */
  currentUserId(options?: RequestOptions): Promise<number> {
    if (!this.#currentUserId) {
      const lookup = this.get({ timeoutMs: options?.timeoutMs, maxRetries: options?.maxRetries }).then((profile) => profile.id);
      // A failed lookup is not cached, so the next call tries again.
      lookup.catch(() => (this.#currentUserId = undefined));
      this.#currentUserId = lookup;
    }
    const signal = options?.signal;
    if (!signal) return this.#currentUserId;
    return raceAbort(this.#currentUserId, signal).catch((error: unknown) => {
      throw signal.aborted ? new AbortError({ cause: signal.reason }) : error;
    });
  }
}
