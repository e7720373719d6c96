#!/usr/bin/env bash
# Builds the scripts of the offline pages (frontend/offline/worksheet.ts, the
# worksheet page, and owncopy.ts, the page that opens a client's own copy),
# each with the age-encryption package, into one minified file without
# licence comments, kept in backend/offline/assets/NAME.js (Go embeds them;
# their licences are in backend/offline/assets/LICENCES.txt).
#   build-offline.sh          writes them
#   build-offline.sh --check  fails when a kept file is not what its source builds
set -euo pipefail
source "$(dirname "$0")/lib.sh"
assets=$ROOT/backend/offline/assets
build() {
  (cd "$ROOT/frontend" && npx --no-install esbuild "offline/$1.ts" --bundle --format=iife --minify \
    --legal-comments=none --target=es2022 --charset=utf8 --log-level=warning --outfile="$2")
}
for name in worksheet owncopy; do
  if [[ ${1:-} == --check ]]; then
    tmp=$(mktemp)
    build "$name" "$tmp"
    if ! cmp -s "$tmp" "$assets/$name.js"; then
      rm -f "$tmp"
      echo "backend/offline/assets/$name.js is not what frontend/offline/$name.ts builds: run scripts/build-offline.sh" >&2
      exit 1
    fi
    rm -f "$tmp"
    echo "ok   backend/offline/assets/$name.js is up to date"
  else
    build "$name" "$assets/$name.js"
  fi
done
