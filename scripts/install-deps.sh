#!/usr/bin/env bash
# Installs the system packages Tandem needs, on Debian or Ubuntu.
#   install-deps.sh build   what building the app needs
#   install-deps.sh package that, plus what making the packages needs
#   install-deps.sh test    build, package, and what the tests need
# Packages already present are not reinstalled; apt runs only when needed.
set -euo pipefail

build_pkgs=(build-essential pkg-config libgtk-3-dev libwebkit2gtk-4.1-dev libssl-dev)
package_pkgs=(dpkg-dev desktop-file-utils librsvg2-bin icoutils nsis gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64)
test_pkgs=(curl file xvfb xauth x11-utils imagemagick chromium poppler-utils age qpdf strace fonts-noto-core fonts-noto-cjk dbus-daemon python3-icalendar python3-dateutil)

want=("${build_pkgs[@]}")
case "${1:-build}" in
  package) want+=("${package_pkgs[@]}") ;;
  test) want+=("${package_pkgs[@]}" "${test_pkgs[@]}") ;;
esac

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

need_cmd() { command -v "$1" >/dev/null 2>&1 || { echo "install-deps: $1 is required ($2)" >&2; exit 1; }; }
need_cmd go "Go 1.26 or newer: https://go.dev/doc/install"
need_cmd npm "Node.js 20 or newer with npm"

if ((${#missing[@]} == 0)); then
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
