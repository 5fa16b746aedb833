// The webhook helper and the client tree-shake apart: a bundler drops
// verifyWebhook for apps that never import it, and drops the client (and
// openapi-fetch) for receivers that import only verifyWebhook. Bundled from
// dist/index.js (built by the global setup) by esbuild, minified, as an app would.
import path from "node:path";
import * as esbuild from "esbuild";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");

async function bundle(names: string[]) {
  const result = await esbuild.build({
    stdin: { contents: `export { ${names.join(", ")} } from "./dist/index.js";`, resolveDir: root },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    write: false,
    metafile: true,
  });
  const inputs = Object.values(result.metafile.outputs)[0]!.inputs;
  return { code: result.outputFiles[0]!.text, shipped: Object.keys(inputs).filter((file) => inputs[file]!.bytesInOutput > 0) };
}

describe("tree-shaking", () => {
  it("an app that only creates a client ships no webhook code", async () => {
    const { code } = await bundle(["createChatwootClient"]);
    expect(code).toContain("api_access_token");
    for (const marker of ["x-chatwoot-signature", "x-chatwoot-timestamp", "WebhookVerificationError", "HMAC"]) expect(code).not.toContain(marker);
  });

  it("a receiver that only imports verifyWebhook ships neither the client, its operation table nor openapi-fetch", async () => {
    const { code, shipped } = await bundle(["verifyWebhook", "WebhookVerificationError"]);
    expect(code).toContain("x-chatwoot-signature");
    expect(shipped.filter((file) => file.includes("openapi-fetch"))).toEqual([]);
    for (const marker of ["api_access_token", "/api/v1/accounts", "Retry-After"]) expect(code).not.toContain(marker);
  });
});
