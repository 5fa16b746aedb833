// Messages and attachments as the server renders them:
// - REST: app/views/api/v1/models/_message.json.jbuilder (messages list/create/…)
// - embedded: Message#push_event_data (app/models/message.rb), used by the
//   Conversation's `messages` / `last_non_activity_message`
// - attachments: Attachment#push_event_data (app/models/attachment.rb) and
//   the attachments list item app/views/api/v1/models/_attachment.json.jbuilder
import type { Store } from "../store/store.js";
import type { Attachment, Conversation, Message } from "../store/types.js";
import { botPush, contactPush, userPush } from "./people.js";
import { iso, toI } from "./time.js";

/** `sender.push_event_data` of a message, or undefined. */
export function senderPush(store: Store, message: Message) {
  if (message.sender_id === null) return undefined;
  if (message.sender_type === "User") {
    const user = store.users.get(message.sender_id);
    return user && userPush(user);
  }
  if (message.sender_type === "Contact") {
    const contact = store.contacts.get(message.sender_id);
    return contact && contactPush(contact);
  }
  const bot = store.bots.get(message.sender_id);
  return bot && botPush(bot);
}

/** Attachment#push_event_data: base data plus the keys of its file type. */
export function attachmentPush(a: Attachment): Record<string, unknown> {
  const base = { id: a.id, message_id: a.message_id, file_type: a.file_type, account_id: a.account_id };
  switch (a.file_type) {
    case "location":
      return { ...base, coordinates_lat: a.coordinates_lat, coordinates_long: a.coordinates_long, fallback_title: a.fallback_title, data_url: a.data_url };
    case "fallback":
      return { ...base, fallback_title: a.fallback_title, data_url: a.data_url };
    case "contact":
      return { ...base, fallback_title: a.fallback_title, meta: a.meta ?? {} };
    case "embed":
      return { ...base, data_url: a.data_url };
    case "audio":
      return { ...base, ...fileMetadata(a), transcribed_text: (a.meta?.transcribed_text as string | undefined) ?? "" };
    default:
      return { ...base, ...fileMetadata(a) };
  }
}

const fileMetadata = (a: Attachment) => ({
  extension: a.extension,
  content_type: a.content_type,
  data_url: a.data_url,
  thumb_url: a.file_type === "image" ? a.thumb_url : "",
  file_size: a.file_size,
  width: a.width,
  height: a.height,
});

/** The attachments list item (GET …/attachments): fixed keys, null where the type has none. */
export function attachmentItem(store: Store, a: Attachment, message: Message) {
  const data = attachmentPush(a);
  const sender = senderPush(store, message);
  return {
    id: a.id,
    message_id: a.message_id,
    thumb_url: data.thumb_url ?? null,
    data_url: data.data_url ?? null,
    file_size: data.file_size ?? null,
    file_type: a.file_type,
    extension: data.extension ?? null,
    width: data.width ?? null,
    height: data.height ?? null,
    created_at: toI(message.created_at),
    ...(sender ? { sender } : {}),
  };
}

/** api/v1/models/_message.json.jbuilder */
export function messageView(store: Store, message: Message, conversation: Conversation) {
  const sender = senderPush(store, message);
  return {
    id: message.id,
    content: message.content,
    inbox_id: message.inbox_id,
    ...(message.echo_id ? { echo_id: message.echo_id } : {}),
    conversation_id: conversation.display_id,
    message_type: message.message_type,
    content_type: message.content_type,
    status: message.status,
    content_attributes: message.content_attributes,
    created_at: toI(message.created_at),
    private: message.private,
    source_id: message.source_id,
    ...(sender ? { sender } : {}),
    ...(message.attachments.length > 0 ? { attachments: message.attachments.map(attachmentPush) } : {}),
  };
}

/** Message#push_event_data: every column, plus a little of the conversation. */
export function messagePush(store: Store, message: Message, conversation: Conversation) {
  const sender = senderPush(store, message);
  return {
    id: message.id,
    content: message.content,
    account_id: message.account_id,
    inbox_id: message.inbox_id,
    conversation_id: conversation.display_id,
    message_type: message.message_type,
    created_at: toI(message.created_at),
    updated_at: iso(message.updated_at),
    private: message.private,
    status: message.status,
    source_id: message.source_id,
    content_type: message.content_type,
    content_attributes: message.content_attributes,
    sender_type: message.sender_type,
    sender_id: message.sender_id,
    external_source_ids: message.external_source_ids,
    additional_attributes: message.additional_attributes,
    processed_message_content: message.processed_message_content,
    sentiment: message.sentiment,
    conversation: {
      assignee_id: conversation.assignee_id,
      unread_count: store.unreadCount(conversation),
      last_activity_at: toI(conversation.last_activity_at),
      contact_inbox: { source_id: store.contactInboxOf(conversation)?.source_id ?? null },
    },
    ...(message.echo_id ? { echo_id: message.echo_id } : {}),
    ...(message.attachments.length > 0 ? { attachments: message.attachments.map(attachmentPush) } : {}),
    ...(sender ? { sender } : {}),
  };
}
