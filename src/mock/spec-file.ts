// Reads the bundled spec for the HTTP door (Node only). Installed,
// dist/mock.js sits next to dist/openapi.json; in this repository (tests,
// `npm run mock` through tsx) src/mock/ reads ../../dist/openapi.json, which
// `npm run bundle` writes.
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { specDocument, type JsonObject, type SpecDocument } from "./spec-document.js";

const CANDIDATES = ["./openapi.json", "../../dist/openapi.json", "../openapi.json"];

const cache = new Map<string, SpecDocument>();

/** Reads the spec once per file; `file` overrides where it is looked for. */
export function loadSpecDocument(file?: string): SpecDocument {
  const path = file ?? findSpecFile();
  let loaded = cache.get(path);
  if (!loaded) {
    loaded = specDocument(JSON.parse(fs.readFileSync(path, "utf8")) as JsonObject);
    cache.set(path, loaded);
  }
  return loaded;
}

function findSpecFile(): string {
  for (const candidate of CANDIDATES) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (fs.existsSync(path)) return path;
  }
  throw new Error("chatwoot-conversations/mock: openapi.json not found next to the mock (run `npm run bundle` in a checkout)");
}
