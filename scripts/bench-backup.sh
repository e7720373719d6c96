#!/usr/bin/env bash
# Measures backup create, verify and restore on a ten-year demo vault of
# BENCH_CLIENTS fictional clients (default 300), against the age tool on a
# file of the same size, and writes bench/backup.md. Target: create takes
# at most 1.5 × `age -e` (key derivation aside: an unlocked vault needs none).
# Create and age -e run alternately, so both meet the same load. To skip the
# seeding (minutes), reuse a vault seeded before with
# `tandem demo seed --clients N --years 10 --seed 1`: BENCH_VAULT=DIR,
# BENCH_PASSFILE=F, BENCH_RECOVERY_KEY_FILE=F.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
export CGO_CFLAGS=${CGO_CFLAGS:-"-O2 -Wno-stringop-overflow"}
scripts/install-deps.sh test >/dev/null || exit 1
mkdir -p bench
TANDEM_BENCH_BACKUP=1 BENCH_REPORT="$ROOT/bench/backup.md" \
  go test -tags "$GO_TAGS" -count=1 -timeout 60m -run '^TestBackupSpeed$' -v ./backend/backup/ |
  grep -v '^=== RUN'
status=${PIPESTATUS[0]}
cat bench/backup.md 2>/dev/null
exit "$status"
