#!/usr/bin/env bash
# `npm test`: every check and every test. Installs what it needs beyond npm.
# Prints one closing line "N passed, M failed" and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

failed_steps=()
step() {
  local name=$1; shift
  echo "::: $name"
  if ! "$@"; then failed_steps+=("$name"); fi
}

step "install system tools" bash scripts/ensure-tools.sh
step "lint spec" npm run -s lint:spec
step "generated code matches spec" npm run -s check:generated
step "typecheck" npm run -s typecheck

mkdir -p artifacts
npx vitest run --reporter=default --reporter=json --outputFile.json=artifacts/vitest.json
vitest_status=$?

node scripts/summarize-tests.mjs artifacts/vitest.json "${#failed_steps[@]}" | tee artifacts/summary.txt
summary_status=${PIPESTATUS[0]}

if [ ${#failed_steps[@]} -gt 0 ]; then
  echo "failed checks: ${failed_steps[*]}"
  exit 1
fi
[ $vitest_status -eq 0 ] && [ $summary_status -eq 0 ]
