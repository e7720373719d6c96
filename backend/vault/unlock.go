package vault

import (
	"context"
	"os"
	"path/filepath"
	"time"

	"tandem/backend/domain"
	"tandem/backend/storage"
)

// Unlock opens the vault with the passphrase. EWRONGSECRET when it does not
// open the key file's passphrase slot.
func (v *Vault) Unlock(ctx context.Context, passphrase string) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.db != nil {
		return nil
	}
	kf, raw, err := readKeyFile(v.dir)
	if err != nil {
		return err
	}
	start := time.Now()
	key, err := kf.openPassphraseSlot(passphrase)
	v.lastKDF = time.Since(start)
	if err != nil {
		return err
	}
	return v.openDB(ctx, raw, kf, key, false)
}

// UnlockWithRecoveryKey opens the vault with the recovery key. Afterwards
// MustSetPassphrase is true until SetNewPassphrase succeeds, and DB refuses.
func (v *Vault) UnlockWithRecoveryKey(ctx context.Context, recoveryKey string) error {
	id, err := ParseRecoveryKey(recoveryKey)
	if err != nil {
		return err
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	kf, raw, err := readKeyFile(v.dir)
	if err != nil {
		return err
	}
	key, err := kf.openRecoverySlot(id)
	if err != nil {
		return err
	}
	if id.Recipient().String() != kf.Recovery.Recipient {
		// The key opened the slot, but the file names another recipient.
		wipe(key)
		return changed(v.dir, "the recovery recipient is not the one its slot is sealed to")
	}
	if v.db != nil {
		v.closeLocked()
	}
	return v.openDB(ctx, raw, kf, key, true)
}

// openDB checks the key file kf (read as raw) with the data key it gave,
// opens the database and brings it up to this build's schema (calling
// Options.BeforeMigrate first when it is older), then checks the key file
// against the database's anchor. The key is wiped on failure.
func (v *Vault) openDB(ctx context.Context, raw []byte, kf *keyFile, key []byte, mustSet bool) error {
	if kf.Version >= 2 && !kf.authentic(key) {
		wipe(key)
		return changed(v.dir, "its MAC does not match")
	}
	db, err := storage.OpenUnmigrated(ctx, filepath.Join(v.dir, DBFileName), key, v.opts.Now)
	if err == nil {
		err = v.migrate(ctx, db, key)
		if err == nil {
			raw, err = v.checkAnchor(ctx, db, raw, kf, key)
		}
		if err != nil {
			db.Close()
		}
	}
	if err != nil {
		wipe(key)
		return err
	}
	v.db, v.dataKey, v.keyFile, v.mustSetPassphrase = db, key, raw, mustSet
	return nil
}

// checkAnchor holds the key file kf (authentic, or of version 1) to the
// database's anchor: the same vault, the same recovery recipient, and not
// older than the last one written. A version 1 file (an earlier Tandem's)
// is rewritten as version 2, and the anchor is written when it is missing
// or behind. It returns the key file's bytes as they now are.
func (v *Vault) checkAnchor(ctx context.Context, db *storage.DB, raw []byte, kf *keyFile, key []byte) ([]byte, error) {
	a, ok, err := db.KeyAnchor(ctx)
	if err != nil {
		return nil, err
	}
	if ok {
		if err := v.heldToAnchor(kf, a); err != nil {
			return nil, err
		}
	}
	if kf.Version < keyFileVersion {
		// The key file comes first: a crash before the anchor leaves an
		// authentic file whose anchor the next unlock writes.
		kf.seal(key)
		if raw, err = writeKeyFile(v.dir, kf, true); err != nil {
			return nil, err
		}
	}
	if !ok || a != anchorOf(kf) {
		if err := db.SetKeyAnchor(ctx, anchorOf(kf)); err != nil {
			return nil, err
		}
	}
	return raw, nil
}

func (v *Vault) migrate(ctx context.Context, db *storage.DB, key []byte) error {
	from, err := db.Version(ctx)
	if err != nil {
		return err
	}
	if to := storage.SchemaVersion(); from < to && v.opts.BeforeMigrate != nil {
		b, err := os.ReadFile(filepath.Join(v.dir, KeyFileName))
		if err != nil {
			return domain.Wrap(domain.EVAULTDAMAGED, "The vault's key file could not be read. Check that the folder is accessible.", err)
		}
		kf, err := parseKeyFile(b)
		if err != nil {
			return err
		}
		keys := &BackupKeys{KeyFile: b, Info: infoOf(kf), DataKey: append([]byte(nil), key...)}
		err = v.opts.BeforeMigrate(ctx, Migration{DB: db, Keys: keys, From: from, To: to, Dir: v.dir})
		keys.Wipe()
		if err != nil {
			return err
		}
	}
	return db.Migrate(ctx)
}
