// `npm start`: builds the package, then runs this example with the BUILT
// client (dist/index.js) against the mock server, which it starts and stops
// itself. To run the same example against a real Chatwoot server instead:
//
//   CHATWOOT_BASE_URL=https://chat.example.org CHATWOOT_API_TOKEN=… [CHATWOOT_ACCOUNT_ID=1] npm start
//
// Against a real server it changes one open conversation (its status and
// labels) and then puts both back.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createChatwootClient } from "../dist/index.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const STATUSES = ["open", "pending", "snoozed", "resolved"];

/** Starts `scripts/mock.mjs` on a free loopback port; resolves once it prints its URL. */
function startMock() {
  const child = spawn(process.execPath, [path.join(here, "..", "scripts", "mock.mjs"), "--port", "0", "--host", "127.0.0.1"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the mock server did not start within 60 s:\n${output}`));
    }, 60_000);
    const onData = (chunk) => {
      output += chunk;
      const url = /ready on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        child.stdout.off("data", onData);
        child.stdout.resume(); // keep draining its request log, unshown
        resolve({ url, stop });
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk) => (output += chunk));
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the mock server exited with ${code}:\n${output}`));
    });
  });
}

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

/** The example itself: list, read, toggle, label, count. Puts the conversation back as it found it. */
export async function demo(chatwoot, { mocked, log = console.log }) {
  const { meta, payload } = await chatwoot.conversations.list({ status: "open" });
  log(`\n1. Open conversations: ${payload.length} on the first page (mine ${meta.mine_count}, unassigned ${meta.unassigned_count}, all ${meta.all_count})`);
  for (const c of payload) {
    log(`   #${String(c.id).padEnd(6)} ${who(c).padEnd(22)} ${String(c.meta?.channel ?? "").padEnd(20)} ${assignee(c).padEnd(18)} labels: ${list(c.labels)}`);
  }
  if (payload.length === 0) {
    log("   (no open conversation: nothing to read, toggle or label)");
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

    // Leave it as it was (a no-op against the stateless mock).
    await chatwoot.conversations.toggleStatus(id, { status: conversation.status });
    if (wanted.length !== original.length) await chatwoot.conversations.labels.set(id, original);
    log(`   (put back: status ${conversation.status}, labels ${list(original)})`);
  }

  const counts = await Promise.all(STATUSES.map((status) => chatwoot.conversations.counts({ status })));
  log(`\n5. Conversations per status: ${STATUSES.map((status, i) => `${status} ${counts[i].all_count}`).join(", ")}`);
  if (mocked) log("   (the mock answers every status with the same example counts)");
  return { listed: payload.length, counts: Object.fromEntries(STATUSES.map((status, i) => [status, counts[i].all_count])) };
}

async function main() {
  const real = target();
  const mock = real ? undefined : await startMock();
  const stopMock = () => mock?.stop();
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      void Promise.resolve(stopMock()).finally(() => process.exit(130));
    });
  }
  try {
    const options = real ?? { baseUrl: mock.url, apiAccessToken: "demo-token", accountId: 1 };
    console.log(
      real
        ? `Chatwoot demo against ${options.baseUrl} (account ${options.accountId}); it changes one open conversation and puts it back`
        : `Chatwoot demo against the mock server at ${options.baseUrl} (account ${options.accountId})\n` +
            "(the mock answers every call with an example from the spec, so ids and states do not carry over between calls)",
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
