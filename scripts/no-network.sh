#!/usr/bin/env bash
# Shows that the production binary opens no network socket: the self-test
# in the real window (with every WebKit helper process) and the CLI commands
# run under `strace -f -e trace=network`, and the trace must hold no
# AF_INET or AF_INET6 socket. (Local AF_UNIX sockets, which GTK and WebKit
# use between their own processes, are allowed.) The same command is
# documented in docs/design.md.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
bin=${TANDEM_TEST_BINARY:-$ROOT/build/bin/tandem}
start_xvfb || exit 1
work=$(mktemp -d)
trap 'rm -rf "$work"; stop_xvfb' EXIT
trace="$ARTIFACTS/network-trace.txt"
: > "$trace"

traced() { strace -f -qq -e trace=network -o "$work/t" "$@"; local rc=$?; cat "$work/t" >> "$trace"; return $rc; }

printf 'no network lantern orbit\n' > "$work/pass"
printf 'no network willow drum amber\n' > "$work/pass2"
export TANDEM_VAULT="$work/vault"
ok=1
traced "$bin" version >/dev/null || ok=0
traced "$bin" vault init --passphrase-file "$work/pass" --recovery-key-out "$work/key.txt" >/dev/null || ok=0
traced "$bin" demo seed --passphrase-file "$work/pass" >/dev/null || ok=0
traced "$bin" vault check --passphrase-file "$work/pass" >/dev/null || ok=0
traced "$bin" vault passwd --passphrase-file "$work/pass" --new-passphrase-file "$work/pass2" >/dev/null || ok=0
traced "$bin" vault check --recovery-key-file "$work/key.txt" >/dev/null || ok=0
TANDEM_VAULT="$work/window-vault" TANDEM_SELFTEST=1 TANDEM_SELFTEST_PAUSE_MS=100 \
  traced timeout 120 "$bin" > "$work/selftest.out" 2>/dev/null
grep -q '^SELFTEST OK' "$work/selftest.out" || { echo "the self-test did not pass under strace:"; cat "$work/selftest.out"; ok=0; }

# An Internet socket shows as socket(AF_INET…) or socket(AF_INET6…), and
# any address it is given as sa_family=AF_INET… in connect, bind or sendto.
# (GLib reads the routing table over AF_NETLINK; those messages mention
# rtm_family=AF_INET but open no Internet socket, so they do not match.)
pattern='socket\((AF|PF)_INET6?,|sa_family=AF_INET6?[,}]'
calls=$(grep -c . "$trace")
inet=$(grep -E "$pattern" "$trace" || true)
if [[ -n $inet ]]; then
  echo "Internet sockets found:"
  echo "$inet" | cut -c1-200 | head -20
  ok=0
fi
echo "no-network: $calls network-related system calls traced, $(grep -cE "$pattern" "$trace") of them on an Internet socket (trace in $trace)"
((ok == 1))
