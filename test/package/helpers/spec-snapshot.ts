// A stable copy of the bundled spec for one test file.
//
// dist/openapi.{json,yaml} are rewritten in place by every `vitest` global setup and every
// `npm run build`; another test run in the same checkout can catch them half-written
// (Prism then fails with "is not a valid JSON Schema"). The package and generator tests
// therefore read a snapshot: both files are copied once they parse and describe the
// same API, into a content-addressed directory under .tmp/spec-snapshots/.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { root } from "./package-build.js";

export interface SpecSnapshot {
  dir: string;
  json: string;
  yaml: string;
  /** Paths relative to the repository root (what startPrism({ spec }) expects). */
  jsonRel: string;
  yamlRel: string;
}

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function operationIds(spec: { paths?: Record<string, Record<string, { operationId?: string }>> }): string {
  return Object.values(spec.paths ?? {})
    .flatMap((item) => Object.values(item ?? {}).map((op) => op?.operationId))
    .filter(Boolean)
    .sort()
    .join(",");
}

function pruneOld(parent: string, keep: string) {
  if (!fs.existsSync(parent)) return;
  for (const name of fs.readdirSync(parent)) {
    const full = path.join(parent, name);
    if (name !== keep && Date.now() - fs.statSync(full).mtimeMs > 24 * 3600_000) fs.rmSync(full, { recursive: true, force: true });
  }
}

export function snapshotSpec(): SpecSnapshot {
  const dist = path.join(root, "dist");
  let lastError: unknown;
  for (let attempt = 0; attempt < 40; attempt++) {
    try {
      const jsonText = fs.readFileSync(path.join(dist, "openapi.json"), "utf8");
      const yamlText = fs.readFileSync(path.join(dist, "openapi.yaml"), "utf8");
      const fromJson = JSON.parse(jsonText);
      const fromYaml = YAML.parse(yamlText);
      if (typeof fromJson.openapi !== "string" || fromJson.openapi !== fromYaml?.openapi) throw new Error("openapi version mismatch");
      if (operationIds(fromJson) === "" || operationIds(fromJson) !== operationIds(fromYaml)) throw new Error("openapi.json and openapi.yaml differ");
      const hash = crypto.createHash("sha256").update(jsonText).update(yamlText).digest("hex").slice(0, 16);
      const dir = path.join(root, ".tmp", "spec-snapshots", hash);
      const files = { json: path.join(dir, "openapi.json"), yaml: path.join(dir, "openapi.yaml") };
      pruneOld(path.dirname(dir), hash);
      if (!fs.existsSync(files.json) || !fs.existsSync(files.yaml)) {
        fs.mkdirSync(dir, { recursive: true });
        for (const [file, text] of [
          [files.json, jsonText],
          [files.yaml, yamlText],
        ] as const) {
          const tmp = `${file}.${process.pid}.${crypto.randomUUID()}.tmp`;
          fs.writeFileSync(tmp, text);
          fs.renameSync(tmp, file);
        }
      }
      return {
        dir,
        ...files,
        jsonRel: path.relative(root, files.json),
        yamlRel: path.relative(root, files.yaml),
      };
    } catch (err) {
      lastError = err;
      sleep(250);
    }
  }
  throw new Error(`dist/openapi.{json,yaml} did not settle into a consistent bundle: ${String(lastError)}`);
}
