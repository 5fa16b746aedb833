// iterate()/iterateFilter() against a server (or a proxy that drops the query
// string) that answers the same full page whatever page is asked: the walk
// ends with InvalidResponseError after the first repeated page, instead of
// asking forever. Against a real node:http server.
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatwootClient, InvalidResponseError } from "../../src/index.js";
import { conversationPage, filterPage, ids } from "./fixtures.js";
import { listenOnLoopback, type Loopback } from "../helpers/loopback.js";

let server: http.Server;
let origin: string;
let loopback: Loopback;
const pagesAsked: string[] = [];
/** Which full page every request gets; `shift` moves the window by that many ids per request. */
let window = { start: 1, shift: 0 };
let served = 0;
function serve(start: number, shift: number) {
  window = { start, shift };
  served = 0;
  pagesAsked.length = 0;
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    pagesAsked.push(url.searchParams.get("page") ?? "");
    const pageIds = ids(window.start + served * window.shift, 25);
    served += 1;
    const body = url.pathname.endsWith("/filter") ? filterPage(pageIds) : conversationPage(pageIds);
    req.resume().on("end", () => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body)));
  });
  loopback = await listenOnLoopback(server);
  origin = loopback.url;
});
afterAll(async () => {
  await loopback.close();
});

const client = () => createChatwootClient({ baseUrl: origin, apiAccessToken: "tok", accountId: 1, maxRetries: 0 });
const condition = [{ attribute_key: "status", filter_operator: "equal_to" as const, values: ["open"] }];

async function walk(iterator: AsyncIterable<{ id: number }>) {
  const got: number[] = [];
  let error: unknown;
  try {
    for await (const c of iterator) got.push(c.id);
  } catch (err) {
    error = err;
  }
  return { got, error };
}

describe("a server that answers the same full page for every page number", () => {
  it.each([
    ["iterate()", () => client().conversations.iterate()],
    ["iterateFilter()", () => client().conversations.iterateFilter(condition)],
  ])("%s yields the page once, then ends with InvalidResponseError after one repeat", async (_name, make) => {
    serve(1, 0);
    const iterator = make();
    const { got, error } = await walk(iterator);
    expect(got).toEqual(ids(1, 25));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(/Page 2 was full but brought no conversation not already seen/);
    expect((error as InvalidResponseError).url).toContain(origin);
    expect(pagesAsked).toEqual(["1", "2"]);
    // The walk is over: no further request.
    await expect(iterator.next()).resolves.toEqual({ done: true, value: undefined });
    expect(pagesAsked).toHaveLength(2);
  });

  it("a full page with some new ids keeps going (pages overlap when conversations move)", async () => {
    // Each page repeats 20 of the previous one and brings 5 new; stop with a limit.
    serve(1, 5);
    const { got, error } = await walk(client().conversations.iterate({ limit: 40 }));
    expect(error).toBeUndefined();
    expect(got).toEqual(ids(1, 40));
    expect(pagesAsked).toEqual(["1", "2", "3", "4"]);
  });
});
