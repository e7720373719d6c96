#!/usr/bin/env bash
# Builds the Debian/Ubuntu package from build/bin/tandem (`make package-linux`
# builds that first): build/packages/tandem_VERSION_ARCH.deb, with dpkg-deb,
# offline. It holds the binary (/usr/bin/tandem), the menu entry and the
# icons; its dependencies are worked out by dpkg-shlibdeps from the libraries
# the binary links (GTK 3 and WebKitGTK 4.1 among them). It has no
# maintainer scripts: dpkg's triggers refresh the menu and the icon cache,
# and removing the package removes only the files listed here, never a
# therapist's vault (~/.local/share/Tandem), which no package owns.
# Needs dpkg-dev (dpkg-shlibdeps) and librsvg2-bin (icons).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ARCH=$(dpkg --print-architecture)
BIN=build/bin/tandem
OUT=build/packages
DEB="$OUT/tandem_${VERSION}_${ARCH}.deb"
[[ -x $BIN ]] || { echo "package-linux: $BIN is missing; run make build" >&2; exit 1; }
scripts/check-version.sh

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stage="$work/root"
install -D -m 0755 "$BIN" "$stage/usr/bin/tandem"
install -D -m 0644 build/linux/tandem.desktop "$stage/usr/share/applications/tandem.desktop"
scripts/icons.sh "$stage/usr/share/icons"
install -D -m 0644 README.md "$stage/usr/share/doc/tandem/README.md"

# Dependencies from the binary's libraries, as Debian's own packages get them.
mkdir -p "$work/src/debian"
printf 'Source: tandem\n\nPackage: tandem\nArchitecture: %s\n' "$ARCH" >"$work/src/debian/control"
depends=$(cd "$work/src" && dpkg-shlibdeps -O "$stage/usr/bin/tandem" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
for need in libgtk-3-0 libwebkit2gtk-4.1-0; do
  [[ $depends == *"$need"* ]] || { echo "package-linux: $need missing from the dependencies ($depends)" >&2; exit 1; }
done

mkdir -p "$stage/DEBIAN"
cat >"$stage/DEBIAN/control" <<CONTROL
Package: tandem
Version: $VERSION
Architecture: $ARCH
Maintainer: Tandem developers
Installed-Size: $(du -sk --exclude=DEBIAN "$stage" | cut -f1)
Depends: $depends
Recommends: xdg-utils
Section: misc
Priority: optional
Description: private records for a therapy practice
 Tandem keeps a solo therapist's client records, the plans made together
 with each client, session and integration notes, and prints session
 packets. Everything lives in one encrypted vault on this computer; Tandem
 opens no network connection.
 .
 Removing this package leaves the vault (~/.local/share/Tandem) in place.
CONTROL

mkdir -p "$OUT"
rm -f "$OUT"/tandem_*_"$ARCH".deb
dpkg-deb --root-owner-group -Zxz --build "$stage" "$DEB" >/dev/null
scripts/checksums.sh
echo "package-linux: $DEB ($(du -h "$DEB" | cut -f1))"
