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
	"tandem/backend/vault/vaulttest"
)

const (
	testPass  = vaulttest.Passphrase
	otherPass = "amber quartz willow drum"
)

// cheap are the options of the tests' vaults (vaulttest.Options) on a
// stopped clock, so that what a backup records can be compared with the
// clock's reading. It reads a fixed moment in the past, not the suite's
// day: a backup's tar entries are stamped with it, and tar (which a test
// runs on a backup) complains of stamps in the computer's future.
var cheap = func() vault.Options {
	o := vaulttest.Options()
	o.Now = func() time.Time { return time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC) }
	return o
}()

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
	v, rk := vaulttest.Create(t, filepath.Join(dir, "vault"), cheap)
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
