package vault

import (
	"errors"

	"filippo.io/age"

	"tandem/backend/domain"
)

// NewRecoveryKey replaces the vault's recovery key, asking for the
// passphrase. It makes a new recovery identity, hands its secret to keep
// (which must store it durably, for example by writing a file or printing
// a kit) and only then rewrites the key file's recovery slot; if keep
// fails, nothing changes. The passphrase slot and the database are not
// touched. Afterwards the old recovery key no longer opens the vault;
// backups made before still open with the old key (or their passphrase).
//
// Errors: EWRONGSECRET (field "passphrase") for a wrong passphrase, the
// error from keep, or the key file's errors (EVAULTDAMAGED, ENOVAULT).
func (v *Vault) NewRecoveryKey(passphrase string, keep func(recoveryKey string) error) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	kf, err := readKeyFile(v.dir)
	if err != nil {
		return err
	}
	key, err := kf.openPassphraseSlot(passphrase)
	if err != nil {
		var de *domain.Error
		if errors.As(err, &de) && de.Code == domain.EWRONGSECRET {
			return &domain.Error{Code: domain.EWRONGSECRET, Field: "passphrase", Message: "That passphrase does not open this vault, so the recovery key was not changed."}
		}
		return err
	}
	defer wipe(key)
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return err
	}
	slot, err := sealRecoverySlot(key, id.Recipient())
	if err != nil {
		return err
	}
	if err := keep(id.String()); err != nil {
		return err
	}
	kf.Recovery = slot
	return writeKeyFile(v.dir, kf, true)
}

// CheckRecoveryKey reports whether recoveryKey opens this vault, without
// unlocking it: nil if it does, EWRONGSECRET if it does not, EINVALID if it
// is not a recovery key at all.
func (v *Vault) CheckRecoveryKey(recoveryKey string) error {
	id, err := ParseRecoveryKey(recoveryKey)
	if err != nil {
		return err
	}
	kf, err := readKeyFile(v.dir)
	if err != nil {
		return err
	}
	key, err := kf.openRecoverySlot(id)
	if err != nil {
		return err
	}
	wipe(key)
	return nil
}
