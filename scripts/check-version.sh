#!/usr/bin/env bash
# Fails unless wails.json's productVersion (Windows file version, installer)
# is the VERSION file's number, the one the binary is built with.
set -euo pipefail
cd "$(dirname "$0")/.."
want=$(cat VERSION)
got=$(sed -n 's/^ *"productVersion": *"\([^"]*\)".*/\1/p' wails.json)
if [[ $got != "$want" ]]; then
  echo "wails.json productVersion is \"$got\" but VERSION is \"$want\": make them the same" >&2
  exit 1
fi
