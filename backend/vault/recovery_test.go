package vault

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"tandem/backend/domain"
)

func TestNewRecoveryKeyReplacesOnlyTheRecoverySlot(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "vault")
	v, oldKey := mustCreate(t, dir)
	v.Lock()
	dbBefore := fileHash(t, filepath.Join(dir, DBFileName))
	before, err := readKeyFile(dir)
	if err != nil {
		t.Fatal(err)
	}

	var newKey string
	if err := v.NewRecoveryKey(testPassphrase, func(k string) error { newKey = k; return nil }); err != nil {
		t.Fatal(err)
	}
	after, err := readKeyFile(dir)
	if err != nil {
		t.Fatal(err)
	}
	if *after.Passphrase != *before.Passphrase || after.VaultID != before.VaultID {
		t.Fatal("the passphrase slot or vault id changed")
	}
	if after.Recovery.Recipient == before.Recovery.Recipient {
		t.Fatal("the recovery slot did not change")
	}
	if fileHash(t, filepath.Join(dir, DBFileName)) != dbBefore {
		t.Fatal("the database changed")
	}

	t.Run("the new key opens the vault", func(t *testing.T) {
		if err := v.CheckRecoveryKey(newKey); err != nil {
			t.Fatal(err)
		}
		if err := v.UnlockWithRecoveryKey(ctx, newKey); err != nil {
			t.Fatal(err)
		}
		v.Lock()
	})
	t.Run("the old key no longer does", func(t *testing.T) {
		if code(v.CheckRecoveryKey(oldKey)) != domain.EWRONGSECRET {
			t.Fatal("the old key still opens the vault")
		}
		if code(v.UnlockWithRecoveryKey(ctx, oldKey)) != domain.EWRONGSECRET {
			t.Fatal("the old key still unlocks")
		}
	})
	t.Run("the passphrase still opens it", func(t *testing.T) {
		if err := v.Unlock(ctx, testPassphrase); err != nil {
			t.Fatal(err)
		}
		v.Lock()
	})
}

func TestNewRecoveryKeyChangesNothingOnFailure(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "vault")
	v, oldKey := mustCreate(t, dir)
	keyFile := filepath.Join(dir, KeyFileName)
	before := fileHash(t, keyFile)

	err := v.NewRecoveryKey("not the passphrase at all", func(string) error { t.Fatal("keep called"); return nil })
	if code(err) != domain.EWRONGSECRET || domain.ErrorField(err) != "passphrase" {
		t.Fatalf("wrong passphrase: %v", err)
	}
	failed := errors.New("disk full")
	if err := v.NewRecoveryKey(testPassphrase, func(string) error { return failed }); !errors.Is(err, failed) {
		t.Fatalf("keep's error: %v", err)
	}
	if fileHash(t, keyFile) != before {
		t.Fatal("the key file changed")
	}
	if err := v.CheckRecoveryKey(oldKey); err != nil {
		t.Fatal(err)
	}
	if code(v.CheckRecoveryKey("AGE-SECRET-KEY-1 not a key")) != domain.EINVALID {
		t.Fatal("a malformed key is not EINVALID")
	}
}
