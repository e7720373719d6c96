#!/usr/bin/env bash
# The fuzz targets of the readers of files that come from outside, at a long
# count: 2,000,000 inputs for the returned worksheet's reader (new), 300,000
# for the others (the slowest run under 2,000 inputs a second); FUZZTIME sets
# one count for all. make test runs each at 60,000. Ends with the count of
# targets passed and failed.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
passed=0 failed=0
while read -r pkg target inputs; do
  count=${FUZZTIME:-$inputs}
  echo "=== $target ($pkg), $count"
  if go test -tags "$GO_TAGS" -run '^$' -fuzz="^$target\$" -fuzztime="$count" -fuzzminimizetime=10x -parallel=1 "./$pkg/"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
done <<'TARGETS'
backend/offline FuzzOpen 2000000x
backend/offline FuzzReturnContent 2000000x
backend/vault FuzzParseKeyFile 300000x
backend/backup FuzzParseRow 300000x
backend/backup FuzzReadPlaintext 300000x
backend/backup FuzzReadFile 300000x
TARGETS
echo "fuzz: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
