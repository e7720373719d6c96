package vault_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"

	"tandem/backend/domain"
	"tandem/backend/vault"
	"tandem/backend/vault/vaulttest"
)

// editKeyFile rewrites one JSON value of dir's key file (path as keys, e.g.
// "recovery", "recipient"), keeping everything else as it is.
func editKeyFile(t *testing.T, dir string, value any, path ...string) {
	t.Helper()
	p := filepath.Join(dir, vault.KeyFileName)
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	node := m
	for _, k := range path[:len(path)-1] {
		node = node[k].(map[string]any)
	}
	if value == nil {
		delete(node, path[len(path)-1])
	} else {
		node[path[len(path)-1]] = value
	}
	out, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, append(out, '\n'), 0o600); err != nil {
		t.Fatal(err)
	}
}

func otherRecipient(t *testing.T) string {
	t.Helper()
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	return id.Recipient().String()
}

func TestAKeyFileChangedOutsideTandemIsRefused(t *testing.T) {
	ctx := context.Background()
	for name, edit := range map[string]func(t *testing.T, dir string){
		// Finding 1: anyone who can write the folder once would receive
		// every later backup.
		"a swapped recovery recipient": func(t *testing.T, dir string) {
			editKeyFile(t, dir, otherRecipient(t), "recovery", "recipient")
		},
		// Finding 5: a changed byte that no slot covers.
		"a changed creation date": func(t *testing.T, dir string) {
			editKeyFile(t, dir, "2020-01-01T00:00:00Z", "created")
		},
		"a changed passphrase date": func(t *testing.T, dir string) {
			editKeyFile(t, dir, "2020-01-01T00:00:00Z", "passphrase", "changed")
		},
		"a version 1 file put back over a version 2 vault": func(t *testing.T, dir string) {
			editKeyFile(t, dir, nil, "mac")
			editKeyFile(t, dir, 1, "version")
		},
	} {
		t.Run(name, func(t *testing.T) {
			v, rk := vaulttest.New(t)
			dir := v.Dir()
			v.Lock()
			edit(t, dir)
			err := v.Unlock(ctx, vaulttest.Passphrase)
			if code(err) != domain.EKEYFILECHANGED || !strings.Contains(domain.ErrorMessage(err), filepath.Join(dir, vault.KeyFileName)) {
				t.Fatalf("unlock: %v (%s); want key_file_changed naming the file", err, code(err))
			}
			if v.State() != vault.StateLocked {
				t.Fatal("the vault was left unlocked")
			}
			if err := v.ChangePassphrase(vaulttest.Passphrase, "amber quartz willow drum"); code(err) != domain.EKEYFILECHANGED {
				t.Fatalf("change passphrase: %v", err)
			}
			if _, err := v.PrepareRecoveryKey(vaulttest.Passphrase); code(err) != domain.EKEYFILECHANGED {
				t.Fatalf("prepare recovery key: %v", err)
			}

			// The repair rewrites it from what can be checked: the records'
			// anchor names the real recipient, whose key opens the vault.
			if err := v.RepairKeyFile(ctx, "not the passphrase at all"); code(err) != domain.EWRONGSECRET {
				t.Fatalf("repair with a wrong passphrase: %v", err)
			}
			if err := v.RepairKeyFile(ctx, vaulttest.Passphrase); err != nil {
				t.Fatal(err)
			}
			if v.State() != vault.StateUnlocked {
				t.Fatal("the repair did not unlock the vault")
			}
			if _, err := v.BackupKeys(); err != nil {
				t.Fatal(err)
			}
			v.Lock()
			if err := v.CheckRecoveryKey(rk); err != nil {
				t.Fatalf("the Recovery Kit's key after the repair: %v", err)
			}
			if err := v.Unlock(ctx, vaulttest.Passphrase); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestARecoveryKeyDoesNotOpenAKeyFileNamingAnotherRecipient(t *testing.T) {
	v, rk := vaulttest.New(t)
	dir := v.Dir()
	v.Lock()
	editKeyFile(t, dir, otherRecipient(t), "recovery", "recipient")
	if err := v.UnlockWithRecoveryKey(context.Background(), rk); code(err) != domain.EKEYFILECHANGED {
		t.Fatalf("got %v", err)
	}
	if err := v.ResetPassphraseWithRecoveryKey(rk, "amber quartz willow drum"); code(err) != domain.EKEYFILECHANGED {
		t.Fatalf("reset: %v", err)
	}
}

func TestBackupsUseOnlyTheKeyFileCheckedAtUnlock(t *testing.T) {
	v, _ := vaulttest.New(t)
	keys, err := v.BackupKeys()
	if err != nil {
		t.Fatal(err)
	}
	real := keys.Info.Recipient
	keys.Wipe()
	// Changed on disk while the vault is open: no backup goes to the
	// swapped-in recipient, and the lock-time backup is not made either.
	editKeyFile(t, v.Dir(), otherRecipient(t), "recovery", "recipient")
	if _, err := v.BackupKeys(); code(err) != domain.EKEYFILECHANGED {
		t.Fatalf("backup keys: %v", err)
	}
	if db, keys := v.Detach(); db != nil || keys != nil {
		t.Fatal("the lock handed over keys for a changed key file")
	}
	if real == "" {
		t.Fatal("no recipient")
	}
}

func TestRepairNeedsWhatItChecksAgainst(t *testing.T) {
	ctx := context.Background()
	t.Run("a key file that cannot be read is not guessed at", func(t *testing.T) {
		v, _ := vaulttest.New(t)
		v.Lock()
		p := filepath.Join(v.Dir(), vault.KeyFileName)
		os.WriteFile(p, []byte("{}"), 0o600)
		if err := v.RepairKeyFile(ctx, vaulttest.Passphrase); code(err) != domain.EVAULTDAMAGED {
			t.Fatalf("got %v", err)
		}
		if b, _ := os.ReadFile(p); !bytes.Equal(b, []byte("{}")) {
			t.Fatal("an unreadable key file was overwritten")
		}
	})
	t.Run("another vault's key file does not open these records", func(t *testing.T) {
		v, _ := vaulttest.New(t)
		other, _ := vaulttest.New(t)
		v.Lock()
		other.Lock()
		b, _ := os.ReadFile(filepath.Join(other.Dir(), vault.KeyFileName))
		os.WriteFile(filepath.Join(v.Dir(), vault.KeyFileName), b, 0o600)
		if err := v.RepairKeyFile(ctx, vaulttest.Passphrase); code(err) != domain.EVAULTDAMAGED {
			t.Fatalf("got %v", err)
		}
	})
}
