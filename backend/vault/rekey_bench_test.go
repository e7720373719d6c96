package vault_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tandem/backend/clock/clocktest"
	"tandem/backend/vault"
	"tandem/backend/vault/vaulttest"
)

// BenchmarkChangePassphrase times a change of passphrase on a copy of the
// bench's seeded vault (make bench: ten years of a practice): the database
// re-encrypted under a fresh data key and put in place (rekey.go). The new
// slots use cheap key derivation, so that after the first change what is
// timed is the re-encryption; the deliberate key derivation of a real
// change (about half a second) is the bench's own row.
func BenchmarkChangePassphrase(b *testing.B) {
	src, passFile := os.Getenv(vaulttest.BenchVault), os.Getenv(vaulttest.BenchPassphraseFile)
	if src == "" || passFile == "" {
		b.Skip("set TANDEM_BENCH_VAULT and TANDEM_BENCH_PASSPHRASE_FILE to a seeded vault (scripts/bench.sh does)")
	}
	raw, err := os.ReadFile(passFile)
	if err != nil {
		b.Fatal(err)
	}
	pass := strings.TrimRight(strings.SplitN(string(raw), "\n", 2)[0], "\r")
	dir := filepath.Join(b.TempDir(), "vault")
	if err := os.Mkdir(dir, 0o700); err != nil {
		b.Fatal(err)
	}
	for _, name := range []string{vault.KeyFileName, vault.DBFileName, vault.DBFileName + "-wal"} {
		if err := copyFile(filepath.Join(src, name), filepath.Join(dir, name)); err != nil && !os.IsNotExist(err) {
			b.Fatal(err)
		}
	}
	v, err := vault.Open(dir, false, vault.Options{KDF: vaulttest.KDF(), Now: clocktest.Now()})
	if err != nil {
		b.Fatal(err)
	}
	defer v.Close()
	passes := []string{pass, "amber quartz willow drum"}
	// The first change derives the bench vault's own, real key.
	if err := v.ChangePassphrase(passes[0], passes[1]); err != nil {
		b.Fatal(err)
	}
	fi, _ := os.Stat(filepath.Join(dir, vault.DBFileName))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := v.ChangePassphrase(passes[(i+1)%2], passes[i%2]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/change")
	b.ReportMetric(float64(fi.Size())/1e6, "db-MB")
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
