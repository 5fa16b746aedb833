// chatwoot.conversations.customAttributes: the server REPLACES the whole object.
import type { Core, RequestOptions } from "../core.js";
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
  set(id: number, attributes: Attributes, options?: RequestOptions) {
    return this.core.call(
      "setConversationCustomAttributes",
      options,
      (account_id) => {
        const conversation_id = positiveId("conversation_id", id);
        const body = { custom_attributes: plainObject("custom_attributes", attributes) };
        return {
          body,
          exec: (init) =>
            this.core.raw.POST("/api/v1/accounts/{account_id}/conversations/{conversation_id}/custom_attributes", {
              params: { path: { account_id, conversation_id } },
              body,
              ...init,
            }),
        };
      },
      (wire: components["schemas"]["CustomAttributes"]): Attributes => wire.custom_attributes,
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
