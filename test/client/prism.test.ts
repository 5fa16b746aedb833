// The same scenario table against a Prism mock built from the bundled spec.
// Prism answers 422 to any request that breaks the contract (wrong path,
// query, body or header), which would make the call reject; so every
// scenario resolving proves the client's requests satisfy the spec. Every
// response Prism sends must validate against the operation's 200 schema, and
// the client must resolve to the right part of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChatwootApiError, createChatwootClient } from "../../src/index.js";
import { startPrism, type PrismServer } from "../helpers/prism.js";
import { ACCOUNT_ID, CLIENT_TOKEN } from "./fixtures.js";
import { parseJson } from "./harness.js";
import { scenarios, type Exchange } from "./scenarios.js";
import { Spec } from "./spec.js";

const spec = new Spec();
let prism: PrismServer | undefined;

beforeAll(async () => {
  prism = await startPrism();
}, 60_000);

afterAll(async () => {
  await prism?.stop();
});

interface Observed extends Exchange {
  status: number;
  responseText: string;
}

/** A client that talks to Prism through the real fetch, recording each exchange. */
function prismClient() {
  if (!prism) throw new Error("Prism is not running");
  const observed: Observed[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const requestText = request.body === null ? "" : await request.text();
    const response = await globalThis.fetch(input, init);
    const responseText = await response.clone().text();
    const url = new URL(request.url);
    let responseBody: unknown = responseText;
    try {
      responseBody = parseJson(responseText);
    } catch {
      // keep the text; the status/schema checks will report it
    }
    observed.push({
      method: request.method,
      path: url.pathname,
      query: url.search,
      requestBody: requestText === "" ? undefined : (JSON.parse(requestText) as unknown),
      responseBody,
      status: response.status,
      responseText,
    });
    return response;
  };
  const client = createChatwootClient({ baseUrl: prism.url, apiAccessToken: CLIENT_TOKEN, accountId: ACCOUNT_ID, maxRetries: 0, fetch });
  return { client, observed };
}

describe.each(scenarios)("$name", (scenario) => {
  it("resolves against Prism with a payload that matches the spec", async () => {
    const { client, observed } = prismClient();
    let result: unknown;
    try {
      result = await scenario.run(client);
    } catch (error) {
      const detail = error instanceof ChatwootApiError ? `\n${JSON.stringify(error.body, null, 2)}` : "";
      throw new Error(`${scenario.method} was rejected by Prism: ${String(error)}${detail}`, { cause: error });
    }

    expect(observed.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const exchange of observed) {
      const op = spec.find(exchange.method, exchange.path);
      if (exchange.status !== 200) problems.push(`${op.operationId}: status ${exchange.status}: ${exchange.responseText}`);
      const invalid = spec.validate200(op, op.json ? exchange.responseBody : exchange.responseText === "" ? undefined : exchange.responseText);
      if (invalid) problems.push(invalid);
    }
    expect(problems).toEqual([]);
    expect(result).toStrictEqual(scenario.expected(observed));
  });
});

describe("the Prism check has teeth", () => {
  it("a request that breaks the contract gets a 422, so a bad client call would reject", async () => {
    const { client, observed } = prismClient();
    const { error, response } = await client.raw.PATCH("/api/v1/accounts/{account_id}/conversations/{conversation_id}", {
      params: { path: { account_id: 1, conversation_id: 12 } },
      body: { priority: "none" } as never, // no such priority (the server fails with a 500): the spec forbids it
    });
    expect(response.status).toBe(422);
    expect(error).toBeDefined();
    expect(observed).toHaveLength(1);
  });

  it("a request without the token is refused", async () => {
    if (!prism) throw new Error("Prism is not running");
    const response = await fetch(`${prism.url}/api/v1/accounts/1/conversations/12`);
    expect(response.status).toBe(401);
  });
});
