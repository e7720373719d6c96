package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"

	"tandem/backend/vault"
)

// The findings of a key file changed by someone who could write to the vault
// folder once, replayed with the CLI: refused, and mended.
func TestAKeyFileChangedOutsideTandemWithTheCLI(t *testing.T) {
	dir := t.TempDir()
	vdir := filepath.Join(dir, "vault")
	pass := writeFile(t, dir, "pass", "lantern orbit cello meadow\n")
	keyOut := filepath.Join(dir, "recovery.txt")
	if code, _, errs := run(t, "vault", "init", "--vault", vdir, "--passphrase-file", pass, "--recovery-key-out", keyOut); code != 0 {
		t.Fatal(errs)
	}
	keyFile := filepath.Join(vdir, vault.KeyFileName)
	good, _ := os.ReadFile(keyFile)
	attacker, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	real := string(good[strings.Index(string(good), "age1") : strings.Index(string(good), "age1")+62])

	for name, changed := range map[string]string{
		"the recovery recipient swapped for another age key": strings.Replace(string(good), real, attacker.Recipient().String(), 1),
		"one byte of a date changed":                         strings.Replace(string(good), `"created": "2`, `"created": "1`, 1),
	} {
		t.Run(name, func(t *testing.T) {
			if changed == string(good) {
				t.Fatal("the test changed nothing")
			}
			os.WriteFile(keyFile, []byte(changed), 0o600)
			for _, args := range [][]string{
				{"vault", "check", "--vault", vdir, "--passphrase-file", pass},
				{"backup", "create", "--vault", vdir, "--passphrase-file", pass, "--dir", filepath.Join(dir, "backups")},
				{"vault", "check", "--vault", vdir, "--recovery-key-file", keyOut},
			} {
				code, out, errs := run(t, args...)
				if code != 1 || !strings.Contains(errs, keyFile) || !strings.Contains(errs, "repair-key-file") {
					t.Fatalf("%v: %d %q %q", args, code, out, errs)
				}
			}
			if entries, _ := os.ReadDir(filepath.Join(dir, "backups")); len(entries) != 0 {
				t.Fatalf("a backup was written: %v", entries)
			}
			if code, _, errs := run(t, "vault", "repair-key-file", "--vault", vdir, "--passphrase-file", pass); code != 0 {
				t.Fatalf("repair: %s", errs)
			}
			if b, _ := os.ReadFile(keyFile); strings.Contains(string(b), attacker.Recipient().String()) || !strings.Contains(string(b), real) {
				t.Fatal("the repaired key file does not name the vault's own recipient")
			}
			for _, args := range [][]string{
				{"vault", "check", "--vault", vdir, "--passphrase-file", pass},
				{"vault", "check", "--vault", vdir, "--recovery-key-file", keyOut},
			} {
				if code, _, errs := run(t, args...); code != 0 {
					t.Fatalf("%v after the repair: %s", args, errs)
				}
			}
			good, _ = os.ReadFile(keyFile)
		})
	}
}
