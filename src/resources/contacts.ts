// chatwoot.contacts: a contact's conversations and labels (by contact id).
import type { ApiPromise } from "../api-promise.js";
import type { Core, RequestOptions } from "../core.js";
import { unwrap } from "../response-shape.js";
import type { Conversation, components } from "../types.js";
import { labelList } from "../validate.js";

type Schemas = components["schemas"];

export class ContactLabels {
  constructor(private readonly core: Core) {}

  /** Titles of the labels on the contact (not on its conversations). */
  list(contactId: number, options?: RequestOptions): ApiPromise<string[]> {
    return this.core.call(
      "listContactLabels",
      options,
      { contact_id: contactId },
      undefined,
      unwrap({ payload: "array" }, (wire: Schemas["ContactLabels"]): string[] => wire.payload),
    );
  }

  /** REPLACES the contact's labels (`[]` removes all); returns the new list. */
  set(contactId: number, labels: string[], options?: RequestOptions): ApiPromise<string[]> {
    return this.core.call(
      "setContactLabels",
      options,
      { contact_id: contactId },
      () => ({ body: { labels: labelList("labels", labels) } }),
      unwrap({ payload: "array" }, (wire: Schemas["ContactLabels"]): string[] => wire.payload),
    );
  }
}

export class Contacts {
  readonly labels: ContactLabels;

  constructor(private readonly core: Core) {
    this.labels = new ContactLabels(core);
  }

  /** The contact's 20 most recently active conversations, of every status (no paging). */
  conversations(contactId: number, options?: RequestOptions): ApiPromise<Conversation[]> {
    return this.core.call(
      "listContactConversations",
      options,
      { contact_id: contactId },
      undefined,
      unwrap({ payload: "array" }, (wire: Schemas["ContactConversationList"]): Conversation[] => wire.payload),
    );
  }
}
