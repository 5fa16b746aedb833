// What an editor shows on hover: every method's signature names its types
// (`ApiPromise<Conversation>`), never a 40-line object literal. Asked of the
// TypeScript language service, as an editor does.
import { beforeAll, describe, expect, it } from "vitest";
import { probe, type Probe } from "./typescript-service.js";

/** member → the signature an editor must show. */
const signatures: Record<string, string> = {
  "conversations.list": "list(params?: ListConversationsParams, options?: RequestOptions): ApiPromise<ConversationPage>",
  "conversations.iterate": "iterate(params?: IterateConversationsParams, options?: RequestOptions): PageIterator<Conversation>",
  "conversations.counts": "counts(params?: CountsParams, options?: RequestOptions): ApiPromise<ConversationCounts>",
  "conversations.filter": "filter(conditions: FilterConditionInput[], params?: PageParams, options?: RequestOptions): ApiPromise<FilterPage>",
  "conversations.search": "search(params: SearchParams, options?: RequestOptions): ApiPromise<ConversationSearchResult[]>",
  "conversations.searchMessages": "searchMessages(params: SearchMessagesParams, options?: RequestOptions): ApiPromise<MessageSearchPage>",
  "conversations.get": "get(id: number, options?: RequestOptions): ApiPromise<Conversation>",
  "conversations.create": "create(params: CreateConversationParams, options?: RequestOptions): ApiPromise<Conversation>",
  "conversations.update": "update(id: number, params: UpdateConversationParams, options?: RequestOptions): ApiPromise<Conversation>",
  "conversations.toggleStatus": "toggleStatus(id: number, params?: ToggleStatusParams, options?: RequestOptions): ApiPromise<ToggleStatusResult>",
  "conversations.assign": "assign(id: number, params: AssignAgentParams, options?: RequestOptions): ApiPromise<Agent | null> (+3 overloads)",
  "conversations.unassign": "unassign(id: number, options?: RequestOptions): ApiPromise<AssignmentResult>",
  "conversations.join": "join(id: number, options?: RequestOptions): Promise<Agent[]>",
  "conversations.attachments": "attachments(id: number, params?: PageParams, options?: RequestOptions): ApiPromise<AttachmentPage>",
  "conversations.messages.list": "list(id: number, params?: ListMessagesParams, options?: RequestOptions): ApiPromise<MessagePage>",
  "conversations.messages.create": "create(id: number, body: CreateMessageParams, options?: RequestOptions): ApiPromise<Message>",
  "conversations.labels.list": "list(id: number, options?: RequestOptions): ApiPromise<string[]>",
  "conversations.participants.list": "list(id: number, options?: RequestOptions): ApiPromise<Agent[]>",
  "labels.get": "get(labelId: number, options?: RequestOptions): ApiPromise<Label>",
  "labels.create": "create(body: CreateLabelParams, options?: RequestOptions): ApiPromise<Label>",
  "agents.list": "list(options?: RequestOptions): ApiPromise<Agent[]>",
  "profile.get": "get(options?: RequestOptions): ApiPromise<Profile>",
};

let service: Probe;
beforeAll(() => {
  const text = [
    `import { createChatwootClient } from "../../src/index.js";`,
    `const client = createChatwootClient({ baseUrl: "https://chat.example.com", apiAccessToken: "t", accountId: 1 });`,
    ...Object.keys(signatures).map((member) => `void client.${member};`),
    `export async function values() {`,
    `  const conversation = await client.conversations.get(1);`,
    `  const page = await client.conversations.list();`,
    `  return [conversation, page];`,
    `}`,
  ].join("\n");
  service = probe(text);
  expect(service.errors()).toEqual([]);
}, 60_000);

describe("hover", () => {
  it.each(Object.entries(signatures))("client.%s shows %s", (member, signature) => {
    const shown = service.hover(`client.${member};`);
    expect(shown).toMatch(/^\(method\) \w+\./);
    expect(shown.replace(/^\(method\) \w+\./, "")).toBe(signature);
  });

  it("awaited results show the type's name", () => {
    expect(service.hover("const conversation")).toBe("const conversation: Conversation");
    expect(service.hover("const page")).toBe("const page: ConversationPage");
  });
});
