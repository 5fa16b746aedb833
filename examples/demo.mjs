// `npm start`: builds the package, then runs this example with the BUILT
// client (dist/index.js) against the stateful simulator (dist/mock.js, started
// in this process on a free loopback port), so every change shows up in the
// next read. To run the same example against a real Chatwoot server instead:
//
//   CHATWOOT_BASE_URL=https://chat.example.org CHATWOOT_API_TOKEN=… [CHATWOOT_ACCOUNT_ID=1] npm start
//
// Against a real server it changes one open conversation (its status and
// labels), sends no message, and then puts both back.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createChatwootClient } from "../dist/index.js";

const STATUSES = ["open", "pending", "snoozed", "resolved"];

function target() {
  const { CHATWOOT_BASE_URL: baseUrl, CHATWOOT_API_TOKEN: token, CHATWOOT_ACCOUNT_ID: account } = process.env;
  if (!baseUrl && !token) return undefined;
  if (!baseUrl || !token) throw new Error("set both CHATWOOT_BASE_URL and CHATWOOT_API_TOKEN (and optionally CHATWOOT_ACCOUNT_ID) to use a real server");
  return { baseUrl, apiAccessToken: token, accountId: account ? Number(account) : 1 };
}

const list = (items) => (items.length ? items.join(", ") : "–");
const who = (conversation) => conversation.meta?.sender?.name ?? `contact #${conversation.meta?.sender?.id ?? "?"}`;
const assignee = (conversation) => conversation.meta?.assignee?.name ?? "unassigned";
const excerpt = (text, max = 60) => {
  const flat = String(text ?? "").replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** The example itself: list, read, resolve, label, reply, list again, count. Against a real server it puts the conversation back. */
export async function demo(chatwoot, { mocked, log = console.log }) {
  const { meta, payload } = await chatwoot.conversations.list({ status: "open" });
  log(`\n1. Open conversations: ${payload.length} on the first page (mine ${meta.mine_count}, unassigned ${meta.unassigned_count}, all ${meta.all_count})`);
  for (const c of payload.slice(0, 8)) log(`   ${row(c)}`);
  if (payload.length > 8) log(`   … and ${payload.length - 8} more on this page`);
  if (payload.length === 0) {
    log("   (no open conversation: nothing to read, resolve or label)");
  } else {
    const id = payload[0].id;
    const conversation = await chatwoot.conversations.get(id);
    const last = conversation.last_non_activity_message ?? conversation.messages?.at(-1);
    log(`\n2. Conversation #${conversation.id} with ${who(conversation)}: ${conversation.status}, priority ${conversation.priority ?? "none"}, ${conversation.unread_count} unread`);
    if (last) log(`   last message: "${excerpt(last.content)}"`);

    const toggled = await chatwoot.conversations.toggleStatus(id);
    log(`\n3. Toggled the status: ${conversation.status} → ${toggled.current_status}`);

    const available = (await chatwoot.labels.list()).map((label) => label.title);
    const original = conversation.labels;
    const wanted = [...new Set([...original, ...available.filter((title) => !original.includes(title)).slice(0, 2)])];
    if (wanted.length === original.length) {
      log(`\n4. Labels: the account has no other label to add (it has ${available.length})`);
    } else {
      const labels = await chatwoot.conversations.labels.set(id, wanted);
      log(`\n4. Labels: ${list(original)} → ${list(labels)} (the account has ${available.length} labels)`);
    }

    if (mocked) {
      const sent = await chatwoot.conversations.messages.create(id, { content: "Thanks for reaching out! This is fixed in today's release." });
      log(`\n5. Replied (message #${sent.id}): "${excerpt(sent.content)}"`);
      const again = await chatwoot.conversations.list({ status: "open" });
      const now = await chatwoot.conversations.get(id);
      log(`\n6. Open conversations again: all ${meta.all_count} → ${again.meta.all_count}; #${id} ${again.payload.some((c) => c.id === id) ? "is still listed" : "is gone from the list"}`);
      log(`   #${id} now: ${now.status}, labels ${list(now.labels)}, last message "${excerpt((now.last_non_activity_message ?? now.messages?.at(-1))?.content)}"`);
    } else {
      log("\n5. (no message sent: messages cannot be taken back on a real server)");
      await chatwoot.conversations.toggleStatus(id, { status: conversation.status });
      if (wanted.length !== original.length) await chatwoot.conversations.labels.set(id, original);
      log(`   (put back: status ${conversation.status}, labels ${list(original)})`);
    }
  }

  const counts = await Promise.all(STATUSES.map((status) => chatwoot.conversations.counts({ status })));
  log(`\n7. Conversations per status: ${STATUSES.map((status, i) => `${status} ${counts[i].all_count}`).join(", ")}`);
  return { listed: payload.length, counts: Object.fromEntries(STATUSES.map((status, i) => [status, counts[i].all_count])) };
}

const row = (c) => `#${String(c.id).padEnd(6)} ${who(c).padEnd(22)} ${String(c.meta?.channel ?? "").padEnd(20)} ${assignee(c).padEnd(18)} labels: ${list(c.labels)}`;

async function main() {
  const real = target();
  let mock;
  if (!real) {
    const { startMockServer, DEFAULT_TOKENS } = await import("../dist/mock.js");
    mock = await startMockServer({ port: 0, log: (line) => console.error(line) });
    mock.token = DEFAULT_TOKENS.admin;
  }
  const stopMock = () => mock?.close();
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      void Promise.resolve(stopMock()).finally(() => process.exit(130));
    });
  }
  try {
    const options = real ?? { baseUrl: mock.url, apiAccessToken: mock.token, accountId: 1 };
    console.log(
      real
        ? `Chatwoot demo against ${options.baseUrl} (account ${options.accountId}); it changes one open conversation and puts it back`
        : `Chatwoot demo against the simulator at ${options.baseUrl} (account ${options.accountId}, token ${options.apiAccessToken})`,
    );
    const chatwoot = createChatwootClient(options);
    await demo(chatwoot, { mocked: !real });
    console.log("\nDone.");
  } finally {
    await stopMock();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(`\ndemo failed: ${error?.message ?? error}`);
      process.exitCode = 1;
    },
  );
}
