// Installs the packed tarball into a fresh project and uses it the way people do:
// `import` (.mjs) and `require` (.cjs), each creating a client and making a real
// call to a local node:http server, plus the spec subpath exports.
// TypeScript consumers: consumer-typescript.test.ts. Browser: browser.test.ts.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONSUMER_TOKEN, expectedResult, startApiServer, type ApiServer } from "./helpers/api-server.js";
import { installTarball, type ConsumerProject } from "./helpers/consumer-project.js";
import { packageBuild } from "./helpers/package-build.js";

let project: ConsumerProject;
let api: ApiServer;

beforeAll(async () => {
  const [build, server] = await Promise.all([packageBuild(), startApiServer()]);
  api = server;
  project = installTarball(build.tarball);
}, 300_000);

afterAll(async () => {
  await api?.close();
  project?.remove();
});

/** The request each consumer's call must have made. */
function expectOneListCall(from: number) {
  const seen = api.requests.slice(from);
  expect(seen).toEqual([{ method: "GET", url: "/api/v1/accounts/1/conversations?status=open", token: CONSUMER_TOKEN }]);
}

describe("installed from the tarball", () => {
  it("installs with its one dependency", () => {
    const installed = JSON.parse(fs.readFileSync(path.join(project.dir, "node_modules", "chatwoot-conversations", "package.json"), "utf8"));
    expect(installed.name).toBe("chatwoot-conversations");
    expect(fs.existsSync(path.join(project.dir, "node_modules", "openapi-fetch", "package.json"))).toBe(true);
    // Nothing of the source tree came along.
    expect(fs.existsSync(path.join(project.dir, "node_modules", "chatwoot-conversations", "src"))).toBe(false);
  });

  it("works with import (ESM): errors are the exported classes, a real call returns the parsed page", { timeout: 60_000 }, async () => {
    project.write(
      "esm.mjs",
      `import { createChatwootClient, InvalidRequestError, ChatwootError } from "chatwoot-conversations";
import spec from "chatwoot-conversations/openapi.json" with { type: "json" };
let caught;
try { createChatwootClient({}); } catch (err) { caught = err; }
const client = createChatwootClient({ baseUrl: process.argv[2], apiAccessToken: ${JSON.stringify(CONSUMER_TOKEN)}, accountId: 1, maxRetries: 0 });
const page = await client.conversations.list({ status: "open" });
console.log(JSON.stringify({
  resolved: import.meta.resolve("chatwoot-conversations"),
  isInvalidRequest: caught instanceof InvalidRequestError,
  isChatwootError: caught instanceof ChatwootError,
  name: caught?.name,
  openapi: spec.openapi,
  ids: page.payload.map((c) => c.id),
  allCount: page.meta.all_count,
}));
`,
    );
    const before = api.requests.length;
    const out = await project.node("esm.mjs", api.url);
    expect(out).toMatchObject({ isInvalidRequest: true, isChatwootError: true, name: "InvalidRequestError", openapi: "3.1.0", ...expectedResult() });
    expect(out.resolved).toMatch(/node_modules\/chatwoot-conversations\/dist\/index\.js$/);
    expectOneListCall(before);
  });

  it("works with require (CJS): errors are the exported classes, a real call returns the parsed page", { timeout: 60_000 }, async () => {
    project.write(
      "cjs.cjs",
      `const { createChatwootClient, InvalidRequestError, ChatwootError } = require("chatwoot-conversations");
const spec = require("chatwoot-conversations/openapi.json");
const spec30 = require("chatwoot-conversations/openapi-3.0.json");
let caught;
try { createChatwootClient({}); } catch (err) { caught = err; }
const client = createChatwootClient({ baseUrl: process.argv[2], apiAccessToken: ${JSON.stringify(CONSUMER_TOKEN)}, accountId: 1, maxRetries: 0 });
client.conversations.list({ status: "open" }).then((page) => {
  console.log(JSON.stringify({
    resolved: require.resolve("chatwoot-conversations"),
    isInvalidRequest: caught instanceof InvalidRequestError,
    isChatwootError: caught instanceof ChatwootError,
    name: caught && caught.name,
    openapi: spec.openapi,
    openapi30: spec30.openapi,
    yaml: require("node:fs").readFileSync(require.resolve("chatwoot-conversations/openapi.yaml"), "utf8").startsWith("openapi: 3.1"),
    ids: page.payload.map((c) => c.id),
    allCount: page.meta.all_count,
  }));
});
`,
    );
    const before = api.requests.length;
    const out = await project.node("cjs.cjs", api.url);
    expect(out).toMatchObject({
      isInvalidRequest: true,
      isChatwootError: true,
      name: "InvalidRequestError",
      openapi: "3.1.0",
      openapi30: "3.0.3",
      yaml: true,
      ...expectedResult(),
    });
    expect(out.resolved).toMatch(/node_modules\/chatwoot-conversations\/dist\/index\.cjs$/);
    expectOneListCall(before);
  });

  it("a wrong token reaches the server and comes back as AuthenticationError (CJS)", { timeout: 60_000 }, async () => {
    project.write(
      "cjs-401.cjs",
      `const { createChatwootClient, AuthenticationError } = require("chatwoot-conversations");
const client = createChatwootClient({ baseUrl: process.argv[2], apiAccessToken: "wrong", accountId: 1, maxRetries: 0 });
client.conversations.list().then(
  () => console.log(JSON.stringify({ resolved: true })),
  (err) => console.log(JSON.stringify({ auth: err instanceof AuthenticationError, status: err.status })),
);
`,
    );
    expect(await project.node("cjs-401.cjs", api.url)).toEqual({ auth: true, status: 401 });
  });

  it("does not expose files outside the exports map", async () => {
    project.write(
      "deep.cjs",
      `let code; try { require("chatwoot-conversations/dist/index.cjs"); } catch (err) { code = err.code; }
console.log(JSON.stringify({ code }));`,
    );
    expect(await project.node("deep.cjs")).toEqual({ code: "ERR_PACKAGE_PATH_NOT_EXPORTED" });
  });
});
