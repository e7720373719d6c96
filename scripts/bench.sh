#!/usr/bin/env bash
# Measures timings on this machine, in the real window under Xvfb, on a
# demo vault of BENCH_CLIENTS fictional clients over ten years (default 300;
# 40 with QUICK=1): cold start to the unlock screen's first paint, key
# derivation, unlock to the home screen rendered (after key derivation), and
# opening a client from the list to its rendered page. Each is run
# RUNS times (default 7; QUICK=1 makes it 3); the median, min and max go to
# bench/report.md and bench/report.json.
set -uo pipefail
# A desktop session always has a session bus; without one, GTK and WebKit
# spend a few hundred milliseconds failing to reach it, which no therapist's
# laptop does. So the bench runs inside a session bus of its own, started
# once, before anything is timed.
if [[ -z ${DBUS_SESSION_BUS_ADDRESS:-} ]] && command -v dbus-run-session >/dev/null; then
  exec dbus-run-session -- "$0" "$@"
fi
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
runs=${RUNS:-7}
[[ ${QUICK:-} == 1 ]] && runs=3
make --no-print-directory build >/dev/null || { echo "build failed" >&2; exit 1; }
bin="$ROOT/build/bin/tandem"
start_xvfb || exit 1
work=$(mktemp -d)
trap 'rm -rf "$work"; stop_xvfb' EXIT
pass="bench lantern orbit cello"
printf '%s\n' "$pass" > "$work/pass"
export TANDEM_VAULT="$work/vault"
"$bin" vault init --passphrase-file "$work/pass" --recovery-key-out "$work/key.txt" >/dev/null || exit 1
clients=${BENCH_CLIENTS:-300}
[[ ${QUICK:-} == 1 ]] && clients=${BENCH_CLIENTS:-40}
echo "seeding $clients fictional clients over 10 years"
"$bin" demo seed --passphrase-file "$work/pass" --seed 1 --clients "$clients" --years 10 >/dev/null || exit 1

declare -a start_ms kdf_ms home_ms client_ms journey_ms
for i in $(seq "$runs"); do
  t0=$(date +%s%N)
  paint=""
  while IFS= read -r line; do
    case $line in
      "SELFTEST TIMING first_paint_ms="*) [[ -z $paint ]] && paint=$(( ($(date +%s%N) - t0) / 1000000 )) ;;
      "SELFTEST TIMING key_derivation_ms="*) kdf_ms+=("${line#*=}") ;;
      "SELFTEST TIMING unlock_to_home_ms="*) home_ms+=("${line#*=}") ;;
      "SELFTEST TIMING open_client_ms="*) client_ms+=("${line#*=}") ;;
      "SELFTEST TIMING journey_ms="*) journey_ms+=("${line#*=}") ;;
      "SELFTEST FAIL"*) echo "run $i: $line" >&2; exit 1 ;;
    esac
  done < <(TANDEM_SELFTEST=1 TANDEM_SELFTEST_PASSPHRASE="$pass" TANDEM_SELFTEST_PAUSE_MS=0 timeout 120 "$bin" 2>/dev/null)
  start_ms+=("$paint")
  echo "run $i: start to unlock screen ${paint} ms, key derivation ${kdf_ms[-1]} ms, unlock to home ${home_ms[-1]} ms, open a client ${client_ms[-1]} ms, journey ${journey_ms[-1]:-?} ms"
done

# The search over the whole practice, answered by the Go side: the 50th and
# 95th percentile over a fixed set of queries, once per run.
declare -a search_p50 search_p95
for i in $(seq "$runs"); do
  line=$(TANDEM_BENCH_VAULT="$TANDEM_VAULT" TANDEM_BENCH_PASSPHRASE_FILE="$work/pass" \
    go test -tags "$GO_TAGS" -run '^$' -bench '^BenchmarkPracticeSearch$' -benchtime 1x ./backend/storage/ | grep '^BenchmarkPracticeSearch')
  read -r p50 p95 <<<"$(awk '{for (i = 1; i < NF; i++) {if ($(i+1) == "p50-ms") a = $i; if ($(i+1) == "p95-ms") b = $i} print a, b}' <<<"$line")"
  [[ -n $p50 && -n $p95 ]] || { echo "search benchmark gave no figures: $line" >&2; exit 1; }
  search_p50+=("$p50"); search_p95+=("$p95")
  echo "run $i: search p50 ${p50} ms, p95 ${p95} ms"
done

# stats prints "median min max" of its arguments.
stats() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%g %g %g", m, a[1], a[NR]}'; }
row() { # name unit target-test target-text values...
  local name=$1 unit=$2 test=$3 target=$4; shift 4
  read -r med min max <<<"$(stats "$@")"
  local verdict
  verdict=$(awk -v m="$med" "BEGIN { print ($test) ? \"pass\" : \"fail\" }")
  printf '| %s | %s %s | %s | %s | %s | %s |\n' "$name" "$med" "$unit" "$min" "$max" "$target" "$verdict" >> bench/report.md
  printf '%s{"measurement":"%s","unit":"%s","median":%s,"min":%s,"max":%s,"target":"%s","result":"%s","runs":%d}' \
    "${sep:-}" "$name" "$unit" "$med" "$min" "$max" "$target" "$verdict" "$#" >> bench/report.json
  sep=","
}
mkdir -p bench
{
  echo "# Tandem benchmark report"
  echo
  echo "$(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, Tandem $(cat VERSION), $runs runs each, real window under Xvfb."
  echo
  echo "| measurement | median | min | max | target | result |"
  echo "| --- | --- | --- | --- | --- | --- |"
} > bench/report.md
printf '{"date":"%s","cores":%d,"version":"%s","runs":%d,"results":[' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(nproc)" "$(cat VERSION)" "$runs" > bench/report.json
row "cold start to unlock screen (first paint)" ms "m < 1000" "< 1000 ms" "${start_ms[@]}"
row "key derivation (Argon2id, deliberate)" ms "m >= 300 && m <= 1000" "300–1000 ms" "${kdf_ms[@]}"
row "unlock to home screen rendered, after key derivation" ms "m < 100" "< 100 ms" "${home_ms[@]}"
row "open a client: click to rendered page ($clients-client vault)" ms "m < 100" "< 100 ms" "${client_ms[@]}"
row "a client's journey with its chart: click to painted" ms "m < 200" "< 200 ms" "${journey_ms[@]}"
row "search over the whole practice, p50" ms "m < 50" "< 50 ms" "${search_p50[@]}"
row "search over the whole practice, p95" ms "m < 50" "< 50 ms" "${search_p95[@]}"
echo "]}" >> bench/report.json
echo
cat bench/report.md
! grep -q '| fail |' bench/report.md
