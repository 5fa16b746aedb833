#!/usr/bin/env bash
# Installs the non-npm tools the tests use, when missing, and prints nothing when all
# are there (a warm run costs a version check each):
#   chromium      Debian package (browser tests)
#   oasdiff       breaking-change check; `go install` of a pinned version into .tmp/go/bin
#   schemathesis  API fuzzing; pinned, from PyPI, in the venv .tmp/schemathesis
# Usage: bash scripts/ensure-tools.sh [chromium] [oasdiff] [schemathesis]   (default: all)
# The pinned versions live only here; scripts/tools.mjs knows where the binaries land.
set -euo pipefail
cd "$(dirname "$0")/.."

OASDIFF_VERSION=v1.37.0
SCHEMATHESIS_VERSION=4.32.5

tools=("$@")
[ ${#tools[@]} -eq 0 ] && tools=(chromium oasdiff schemathesis)

ensure_chromium() {
  command -v chromium >/dev/null 2>&1 && return
  echo "installing chromium (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
}

ensure_oasdiff() {
  local bin=.tmp/go/bin/oasdiff
  # `oasdiff --version` says "main" for a `go install` build; the module version is in the binary.
  if [ -x "$bin" ] && go version -m "$bin" 2>/dev/null | grep -Eq "^\s+mod\s+github.com/oasdiff/oasdiff\s+${OASDIFF_VERSION}\s"; then return; fi
  echo "installing oasdiff ${OASDIFF_VERSION} (go install, cached in .tmp/go)"
  # Same cache layout as the oapi-codegen install in test/generators/helpers/tools.ts.
  GOMODCACHE="$PWD/.tmp/go/mod" GOCACHE="$PWD/.tmp/go/cache" GOBIN="$PWD/.tmp/go/bin" \
    GOFLAGS=-mod=mod GOTOOLCHAIN=local CGO_ENABLED=0 \
    go install "github.com/oasdiff/oasdiff@${OASDIFF_VERSION}"
}

ensure_schemathesis() {
  local venv=.tmp/schemathesis
  if [ -x "$venv/bin/st" ] && "$venv/bin/st" --version 2>/dev/null | grep -q "$SCHEMATHESIS_VERSION"; then return; fi
  echo "installing schemathesis ${SCHEMATHESIS_VERSION} (PyPI, venv .tmp/schemathesis)"
  [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
  "$venv/bin/pip" install --disable-pip-version-check --quiet "schemathesis==${SCHEMATHESIS_VERSION}"
}

for tool in "${tools[@]}"; do
  case "$tool" in
    chromium) ensure_chromium ;;
    oasdiff) ensure_oasdiff ;;
    schemathesis) ensure_schemathesis ;;
    *) echo "ensure-tools: unknown tool $tool" >&2; exit 2 ;;
  esac
done
