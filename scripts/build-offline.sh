#!/usr/bin/env bash
# Builds the offline worksheet page's script (frontend/offline/worksheet.ts,
# with the age-encryption package) into one minified file, without licence
# comments, kept in backend/offline/assets/worksheet.js (Go embeds it; its
# licences are in backend/offline/assets/LICENCES.txt).
#   build-offline.sh          writes it
#   build-offline.sh --check  fails when the kept file is not what the source builds
set -euo pipefail
source "$(dirname "$0")/lib.sh"
out=$ROOT/backend/offline/assets/worksheet.js
build() {
  (cd "$ROOT/frontend" && npx --no-install esbuild offline/worksheet.ts --bundle --format=iife --minify \
    --legal-comments=none --target=es2022 --charset=utf8 --log-level=warning --outfile="$1")
}
if [[ ${1:-} == --check ]]; then
  tmp=$(mktemp)
  trap 'rm -f "$tmp"' EXIT
  build "$tmp"
  if ! cmp -s "$tmp" "$out"; then
    echo "backend/offline/assets/worksheet.js is not what frontend/offline/worksheet.ts builds: run scripts/build-offline.sh" >&2
    exit 1
  fi
  echo "ok   the offline worksheet's script is up to date"
else
  build "$out"
fi
