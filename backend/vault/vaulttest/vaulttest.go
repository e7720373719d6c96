// Package vaulttest makes vaults for tests: real folders in t.TempDir(),
// so that encryption really happens, with key derivation cheap enough to
// run hundreds of times (a real vault calibrates it: vault.Calibrate) and
// the suite's clock (clocktest). Every test that needs a vault makes it
// here. Bench opens the bench's seeded vault for benchmarks.
package vaulttest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tandem/backend/clock/clocktest"
	"tandem/backend/vault"
)

// Passphrase is the passphrase of the vaults New and Create make.
const Passphrase = "lantern orbit cello meadow"

// KDF returns key derivation parameters cheap enough for tests.
func KDF() *vault.KDFParams { return &vault.KDFParams{Time: 1, MemoryKiB: 8 << 10, Threads: 1} }

// Options returns the options of a test vault: cheap key derivation (KDF)
// and the suite's clock (clocktest.Now). A test about another moment sets
// Now.
func Options() vault.Options { return vault.Options{KDF: KDF(), Now: clocktest.Now()} }

// New makes an unlocked vault with Passphrase in a new folder of
// tb.TempDir(), with Options, and returns it with its recovery key. It is
// closed when the test ends.
func New(tb testing.TB) (*vault.Vault, string) {
	tb.Helper()
	return Create(tb, filepath.Join(tb.TempDir(), "vault"), Options())
}

// Create makes an unlocked vault with Passphrase in dir, with opts, and
// returns it with its recovery key. It is closed when the test ends.
func Create(tb testing.TB, dir string, opts vault.Options) (*vault.Vault, string) {
	tb.Helper()
	v, err := vault.Open(dir, true, opts)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { v.Close() })
	p, err := v.Prepare(Passphrase)
	if err != nil {
		tb.Fatal(err)
	}
	if err := v.Commit(context.Background(), p); err != nil {
		tb.Fatal(err)
	}
	return v, p.RecoveryKey()
}

// The variables that name the bench's seeded vault (scripts/bench.sh sets
// them): its folder, and a file whose first line is its passphrase.
const (
	BenchVault          = "TANDEM_BENCH_VAULT"
	BenchPassphraseFile = "TANDEM_BENCH_PASSPHRASE_FILE"
)

// Bench opens the bench's seeded vault (BenchVault, BenchPassphraseFile)
// on the suite's clock, with its own, real key derivation, and returns it
// unlocked, with its passphrase. It is closed when the test or benchmark
// ends, which is skipped when the variables are not set.
func Bench(tb testing.TB) (*vault.Vault, string) {
	tb.Helper()
	dir, passFile := os.Getenv(BenchVault), os.Getenv(BenchPassphraseFile)
	if dir == "" || passFile == "" {
		tb.Skip("set TANDEM_BENCH_VAULT and TANDEM_BENCH_PASSPHRASE_FILE to a seeded vault (scripts/bench.sh does)")
	}
	b, err := os.ReadFile(passFile)
	if err != nil {
		tb.Fatal(err)
	}
	pass := strings.TrimRight(strings.SplitN(string(b), "\n", 2)[0], "\r")
	v, err := vault.Open(dir, false, vault.Options{Now: clocktest.Now()})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { v.Close() })
	if err := v.Unlock(context.Background(), pass); err != nil {
		tb.Fatal(err)
	}
	return v, pass
}
