#!/usr/bin/env bash
# The SIGKILL loops at their full count (`make test-kills`): a change of
# passphrase and a new recovery key, each killed TANDEM_REKEY_KILLS times
# (default 100) at random moments and at each step of the re-encryption, on
# a seeded vault; every time the vault must open with the old secret or the
# new one. Then the live session log, killed TANDEM_LOG_KILLS times (default
# 120) while entries are saved; every time each acknowledged entry must be
# there and the vault must check clean. make test runs the same tests with a
# few kills.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
export TANDEM_REKEY_KILLS=${TANDEM_REKEY_KILLS:-100}
export TANDEM_LOG_KILLS=${TANDEM_LOG_KILLS:-120}
status=0
go test -tags "$GO_TAGS" -count=1 -timeout 60m -run '^TestKilledKeyChangesLeaveTheOldSecretsOrTheNew$' -v ./backend/vault/ |
  grep -E '^(---|ok|FAIL|PASS)|changes killed|rekeycrash_test' || status=1
go test -tags "$GO_TAGS" -count=1 -timeout 60m -run '^TestKilledLogKeepsEveryAcknowledgedEntry$' -v ./backend/storage/ |
  grep -E '^(---|ok|FAIL|PASS)|logcrash_test' || status=1
exit $status
