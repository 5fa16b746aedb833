// `npm run mock -- --dynamic`: data generated from the schemas with a fixed
// seed. Prism's generator (json-schema-faker) adds random properties to every
// object that does not forbid them, unless told not to; the data must match
// the spec exactly (validated strictly: undeclared properties are errors), and
// the same seed must give the same data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, freePort, startMock, type MockProcess } from "./helpers/process.js";
import { content, firstRequestExample, loadSpec, operation, operations, requestPath, response, Validator, type Json } from "./helpers/spec.js";

const spec = loadSpec();
const strict = new Validator(spec, true);
const TOKEN = { api_access_token: "mock-test-token" };

let seeded: MockProcess; // default seed, started with npm as a user would
let other: MockProcess; // another seed, configured through the environment
beforeAll(async () => {
  const [a, b] = await Promise.all([freePort(), freePort()]);
  [seeded, other] = await Promise.all([
    startMock("npm", ["--dynamic", "--port", String(a)]),
    startMock("node", ["--dynamic"], { env: cleanEnv({ MOCK_PORT: String(b), MOCK_HOST: "127.0.0.1", MOCK_SEED: "another-seed" }) }),
  ]);
});
afterAll(async () => {
  await Promise.all([seeded?.stop(), other?.stop()]);
});

async function get(mock: MockProcess, operationId: string) {
  const res = await fetch(`${mock.url}${requestPath(spec, operation(spec, operationId))}`, { headers: TOKEN });
  expect(res.status).toBe(200);
  return res.text();
}

describe("npm run mock -- --dynamic", () => {
  it("says so, with its seed", () => {
    expect(seeded.output()).toMatch(/dynamic data, seed "chatwoot"\) ready on http:\/\/127\.0\.0\.1:\d+/);
    expect(other.output()).toMatch(/dynamic data, seed "another-seed"\) ready on http:\/\/127\.0\.0\.1:\d+/);
  });

  it("answers every operation with data that matches the spec exactly (no extra properties)", async () => {
    const problems: string[] = [];
    for (const o of operations(spec)) {
      const body = firstRequestExample(spec, o);
      const res = await fetch(`${seeded.url}${requestPath(spec, o)}`, {
        method: o.method.toUpperCase(),
        headers: { ...TOKEN, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      const where = `${o.method.toUpperCase()} ${o.path}`;
      if (res.status !== 200) {
        problems.push(`${where}: status ${res.status} ${text.slice(0, 200)}`);
        continue;
      }
      const media = content(response(spec, o, "200"));
      if (!media) {
        if (text !== "") problems.push(`${where}: expected an empty body, got ${text.slice(0, 100)}`);
        continue;
      }
      for (const error of strict.errors(media[1].schema as Json, JSON.parse(text))) problems.push(`${where}: ${error}`);
    }
    expect(problems).toEqual([]);
  });

  it("is generated, not the spec's examples", async () => {
    const media = content(response(spec, operation(spec, "listConversations"), "200"))![1];
    const listed = JSON.parse(await get(seeded, "listConversations"));
    for (const example of Object.values(media.examples as Record<string, Json>)) expect(listed).not.toEqual(example);
  });

  it("gives the same data for the same seed, other data for another seed", async () => {
    for (const operationId of ["listConversations", "getConversation", "listLabels", "getProfile"]) {
      const first = await get(seeded, operationId);
      expect(await get(seeded, operationId), operationId).toBe(first);
      expect(await get(other, operationId), operationId).not.toBe(first);
    }
  });

  it("still serves a named example on request", async () => {
    const res = await fetch(`${seeded.url}/api/v1/accounts/1/conversations/1`, { headers: { ...TOKEN, Prefer: "example=snoozed" } });
    expect(((await res.json()) as { status: string }).status).toBe("snoozed");
  });
});
