package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"tandem/backend/clock/clocktest"
	"tandem/backend/vault"
	"tandem/backend/vault/vaulttest"
)

// run runs a CLI command the way main does, with a test vault's options
// (vaulttest.Options: cheap key derivation and the suite's clock).
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runAt(t, clocktest.Now(), args...)
}

// runAt runs a CLI command with the clock now.
func runAt(t *testing.T, now func() time.Time, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	opts := vaulttest.Options()
	opts.Now = now
	env := &Env{Stdout: &out, Stderr: &errb, Version: "test", VaultOptions: opts}
	code = Run(context.Background(), env, args)
	return code, out.String(), errb.String()
}

// mustRunner runs a command that must succeed and returns what it printed.
func mustRunner(t *testing.T) func(args ...string) string {
	return func(args ...string) string {
		t.Helper()
		code, out, errs := run(t, args...)
		if code != 0 {
			t.Fatalf("%v: %d\n%s\n%s", args, code, out, errs)
		}
		return out
	}
}

// demoVault makes a vault in dir with the CLI and seeds a demonstration
// practice of clients over years into it; it returns the vault folder,
// the passphrase file and a runner of commands that must succeed.
func demoVault(t *testing.T, dir string, clients, years int) (vdir, pass string, mustRun func(args ...string) string) {
	t.Helper()
	vdir = filepath.Join(dir, "vault")
	pass = writeFile(t, dir, "pass", "lantern orbit cello meadow\n")
	mustRun = mustRunner(t)
	mustRun("vault", "init", "--vault", vdir, "--passphrase-file", pass, "--recovery-key-out", filepath.Join(dir, "key.txt"))
	mustRun("demo", "seed", "--vault", vdir, "--passphrase-file", pass, "--clients", strconv.Itoa(clients), "--years", strconv.Itoa(years))
	return vdir, pass, mustRun
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func sum(t *testing.T, p string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestVaultLifecycle(t *testing.T) {
	dir := t.TempDir()
	vdir := filepath.Join(dir, "vault")
	pass := writeFile(t, dir, "pass", "lantern orbit cello meadow\n")
	wrong := writeFile(t, dir, "wrong", "this is not the passphrase\r\n")
	next := writeFile(t, dir, "next", "amber quartz willow drum\n")
	keyOut := filepath.Join(dir, "recovery.txt")

	if code, out, errs := run(t, "vault", "init", "--vault", vdir, "--passphrase-file", pass, "--recovery-key-out", keyOut); code != 0 {
		t.Fatalf("init: %d %s %s", code, out, errs)
	}
	if fi, err := os.Stat(keyOut); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("recovery key file: %v %v", fi, err)
	}
	if code, _, _ := run(t, "demo", "seed", "--vault", vdir, "--passphrase-file", pass); code != 0 {
		t.Fatal("demo seed failed")
	}

	t.Run("check passes with the passphrase", func(t *testing.T) {
		code, out, errs := run(t, "vault", "check", "--vault", vdir, "--passphrase-file", pass)
		if code != 0 || !strings.Contains(out, "encryption     ok") || !strings.Contains(out, "integrity      ok") || !strings.Contains(out, "practice") {
			t.Fatalf("%d\n%s\n%s", code, out, errs)
		}
	})
	t.Run("a wrong passphrase fails plainly", func(t *testing.T) {
		code, out, errs := run(t, "vault", "check", "--vault", vdir, "--passphrase-file", wrong)
		if code != 1 || out != "" || strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "passphrase does not open this vault") {
			t.Fatalf("%d %q %q", code, out, errs)
		}
	})
	t.Run("the recovery key opens it", func(t *testing.T) {
		if code, out, errs := run(t, "vault", "check", "--vault", vdir, "--recovery-key-file", keyOut); code != 0 {
			t.Fatalf("%d %s %s", code, out, errs)
		}
	})
	t.Run("init never overwrites", func(t *testing.T) {
		code, _, errs := run(t, "vault", "init", "--vault", vdir, "--passphrase-file", pass, "--recovery-key-out", filepath.Join(dir, "other.txt"))
		if code != 1 || !strings.Contains(errs, "already exists") {
			t.Fatalf("%d %s", code, errs)
		}
		if _, err := os.Stat(filepath.Join(dir, "other.txt")); err == nil {
			t.Fatal("a recovery key file was written for a vault that was not created")
		}
	})

	db := filepath.Join(vdir, vault.DBFileName)
	before := sum(t, db)
	t.Run("passwd gives the vault a fresh data key", func(t *testing.T) {
		keyFile := filepath.Join(vdir, vault.KeyFileName)
		oldKeyFile, _ := os.ReadFile(keyFile)
		if code, _, errs := run(t, "vault", "passwd", "--vault", vdir, "--passphrase-file", pass, "--new-passphrase-file", next); code != 0 {
			t.Fatalf("%d %s", code, errs)
		}
		if sum(t, db) == before {
			t.Fatal("the database was not re-encrypted")
		}
		before = sum(t, db)
		// Finding 2, replayed: the key file of before, put back, with the
		// old passphrase or the recovery key, opens nothing.
		newKeyFile, _ := os.ReadFile(keyFile)
		os.WriteFile(keyFile, oldKeyFile, 0o600)
		for _, secret := range [][]string{{"--passphrase-file", pass}, {"--recovery-key-file", keyOut}} {
			if code, out, _ := run(t, append([]string{"vault", "check", "--vault", vdir}, secret...)...); code == 0 || strings.Contains(out, "practice") {
				t.Fatalf("the old key file with %s opened the vault", secret[0])
			}
		}
		os.WriteFile(keyFile, newKeyFile, 0o600)
		if code, _, _ := run(t, "vault", "check", "--vault", vdir, "--passphrase-file", pass); code != 1 {
			t.Fatal("old passphrase still works")
		}
		if code, _, errs := run(t, "vault", "check", "--vault", vdir, "--passphrase-file", next); code != 0 {
			t.Fatalf("new passphrase: %s", errs)
		}
	})
	t.Run("passwd with the recovery key", func(t *testing.T) {
		if code, _, errs := run(t, "vault", "passwd", "--vault", vdir, "--recovery-key-file", keyOut, "--new-passphrase-file", pass); code != 0 {
			t.Fatalf("%d %s", code, errs)
		}
		before = sum(t, db)
		if code, _, _ := run(t, "vault", "check", "--vault", vdir, "--passphrase-file", pass); code != 0 {
			t.Fatal("passphrase set with the recovery key does not work")
		}
	})
	t.Run("a weak new passphrase is refused with a reason", func(t *testing.T) {
		weak := writeFile(t, dir, "weak", "password123\n")
		code, _, errs := run(t, "vault", "passwd", "--vault", vdir, "--passphrase-file", pass, "--new-passphrase-file", weak)
		if code != 1 || !strings.Contains(errs, "too short") {
			t.Fatalf("%d %s", code, errs)
		}
	})
	if sum(t, db) != before {
		t.Fatal("a refused change touched the database")
	}

	keyFile := filepath.Join(vdir, vault.KeyFileName)
	good, _ := os.ReadFile(keyFile)
	for name, content := range map[string][]byte{"truncated": good[:len(good)/3], "corrupted": bytes.Replace(good, []byte(`"format"`), []byte(`"formet"`), 1)} {
		t.Run("a "+name+" key file fails clearly and is left alone", func(t *testing.T) {
			os.WriteFile(keyFile, content, 0o600)
			for _, args := range [][]string{
				{"vault", "check", "--vault", vdir, "--passphrase-file", pass},
				{"vault", "passwd", "--vault", vdir, "--passphrase-file", pass, "--new-passphrase-file", next},
				{"vault", "init", "--vault", vdir, "--passphrase-file", pass, "--recovery-key-out", filepath.Join(t.TempDir(), "k")},
			} {
				code, _, errs := run(t, args...)
				if code != 1 || strings.Count(errs, "\n") != 1 {
					t.Fatalf("%v: %d %q", args[:2], code, errs)
				}
				if args[1] != "init" && !strings.Contains(errs, "key file") {
					t.Fatalf("%v: message %q", args[:2], errs)
				}
			}
			if now, _ := os.ReadFile(keyFile); !bytes.Equal(now, content) {
				t.Fatal("the damaged key file was overwritten")
			}
			if sum(t, db) != before {
				t.Fatal("database file changed")
			}
		})
	}
	os.WriteFile(keyFile, good, 0o600)
}

func TestUsage(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"vault", "frobnicate"},
		{"vault", "init", "--vault", dir},
		{"vault", "check", "--bogus"},
		{"vault", "check", "--vault", dir, "--passphrase-file", "a", "--recovery-key-file", "b"},
		{"demo", "seed", "--clients", "-3", "--passphrase-file", "x"},
		{"version", "extra"},
		{},
	} {
		if code, _, _ := run(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if code, out, _ := run(t, "version"); code != 0 || out != "tandem test\n" {
		t.Fatalf("version: %d %q", code, out)
	}
	if code, _, errs := run(t, "vault", "check", "--vault", filepath.Join(dir, "none"), "--passphrase-file", writeFile(t, dir, "p", "x\n")); code != 1 || !strings.Contains(errs, "no Tandem vault") {
		t.Fatalf("missing vault: %d %s", code, errs)
	}
}

func TestIsCommand(t *testing.T) {
	for args, want := range map[string]bool{"": false, "--vault x": false, "version": true, "vault check": true, "demo seed": true, "help": true} {
		if got := IsCommand(strings.Fields(args)); got != want {
			t.Errorf("%q: %v", args, got)
		}
	}
}
