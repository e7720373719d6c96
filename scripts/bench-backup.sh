#!/usr/bin/env bash
# Measures backup create, verify and restore on a ten-year demo vault
# against the age tool on a file of the same size, BENCH_RUNS times
# (default 5), and writes bench/backup.md; prints one "BENCH backup …" line
# per run (TestBackupSpeed in backend/backup). scripts/bench.sh calls it on
# its own seeded vault (TANDEM_BENCH_VAULT, TANDEM_BENCH_PASSPHRASE_FILE,
# TANDEM_BENCH_RECOVERY_KEY_FILE) and folds the lines into its report; on
# its own (`make bench-backup`) it seeds a vault of BENCH_CLIENTS fictional
# clients (default 300). Budgets (medians): create 3 s, verify 3 s, restore
# 20 s; the ratios to age are reported, not judged.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
scripts/install-deps.sh test >/dev/null || exit 1
mkdir -p bench
TANDEM_BENCH_BACKUP=1 BENCH_REPORT="${BENCH_BACKUP_REPORT:-$ROOT/bench/backup.md}" \
  go test -tags "$GO_TAGS" -count=1 -timeout 60m -run '^TestBackupSpeed$' -v ./backend/backup/ |
  grep -v '^=== RUN'
status=${PIPESTATUS[0]}
[[ -n ${TANDEM_BENCH_VAULT:-} ]] || cat bench/backup.md 2>/dev/null
exit "$status"
