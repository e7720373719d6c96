#!/usr/bin/env bash
# Builds Tandem with the flags lib.sh holds (`make build`, `make bindings`):
#   build.sh            build/bin/tandem, the production binary
#   build.sh bindings   only the frontend's Go bindings (frontend/src/lib/api/wailsjs)
# Builds the Wails CLI and installs the npm packages first when needed.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
ensure_build_tools
case ${1:-app} in
  app)
    "$WAILS" build -tags "$WAILS_TAGS" -trimpath -ldflags "$LDFLAGS"
    ls -l "$BINARY"
    ;;
  bindings)
    "$WAILS" generate module -tags "$WAILS_TAGS"
    # The generator marks some files executable; they are committed 0644.
    find frontend/src/lib/api/wailsjs -type f -exec chmod 0644 {} +
    ;;
  *) echo "usage: build.sh [app|bindings]" >&2; exit 2 ;;
esac
