# Tandem's build. The README's two commands are `make run` and `make test`;
# both install what they need on a fresh Debian or Ubuntu machine.
#
# Each target calls a script; the scripts never call make. How Tandem is
# built (tags, cgo flags, ldflags, the Wails CLI) is said once, in
# scripts/lib.sh.

SHELL := /bin/bash

.PHONY: run build test test-kills fuzz bench bench-backup deps deps-test deps-package bindings screenshots fonts clean \
	icons package-linux package-windows packages

run: build
	./build/bin/tandem

build: deps
	scripts/build.sh

test: deps-test
	scripts/test.sh

bench: deps-test
	scripts/bench.sh

# The SIGKILL loops at their full count (make test runs a few of each):
# 100 kills of each kind of change of the vault's keys, and 120 of the live
# session log while entries are saved.
test-kills: deps-test
	scripts/test-kills.sh

# The readers of files from outside (backups, key files, returned worksheets)
# fuzzed at a long count; make test runs each a short, fixed count.
fuzz: deps-test
	scripts/fuzz.sh

# Backup create, verify and restore against the age tool (bench/backup.md).
bench-backup:
	scripts/bench-backup.sh

# Screenshots for the docs: the self-test in the real window, with demo data.
screenshots: build deps-test
	SCREENSHOT_DIR=docs/screenshots scripts/selftest.sh seeded

deps:
	scripts/install-deps.sh build

deps-test:
	scripts/install-deps.sh test

deps-package:
	scripts/install-deps.sh package

# Packages for a release, in build/packages with their SHA256SUMS
# (docs/releasing.md). The macOS .app is built on a Mac (see there).
package-linux: build deps-package
	scripts/package-linux.sh

package-windows: deps-package
	scripts/package-windows.sh

packages: package-linux package-windows

# Remakes build/appicon.png and build/windows/icon.ico from build/appicon.svg.
icons: deps-package
	scripts/icons.sh

# Regenerates the Go bindings in frontend/src/lib/api/wailsjs.
bindings:
	scripts/build.sh bindings

# Remakes the packet fonts in backend/packet/fonts (checked in; builds do
# not need this). Needs python3-fonttools, fonts-noto-core, fonts-noto-cjk.
fonts:
	python3 scripts/fonts/make-fonts.py backend/packet/fonts

clean:
	rm -rf build/bin bin frontend/node_modules build/test-artifacts build/packages
