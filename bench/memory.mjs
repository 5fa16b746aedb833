// Heap cost of walking 10,000 conversations with conversations.iterate(),
// against one page's parsed objects and against collecting everything.
// Run by bench/run.mjs as `node --expose-gc bench/memory.mjs PORT` (a fresh
// process, so nothing else lives on its heap). Prints one JSON line.
import { ACCOUNT_ID, TOKEN } from "./data.mjs";

const port = Number(process.argv[2]);
const fromSrc = process.argv.includes("--src");
if (!port || typeof globalThis.gc !== "function") {
  console.error("usage: node --expose-gc bench/memory.mjs PORT");
  process.exit(2);
}
const baseUrl = `http://127.0.0.1:${port}`;
const { createChatwootClient } = fromSrc ? await import("../src/index.ts") : await import("../dist/index.js");

const heap = () => process.memoryUsage().heapUsed;
/** gc(), then a macrotask turn (FinalizationRegistry clean-ups, e.g. undici's, run there), then gc() again. */
async function settle() {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 1));
  gc();
  return heap();
}

/** Heap taken by one page's parsed conversations (the JSON text itself excluded). */
async function onePage() {
  const res = await fetch(`${baseUrl}/api/v1/accounts/${ACCOUNT_ID}/conversations?page=1`, { headers: { api_access_token: TOKEN } });
  const text = await res.text();
  const samples = [];
  for (let i = 0; i < 5; i++) {
    const before = (await settle());
    let parsed = JSON.parse(text).data.payload;
    const after = (await settle());
    samples.push(after - before);
    if (parsed.length !== 25) throw new Error("page 1 is not 25 conversations");
    parsed = null;
  }
  samples.sort((a, b) => a - b);
  return { jsonBytes: Buffer.byteLength(text), parsedBytes: samples[2] };
}

async function walk({ collect, gcEveryPage, gcEveryPages = 1 }) {
  const client = createChatwootClient({ baseUrl, apiAccessToken: TOKEN, accountId: ACCOUNT_ID });
  // warm the code path so JIT code and lazily created objects are not counted as "growth"
  for await (const _ of client.conversations.iterate({ limit: 60 })) void _;
  // Held through an object: a plain local that is never read again is dead to V8 across an
  // await, and would be collected before the "still referenced" measurement.
  const hold = { iterator: client.conversations.iterate() };
  const kept = collect ? [] : null;
  let inOrder = true; // ids are 1..10000 in page order; no Set of our own, it would count as growth
  let items = 0;
  let sampledPeak = 0;
  let arrayBuffersPeak = 0;
  let retainedPeak = 0;
  let retainedFirst = NaN;
  let retainedLast = NaN;
  const base = (await settle());
  const t0 = performance.now();
  for await (const conversation of hold.iterator) {
    items++;
    if (conversation.id !== items) inOrder = false;
    if (kept) kept.push(conversation);
    const m = process.memoryUsage();
    if (m.heapUsed - base > sampledPeak) sampledPeak = m.heapUsed - base;
    if (m.arrayBuffers > arrayBuffersPeak) arrayBuffersPeak = m.arrayBuffers;
    // Item 1 of a page: the iterator holds the rest of the page it just fetched, the most it ever holds.
    if (gcEveryPage && items % (25 * gcEveryPages) === 1) {
      const retained = (await settle()) - base;
      if (retained > retainedPeak) retainedPeak = retained;
      if (Number.isNaN(retainedFirst)) retainedFirst = retained;
      retainedLast = retained;
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const endRetainedWithIterator = (await settle()) - base;
  hold.iterator = null;
  const endRetained = (await settle()) - base;
  if (kept) kept.length = 0;
  return {
    items,
    pages: Math.ceil(items / 25),
    unique: inOrder,
    sampledPeak,
    retainedPeak,
    retainedFirst,
    retainedLast,
    endRetained,
    endRetainedWithIterator,
    arrayBuffersPeak,
    seconds,
  };
}

const page = await onePage();
// Two passes each: one only sampling (gc only before), one with gc() at every page for the retained size.
const iterSampled = await walk({ collect: false, gcEveryPage: false });
const iterRetained = await walk({ collect: false, gcEveryPage: true });
const collectSampled = await walk({ collect: true, gcEveryPage: false });
// Collecting: the heap only grows, and a full gc() of a 25 MB heap is slow: sample every 20th page.
const collectRetained = await walk({ collect: true, gcEveryPage: true, gcEveryPages: 20 });

const merge = (sampled, retained) => ({
  ...retained,
  sampledPeak: sampled.sampledPeak,
  arrayBuffersPeak: Math.max(sampled.arrayBuffersPeak, retained.arrayBuffersPeak),
  seconds: sampled.seconds,
});
const result = { onePage: page, iterate: merge(iterSampled, iterRetained), collect: merge(collectSampled, collectRetained) };
if (result.iterate.items !== 10_000 || !result.iterate.unique) throw new Error(`iterate walked ${result.iterate.items} items`);
console.error(
  `  one page parsed ${(page.parsedBytes / 1024).toFixed(0)} kB; iterate peak retained ${(result.iterate.retainedPeak / 1024).toFixed(0)} kB, ` +
    `sampled ${(result.iterate.sampledPeak / 1024).toFixed(0)} kB; collect ${(result.collect.endRetained / 2 ** 20).toFixed(1)} MB`,
);
console.log(JSON.stringify(result));
