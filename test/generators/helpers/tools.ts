// Generator toolchains for other languages, installed on first use and cached under
// .tmp/ (gitignored): a Python venv with openapi-python-client, and oapi-codegen built
// with `go install` into a cache GOBIN. Versions are pinned.
import fs from "node:fs";
import path from "node:path";
import { exec, root } from "../../package/helpers/package-build.js";

export const PYTHON_CLIENT_VERSION = "0.29.1";
export const OAPI_CODEGEN_VERSION = "v2.8.2";
export const OAPI_RUNTIME_VERSION = "v1.8.0";

export const venv = path.join(root, ".tmp", "venv");
export const venvBin = path.join(venv, "bin");

/** Environment for Go: module/build caches and GOBIN under .tmp/go, the default module proxy. */
export const goEnv: NodeJS.ProcessEnv = {
  GOMODCACHE: path.join(root, ".tmp", "go", "mod"),
  GOCACHE: path.join(root, ".tmp", "go", "cache"),
  GOBIN: path.join(root, ".tmp", "go", "bin"),
  GOFLAGS: "-mod=mod",
  GOTOOLCHAIN: "local",
  CGO_ENABLED: "0",
};
export const oapiCodegen = path.join(goEnv.GOBIN!, "oapi-codegen");

function fail(step: string, r: ReturnType<typeof exec>): never {
  throw new Error(`${step} failed (exit ${r.status}${r.error ? `, ${String(r.error)}` : ""}):\n${r.output.slice(-4000)}`);
}

/** Creates .tmp/venv and installs the pinned openapi-python-client (with ruff) when missing. */
export function ensurePythonClient(): string {
  const cli = path.join(venvBin, "openapi-python-client");
  const current = fs.existsSync(cli) ? exec(cli, ["--version"], { cwd: root }).stdout : "";
  if (current.includes(PYTHON_CLIENT_VERSION)) return cli;
  if (!fs.existsSync(path.join(venvBin, "python"))) {
    const r = exec("python3", ["-m", "venv", venv], { cwd: root, timeout: 120_000 });
    if (r.status !== 0) fail("python3 -m venv .tmp/venv", r);
  }
  const r = exec(path.join(venvBin, "pip"), ["install", "--disable-pip-version-check", "--quiet", `openapi-python-client==${PYTHON_CLIENT_VERSION}`], {
    cwd: root,
    timeout: 280_000,
  });
  if (r.status !== 0) fail(`pip install openapi-python-client==${PYTHON_CLIENT_VERSION}`, r);
  return cli;
}

/** Builds the pinned oapi-codegen into .tmp/go/bin when missing. */
export function ensureOapiCodegen(): string {
  const current = fs.existsSync(oapiCodegen) ? exec(oapiCodegen, ["-version"], { cwd: root, env: goEnv }).stdout : "";
  if (current.includes(OAPI_CODEGEN_VERSION)) return oapiCodegen;
  const r = exec("go", ["install", `github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen@${OAPI_CODEGEN_VERSION}`], {
    cwd: root,
    env: goEnv,
    timeout: 280_000,
  });
  if (r.status !== 0) fail(`go install oapi-codegen@${OAPI_CODEGEN_VERSION}`, r);
  return oapiCodegen;
}

/** Lines a generator printed that look like complaints about the input. */
export function warningLines(output: string): string[] {
  return output
    .split("\n")
    .map((l) => l.replace(/\x1b\[[0-9;]*m/g, "").trim())
    .filter((l) => /warn|unsupported|skipp|not supported|cannot|could not|unable|ignor|invalid|deprecat/i.test(l));
}
