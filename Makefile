# Tandem's build. The README's two commands are `make run` and `make test`;
# both install what they need on a fresh Debian or Ubuntu machine.

SHELL := /bin/bash
VERSION := $(shell cat VERSION)
# Build tags, in one place: WebKitGTK 4.1 for Wails, FTS5 for SQLCipher.
WAILS_TAGS := webkit2_41 sqlite_fts5
GO_TAGS := sqlite_fts5
LDFLAGS := -s -w -X tandem/backend/version.Version=$(VERSION)
WAILS := bin/wails
BINARY := build/bin/tandem
# cgo flags of a Linux build: SQLCipher with OpenSSL's cryptography
# (backend/storage/sqlcipher-openssl.h says why); scripts/lib.sh sets the
# same for scripts run on their own. TANDEM_CIPHER_PROVIDER is what storage's
# tests expect the build to use.
export CGO_CFLAGS := -O2 -Wno-stringop-overflow -include $(CURDIR)/backend/storage/sqlcipher-openssl.h
export CGO_LDFLAGS := -lcrypto
export TANDEM_CIPHER_PROVIDER := openssl

.PHONY: run build test bench bench-backup deps deps-test deps-package frontend bindings screenshots fonts clean \
	icons package-linux package-windows packages

run: build
	./$(BINARY)

build: deps $(WAILS) frontend/node_modules/.installed
	$(WAILS) build -tags "$(WAILS_TAGS)" -trimpath -ldflags "$(LDFLAGS)"
	@ls -l $(BINARY)

test: deps-test $(WAILS) frontend/node_modules/.installed
	scripts/test.sh

bench: deps-test $(WAILS) frontend/node_modules/.installed
	scripts/bench.sh

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

package-windows: deps-package $(WAILS) frontend/node_modules/.installed
	scripts/package-windows.sh

packages: package-linux package-windows

# Remakes build/appicon.png and build/windows/icon.ico from build/appicon.svg.
icons: deps-package
	scripts/icons.sh

$(WAILS): tools/wails/go.mod tools/wails/go.sum
	cd tools/wails && go build -o ../../$(WAILS) github.com/wailsapp/wails/v2/cmd/wails

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	touch $@

# Regenerates the Go bindings in frontend/src/lib/api/wailsjs.
bindings: $(WAILS)
	$(WAILS) generate module -tags "$(WAILS_TAGS)"

# Remakes the packet fonts in backend/packet/fonts (checked in; builds do
# not need this). Needs python3-fonttools, fonts-noto-core, fonts-noto-cjk.
fonts:
	python3 scripts/fonts/make-fonts.py backend/packet/fonts

clean:
	rm -rf build/bin bin frontend/node_modules build/test-artifacts build/packages
