#!/usr/bin/env bash
# The fuzz targets of the readers of files that come from outside, at a long
# count (FUZZTIME, default 2,000,000 inputs each); make test runs each at
# 60,000. Ends with the count of targets passed and failed.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
count=${FUZZTIME:-2000000x}
passed=0 failed=0
while read -r pkg target; do
  echo "=== $target ($pkg), $count"
  if go test -tags "$GO_TAGS" -run '^$' -fuzz="^$target\$" -fuzztime="$count" -fuzzminimizetime=10x -parallel=1 "./$pkg/"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
done <<'TARGETS'
backend/offline FuzzOpen
backend/offline FuzzReturnContent
backend/vault FuzzParseKeyFile
backend/backup FuzzParseRow
backend/backup FuzzReadPlaintext
backend/backup FuzzReadFile
TARGETS
echo "fuzz: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
