#!/usr/bin/env bash
# Measures Tandem on this machine, on a demo vault of BENCH_CLIENTS
# fictional clients over ten years (default 300; 12 with QUICK=1), and
# writes one report, bench/report.md and bench/report.json (measurement,
# median, min, max, target, result):
#   - in the real window under Xvfb (the self-test): cold start to the
#     unlock screen's first paint, key derivation, unlock to the home screen
#     and to Today painted,
#     opening a client, a client's journey, the practice's fees overview,
#     and the memory of the app with
#     the vault open (PSS of the tandem process and its WebKit processes);
#   - Go benchmarks on the seeded vault: search p50/p95, saving a live
#     session log entry p95 (on a copy of the vault), the preparation
#     packet and the client record PDF (a record of about 30 pages), the
#     query workload on the vault against an unencrypted copy
#     (tools/sqlbench), and backup create/verify/restore against the age
#     tool (scripts/bench-backup.sh);
#   - sizes: binary, vault on disk, backup file;
#   - accessibility: the axe-core e2e test (e2e/07-accessibility.test.mjs),
#     serious and critical violations on every screen in both themes
#     (QUICK=1 reports the last run's summary instead of running it).
# Each timing is run RUNS times (default 7; QUICK=1 makes it 2), and each
# ratio is measured within one run, beside its reference. QUICK=1 writes its
# report to bench/tmp/ (not kept in git), leaving the full run's report.
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
[[ ${QUICK:-} == 1 ]] && runs=${RUNS:-2}
scripts/build.sh >/dev/null || { echo "build failed" >&2; exit 1; }
bin="$BINARY"
start_xvfb || exit 1
work=$(mktemp -d)
trap 'rm -rf "$work"; stop_xvfb' EXIT
pass="bench lantern orbit cello"
printf '%s\n' "$pass" > "$work/pass"
export TANDEM_VAULT="$work/vault"
# The bench runs at the pinned clock (lib.sh), which the release binary keeps
# only in self-test mode: the CLI is run in it too, so that the demo
# practice's history ends on the day the window's runs show.
TANDEM_SELFTEST=1 "$bin" vault init --passphrase-file "$work/pass" --recovery-key-out "$work/key.txt" >/dev/null || exit 1
clients=${BENCH_CLIENTS:-300}
[[ ${QUICK:-} == 1 ]] && clients=${BENCH_CLIENTS:-12}
echo "seeding $clients fictional clients over 10 years"
TANDEM_SELFTEST=1 "$bin" demo seed --passphrase-file "$work/pass" --seed 1 --clients "$clients" --years 10 >/dev/null || exit 1
# The seeding leaves some 160 MB of writes for the kernel to flush; a
# therapist opens Tandem on a computer that is not busy writing, so the
# timings start once the disk has caught up.
sync
export TANDEM_BENCH_VAULT="$TANDEM_VAULT" TANDEM_BENCH_PASSPHRASE_FILE="$work/pass" TANDEM_BENCH_RECOVERY_KEY_FILE="$work/key.txt"

# pss_kb PID prints the proportional set size (kB) of PID and all its
# descendants (the WebKit web and network processes), leaving out the
# timeout wrapper and the shell: what the app costs the computer, shared pages counted once.
pss_kb() {
  local pids=("$1") all i p total=0
  all=$(ps -e -o pid=,ppid=)
  for ((i = 0; i < ${#pids[@]}; i++)); do
    while read -r p; do pids+=("$p"); done < <(awk -v pp="${pids[i]}" '$2 == pp {print $1}' <<<"$all")
  done
  for p in "${pids[@]}"; do
    case $(cat "/proc/$p/comm" 2>/dev/null) in timeout | bash) continue ;; esac
    total=$((total + $(awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null || echo 0)))
  done
  echo "$total"
}

# Each checkpoint holds for half a second, as a person looks at a screen
# before the next click (no timing spans a checkpoint). The memory row is
# read at the journey's checkpoint: with no hold the app had already gone on,
# and in some runs the reading caught a later step's key derivation (128 MiB
# for Argon2id, handed back a moment later), in others not.
hold_ms=500
declare -a start_ms kdf_ms home_ms today_ms client_ms journey_ms fees_ms mem_mb
for i in $(seq "$runs"); do
  t0=$(date +%s%N)
  paint=""
  while IFS= read -r line; do
    case $line in
      "SELFTEST TIMING first_paint_ms="*) [[ -z $paint ]] && paint=$(( ($(date +%s%N) - t0) / 1000000 )) ;;
      "SELFTEST TIMING key_derivation_ms="*) kdf_ms+=("${line#*=}") ;;
      "SELFTEST TIMING unlock_to_home_ms="*) home_ms+=("${line#*=}") ;;
      "SELFTEST TIMING unlock_to_today_ms="*) today_ms+=("${line#*=}") ;;
      "SELFTEST TIMING open_client_ms="*) client_ms+=("${line#*=}") ;;
      "SELFTEST TIMING journey_ms="*) journey_ms+=("${line#*=}") ;;
      "SELFTEST TIMING fees_overview_ms="*) fees_ms+=("${line#*=}") ;;
      # The journey's checkpoint: the ten-year vault open, a client's
      # record and journey on screen. $! is the self-test's process.
      "SELFTEST CHECKPOINT journey") mem_mb+=("$(awk -v k="$(pss_kb "$!")" 'BEGIN {printf "%.1f", k / 1024}')") ;;
      "SELFTEST FAIL"*) echo "run $i: $line" >&2; exit 1 ;;
    esac
  done < <(TANDEM_SELFTEST=1 TANDEM_SELFTEST_PASSPHRASE="$pass" TANDEM_SELFTEST_PAUSE_MS="$hold_ms" timeout 180 "$bin" 2>/dev/null)
  start_ms+=("$paint")
  echo "run $i: start to unlock screen ${paint} ms, key derivation ${kdf_ms[-1]} ms, unlock to home ${home_ms[-1]} ms, to Today ${today_ms[-1]:-?} ms, open a client ${client_ms[-1]} ms, journey ${journey_ms[-1]:-?} ms, fees overview ${fees_ms[-1]:-?} ms, memory ${mem_mb[-1]:-?} MB"
done

# The Go benchmarks run from test binaries built once.
echo "building the benchmark binaries"
go test -tags "$GO_TAGS" -c -o "$work/storage.test" ./backend/storage/ || exit 1
go test -tags "$GO_TAGS" -c -o "$work/packet.test" ./backend/packet/ || exit 1
go test -tags "$GO_TAGS" -c -o "$work/vault.test" ./backend/vault/ || exit 1
(cd tools/sqlbench && go build -tags sqlite_fts5 -o "$work/sqlbench" .) || exit 1
# metric NAME LINE prints the value reported before the unit NAME in a
# benchmark's result line.
metric() { awk -v u="$1" '{for (i = 1; i < NF; i++) if ($(i+1) == u) print $i}' <<<"$2"; }
bench_line() { # binary-in-its-package-folder benchmark
  (cd "$2" && "$1" -test.run '^$' -test.bench "^$3\$" -test.benchtime 1x | grep "^$3")
}

# The search over the whole practice, answered by the Go side: the 50th and
# 95th percentile over a fixed set of queries, once per run.
declare -a search_p50 search_p95
for i in $(seq "$runs"); do
  line=$(bench_line "$work/storage.test" backend/storage BenchmarkPracticeSearch)
  p50=$(metric p50-ms "$line") p95=$(metric p95-ms "$line")
  [[ -n $p50 && -n $p95 ]] || { echo "search benchmark gave no figures: $line" >&2; exit 1; }
  search_p50+=("$p50"); search_p95+=("$p95")
  echo "run $i: search p50 ${p50} ms, p95 ${p95} ms"
done

# Saving an entry of a medicine session's live log, on disk before it is
# acknowledged: the 50th and 95th percentile of 200 entries on a new
# session, on a copy of the vault made beside it (the vault itself stays as
# the other benchmarks read it), once per run.
declare -a log_p50 log_p95
for i in $(seq "$runs"); do
  line=$(bench_line "$work/storage.test" backend/storage BenchmarkLiveLogEntry)
  p50=$(metric p50-ms "$line") p95=$(metric p95-ms "$line")
  [[ -n $p50 && -n $p95 ]] || { echo "live log benchmark gave no figures: $line" >&2; exit 1; }
  log_p50+=("$p50"); log_p95+=("$p95")
  echo "run $i: saving a live log entry p50 ${p50} ms, p95 ${p95} ms"
done

# Packets as the app makes them for printing (read, build, render): the
# preparation packet of the client with the longest journey, and the client
# record (therapist copy) of the client whose record prints nearest to 30
# pages, found in the first run.
declare -a prep_ms record_ms
record_client="" record_pages=""
for i in $(seq "$runs"); do
  line=$(TANDEM_BENCH_RECORD_CLIENT="$record_client" bench_line "$work/packet.test" backend/packet BenchmarkPracticePackets)
  record_client=$(metric record-client "$line") record_pages=$(metric record-pages "$line" | awk '{printf "%d", $1}')
  prep_ms+=("$(metric prep-ms "$line")"); record_ms+=("$(metric record-ms "$line")")
  [[ -n ${prep_ms[-1]} && -n ${record_ms[-1]} ]] || { echo "packet benchmark gave no figures: $line" >&2; exit 1; }
  echo "run $i: preparation packet ${prep_ms[-1]} ms, client record (${record_pages} pages) ${record_ms[-1]} ms"
done

# A change of passphrase re-encrypts the whole vault under a fresh data key
# (on a copy of the vault, with cheap key derivation for the new slots: the
# derivation is its own row).
declare -a rekey_ms
for i in $(seq "$runs"); do
  line=$(bench_line "$work/vault.test" backend/vault BenchmarkChangePassphrase)
  rekey_ms+=("$(metric ms/change "$line")")
  [[ -n ${rekey_ms[-1]} ]] || { echo "the re-encryption benchmark gave no figures: $line" >&2; exit 1; }
  echo "run $i: change of passphrase (re-encryption) ${rekey_ms[-1]} ms"
done

# Encryption's cost: the same query workload (tools/sqlbench/workload.sql)
# on the vault and on an unencrypted copy, in one run each side by side.
# The copy is demo data, made in a folder of its own and deleted at once.
plain_dir=$(mktemp -d)
TANDEM_BENCH_PLAIN_COPY="$plain_dir/copy.db" "$work/storage.test" -test.run '^TestPlaintextCopy$' >/dev/null || { rm -rf "$plain_dir"; echo "no plaintext copy" >&2; exit 1; }
declare -a cipher_ms plain_ms sqlcipher_plain_ms enc_ratio
for i in $(seq "$runs"); do
  c=$(metric pass-ms "$(bench_line "$work/storage.test" backend/storage BenchmarkQueryWorkload)")
  p=$("$work/sqlbench" -db "$plain_dir/copy.db" -workload tools/sqlbench/workload.sql -passes 5 | sed 's/^pass_ms=\([0-9.]*\).*/\1/' | sort -g | sed -n 3p)
  # The copy through the SQLCipher build, unkeyed: the build's own cost.
  b=$(metric pass-ms "$(TANDEM_BENCH_PLAIN_DB="$plain_dir/copy.db" bench_line "$work/storage.test" backend/storage BenchmarkQueryWorkload)")
  [[ -n $c && -n $p && -n $b ]] || { rm -rf "$plain_dir"; echo "the query workload gave no figures" >&2; exit 1; }
  cipher_ms+=("$c"); plain_ms+=("$p"); sqlcipher_plain_ms+=("$b")
  enc_ratio+=("$(awk -v c="$c" -v p="$p" 'BEGIN {printf "%.2f", c / p}')")
  echo "run $i: query workload on the vault ${c} ms, on the plaintext copy ${p} ms (through the SQLCipher build ${b} ms): ×${enc_ratio[-1]}"
done
rm -rf "$plain_dir"

# Backups against the age tool, measured by scripts/bench-backup.sh on this
# same vault (it also writes bench/backup.md); once with QUICK=1.
backup_runs=$runs
[[ ${QUICK:-} == 1 ]] && backup_runs=1
out=bench
[[ ${QUICK:-} == 1 ]] && out=bench/tmp
mkdir -p "$out"
declare -a bk_create bk_age_e bk_verify bk_restore bk_age_d bk_create_ratio bk_verify_ratio bk_restore_ratio
backup_size="" db_size=""
while IFS= read -r line; do
  [[ $line == "BENCH backup "* ]] || continue
  declare -A f=()
  for kv in ${line#BENCH backup }; do f[${kv%%=*}]=${kv#*=}; done
  bk_create+=("${f[create_ms]}"); bk_age_e+=("${f[age_e_ms]}"); bk_verify+=("${f[verify_ms]}")
  bk_restore+=("${f[restore_ms]}"); bk_age_d+=("${f[age_d_ms]}"); backup_size=${f[size]}
  bk_create_ratio+=("$(awk -v a="${f[create_ms]}" -v b="${f[age_e_ms]}" 'BEGIN {printf "%.2f", a / b}')")
  bk_verify_ratio+=("$(awk -v a="${f[verify_ms]}" -v b="${f[age_d_ms]}" 'BEGIN {printf "%.2f", a / b}')")
  bk_restore_ratio+=("$(awk -v a="${f[restore_ms]}" -v b="${f[age_d_ms]}" 'BEGIN {printf "%.2f", a / b}')")
  echo "backup run ${#bk_create[@]}: create ${f[create_ms]} ms (age -e ${f[age_e_ms]} ms), verify ${f[verify_ms]} ms, restore ${f[restore_ms]} ms (age -d ${f[age_d_ms]} ms)"
done < <(BENCH_RUNS=$backup_runs BENCH_BACKUP_REPORT="$ROOT/$out/backup.md" scripts/bench-backup.sh)
((${#bk_create[@]} > 0)) || { echo "the backup bench gave no figures" >&2; exit 1; }

# Sizes.
binary_mb=$(awk -v b="$(stat -c %s "$bin")" 'BEGIN {printf "%.1f", b / 1e6}')
vault_mb=$(awk -v k="$(du -sk "$TANDEM_VAULT" | cut -f1)" 'BEGIN {printf "%.1f", k * 1024 / 1e6}')
backup_mb=$(awk -v b="$backup_size" 'BEGIN {printf "%.1f", b / 1e6}')

# Accessibility: the axe-core end-to-end test on every screen, both themes.
axe_summary="$ARTIFACTS/axe-summary.json"
axe_test="m == 0"
if [[ ${QUICK:-} != 1 ]]; then
  rm -f "$axe_summary"
  if ! E2E_FILES=e2e/07-accessibility.test.mjs scripts/e2e.sh >"$ARTIFACTS/bench-e2e-axe.log" 2>&1; then
    echo "the accessibility test failed: see $ARTIFACTS/bench-e2e-axe.log" >&2
    axe_test="0" # some screens may not have been reached
  fi
fi
axe_serious="" axe_note="not run"
if [[ -f $axe_summary ]]; then
  axe_serious=$(node -e 'const s = require(process.argv[1]); console.log(s.serious + s.critical)' "$axe_summary")
  axe_note=$(node -e 'const s = require(process.argv[1]); console.log(`${s.checks} checks: ${s.screens} screens × ${s.themes.length} themes, ${s.date}`)' "$axe_summary")
  [[ ${QUICK:-} == 1 ]] && axe_note="not run with QUICK=1; the last run: $axe_note"
fi

# stats prints "median min max" of its arguments.
stats() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%g %g %g", m, a[1], a[NR]}'; }
row() { # name unit target-test target-text values...
  local name=$1 unit=$2 test=$3 target=$4; shift 4
  read -r med min max <<<"$(stats "$@")"
  local verdict=reported
  [[ -z $target ]] && target="—"
  [[ -n $test ]] && verdict=$(awk -v m="$med" "BEGIN { print ($test) ? \"pass\" : \"fail\" }")
  printf '| %s | %s %s | %s | %s | %s | %s |\n' "$name" "$med" "$unit" "$min" "$max" "$target" "$verdict" >> $out/report.md
  printf '%s{"measurement":"%s","unit":"%s","median":%s,"min":%s,"max":%s,"target":"%s","result":"%s","runs":%d}' \
    "${sep:-}" "$name" "$unit" "$med" "$min" "$max" "$target" "$verdict" "$#" >> $out/report.json
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
} > $out/report.md
printf '{"date":"%s","cores":%d,"version":"%s","runs":%d,"results":[' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(nproc)" "$(cat VERSION)" "$runs" > $out/report.json
row "cold start to unlock screen (first paint)" ms "m < 1000" "< 1000 ms" "${start_ms[@]}"
row "key derivation (Argon2id, deliberate)" ms "m >= 300 && m <= 1000" "300–1000 ms" "${kdf_ms[@]}"
row "unlock to home screen rendered, after key derivation" ms "m < 100" "< 100 ms" "${home_ms[@]}"
row "unlock to Today (week and what is due) painted, after key derivation" ms "m < 100" "< 100 ms" "${today_ms[@]}"
row "open a client: click to rendered page ($clients-client vault)" ms "m < 100" "< 100 ms" "${client_ms[@]}"
row "a client's journey with its chart: click to painted" ms "m < 200" "< 200 ms" "${journey_ms[@]}"
row "the practice's fees overview (ten years): click to painted" ms "m < 200" "< 200 ms" "${fees_ms[@]}"
row "search over the whole practice, p50" ms "m < 50" "< 50 ms" "${search_p50[@]}"
row "search over the whole practice, p95" ms "m < 50" "< 50 ms" "${search_p95[@]}"
row "saving a live log entry (ten-year vault), p95" ms "m < 20" "< 20 ms" "${log_p95[@]}"
row "preparation packet PDF (read, build, render)" ms "m < 100" "< 100 ms" "${prep_ms[@]}"
row "client record PDF, $record_pages pages (therapist copy)" ms "m < 1000" "< 1 s" "${record_ms[@]}"
row "backup create (its phases: bench/backup.md)" ms "m <= 3000" "≤ 3 s" "${bk_create[@]}"
row "backup verify (data key)" ms "m <= 3000" "≤ 3 s" "${bk_verify[@]}"
row "backup restore (passphrase, incl. key derivation)" ms "m <= 20000" "≤ 20 s" "${bk_restore[@]}"
row "backup create ÷ age -e of the same bytes (+ sync)" × "" "" "${bk_create_ratio[@]}"
row "backup verify ÷ age -d" × "" "" "${bk_verify_ratio[@]}"
row "backup restore ÷ age -d" × "" "" "${bk_restore_ratio[@]}"
row "change of passphrase: the vault re-encrypted under a fresh key" ms "" "" "${rekey_ms[@]}"
row "vault on disk ($clients clients)" MB "" "" "$vault_mb"
row "backup file" MB "" "" "$backup_mb"
row "memory with the vault open: tandem + WebKit processes, PSS" MB "m < 300" "< 300 MB" "${mem_mb[@]}"
row "binary size" MB "m < 25" "< 25 MB" "$binary_mb"
row "encryption's cost: query workload, vault ÷ plaintext copy" × "m < 1.5" "< 1.5×" "${enc_ratio[@]}"
row "query workload on the plaintext copy through the SQLCipher build ÷ plain SQLite" × "" "" "$(for i in "${!plain_ms[@]}"; do awk -v a="${sqlcipher_plain_ms[i]}" -v b="${plain_ms[i]}" 'BEGIN {printf "%.2f\n", a / b}'; done)"
if [[ -n $axe_serious ]]; then
  [[ $axe_test == 0 ]] && axe_note+="; the test failed, see build/test-artifacts/bench-e2e-axe.log"
  row "accessibility: axe-core serious and critical violations ($axe_note)" "" "$axe_test" "0" "$axe_serious"
else
  echo "| accessibility: axe-core serious and critical violations | not measured | | | 0 | fail |" >> $out/report.md
fi
echo "]}" >> $out/report.json
echo
cat $out/report.md
! grep -q '| fail |' $out/report.md
