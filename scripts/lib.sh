# Shared by every script (and so by every Makefile target, which only calls
# scripts): the one place that says how Tandem is built (tags, cgo flags,
# ldflags, the Wails CLI), the pinned clock of test runs, and one Xvfb
# display. Source it; it defines ensure_build_tools, start_xvfb, stop_xvfb.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VERSION=$(cat "$ROOT/VERSION")
# Build tags: WebKitGTK 4.1 for Wails (every wails command), FTS5 for
# SQLCipher (every go command).
WAILS_TAGS="webkit2_41 sqlite_fts5"
GO_TAGS="sqlite_fts5"
LDFLAGS="-s -w -X tandem/backend/version.Version=$VERSION"
# The Wails CLI, built from the pinned module in tools/wails.
WAILS="$ROOT/bin/wails"
BINARY="$ROOT/build/bin/tandem"
# cgo flags. PORTABLE_CGO_CFLAGS build SQLCipher as the driver bundles it,
# with libtomcrypt: the Windows build (scripts/package-windows.sh) and the
# test of that build (scripts/test.sh). A Linux build adds OpenSSL's
# cryptography (backend/storage/sqlcipher-openssl.h says why).
# TANDEM_CIPHER_PROVIDER is what storage's tests expect the build to use.
PORTABLE_CGO_CFLAGS="-O2 -Wno-stringop-overflow"
export CGO_CFLAGS="$PORTABLE_CGO_CFLAGS -include $ROOT/backend/storage/sqlcipher-openssl.h"
export CGO_LDFLAGS="-lcrypto"
export TANDEM_CIPHER_PROVIDER=openssl
# One clock for every test run (docs/design.md, "Testing"): the Go and Vitest
# suites, the app under test (`wails dev`, the self-test, the bench) and the
# e2e harness all read TANDEM_CLOCK, a local wall-clock time in the zone
# TANDEM_TEST_TZ. Set either to run the suites on another day or in another
# zone. The locale is pinned as well.
export TANDEM_CLOCK=${TANDEM_CLOCK:-2026-06-10T09:30:00}
export TZ=${TANDEM_TEST_TZ:-Europe/London}
export LANG=C.UTF-8 LC_ALL=C.UTF-8
ARTIFACTS="$ROOT/build/test-artifacts"
mkdir -p "$ARTIFACTS"

# ensure_build_tools builds the Wails CLI and installs the frontend's npm
# packages, each when missing or older than what pins it.
ensure_build_tools() {
  if [[ ! -x $WAILS || $ROOT/tools/wails/go.mod -nt $WAILS || $ROOT/tools/wails/go.sum -nt $WAILS ]]; then
    (cd "$ROOT/tools/wails" && go build -o "$WAILS" github.com/wailsapp/wails/v2/cmd/wails) || return 1
  fi
  local stamp=$ROOT/frontend/node_modules/.installed
  if [[ ! -f $stamp || $ROOT/frontend/package.json -nt $stamp || $ROOT/frontend/package-lock.json -nt $stamp ]]; then
    (cd "$ROOT/frontend" && npm ci --no-audit --no-fund) && touch "$stamp" || return 1
  fi
}

# stop_xvfb stops the display start_xvfb started, if it started one.
stop_xvfb() {
  if [[ -n ${XVFB_PID:-} ]]; then
    kill "$XVFB_PID" 2>/dev/null || true
  fi
}

# start_xvfb starts a virtual display unless one is already usable. Scripts
# call stop_xvfb from their exit trap.
start_xvfb() {
  if [[ -n "${DISPLAY:-}" ]] && xdpyinfo >/dev/null 2>&1; then
    return 0
  fi
  local n=99
  while [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]]; do n=$((n + 1)); done
  Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  XVFB_PID=$!
  export DISPLAY=":$n"
  trap stop_xvfb EXIT
  for _ in $(seq 50); do
    xdpyinfo >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "Xvfb did not start" >&2
  return 1
}
