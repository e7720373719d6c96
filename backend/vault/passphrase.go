package vault

import (
	"context"
	"errors"
	"path/filepath"

	"filippo.io/age"

	"tandem/backend/domain"
	"tandem/backend/storage"
)

// checkNew refuses a new passphrase that domain.CheckPassphrase refuses,
// with its message, as an EWEAKPASSPHRASE error about field.
func checkNew(passphrase, field string) error {
	if c := domain.CheckPassphrase(passphrase); !c.OK {
		return &domain.Error{Code: domain.EWEAKPASSPHRASE, Field: field, Message: c.Message}
	}
	return nil
}

// SetNewPassphrase replaces the passphrase of an unlocked vault without
// asking for the old one, with a fresh data key (newPassphrase). It is only
// allowed right after a recovery unlock.
func (v *Vault) SetNewPassphrase(passphrase string) error {
	if err := checkNew(passphrase, "passphrase"); err != nil {
		return err
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.db == nil || !v.mustSetPassphrase {
		return domain.Errorf(domain.ELOCKED, "Open the vault with its recovery key first.")
	}
	kf, err := parseKeyFile(v.keyFile)
	if err != nil {
		return err
	}
	if err := v.newPassphrase(kf, v.dataKey, passphrase); err != nil {
		return err
	}
	v.mustSetPassphrase = false
	return nil
}

// ChangePassphrase replaces the passphrase after checking the current one
// against the key file, with a fresh data key: the database is
// re-encrypted and both slots sealed afresh (newPassphrase, rekey.go), so
// the old passphrase with an old copy of the key file opens nothing made
// afterwards. It works locked or unlocked; an unlocked vault stays so.
func (v *Vault) ChangePassphrase(current, next string) error {
	if err := checkNew(next, "new"); err != nil {
		return err
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	kf, _, err := readKeyFile(v.dir)
	if err != nil {
		return err
	}
	key, err := kf.openPassphraseSlot(current)
	if err != nil {
		var de *domain.Error
		if errors.As(err, &de) && de.Code == domain.EWRONGSECRET {
			return &domain.Error{Code: domain.EWRONGSECRET, Field: "current", Message: "That is not the current passphrase, so it was not changed."}
		}
		return err
	}
	defer wipe(key)
	return v.newPassphrase(kf, key, next)
}

// ResetPassphraseWithRecoveryKey replaces the passphrase using the recovery
// key, with a fresh data key as ChangePassphrase does.
func (v *Vault) ResetPassphraseWithRecoveryKey(recoveryKey, next string) error {
	if err := checkNew(next, "new"); err != nil {
		return err
	}
	id, err := ParseRecoveryKey(recoveryKey)
	if err != nil {
		return err
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	kf, _, err := readKeyFile(v.dir)
	if err != nil {
		return err
	}
	key, err := kf.openRecoverySlot(id)
	if err != nil {
		return err
	}
	defer wipe(key)
	if id.Recipient().String() != kf.Recovery.Recipient {
		return changed(v.dir, "the recovery recipient is not the one its slot is sealed to")
	}
	return v.newPassphrase(kf, key, next)
}

// newPassphrase gives the vault whose key file is kf (as read; its data
// key dataKey) a new passphrase and a fresh data key: the database is
// re-encrypted and both slots sealed afresh, the recovery slot to the same
// recovery recipient (rekey.go). It refuses a key file that is not
// authentic.
func (v *Vault) newPassphrase(kf *keyFile, dataKey []byte, passphrase string) error {
	if err := v.checkKeyFile(kf, dataKey); err != nil {
		return err
	}
	recipient, err := age.ParseX25519Recipient(kf.Recovery.Recipient)
	if err != nil {
		return damaged("recovery slot recipient", err)
	}
	newKey, err := newDataKey()
	if err != nil {
		return err
	}
	defer wipe(newKey)
	next := *kf
	if next.Passphrase, err = sealPassphraseSlot(kf.VaultID, newKey, passphrase, v.kdfParams(), v.opts.Now()); err != nil {
		return err
	}
	if next.Recovery, err = sealRecoverySlot(newKey, recipient); err != nil {
		return err
	}
	return v.changeKeys(context.Background(), dataKey, newKey, &next)
}

// changeKeys puts the vault under newKey with the key file kf (its slots
// already sealing newKey), the database re-encrypted from oldKey (rekey).
// An unlocked vault stays unlocked, on the new key once the change took
// effect, else on the old one. The caller holds v.mu and keeps ownership of
// both keys.
func (v *Vault) changeKeys(ctx context.Context, oldKey, newKey []byte, kf *keyFile) error {
	kf.seal(newKey)
	wasOpen := v.db != nil
	db := v.db
	if !wasOpen {
		var err error
		if db, err = storage.OpenUnmigrated(ctx, filepath.Join(v.dir, DBFileName), oldKey, v.opts.Now); err != nil {
			return err
		}
	}
	v.db = nil // rekey closes it
	raw, committed, err := v.rekey(ctx, db, newKey, kf)
	if !wasOpen {
		return err
	}
	key := oldKey
	if committed {
		key = newKey
	}
	reopened, rerr := storage.OpenUnmigrated(ctx, filepath.Join(v.dir, DBFileName), key, v.opts.Now)
	if rerr != nil {
		v.closeLocked()
		return errors.Join(err, rerr)
	}
	v.db = reopened
	if committed {
		wipe(v.dataKey)
		v.dataKey, v.keyFile = append([]byte(nil), newKey...), raw
	}
	return err
}

// checkKeyFile refuses a key file whose MAC dataKey does not confirm, or
// that disagrees with the database's anchor (a version 1 file has no MAC:
// the anchor is all it is held to). The caller holds v.mu.
func (v *Vault) checkKeyFile(kf *keyFile, dataKey []byte) error {
	if kf.Version >= 2 && !kf.authentic(dataKey) {
		return changed(v.dir, "its MAC does not match")
	}
	return v.withDB(context.Background(), dataKey, func(db *storage.DB) error {
		a, ok, err := db.KeyAnchor(context.Background())
		if err != nil || !ok {
			return err
		}
		return v.heldToAnchor(kf, a)
	})
}

// heldToAnchor refuses a key file that names another vault or recovery
// recipient than the anchor, or is older than the last one written.
func (v *Vault) heldToAnchor(kf *keyFile, a storage.KeyAnchor) error {
	if a.VaultID != kf.VaultID || a.Recipient != kf.Recovery.Recipient {
		return changed(v.dir, "it disagrees with the database's anchor")
	}
	if kf.Version < a.KeyFileVersion {
		return changed(v.dir, "an older key file was put back")
	}
	return nil
}

// withDB calls fn with the vault's open database, or, when the vault is
// locked, with the database opened for that moment with dataKey (without
// migrating it). The caller holds v.mu.
func (v *Vault) withDB(ctx context.Context, dataKey []byte, fn func(*storage.DB) error) error {
	if v.db != nil {
		return fn(v.db)
	}
	db, err := storage.OpenUnmigrated(ctx, filepath.Join(v.dir, DBFileName), dataKey, v.opts.Now)
	if err != nil {
		return err
	}
	defer db.Close()
	return fn(db)
}

// VerifyPassphrase checks a passphrase against the key file without
// unlocking anything.
func (v *Vault) VerifyPassphrase(passphrase string) error {
	kf, _, err := readKeyFile(v.dir)
	if err != nil {
		return err
	}
	key, err := kf.openPassphraseSlot(passphrase)
	if err != nil {
		return err
	}
	wipe(key)
	return nil
}
