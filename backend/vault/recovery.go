package vault

import (
	"bytes"
	"context"
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
// Errors: those of PrepareRecoveryKey and CommitRecoveryKey, or the error
// from keep.
func (v *Vault) NewRecoveryKey(passphrase string, keep func(recoveryKey string) error) error {
	p, err := v.PrepareRecoveryKey(passphrase)
	if err != nil {
		return err
	}
	if err := keep(p.RecoveryKey()); err != nil {
		p.Discard()
		return err
	}
	if err := v.CommitRecoveryKey(p); err != nil {
		p.Discard()
		return err
	}
	return nil
}

// NewRecovery is a replacement recovery key made in memory, waiting until
// its secret has been kept (PrepareRecoveryKey, CommitRecoveryKey).
type NewRecovery struct {
	key     string        // AGE-SECRET-KEY-1…
	slot    *recoverySlot // the data key sealed to it
	base    []byte        // the key file it replaces a slot of, as read
	dataKey []byte        // to seal the new key file; wiped by Discard
}

// Discard wipes the data key p holds. Call it when p is not committed.
func (p *NewRecovery) Discard() {
	if p != nil {
		wipe(p.dataKey)
	}
}

// RecoveryKey is the new recovery secret. It is never stored.
func (p *NewRecovery) RecoveryKey() string { return p.key }

// PrepareRecoveryKey checks the passphrase and makes a new recovery
// identity with the vault's data key sealed to it. Nothing is written:
// CommitRecoveryKey puts it in the key file once the therapist has kept the
// key. The vault may be locked or unlocked.
//
// Errors: EWRONGSECRET (field "passphrase") for a wrong passphrase, or the
// key file's errors (EVAULTDAMAGED, ENOVAULT).
func (v *Vault) PrepareRecoveryKey(passphrase string) (*NewRecovery, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	base, err := readKeyFileBytes(v.dir)
	if err != nil {
		return nil, err
	}
	kf, err := parseKeyFile(base)
	if err != nil {
		return nil, err
	}
	key, err := kf.openPassphraseSlot(passphrase)
	if err != nil {
		var de *domain.Error
		if errors.As(err, &de) && de.Code == domain.EWRONGSECRET {
			return nil, &domain.Error{Code: domain.EWRONGSECRET, Field: "passphrase", Message: "That passphrase does not open this vault, so the recovery key was not changed."}
		}
		return nil, err
	}
	if err := v.checkKeyFile(kf, key); err != nil {
		wipe(key)
		return nil, err
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, err
	}
	slot, err := sealRecoverySlot(key, id.Recipient())
	if err != nil {
		return nil, err
	}
	return &NewRecovery{key: id.String(), slot: slot, base: base, dataKey: key}, nil
}

// CommitRecoveryKey writes p's recovery slot into the key file (atomically;
// the passphrase slot and the database are not touched). It refuses, with
// EINVALID and nothing changed, when the key file is no longer the one p
// was made from (the passphrase or the recovery key was changed since).
func (v *Vault) CommitRecoveryKey(p *NewRecovery) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	now, err := readKeyFileBytes(v.dir)
	if err != nil {
		return err
	}
	if !bytes.Equal(now, p.base) {
		return domain.Errorf(domain.EINVALID, "The vault's keys changed while the new recovery key was being kept, so it was not put in place. Start again to make a new one.")
	}
	kf, err := parseKeyFile(now)
	if err != nil {
		return err
	}
	kf.Recovery = p.slot
	if err := v.writeSealed(context.Background(), kf, p.dataKey); err != nil {
		return err
	}
	p.Discard()
	return nil
}

// CheckRecoveryKey reports whether recoveryKey opens this vault, without
// unlocking it: nil if it does, EWRONGSECRET if it does not, EINVALID if it
// is not a recovery key at all.
func (v *Vault) CheckRecoveryKey(recoveryKey string) error {
	id, err := ParseRecoveryKey(recoveryKey)
	if err != nil {
		return err
	}
	kf, _, err := readKeyFile(v.dir)
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
