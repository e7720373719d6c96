#!/usr/bin/env bash
# Runs every test suite and ends with one summary line. Called by `make test`.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
start_xvfb || exit 1
ensure_build_tools || exit 1
export TANDEM_TEST_BINARY="$BINARY"

passed=0 failed=0 failures=()
suite() {
  local name=$1; shift
  echo
  echo "=== $name"
  if "$@"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); failures+=("$name")
  fi
}

# The frontend's Go bindings (frontend/src/lib/api/wailsjs) are generated from the bound Go
# structs. They are generated again before anything type-checks the frontend, so that a Go field
# renamed without `make bindings` fails svelte-check and the build; the generated files must then be
# the committed ones.
bindings_are_committed() {
  local dir=frontend/src/lib/api/wailsjs
  scripts/build.sh bindings || return 1
  if ! git diff --exit-code -- "$dir" || [[ -n $(git ls-files --others --exclude-standard -- "$dir") ]]; then
    echo "$dir differs from what the Go structs generate (above): commit the regenerated bindings, now in the tree." >&2
    return 1
  fi
}
suite "Go bindings regenerated, as committed" bindings_are_committed
suite "frontend build" bash -c 'cd frontend && npm run build'
suite "go vet" go vet -tags "$GO_TAGS" ./...
suite "go test" go test -tags "$GO_TAGS" -count=1 ./...
# The e2e dialog seam exists only in `wails dev` builds: test it with their tag.
suite "go test (dev build: dialog seam)" go test -tags "$GO_TAGS dev" -count=1 -run 'Seam' ./app
# Linux builds encrypt with OpenSSL, the Windows build with the libtomcrypt
# the SQLCipher driver bundles (backend/storage/sqlcipher-openssl.h): the
# storage and vault tests run in that build too, and open a vault each
# build made.
suite "go test (libtomcrypt build, as on Windows: storage, vault)" \
  env -u CGO_LDFLAGS CGO_CFLAGS="$PORTABLE_CGO_CFLAGS" TANDEM_CIPHER_PROVIDER=libtomcrypt \
  go test -tags "$GO_TAGS" -count=1 ./backend/storage ./backend/vault
# The backup reader is fuzzed a little on every run; the corpus is kept in
# backend/backup/testdata/fuzz (inputs are large, so minimising is capped).
# The run is bounded by a number of inputs, not a duration: a duration ends
# with "context deadline exceeded" when it expires mid-input, a false failure.
# FuzzParseRow holds the fast reader of row lines to encoding/json's reading.
for target in FuzzReadPlaintext FuzzReadFile FuzzParseRow; do
  suite "fuzz backup reader ($target)" go test -tags "$GO_TAGS" -run '^$' -fuzz="^$target\$" \
    -fuzztime="${FUZZTIME:-60000x}" -fuzzminimizetime=10x -parallel=1 ./backend/backup/
done
# The key file reader likewise: anyone who can write one file of the vault
# folder can hand it any bytes.
suite "fuzz key file reader (FuzzParseKeyFile)" go test -tags "$GO_TAGS" -run '^$' -fuzz='^FuzzParseKeyFile$' \
  -fuzztime="${FUZZTIME:-60000x}" -parallel=1 ./backend/vault/
# The returned worksheet's reader: a client's e-mail can carry any bytes.
for target in FuzzOpen FuzzReturnContent; do
  suite "fuzz returned worksheet reader ($target)" go test -tags "$GO_TAGS" -run '^$' -fuzz="^$target\$" \
    -fuzztime="${FUZZTIME:-60000x}" -parallel=1 ./backend/offline/
done
# The offline worksheet's script kept in backend/offline/assets is what its source builds.
suite "offline worksheet script" scripts/build-offline.sh --check
suite "svelte-check" bash -c 'cd frontend && npm run check'
suite "vitest" bash -c 'cd frontend && npm test'
# The whole Vitest suite again on another day in another zone: it must not
# matter to any test when the suite runs (docs/design.md, "One clock").
suite "vitest at a year's end in Los Angeles" \
  env TANDEM_CLOCK=2026-12-31T23:50:00 TZ=America/Los_Angeles bash -c 'cd frontend && npm test'
suite "production build" scripts/build.sh
suite "self-test in the real window (new vault)" scripts/selftest.sh fresh
suite "self-test in the real window (demo vault)" scripts/selftest.sh seeded
suite "no network sockets" scripts/no-network.sh
suite "end-to-end in Chromium" scripts/e2e.sh
# The same app in the last minutes of a year in Los Angeles, where UTC is
# already the next day: what is dated "today" (10-dates) and the fees that
# count by month and year (08-fees), on a vault of their own.
suite "end-to-end in Chromium at a year's end (2026-12-31 23:50, America/Los_Angeles)" \
  env TANDEM_CLOCK=2026-12-31T23:50:00 TANDEM_TEST_TZ=America/Los_Angeles \
  E2E_FILES="e2e/08-fees.test.mjs e2e/10-dates.test.mjs" scripts/e2e.sh
# Builds the .deb and the Windows installer, installs and removes the .deb
# (removed again at its end, so nothing later meets an installed Tandem).
suite "packages: .deb install and removal, Windows installer" scripts/package-test.sh

echo
if ((failed > 0)); then
  printf 'failed suite: %s\n' "${failures[@]}"
fi
echo "suites: $passed passed, $failed failed"
((failed == 0))
