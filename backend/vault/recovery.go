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
// a kit) and only then puts it in place; if keep fails, nothing changes.
// The vault gets a fresh data key with it (rekey.go): the database is
// re-encrypted and both slots sealed afresh, the passphrase unchanged.
// Afterwards the old recovery key opens nothing made since, not even with
// an old copy of the key file; backups made before still open with the old
// key (or their passphrase).
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
	key      string          // AGE-SECRET-KEY-1…
	base     []byte          // the key file it replaces, as read
	oldKey   []byte          // the vault's data key now
	newKey   []byte          // the fresh data key the vault will have
	pslot    *passphraseSlot // newKey sealed under the passphrase
	recovery *recoverySlot   // newKey sealed to the new recovery key
}

// Discard wipes the data keys p holds. Call it when p is not committed.
func (p *NewRecovery) Discard() {
	if p != nil {
		wipe(p.oldKey)
		wipe(p.newKey)
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
	p := &NewRecovery{base: base, oldKey: key}
	fail := func(err error) (*NewRecovery, error) {
		p.Discard()
		return nil, err
	}
	if err := v.checkKeyFile(kf, key); err != nil {
		return fail(err)
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return fail(err)
	}
	p.key = id.String()
	// The vault gets a fresh data key with its new recovery key, so the
	// passphrase slot is sealed afresh now, while the passphrase is here.
	if p.newKey, err = newDataKey(); err != nil {
		return fail(err)
	}
	if p.pslot, err = sealPassphraseSlot(kf.VaultID, p.newKey, passphrase, v.kdfParams(), v.opts.Now()); err != nil {
		return fail(err)
	}
	if p.recovery, err = sealRecoverySlot(p.newKey, id.Recipient()); err != nil {
		return fail(err)
	}
	return p, nil
}

// CommitRecoveryKey puts p in place: the vault re-encrypted under p's fresh
// data key and the key file rewritten with both slots sealing it (rekey.go;
// a crash at any moment leaves the old keys or the new ones working). It
// refuses, with EINVALID and nothing changed, when the key file is no
// longer the one p was made from (the passphrase or the recovery key was
// changed since).
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
	kf.Passphrase, kf.Recovery = p.pslot, p.recovery
	if err := v.changeKeys(context.Background(), p.oldKey, p.newKey, kf); err != nil {
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
