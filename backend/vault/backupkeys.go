package vault

import (
	"bytes"
	"encoding/base64"
	"errors"
	"os"
	"path/filepath"

	"filippo.io/age"
	"golang.org/x/crypto/chacha20poly1305"

	"tandem/backend/domain"
	"tandem/backend/storage"
)

// This file gives backups (package backup) what they need of the key file:
// its bytes, its passphrase slot, and the data key, and opens a slot or the
// recovery slot of a key file found inside a backup.

// PassphraseSlot is a key file's passphrase slot: the data key sealed with
// XChaCha20-Poly1305 under an Argon2id key-encryption key. A backup carries
// it in its header so that the passphrase alone opens the backup.
type PassphraseSlot struct {
	VaultID string
	Params  KDFParams
	Salt    []byte
	Nonce   []byte
	Wrapped []byte
}

// Equal reports whether two slots are the same, byte for byte.
func (s PassphraseSlot) Equal(o PassphraseSlot) bool {
	return s.VaultID == o.VaultID && s.Params == o.Params && bytes.Equal(s.Salt, o.Salt) &&
		bytes.Equal(s.Nonce, o.Nonce) && bytes.Equal(s.Wrapped, o.Wrapped)
}

// Check refuses a slot whose shape or parameters a key file could not have,
// before any derivation.
func (s PassphraseSlot) Check() error {
	if len(s.VaultID) != 32 {
		return errors.New("bad vault id")
	}
	if err := s.Params.validate(); err != nil {
		return err
	}
	if len(s.Salt) < 16 || len(s.Salt) > 64 || len(s.Nonce) != chacha20poly1305.NonceSizeX || len(s.Wrapped) != dataKeySize+chacha20poly1305.Overhead {
		return errors.New("passphrase slot has the wrong lengths")
	}
	return nil
}

// Open derives the key-encryption key from passphrase with the slot's
// parameters and returns the data key, or EWRONGSECRET. It checks the slot
// first; callers facing untrusted input cap the parameters further.
func (s PassphraseSlot) Open(passphrase string) ([]byte, error) {
	if err := s.Check(); err != nil {
		return nil, err
	}
	kf := &keyFile{VaultID: s.VaultID, Passphrase: &passphraseSlot{KDF: "argon2id", Params: s.Params,
		Salt: base64.StdEncoding.EncodeToString(s.Salt), Nonce: base64.StdEncoding.EncodeToString(s.Nonce),
		Wrapped: base64.StdEncoding.EncodeToString(s.Wrapped)}}
	return kf.openPassphraseSlot(passphrase)
}

// KeyFileInfo is what a backup needs to know of a key file.
type KeyFileInfo struct {
	VaultID   string
	Recipient string // the recovery slot's age recipient (age1…)
	Slot      PassphraseSlot
}

// ParseKeyFile reads a key file strictly (as opening a vault does) and
// returns its identity, recovery recipient and passphrase slot.
func ParseKeyFile(b []byte) (*KeyFileInfo, error) {
	kf, err := parseKeyFile(b)
	if err != nil {
		return nil, err
	}
	return infoOf(kf), nil
}

func infoOf(kf *keyFile) *KeyFileInfo {
	salt, _ := base64.StdEncoding.DecodeString(kf.Passphrase.Salt)
	nonce, _ := base64.StdEncoding.DecodeString(kf.Passphrase.Nonce)
	wrapped, _ := base64.StdEncoding.DecodeString(kf.Passphrase.Wrapped)
	return &KeyFileInfo{VaultID: kf.VaultID, Recipient: kf.Recovery.Recipient,
		Slot: PassphraseSlot{VaultID: kf.VaultID, Params: kf.Passphrase.Params, Salt: salt, Nonce: nonce, Wrapped: wrapped}}
}

// CheckKeyFile checks a key file (as its bytes) against its data key: a
// version 2 file must carry the MAC dataKey makes (a backup's key file, or
// one about to be written), a version 1 file has none. EKEYFILECHANGED
// otherwise.
func CheckKeyFile(keyFileBytes, dataKey []byte) error {
	kf, err := parseKeyFile(keyFileBytes)
	if err != nil {
		return err
	}
	if kf.Version >= 2 && !kf.authentic(dataKey) {
		return domain.Errorf(domain.EKEYFILECHANGED, "The key file does not match its data key.")
	}
	return nil
}

// OpenRecovery returns the data key of a key file (given as its bytes)
// with the recovery key, or EWRONGSECRET.
func OpenRecovery(keyFileBytes []byte, id *age.X25519Identity) ([]byte, error) {
	kf, err := parseKeyFile(keyFileBytes)
	if err != nil {
		return nil, err
	}
	return kf.openRecoverySlot(id)
}

// BackupKeys are what making a backup of an unlocked vault needs: the key
// file's bytes, what they say, and a copy of the data key. Wipe them after.
type BackupKeys struct {
	KeyFile []byte
	Info    *KeyFileInfo
	DataKey []byte
}

// Wipe overwrites the data key.
func (k *BackupKeys) Wipe() {
	if k != nil {
		wipe(k.DataKey)
	}
}

// BackupKeys returns the key file and a copy of the data key of the
// unlocked vault. ELOCKED when it is locked, or waits for a new passphrase
// after a recovery unlock (a backup's passphrase stanza needs the slot in
// force). The key file is the one checked at unlock (so a backup is
// encrypted only to the recovery recipient checked then): EKEYFILECHANGED
// when the file on disk is no longer that one.
func (v *Vault) BackupKeys() (*BackupKeys, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.db == nil {
		return nil, domain.Errorf(domain.ELOCKED, "Unlock the vault to back it up.")
	}
	if v.mustSetPassphrase {
		return nil, domain.Errorf(domain.ELOCKED, "Choose a new passphrase first.")
	}
	kf, err := v.checkedKeyFile()
	if err != nil {
		return nil, err
	}
	return &BackupKeys{KeyFile: v.keyFile, Info: infoOf(kf), DataKey: append([]byte(nil), v.dataKey...)}, nil
}

// checkedKeyFile is the key file of the unlocked vault as checked at
// unlock, after making sure the file on disk is still that one. The caller
// holds v.mu.
func (v *Vault) checkedKeyFile() (*keyFile, error) {
	b, err := os.ReadFile(filepath.Join(v.dir, KeyFileName))
	if err != nil {
		return nil, domain.Wrap(domain.EVAULTDAMAGED, "The vault's key file could not be read. Check that the folder is accessible.", err)
	}
	if !bytes.Equal(b, v.keyFile) {
		return nil, changed(v.dir, "it changed since the vault was unlocked")
	}
	return parseKeyFile(b)
}

// Detach locks the vault as Lock does, but hands its open database and the
// backup keys to the caller instead of closing them, so that a last backup
// can be made after the vault is already locked for everyone else (DB and
// State say locked at once). The caller must close the database and wipe
// the keys. When there is nothing to back up (the vault was locked, or
// waited for a new passphrase after a recovery unlock, or its key file
// cannot be read or is no longer the one checked at unlock) it simply locks
// and returns nil, nil.
func (v *Vault) Detach() (*storage.DB, *BackupKeys) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.db == nil || v.mustSetPassphrase {
		v.closeLocked()
		return nil, nil
	}
	kf, err := v.checkedKeyFile()
	b := v.keyFile
	if err != nil {
		v.closeLocked()
		return nil, nil
	}
	db := v.db
	keys := &BackupKeys{KeyFile: b, Info: infoOf(kf), DataKey: v.dataKey}
	v.db, v.dataKey, v.keyFile, v.mustSetPassphrase = nil, nil, nil, false
	return db, keys
}
