// chatwoot.conversations.customAttributes: the server REPLACES the whole object.
import type { ApiPromise } from "../api-promise.js";
import type { Core, RequestOptions } from "../core.js";
import { unwrap } from "../response-shape.js";
import type { CustomAttributes as Attributes, components } from "../types.js";
import { plainObject, positiveId } from "../validate.js";

interface ConversationReader {
  get(id: number, options?: RequestOptions): PromiseLike<{ custom_attributes: Record<string, unknown> }>;
}

export class CustomAttributes {
  constructor(
    private readonly core: Core,
    private readonly conversations: ConversationReader,
  ) {}

  /** Replaces the custom attributes with exactly `attributes` (keys left out are deleted). */
  set(id: number, attributes: Attributes, options?: RequestOptions): ApiPromise<Attributes> {
    return this.core.call(
      "setConversationCustomAttributes",
      options,
      { conversation_id: id },
      () => ({ body: { custom_attributes: plainObject("custom_attributes", attributes) } }),
      unwrap({ custom_attributes: "object" }, (wire: components["schemas"]["CustomAttributes"]): Attributes => wire.custom_attributes),
    );
  }

  /** Changes only the given keys (reads, merges, writes); a key set to `undefined` is removed. */
  async merge(id: number, attributes: Attributes, options?: RequestOptions): Promise<Attributes> {
    positiveId("conversation_id", id);
    plainObject("custom_attributes", attributes);
    const { custom_attributes: current } = await this.conversations.get(id, options);
    const merged: Attributes = { ...current, ...attributes };
    for (const [key, value] of Object.entries(attributes)) if (value === undefined) delete merged[key];
    return this.set(id, merged, options);
  }
}
