#!/usr/bin/env bash
# `npm run check:package`: the release-time check of the REAL dist/ (the test suite
# checks an identical scratch build, see test/package/helpers/package-build.ts).
#   1. npm run build (timed)          4. are-the-types-wrong (node16 profile)
#   2. npm pack --dry-run (file list) 5. size-limit (budget in package.json)
#   3. publint --strict               6. breaking-change check against openapi/released
# Exits non-zero if any step fails; runs every step regardless.
set -uo pipefail
cd "$(dirname "$0")/.."
export NO_COLOR=1 REDOCLY_TELEMETRY=off

failed=()
step() {
  local name=$1; shift
  echo "::: $name"
  if ! "$@"; then failed+=("$name"); fi
}

build() {
  local start end
  start=$(date +%s%N)
  npm run -s build || return 1
  end=$(date +%s%N)
  echo "build time: $(( (end - start) / 1000000 )) ms"
}

pack_list() {
  npm pack --dry-run --json 2>/dev/null | node -e '
    const [info] = JSON.parse(require("fs").readFileSync(0, "utf8"));
    for (const f of info.files) console.log(String(f.size).padStart(9), f.path);
    console.log(`${info.files.length} files, ${info.size} B packed, ${info.unpackedSize} B unpacked`);
    const bad = info.files.map((f) => f.path).filter((p) => !/^(package\.json|LICENSE|README\.md|dist\/index\.(js|cjs|d\.ts|d\.cts)(\.map)?|dist\/mock(-browser|-bin)?\.js|dist\/mock\.d\.ts|dist\/openapi(-3\.0)?\.(json|yaml))$/.test(p));
    if (bad.length) { console.error("unexpected files in the package:", bad); process.exit(1); }'
}

step "build" build
step "pack contents" pack_list
step "publint" npx --no-install publint run --strict
# ./mock is ESM only on purpose (Node-side tooling over msw 2): excluded from the CJS resolution check.
step "are the types wrong" npx --no-install attw --pack . --profile node16 --exclude-entrypoints ./openapi.yaml ./openapi-3.0.yaml ./mock
step "size-limit" npx --no-install size-limit
step "breaking changes" node scripts/breaking-changes.mjs

if [ ${#failed[@]} -gt 0 ]; then
  echo "failed: ${failed[*]}" >&2
  exit 1
fi
echo "package checks passed"
