// chatwoot.profile: the user the token belongs to.
import type { Core, RequestOptions } from "../core.js";
import type { Profile as ProfileBody } from "../types.js";

export class Profile {
  #currentUserId: Promise<number> | undefined;

  constructor(private readonly core: Core) {}

  /** The current user. It contains the user's access_token: never log it. */
  get(options?: RequestOptions) {
    return this.core.call<ProfileBody>("getProfile", options, () => ({
      exec: (init) => this.core.raw.GET("/api/v1/profile", { ...init }),
    }));
  }

  /** The current user's id, fetched once; only the id is kept (the profile holds secrets). */
  currentUserId(options?: RequestOptions): Promise<number> {
    this.#currentUserId ??= this.get(options).then((profile) => profile.id);
    // A failed lookup is not cached, so the next call tries again.
    this.#currentUserId.catch(() => (this.#currentUserId = undefined));
    return this.#currentUserId;
  }
}
