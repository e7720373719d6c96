# Shared by the test, self-test and bench scripts: one Xvfb display and the
# build tags. Source it; it defines start_xvfb.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WAILS_TAGS="webkit2_41 sqlite_fts5"
GO_TAGS="sqlite_fts5"
# cgo flags. PORTABLE_CGO_CFLAGS build SQLCipher as the driver bundles it,
# with libtomcrypt: the Windows build (scripts/package-windows.sh) and the
# test of that build (scripts/test.sh). A Linux build adds OpenSSL's
# cryptography (backend/storage/sqlcipher-openssl.h), as the Makefile sets
# it (it exports its own when a script runs through make).
PORTABLE_CGO_CFLAGS="-O2 -Wno-stringop-overflow"
export CGO_CFLAGS=${CGO_CFLAGS:-"$PORTABLE_CGO_CFLAGS -include $ROOT/backend/storage/sqlcipher-openssl.h"}
export CGO_LDFLAGS=${CGO_LDFLAGS:-"-lcrypto"}
export TANDEM_CIPHER_PROVIDER=${TANDEM_CIPHER_PROVIDER:-openssl}
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
