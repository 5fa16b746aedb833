// Ports acknowledgements written for the old hand-written checker
// (openapi/released/ACKNOWLEDGED_BREAKS.json: [{ id, reason }], ids such as
// `removed-response-field:listConversations:200:data.payload[].messages[].attachments[].created_at`)
// to oasdiff's ignore file, one line per oasdiff change with the reason it inherits.
// Only for branches that still write the old file; delete once none does.
//
//   node scripts/acknowledged-to-oasdiff.mjs --acks FILE [--head dist/openapi.json] [--write]
//
// A change oasdiff reports that the old checker had no kind for (a property that became
// nullable or optional, a new oneOf, …) takes its reason from TOPICS below, written from
// the spec's own sources. Exit 1 when a change is left without a reason: add a topic.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { DEFAULT_BASE, DEFAULT_HEAD, DEFAULT_IGNORE, errChanges, ignoreLineFor, matches, readIgnoreLines } from "./check-breaking.mjs";
import { ensureTools } from "./tools.mjs";

/** Reasons for oasdiff kinds the old checker did not have, by change id and text. */
const TOPICS = [
  [/any-of-added/, /EmbeddedMessage.*last_non_activity_message/, "last_non_activity_message is Message#push_event_data (app/models/message.rb), the embedded form with conversation, sender and attachments, not the messages endpoints' partial: the spec names it EmbeddedMessage."],
  [/one-of-added/, /UserSender.*ContactSender.*AgentBotSender/, "a message's sender is the push_event_data of a User, a Contact or an AgentBot (app/models/user.rb, contact.rb, agent_bot.rb): three shapes, told apart by `type`, not one merged object."],
  [/became-(nullable|optional)/, /attachments\/items\/(data_url|file_size|thumb_url)`/, "Attachment#push_event_data (app/models/attachment.rb): a file not stored (external URL) sends data_url = external_url (may be null) and no file_size; a shared contact card sends no data_url."],
  [/became-nullable/, /`payload\/items\/(data_url|file_size|thumb_url)`/, "the attachments endpoint renders every key for every attachment, null where the attachment's file_type has none (a contact card has no data_url, a location no file_size): app/views/api/v1/models/_attachment.json.jbuilder."],
  [/max-items-unset/, /`(data\/)?payload` response property's maxItems was unset from `25`/, "with updated_within the server returns every match, unpaged (app/finders/conversation_finder.rb); 25 is only the page size otherwise."],
  [/max-items-unset/, /`payload\/items\/messages` response property's maxItems was unset from `1`/, "search items carry every matching message of the conversation (app/views/api/v1/accounts/conversations/search.json.jbuilder), not one."],
  [/type-changed|became-nullable|min-unset/, /`meta\/(agent|assignee)_last_seen_at`/, "the messages list renders the last-seen times as ISO 8601 strings or null (app/views/api/v1/accounts/conversations/messages/index.json.jbuilder), unlike the Conversation object's integers."],
  [/request-property-type-changed/, /`snoozed_until` request property/, "ConversationBuilder stores params[:snoozed_until] as sent into a datetime column (app/builders/conversation_builder.rb): an ISO 8601 string; unix seconds are parsed only by toggle_status."],
  [/request-property-min-length-set/, /`title` request property's minLength was set to `2`/, "Label validates the title with UNICODE_CHARACTER_NUMBER_HYPHEN_UNDERSCORE (app/models/label.rb, lib/regex_helper.rb): at least 2 characters; a 1-character title was always a 422."],
  [/request-property-became-enum/, /^request property `content_type` was restricted/, "Message's content_type is a Rails enum (app/models/message.rb): any other value raises instead of being stored, so only the listed values were ever accepted."],
  [/request-property-max-length-set/, /`content` request property's maxLength was set to `150000`/, "Message validates content to at most 150,000 characters (app/models/message.rb, `validates :content, length: { maximum: 150_000 }`): longer content was always a 422."],
  [/became-optional/, /payload\/conversations\/items\/(contact|inbox)`/, "search/conversations.json.jbuilder renders contact and inbox only when the conversation has one (app/views/api/v1/accounts/search/conversations.json.jbuilder)."],
];

/** `data.payload[].x` (old checker) → `data/payload/items/x` (oasdiff). */
const toOasdiffPath = (p) => p.replace(/\[\]/g, ".items").replace(/\{\}/g, ".additionalProperties").split(".").join("/");

function reasonFor(change, acks) {
  const path = /`([^`]+)`/.exec(change.text)?.[1];
  for (const { id, reason } of acks) {
    const [kind, op, , field] = id.split(":");
    if (kind === "removed-response-field" && op === change.operationId && change.id.endsWith("-property-removed") && toOasdiffPath(field) === path) return reason;
  }
  return TOPICS.find(([id, text]) => id.test(change.id) && text.test(change.text))?.[2];
}

function main() {
  const { values } = parseArgs({
    options: {
      acks: { type: "string" },
      base: { type: "string", default: DEFAULT_BASE },
      head: { type: "string", default: DEFAULT_HEAD },
      write: { type: "boolean", default: false },
    },
  });
  if (!values.acks) throw new Error("--acks FILE is required");
  ensureTools("oasdiff");
  const acks = JSON.parse(fs.readFileSync(values.acks, "utf8")).map((a) => (typeof a === "string" ? { id: a, reason: "" } : a));
  const have = readIgnoreLines(DEFAULT_IGNORE);
  const lines = [];
  let missing = 0;
  for (const change of errChanges(values.base, values.head)) {
    if (have.some((l) => matches(l.text, change))) continue;
    const reason = reasonFor(change, acks);
    if (!reason) {
      missing++;
      console.error(`no reason: ${ignoreLineFor(change)}`);
      continue;
    }
    lines.push(`${ignoreLineFor(change)} -- reason: ${reason.replace(/\s+/g, " ").trim()}`);
  }
  if (values.write) fs.appendFileSync(DEFAULT_IGNORE, lines.map((l) => `${l}\n`).join(""));
  else for (const l of lines) console.log(l);
  console.error(`${lines.length} line(s) ${values.write ? "appended to" : "for"} ${DEFAULT_IGNORE}; ${missing} change(s) without a reason`);
  return missing ? 1 : 0;
}

process.exitCode = main();
