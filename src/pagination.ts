// Page walking shared by every paginated list: one page in memory at a time,
// each id yielded once (ids are remembered in a bitset, not a Set), and a failed page can be retried by calling next()
// again (the walk resumes from the page that failed). A full page that brings
// no new id ends the walk with InvalidResponseError: the server (or a proxy
// that drops the query string) is answering the same page whatever is asked,
// and walking on would never end.

import { InvalidResponseError } from "./errors.js";
import { IdSet } from "./id-set.js";
import { positiveId } from "./validate.js";

export interface IterateOptions {
  /** Stop after this many items. */
  limit?: number | undefined;
}

/** The `limit` option checked: a positive integer, or no limit. */
export function iterationLimit(limit: unknown): number {
  return limit === undefined ? Infinity : positiveId("limit", limit);
}

export interface Page<T> {
  items: T[];
  /** false when the server said this was the last page. */
  hasMore: boolean;
  /** The page's response, to name the request in an error. */
  response?: Response;
}

export class PageIterator<T extends { id: number }> implements AsyncIterableIterator<T> {
  #page = 1;
  #buffer: T[] = [];
  #seen = new IdSet();
  #yielded = 0;
  #done = false;

  constructor(
    private readonly fetchPage: (page: number) => PromiseLike<Page<T>>,
    private readonly limit = Infinity,
    /** The HTTP method of a page request, for the error message. */
    private readonly method = "GET",
  ) {}

  #queue: Promise<unknown> = Promise.resolve();

  /** Calls are served one after another, like an async generator's, so concurrent next() calls never race. */
  next(): Promise<IteratorResult<T, undefined>> {
    const result = this.#queue.then(() => this.#step());
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async #step(): Promise<IteratorResult<T, undefined>> {
    while (this.#buffer.length === 0) {
      if (this.#done || this.#yielded >= this.limit) return this.#finish();
      // If this throws, #page is unchanged: the next call asks for the same page again.
      const { items, hasMore, response } = await this.fetchPage(this.#page);
      this.#page += 1;
      this.#done = !hasMore;
      // A conversation that moved while we walk can show up on two pages: skip repeats.
      this.#buffer = items.filter((item) => !this.#seen.has(item.id));
      for (const item of this.#buffer) this.#seen.add(item.id);
      if (hasMore && this.#buffer.length === 0) throw this.#stalled(this.#page - 1, response);
    }
    if (this.#yielded >= this.limit) return this.#finish();
    this.#yielded += 1;
    return { done: false, value: this.#buffer.shift() as T };
  }

  async return(): Promise<IteratorResult<T, undefined>> {
    return this.#finish();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  #stalled(page: number, response: Response | undefined): InvalidResponseError {
    this.#finish();
    return new InvalidResponseError({
      status: response?.status ?? 200,
      method: this.method,
      url: response?.url ?? "",
      body: "",
      reason: `Page ${page} was full but brought no conversation not already seen: the server (or a proxy) seems to ignore the page number, so the walk stopped`,
    });
  }

  #finish(): IteratorResult<T, undefined> {
    this.#done = true;
    this.#buffer = [];
    return { done: true, value: undefined };
  }
}
