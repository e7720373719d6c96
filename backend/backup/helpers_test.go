package backup

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"tandem/backend/demo"
	"tandem/backend/vault"
)

const (
	testPass  = "lantern orbit cello meadow"
	otherPass = "amber quartz willow drum"
)

// cheap key derivation: tests derive keys hundreds of times.
var cheap = vault.Options{KDF: &vault.KDFParams{Time: 1, MemoryKiB: 8 << 10, Threads: 1},
	Now: func() time.Time { return time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC) }}

// newVault creates an unlocked vault in dir and returns it with its
// recovery key.
func newVault(t testing.TB, dir string) (*vault.Vault, string) {
	t.Helper()
	v, err := vault.Open(dir, true, cheap)
	if err != nil {
		t.Fatal(err)
	}
	p, err := v.Prepare(testPass)
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Commit(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { v.Close() })
	return v, p.RecoveryKey()
}

func seed(t testing.TB, v *vault.Vault, o demo.Options) {
	t.Helper()
	db, err := v.DB()
	if err != nil {
		t.Fatal(err)
	}
	if o.End.IsZero() {
		o.End = cheap.Now()
	}
	if _, err := demo.Seed(context.Background(), db, o); err != nil {
		t.Fatal(err)
	}
}

func source(t testing.TB, v *vault.Vault) Source {
	t.Helper()
	db, err := v.DB()
	if err != nil {
		t.Fatal(err)
	}
	keys, err := v.BackupKeys()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(keys.Wipe)
	return Source{DB: db, Keys: keys, AppVersion: "test-1.0", Now: cheap.Now}
}

func exportOf(t testing.TB, v *vault.Vault, clientID int64) []byte {
	t.Helper()
	db, err := v.DB()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Export(context.Background(), db, &buf, clientID); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// seededBackup makes a seeded vault and a backup of it, and returns the
// vault, its recovery key and the backup's path.
func seededBackup(t testing.TB, o demo.Options) (*vault.Vault, string, string) {
	t.Helper()
	dir := t.TempDir()
	v, rk := newVault(t, filepath.Join(dir, "vault"))
	seed(t, v, o)
	res, err := Create(context.Background(), source(t, v), filepath.Join(dir, "backup.age"))
	if err != nil {
		t.Fatal(err)
	}
	return v, rk, res.Path
}

// treeSum describes every file under dir (name, size, content), to check
// that nothing changed.
func treeSum(t testing.TB, dir string) string {
	t.Helper()
	var b bytes.Buffer
	filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		b.WriteString(rel + " " + fi.Mode().String() + "\n")
		if fi.Mode().IsRegular() && filepath.Base(p) != vault.LockFileName {
			c, _ := os.ReadFile(p)
			b.Write(c)
		}
		return nil
	})
	return b.String()
}
