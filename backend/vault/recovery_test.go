package vault_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"

	"tandem/backend/domain"
	"tandem/backend/vault"
	"tandem/backend/vault/vaulttest"
)

func TestNewRecoveryKeyGivesAFreshDataKey(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "vault")
	v, oldKey := vaulttest.Create(t, dir, vaulttest.Options())
	v.Lock()
	dbBefore := fileHash(t, filepath.Join(dir, vault.DBFileName))
	before, err := vault.ReadKeyFile(dir)
	if err != nil {
		t.Fatal(err)
	}

	var newKey string
	if err := v.NewRecoveryKey(testPassphrase, func(k string) error { newKey = k; return nil }); err != nil {
		t.Fatal(err)
	}
	after, err := vault.ReadKeyFile(dir)
	if err != nil {
		t.Fatal(err)
	}
	if after.VaultID != before.VaultID {
		t.Fatal("the vault id changed")
	}
	if *after.Passphrase == *before.Passphrase {
		t.Fatal("the passphrase slot still seals the old data key")
	}
	if after.Recovery.Recipient == before.Recovery.Recipient {
		t.Fatal("the recovery slot did not change")
	}
	// The database is re-encrypted under a fresh data key.
	if fileHash(t, filepath.Join(dir, vault.DBFileName)) == dbBefore {
		t.Fatal("the database was not re-encrypted")
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
	v, oldKey := vaulttest.Create(t, dir, vaulttest.Options())
	keyFile := filepath.Join(dir, vault.KeyFileName)
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

func TestDetachLocksAtOnceAndHandsOverTheDatabase(t *testing.T) {
	ctx := context.Background()
	v, rk := vaulttest.New(t)
	db, keys := v.Detach()
	if db == nil || keys == nil || len(keys.DataKey) != vault.DataKeySize || len(keys.KeyFile) == 0 {
		t.Fatalf("nothing handed over: %v %+v", db, keys)
	}
	if v.State() != vault.StateLocked {
		t.Fatalf("state %s after Detach", v.State())
	}
	if _, err := v.DB(); code(err) != domain.ELOCKED {
		t.Fatalf("DB after Detach: %v", err)
	}
	// The handed-over database still reads, and the vault unlocks again
	// beside it.
	if _, err := db.Settings(ctx); err != nil {
		t.Fatal(err)
	}
	if err := v.Unlock(ctx, testPassphrase); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	keys.Wipe()
	v.Lock()

	// Nothing to hand over when locked, or waiting for a new passphrase.
	if db, keys := v.Detach(); db != nil || keys != nil {
		t.Fatal("Detach of a locked vault handed something over")
	}
	if err := v.UnlockWithRecoveryKey(ctx, rk); err != nil {
		t.Fatal(err)
	}
	if db, keys := v.Detach(); db != nil || keys != nil || v.State() != vault.StateLocked {
		t.Fatal("Detach after a recovery unlock handed something over or did not lock")
	}
}

func TestPrepareRecoveryKeyWritesNothingUntilCommitted(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "vault")
	v, oldKey := vaulttest.Create(t, dir, vaulttest.Options()) // unlocked, as in the app's Settings
	keyFile := filepath.Join(dir, vault.KeyFileName)
	before := fileHash(t, keyFile)

	if _, err := v.PrepareRecoveryKey("not the passphrase at all"); code(err) != domain.EWRONGSECRET || domain.ErrorField(err) != "passphrase" {
		t.Fatalf("wrong passphrase: %v", err)
	}
	p, err := v.PrepareRecoveryKey(testPassphrase)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := vault.ParseRecoveryKey(p.RecoveryKey()); err != nil {
		t.Fatalf("not a recovery key: %v", err)
	}
	if fileHash(t, keyFile) != before {
		t.Fatal("preparing wrote the key file")
	}
	if err := v.CheckRecoveryKey(oldKey); err != nil {
		t.Fatal("the old key stopped working before the commit")
	}
	if err := v.CommitRecoveryKey(p); err != nil {
		t.Fatal(err)
	}
	if err := v.CheckRecoveryKey(p.RecoveryKey()); err != nil {
		t.Fatal(err)
	}
	if code(v.CheckRecoveryKey(oldKey)) != domain.EWRONGSECRET {
		t.Fatal("the old key still opens the vault")
	}
	keys, err := v.BackupKeys()
	if err != nil {
		t.Fatal(err)
	}
	defer keys.Wipe()
	id, _ := vault.ParseRecoveryKey(p.RecoveryKey())
	if keys.Info.Recipient != id.Recipient().String() {
		t.Fatal("backups would not be made for the new recovery key")
	}
}

func TestCommitRecoveryKeyRefusesAChangedKeyFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "vault")
	v, oldKey := vaulttest.Create(t, dir, vaulttest.Options())
	p, err := v.PrepareRecoveryKey(testPassphrase)
	if err != nil {
		t.Fatal(err)
	}
	const next = "a brand new passphrase for the otter"
	if err := v.ChangePassphrase(testPassphrase, next); err != nil {
		t.Fatal(err)
	}
	keyFile := filepath.Join(dir, vault.KeyFileName)
	changed := fileHash(t, keyFile)
	if code(v.CommitRecoveryKey(p)) != domain.EINVALID {
		t.Fatal("a recovery slot made from an older key file was committed")
	}
	if fileHash(t, keyFile) != changed {
		t.Fatal("the refused commit changed the key file")
	}
	if err := v.CheckRecoveryKey(oldKey); err != nil {
		t.Fatal("the old key stopped working")
	}
	if err := v.VerifyPassphrase(next); err != nil {
		t.Fatal("the new passphrase was lost")
	}
}
