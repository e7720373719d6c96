#!/usr/bin/env bash
# Makes Tandem's icons from their one source, build/appicon.svg (`make icons`):
#   build/appicon.png          1024x1024, what Wails and the packages start from
#   build/linux/window-icon.png  128x128, the window's icon on Linux (main.go)
#   build/windows/icon.ico     16 to 256 pixels, for tandem.exe and its installer
# With an argument DIR, it also writes the Linux menu icons into DIR as
# DIR/hicolor/NxN/apps/tandem.png and DIR/hicolor/scalable/apps/tandem.svg
# (the .deb does this). Needs rsvg-convert (librsvg2-bin) and icotool (icoutils).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SRC="$ROOT/build/appicon.svg"
LINUX_SIZES=(16 22 24 32 48 64 128 256 512)
ICO_SIZES=(16 24 32 48 64 128 256)

render() { rsvg-convert --width "$1" --height "$1" --format png "$SRC" --output "$2"; }

if [[ $# -eq 0 ]]; then
  render 1024 "$ROOT/build/appicon.png"
  render 128 "$ROOT/build/linux/window-icon.png"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  args=()
  for n in "${ICO_SIZES[@]}"; do
    render "$n" "$tmp/$n.png"
    if ((n >= 256)); then args+=(--raw="$tmp/$n.png"); else args+=("$tmp/$n.png"); fi
  done
  mkdir -p "$ROOT/build/windows"
  icotool --create --output "$ROOT/build/windows/icon.ico" "${args[@]}"
  echo "icons: build/appicon.png, build/linux/window-icon.png, build/windows/icon.ico"
else
  out=$1
  for n in "${LINUX_SIZES[@]}"; do
    mkdir -p "$out/hicolor/${n}x${n}/apps"
    render "$n" "$out/hicolor/${n}x${n}/apps/tandem.png"
  done
  mkdir -p "$out/hicolor/scalable/apps"
  install -m 0644 "$SRC" "$out/hicolor/scalable/apps/tandem.svg"
fi
