#!/usr/bin/env bash
# Tests the release packages as a therapist's computer would meet them
# (a suite of scripts/test.sh; run as root, on a Debian or Ubuntu machine):
#   Linux: build the .deb, `apt install ./…deb`, run `tandem version` from
#   where it is installed, check the menu entry and its icons, then
#   `apt remove` it and check that a vault folder is left exactly as it was.
#   Windows: cross-build tandem.exe and the installer; tandem.exe must be a
#   64-bit GUI program, and the uninstaller must delete no folder wholesale.
#   Both: SHA256SUMS lists every package and checks out.
# The package is removed at the end, whatever happens, so later suites test
# build/bin/tandem as before. A tandem package that was installed before
# this test is refused rather than replaced.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ARCH=$(dpkg --print-architecture)
DEB="build/packages/tandem_${VERSION}_${ARCH}.deb"
SETUP="build/packages/Tandem-${VERSION}-windows-amd64-setup.exe"
fails=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; fails=$((fails + 1)); }
check() { local what=$1; shift; if "$@"; then ok "$what"; else bad "$what"; fi; }

if [[ $(id -u) -ne 0 ]]; then
  echo "package-test: run as root (it installs and removes the .deb)" >&2
  exit 1
fi
if dpkg-query -W -f='${Status}' tandem 2>/dev/null | grep -q "install ok installed"; then
  echo "package-test: a tandem package is already installed here; remove it first" >&2
  exit 1
fi

home=$(mktemp -d)
cleanup() {
  if dpkg-query -W -f='${Status}' tandem 2>/dev/null | grep -q "ok installed"; then
    DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq tandem >/dev/null 2>&1
  fi
  rm -rf "$home"
}
trap 'cleanup; stop_xvfb' EXIT

echo "--- Linux package"
# The binary the test run built, or one built now when this runs on its own.
if ! { [[ -x $BINARY ]] || scripts/build.sh; } >"$ARTIFACTS/package-linux.log" 2>&1 ||
  ! scripts/package-linux.sh >>"$ARTIFACTS/package-linux.log" 2>&1; then
  tail -20 "$ARTIFACTS/package-linux.log"
  bad "package-linux.sh"
  exit 1
fi
ok "package-linux.sh: $DEB ($(du -h "$DEB" | cut -f1))"
fields=$(dpkg-deb --field "$DEB" Package Version Architecture Depends)
echo "$fields" | sed 's/^/     /'
check "Depends names GTK 3" grep -q 'libgtk-3-0' <<<"$fields"
check "Depends names WebKitGTK 4.1" grep -q 'libwebkit2gtk-4.1-0' <<<"$fields"
check "version is VERSION's ($VERSION)" grep -qx "Version: $VERSION" <<<"$fields"
contents=$(dpkg-deb --contents "$DEB")
for f in ./usr/bin/tandem ./usr/share/applications/tandem.desktop \
  ./usr/share/icons/hicolor/16x16/apps/tandem.png ./usr/share/icons/hicolor/48x48/apps/tandem.png \
  ./usr/share/icons/hicolor/256x256/apps/tandem.png ./usr/share/icons/hicolor/scalable/apps/tandem.svg; do
  check "the package holds $f" grep -q " $f\$" <<<"$contents"
done
check "the package holds nothing under /home, /root, /etc or /var" bash -c '! grep -qE " \./(home|root|etc|var)/" <<<"$1"' _ "$contents"
check "the package has no maintainer scripts" bash -c '! dpkg-deb --ctrl-tarfile "$1" | tar -t | grep -qE "(pre|post)(inst|rm)$"' _ "$DEB"

# A therapist's vault, made by the binary that was packaged, with a few
# records: its folder must come through install and removal byte for byte.
vault="$home/.local/share/Tandem"
printf 'package test harbour lantern\n' >"$home/pass"
if build/bin/tandem vault init --vault "$vault" --passphrase-file "$home/pass" --recovery-key-out "$home/rk.txt" >/dev/null &&
  build/bin/tandem demo seed --vault "$vault" --passphrase-file "$home/pass" --clients 3 --years 1 >/dev/null; then
  ok "a vault with records in $vault"
else
  bad "making a vault"
fi
tree() { (cd "$1" && find . -type f ! -name '*.lock' -print0 | sort -z | xargs -0 sha256sum; find . | sort) 2>/dev/null; }
before=$(tree "$vault")

export DEBIAN_FRONTEND=noninteractive
if apt-get install -y -qq "./$DEB" >"$ARTIFACTS/package-apt.log" 2>&1; then
  ok "apt install ./$DEB"
else
  tail -20 "$ARTIFACTS/package-apt.log"
  bad "apt install ./$DEB"
fi
check "installed at /usr/bin/tandem" test -x /usr/bin/tandem
out=$(/usr/bin/tandem version 2>&1)
check "/usr/bin/tandem version says \"tandem $VERSION\" (it said \"$out\")" test "$out" = "tandem $VERSION"
check "desktop-file-validate /usr/share/applications/tandem.desktop" desktop-file-validate /usr/share/applications/tandem.desktop
check "the menu entry runs tandem with the tandem icon" bash -c 'grep -qx "Exec=tandem" "$1" && grep -qx "Icon=tandem" "$1"' _ /usr/share/applications/tandem.desktop
check "the installed binary opens the vault in its default folder" bash -c 'env -u XDG_DATA_HOME -u TANDEM_VAULT HOME="$1" /usr/bin/tandem vault check --passphrase-file "$1/pass" >/dev/null' _ "$home"

if apt-get remove -y -qq tandem >>"$ARTIFACTS/package-apt.log" 2>&1; then
  ok "apt remove tandem"
else
  bad "apt remove tandem"
fi
check "/usr/bin/tandem is gone" test ! -e /usr/bin/tandem
check "the menu entry is gone" test ! -e /usr/share/applications/tandem.desktop
check "the vault folder is untouched" test "$(tree "$vault")" = "$before"
check "the vault still opens" build/bin/tandem vault check --vault "$vault" --passphrase-file "$home/pass" >/dev/null

echo "--- Windows installer"
if scripts/package-windows.sh >"$ARTIFACTS/package-windows.log" 2>&1; then
  ok "package-windows.sh: $SETUP ($(du -h "$SETUP" | cut -f1))"
else
  tail -20 "$ARTIFACTS/package-windows.log"
  bad "package-windows.sh"
fi
kind=$(file -b build/bin/tandem.exe)
echo "     tandem.exe: $kind"
check "tandem.exe is a PE32+ GUI x86-64 executable" grep -q '^PE32+ executable (GUI) x86-64' <<<"$kind"
check "the installer is an NSIS installer" bash -c 'file -b "$1" | grep -q "Nullsoft Installer"' _ "$SETUP"
nsi=build/windows/installer/project.nsi
uninstall=$(sed -n '/^Section "uninstall"/,/^SectionEnd/p' "$nsi")
check "the uninstaller deletes no folder recursively" bash -c '! grep -qiE "^\s*RMDir\s+/r" <<<"$1"' _ "$uninstall"
check "the uninstaller never names the vault's folder" bash -c '! grep -qiE "LOCALAPPDATA|APPDATA" <<<"$(grep -v "^\s*#" <<<"$1")"' _ "$uninstall"
check "the installer makes a Start-menu entry" grep -q 'CreateShortcut "$SMPROGRAMS' "$nsi"

echo "--- checksums"
check "SHA256SUMS lists the .deb and the installer" bash -c 'grep -q " $(basename "$1")$" build/packages/SHA256SUMS && grep -q " $(basename "$2")$" build/packages/SHA256SUMS' _ "$DEB" "$SETUP"
check "sha256sum --check SHA256SUMS" bash -c 'cd build/packages && sha256sum --quiet --check SHA256SUMS'

echo
echo "package test: $fails failed"
((fails == 0))
