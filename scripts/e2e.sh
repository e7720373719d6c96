#!/usr/bin/env bash
# End-to-end tests (E2E_FILES="e2e/01-vault.test.mjs e2e/06-backup.test.mjs"
# runs only those, in order): `wails dev` serves the app with its live Go bindings at
# http://127.0.0.1:34115 (under Xvfb, on a fresh vault folder), and
# playwright-core drives Debian's Chromium against it (frontend/e2e, run by
# node's test runner).
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
start_xvfb || exit 1

work=$(mktemp -d)
mkdir -p "$work/tmp" "$work/cache" "$work/dialogs"
log="$ARTIFACTS/wails-dev.log"
port=${E2E_PORT:-34115}
cleanup() {
  [[ -n ${DEV_PID:-} ]] && kill -- "-$DEV_PID" 2>/dev/null
  sleep 1
  [[ -n ${DEV_PID:-} ]] && kill -9 -- "-$DEV_PID" 2>/dev/null
  rm -rf "$work"
  stop_xvfb
}
trap cleanup EXIT

# Printing opens no viewer here: TANDEM_PRINT_COMMAND is a script that only
# records the path it was given, and the print folder (under the user's
# cache folder) is the run's own, so the tests can watch both.
printf '#!/bin/sh\nprintf "%%s\\n" "$1" >> "%s/printed.log"\n' "$work" >"$work/print-command"
chmod 700 "$work/print-command"

# The app's own temporary folder is watched by the tests: no record content
# may ever appear there. GOCACHE is kept where it was, as XDG_CACHE_HOME moves.
# TANDEM_E2E_DIALOG_DIR is the test seam for the backup dialogs, compiled only
# into `wails dev` builds (app/dialogs_e2e.go): the folder, open and save
# dialogs answer with paths inside it.
GOCACHE=$(go env GOCACHE) XDG_CACHE_HOME="$work/cache" TANDEM_PRINT_COMMAND="$work/print-command" \
TANDEM_VAULT="$work/vault" TMPDIR="$work/tmp" TANDEM_E2E_DIALOG_DIR="$work/dialogs" setsid "$ROOT/bin/wails" dev -tags "$WAILS_TAGS" -m -nosyncgomod \
  -noreload -nogorebuild -skipbindings -loglevel Warning -devserver "127.0.0.1:$port" >"$log" 2>&1 &
DEV_PID=$!

echo "e2e: waiting for wails dev on port $port"
for i in $(seq 300); do
  if curl -sf "http://127.0.0.1:$port/" -o /dev/null 2>&1 && grep -q "localhost\|127.0.0.1" "$log"; then
    break
  fi
  if ! kill -0 "$DEV_PID" 2>/dev/null; then
    echo "wails dev exited:"; tail -40 "$log"; exit 1
  fi
  sleep 1
done
curl -sf "http://127.0.0.1:$port/" -o /dev/null || { echo "wails dev did not come up:"; tail -40 "$log"; exit 1; }

# E2E_TANDEM is the binary `wails dev` built (build/bin/tandem-dev-OS-ARCH);
# the backup tests use its CLI to make a second vault whose recovery key
# they know.
tandem_dev=$(ls -t "$ROOT"/build/bin/tandem-dev* 2>/dev/null | head -1)
cd frontend
E2E_URL="http://127.0.0.1:$port/" E2E_VAULT="$work/vault" E2E_TMP="$work/tmp" E2E_ARTIFACTS="$ARTIFACTS" \
  E2E_PRINT_DIR="$work/cache/tandem/print" E2E_PRINT_LOG="$work/printed.log" \
  E2E_DIALOG_DIR="$work/dialogs" E2E_TANDEM="$tandem_dev" \
  node --test --test-concurrency=1 ${E2E_FILES:-e2e/}
