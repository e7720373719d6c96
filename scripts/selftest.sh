#!/usr/bin/env bash
# Runs the production binary's self-test in the real window under Xvfb.
#   selftest.sh fresh    on an empty vault folder: creates the vault
#   selftest.sh seeded   on a vault made with `vault init` + `demo seed`: unlocks
# At each checkpoint the window is photographed into $SCREENSHOT_DIR
# (default build/test-artifacts/screenshots). Prints the self-test's lines;
# exits 0 only on "SELFTEST OK".
set -uo pipefail
source "$(dirname "$0")/lib.sh"
mode=${1:-fresh}
bin=${TANDEM_TEST_BINARY:-$ROOT/build/bin/tandem}
shots=${SCREENSHOT_DIR:-$ARTIFACTS/screenshots}
mkdir -p "$shots"
start_xvfb || exit 1

work=$(mktemp -d)
trap 'rm -rf "$work"; stop_xvfb' EXIT
export TANDEM_VAULT="$work/vault"
# The window runs in a home folder of its own, so that every file it writes
# outside the vault folder can be listed afterwards: none may be left.
home="$work/home"
mkdir -m 700 "$home"
pass="selftest lantern orbit cello"
if [[ $mode == seeded ]]; then
  printf '%s\n' "$pass" > "$work/pass"
  # TANDEM_SELFTEST=1: the CLI keeps the pinned clock too, so the demo practice's history ends on
  # the day the window shows.
  TANDEM_SELFTEST=1 "$bin" vault init --passphrase-file "$work/pass" --recovery-key-out "$work/recovery.txt" >/dev/null || exit 1
  TANDEM_SELFTEST=1 "$bin" demo seed --passphrase-file "$work/pass" --seed 1 >/dev/null || exit 1
fi

shoot() {
  local id
  id=$(xwininfo -root -tree 2>/dev/null | awk '/"Tandem"/ {print $1; exit}')
  if [[ -n $id ]]; then
    import -window "$id" "$shots/$1.png" 2>/dev/null
  else
    import -window root "$shots/$1.png" 2>/dev/null
  fi
}

result=1
while IFS= read -r line; do
  echo "$line"
  case $line in
    "SELFTEST CHECKPOINT "*) name=${line#SELFTEST CHECKPOINT }; [[ $mode == seeded ]] || name="$mode-$name"; shoot "$name" ;;
    "SELFTEST CLOCK "*)
      # The pinned clock (lib.sh) reached the production binary in self-test mode.
      if [[ ${line#SELFTEST CLOCK } != "${TANDEM_CLOCK%%T*}" ]]; then
        echo "the app's date is not the pinned ${TANDEM_CLOCK%%T*}" >&2; clock_wrong=1
      fi ;;
    "SELFTEST OK"*) [[ -z ${clock_wrong:-} ]] && result=0 ;;
  esac
done < <(env -u XDG_DATA_HOME -u XDG_CACHE_HOME -u XDG_CONFIG_HOME -u XDG_STATE_HOME HOME="$home" \
  TANDEM_SELFTEST=1 TANDEM_SELFTEST_PASSPHRASE="$pass" timeout 120 "$bin" 2>"$work/stderr")
# After the session: no file of Tandem's outside the vault folder (WebKit's
# and GTK's files lived in a private folder the app removed; the print
# folder was emptied at quit).
left=$(cd "$home" && find . -type f | sort)
if [[ -n $left ]]; then
  echo "the window left files outside the vault folder:" >&2
  echo "$left" >&2
  result=1
fi
if ((result != 0)); then
  echo "self-test failed; the app's error output:" >&2
  tail -20 "$work/stderr" >&2
fi
exit $result
