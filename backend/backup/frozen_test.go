package backup

import (
	"bytes"
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"

	"tandem/backend/demo"
	"tandem/backend/domain"
	"tandem/backend/vault"
)

// A backup made by format version 1, frozen: every later Tandem must read
// it. It holds fictional demonstration records only. Never regenerate it;
// -freeze-v1 writes it only where it is missing.
var freezeV1 = flag.Bool("freeze-v1", false, "write testdata/v1 if it is missing")

const frozenDir = "testdata/v1"

func TestFreezeV1(t *testing.T) {
	if !*freezeV1 {
		t.Skip("run with -freeze-v1 to write the frozen backup where it is missing")
	}
	if _, err := os.Stat(filepath.Join(frozenDir, "backup.age")); err == nil {
		t.Fatal("testdata/v1 exists: a frozen backup is never regenerated")
	}
	os.MkdirAll(frozenDir, 0o755)
	v, rk, path := seededBackup(t, demo.Options{Clients: 4, Years: 1, Seed: 11})
	b, _ := os.ReadFile(path)
	os.WriteFile(filepath.Join(frozenDir, "backup.age"), b, 0o644)
	os.WriteFile(filepath.Join(frozenDir, "passphrase.txt"), []byte(testPass+"\n"), 0o644)
	os.WriteFile(filepath.Join(frozenDir, "recovery-key.txt"), vault.RecoveryKeyFile(rk, cheap.Now()), 0o644)
	os.WriteFile(filepath.Join(frozenDir, "export.json"), exportOf(t, v, 0), 0o644)
}

func frozen(t testing.TB) (file []byte, pass, recovery string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(frozenDir, "backup.age"))
	if err != nil {
		t.Fatal(err)
	}
	p, _ := os.ReadFile(filepath.Join(frozenDir, "passphrase.txt"))
	r, _ := os.ReadFile(filepath.Join(frozenDir, "recovery-key.txt"))
	return b, strings.TrimSpace(string(p)), string(r)
}

func TestFrozenV1BackupStaysReadable(t *testing.T) {
	ctx := context.Background()
	b, pass, rk := frozen(t)
	for name, u := range map[string]Unlock{"passphrase": {Passphrase: pass}, "recovery key": {RecoveryKey: rk}} {
		info, err := VerifyReader(ctx, bytes.NewReader(b), u)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if info.SchemaVersion != 2 || info.Rows("clients") != 4 || info.AppVersion != "test-1.0" {
			t.Fatalf("%s: %+v", name, info)
		}
	}
	// Restored, then migrated to the newest schema: every value of the
	// frozen export is still there.
	target := filepath.Join(t.TempDir(), "vault")
	v, err := vault.Open(target, true, cheap)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	res, err := Restore(ctx, filepath.Join(frozenDir, "backup.age"), v, RestoreOptions{Unlock: Unlock{RecoveryKey: rk}, NewPassphrase: otherPass})
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Unlock(ctx, otherPass); err != nil {
		t.Fatal(err)
	}
	got := exportOf(t, v, 0)
	want, _ := os.ReadFile(filepath.Join(frozenDir, "export.json"))
	for _, line := range strings.Split(string(want), "\n") {
		line = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(line), ","))
		if !strings.HasPrefix(line, "{\"") {
			continue
		}
		// A later schema may add columns: compare each row's leading
		// columns, which a migration may not change without this test
		// being updated on purpose.
		prefix := strings.TrimSuffix(line, "}")
		if !bytes.Contains(got, []byte(prefix)) {
			t.Fatalf("the restored vault lacks a row of the frozen backup:\n%.300s", line)
		}
	}
	if res.Info.Created.IsZero() {
		t.Fatal("no creation time")
	}
}

// frozenState opens the frozen backup's header and returns its plaintext
// and what opening it learned, for the fuzz target.
func frozenState(t testing.TB) ([]byte, *unlocked, *identity) {
	t.Helper()
	b, pass, _ := frozen(t)
	var un unlocked
	id := &identity{u: &un, passphrase: pass}
	r, err := age.Decrypt(bytes.NewReader(b), id)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return plain, &un, id
}

// FuzzReadPlaintext feeds the reader arbitrary decrypted content: it must
// refuse what is not a valid backup with a backup error, and never panic.
func FuzzReadPlaintext(f *testing.F) {
	plain, un, _ := frozenState(f)
	f.Add(plain)
	f.Add(plain[:len(plain)/2])
	f.Add(plain[:1024])
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, light := range []bool{false, true} {
			u := *un
			u.dataKey = bytes.Clone(un.dataKey)
			id := &identity{u: &u, dataKey: u.dataKey}
			_, dk, err := readPlainMode(context.Background(), bytes.NewReader(data), &u, id, nil, light)
			wipe(dk)
			if err == nil {
				continue
			}
			if c := domain.ErrorCode(err); c != domain.EBACKUPDAMAGED && c != domain.EVAULTNEWER {
				t.Fatalf("unexpected error (light %v) %s: %v", light, c, err)
			}
		}
	})
}

// FuzzReadFile feeds the whole reader arbitrary files, opened with the
// recovery key (cheap to try).
func FuzzReadFile(f *testing.F) {
	b, _, rk := frozen(f)
	f.Add(b)
	f.Add(b[:headerLen(&testing.T{}, b)])
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := VerifyReader(context.Background(), bytes.NewReader(data), Unlock{RecoveryKey: rk})
		if err == nil {
			return
		}
		if c := domain.ErrorCode(err); c != domain.EBACKUPDAMAGED && c != domain.EVAULTNEWER && c != domain.EWRONGSECRET {
			t.Fatalf("unexpected error %s: %v", c, err)
		}
	})
}
