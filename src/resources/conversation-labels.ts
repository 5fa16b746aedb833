// chatwoot.conversations.labels: the labels of one conversation (by title).
import type { ApiPromise } from "../api-promise.js";
import type { Core, RequestOptions } from "../core.js";
import { unwrap } from "../response-shape.js";
import type { components } from "../types.js";
import { labelList, positiveId } from "../validate.js";

const titles = unwrap({ payload: "array" }, (wire: components["schemas"]["ConversationLabels"]): string[] => wire.payload);

export class ConversationLabels {
  constructor(private readonly core: Core) {}

  list(id: number, options?: RequestOptions): ApiPromise<string[]> {
    return this.core.call("listConversationLabels", options, { conversation_id: id }, undefined, titles);
  }

  /** Replaces the labels with exactly these (the server's semantics); `[]` removes all. */
  set(id: number, labels: string[], options?: RequestOptions): ApiPromise<string[]> {
    return this.core.call("setConversationLabels", options, { conversation_id: id }, () => ({ body: { labels: labelList("labels", labels) } }), titles);
  }

  /** Adds labels, keeping the current ones (reads, unions, writes). */
  async add(id: number, labels: string[], options?: RequestOptions): Promise<string[]> {
    positiveId("conversation_id", id);
    const wanted = labelList("labels", labels, { allowEmpty: false });
    const current = await this.list(id, options);
    // The server stores titles lower-cased: compare the same way, so "VIP" does not duplicate "vip".
    const have = new Set(current.map((label) => label.toLowerCase()));
    const added = wanted.filter((label) => !have.has(label.toLowerCase()) && have.add(label.toLowerCase()));
    return this.set(id, [...current, ...added], options);
  }

  /** Removes these labels, keeping the others (reads, filters, writes). */
  async remove(id: number, labels: string[], options?: RequestOptions): Promise<string[]> {
    positiveId("conversation_id", id);
    const unwanted = new Set(labelList("labels", labels, { allowEmpty: false }).map((l) => l.toLowerCase()));
    const current = await this.list(id, options);
    return this.set(id, current.filter((label) => !unwanted.has(label.toLowerCase())), options);
  }
}
