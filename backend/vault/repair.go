package vault

import (
	"context"
	"path/filepath"

	"filippo.io/age"

	"tandem/backend/domain"
	"tandem/backend/storage"
)

// RepairKeyFile rewrites a key file that does not match its vault
// (EKEYFILECHANGED) from the parts Tandem can check, and unlocks the vault:
//
//   - the data key, from the passphrase slot, which passphrase opens and
//     whose seal binds it to the vault's id; the data key must open the
//     database (SQLCipher authenticates every page);
//   - the vault's id and recovery recipient, from the database's anchor.
//
// The new file keeps the passphrase slot, seals the data key afresh to the
// anchor's recovery recipient (so the Recovery Kit the therapist holds
// opens the vault again) and is authenticated under the data key. A key
// file that cannot be read at all, a passphrase slot that opens a key that
// is not the database's, or a database without an anchor (nothing to check
// against) cannot be repaired: restore from a backup.
//
// Errors: EWRONGSECRET, EVAULTDAMAGED, or those of Unlock.
func (v *Vault) RepairKeyFile(ctx context.Context, passphrase string) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.db != nil {
		v.closeLocked()
	}
	kf, _, err := readKeyFile(v.dir)
	if err != nil {
		return err
	}
	key, err := kf.openPassphraseSlot(passphrase)
	if err != nil {
		return err
	}
	fail := func(err error) error {
		wipe(key)
		return err
	}
	cannot := func(why string, err error) error {
		return fail(domain.Wrap(domain.EVAULTDAMAGED, "Tandem cannot rewrite the key file: "+why+" Restore the vault from a backup, or put back a copy of the key file.", err))
	}
	db, err := storage.OpenUnmigrated(ctx, filepath.Join(v.dir, DBFileName), key, v.opts.Now)
	if err != nil {
		return cannot("the key it holds does not open the vault's records.", err)
	}
	a, ok, err := db.KeyAnchor(ctx)
	db.Close()
	switch {
	case err != nil:
		return cannot("the vault's records do not say which keys are its own.", err)
	case !ok:
		return cannot("the vault was made by an earlier Tandem and its records do not yet say which keys are its own.", nil)
	case a.VaultID != kf.VaultID:
		return cannot("its passphrase slot belongs to another vault.", nil)
	}
	recipient, err := age.ParseX25519Recipient(a.Recipient)
	if err != nil {
		return cannot("the vault's records name no valid recovery key.", err)
	}
	slot, err := sealRecoverySlot(key, recipient)
	if err != nil {
		return fail(err)
	}
	kf.Recovery = slot
	kf.seal(key)
	raw, err := writeKeyFile(v.dir, kf, true)
	if err != nil {
		return fail(err)
	}
	return v.openDB(ctx, raw, kf, key, false)
}
