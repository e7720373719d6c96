package app

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"tandem/backend/domain"
	"tandem/backend/vault"
)

// Vault is bound to the page: creating, unlocking, locking the vault and
// its passphrase.
type Vault struct{ s *Shell }

// NewVault returns the Vault binding.
func NewVault(s *Shell) *Vault { return &Vault{s: s} }

// VaultStatus tells the page which screen to show.
type VaultStatus struct {
	State             string `json:"state"` // absent, locked, unlocked
	MustSetPassphrase bool   `json:"mustSetPassphrase"`
	ProfileComplete   bool   `json:"profileComplete"`
	Folder            string `json:"folder"`
	Version           string `json:"version"`
	AutoLockMinutes   int    `json:"autoLockMinutes"`
	// CoCreationClientID is the client whose co-creation screen is on, 0
	// when the mode is off.
	CoCreationClientID int64 `json:"coCreationClientId"`
	// CoCreationPreview: the co-creation screen is the therapist's preview
	// of it (CoCreation.Preview): nothing can be changed, and closing it
	// needs no secret.
	CoCreationPreview bool `json:"coCreationPreview"`
	// Now is the app's time as it answered (RFC 3339): the page keeps
	// its dates by this clock (package clock).
	Now string `json:"now"`
}

// Status returns the vault's state.
func (b *Vault) Status() (VaultStatus, error) {
	st, err := b.s.status(context.Background())
	return st, apiError(err)
}

func (s *Shell) status(ctx context.Context) (VaultStatus, error) {
	v, err := s.requireVault()
	if err != nil {
		return VaultStatus{}, err
	}
	st := VaultStatus{State: string(v.State()), MustSetPassphrase: v.MustSetPassphrase(), Folder: v.Dir(),
		Version: s.version, AutoLockMinutes: domain.DefaultAutoLockMinutes, Now: s.now().Format(time.RFC3339Nano)}
	if st.State == string(vault.StateUnlocked) && !st.MustSetPassphrase {
		db, err := v.DB()
		if err != nil {
			return st, err
		}
		p, err := db.Practice(ctx)
		if err != nil {
			return st, err
		}
		st.ProfileComplete = p.Complete()
		set, err := db.Settings(ctx)
		if err != nil {
			return st, err
		}
		st.AutoLockMinutes = set.AutoLockMinutes
		s.setAutoLock(set.AutoLockMinutes)
		s.mu.Lock()
		st.CoCreationClientID, st.CoCreationPreview = s.coClient, s.coPreview
		s.mu.Unlock()
	}
	return st, nil
}

// CheckPassphrase judges a proposed new passphrase.
func (b *Vault) CheckPassphrase(p string) (domain.PassphraseCheck, error) {
	if err := b.s.notInCoCreation(); err != nil {
		return domain.PassphraseCheck{}, apiError(err)
	}
	return domain.CheckPassphrase(p), nil
}

// BeginCreate makes the keys of a new vault in memory and returns the
// recovery key to show. Nothing is written until FinishCreate.
func (b *Vault) BeginCreate(passphrase string) (RecoveryKeyView, error) {
	if err := b.s.notInCoCreation(); err != nil {
		return RecoveryKeyView{}, apiError(err)
	}
	v, err := b.s.requireVault()
	if err != nil {
		return RecoveryKeyView{}, apiError(err)
	}
	p, err := v.Prepare(passphrase)
	if err != nil {
		return RecoveryKeyView{}, apiError(err)
	}
	b.s.keepKey(p, nil)
	return recoveryKeyView(p.RecoveryKey()), nil
}

// FinishCreate writes the new vault, once the recovery key was saved or
// confirmed, and leaves it unlocked.
func (b *Vault) FinishCreate() (VaultStatus, error) {
	if err := b.s.notInCoCreation(); err != nil {
		return VaultStatus{}, apiError(err)
	}
	s := b.s
	v, err := s.requireVault()
	if err != nil {
		return VaultStatus{}, apiError(err)
	}
	s.mu.Lock()
	p, ok := s.pending, s.keySaved || s.keyConfirmed
	copied := s.copiedKey
	s.mu.Unlock()
	if p == nil {
		return VaultStatus{}, apiError(domain.Errorf(domain.EINVALID, "Start again by choosing a passphrase."))
	}
	if !ok {
		return VaultStatus{}, apiError(domain.FieldError("confirm", "Save your recovery key to a file, or copy it and type its last characters, before you go on."))
	}
	if err := v.Commit(context.Background(), p); err != nil {
		return VaultStatus{}, apiError(err)
	}
	s.keepKey(nil, nil)
	s.clearCopiedKey(copied)
	s.touch()
	st, err := s.status(context.Background())
	return st, apiError(err)
}

// Unlock opens the vault with the passphrase.
func (b *Vault) Unlock(passphrase string) (VaultStatus, error) {
	return b.unlockWith(func(ctx context.Context, v *vault.Vault) error { return v.Unlock(ctx, passphrase) })
}

// RepairKeyFile rewrites a key file that does not match the vault (an
// unlock answered key_file_changed) from the parts Tandem can check, with
// the passphrase, and unlocks the vault (vault.RepairKeyFile).
func (b *Vault) RepairKeyFile(passphrase string) (VaultStatus, error) {
	return b.unlockWith(func(ctx context.Context, v *vault.Vault) error { return v.RepairKeyFile(ctx, passphrase) })
}

// unlockWith unlocks the vault with open, which takes the passphrase: a
// wrong one is an error about the field "passphrase".
func (b *Vault) unlockWith(open func(context.Context, *vault.Vault) error) (VaultStatus, error) {
	if err := b.s.notInCoCreation(); err != nil {
		return VaultStatus{}, apiError(err)
	}
	v, err := b.s.requireVault()
	if err != nil {
		return VaultStatus{}, apiError(err)
	}
	b.s.touch()
	if err := open(context.Background(), v); err != nil {
		if domain.ErrorCode(err) == domain.EWRONGSECRET {
			err = &domain.Error{Code: domain.EWRONGSECRET, Field: "passphrase", Message: domain.ErrorMessage(err)}
		}
		return VaultStatus{}, apiError(err)
	}
	b.s.unlocked(v)
	st, err := b.s.status(context.Background())
	return st, apiError(err)
}

// unlocked is called after any successful unlock.
func (s *Shell) unlocked(v *vault.Vault) {
	s.touch()
	if s.selftest != nil {
		s.selftest.keyDerivation(v.LastKeyDerivation())
	}
}

// UnlockWithRecoveryKey opens the vault with its recovery key; a new
// passphrase must then be set.
func (b *Vault) UnlockWithRecoveryKey(key string) (VaultStatus, error) {
	if err := b.s.notInCoCreation(); err != nil {
		return VaultStatus{}, apiError(err)
	}
	v, err := b.s.requireVault()
	if err != nil {
		return VaultStatus{}, apiError(err)
	}
	b.s.touch()
	if err := v.UnlockWithRecoveryKey(context.Background(), key); err != nil {
		if domain.ErrorCode(err) == domain.EWRONGSECRET {
			err = &domain.Error{Code: domain.EWRONGSECRET, Field: "recoveryKey", Message: domain.ErrorMessage(err)}
		}
		return VaultStatus{}, apiError(err)
	}
	b.s.unlocked(v)
	st, err := b.s.status(context.Background())
	return st, apiError(err)
}

// UnlockWithRecoveryKeyFile asks for the recovery key file (native dialog)
// and opens the vault with it.
func (b *Vault) UnlockWithRecoveryKeyFile() (VaultStatus, error) {
	if err := b.s.notInCoCreation(); err != nil {
		return VaultStatus{}, apiError(err)
	}
	path, err := b.s.fileDialogs().openFile("Open your Tandem recovery key file",
		[]runtime.FileFilter{{DisplayName: "Text file (*.txt)", Pattern: "*.txt"}, {DisplayName: "All files", Pattern: "*"}})
	if err != nil {
		return VaultStatus{}, apiError(domain.Wrap(domain.EINTERNAL, "The open dialog could not be shown.", err))
	}
	if path == "" {
		return VaultStatus{}, apiError(domain.Errorf(domain.ECANCELLED, "No file was chosen."))
	}
	b2, err := readSmallFile(path, 4096)
	if err != nil {
		return VaultStatus{}, apiError(domain.Wrap(domain.EINVALID, "That file could not be read as a recovery key file.", err))
	}
	return b.UnlockWithRecoveryKey(string(b2))
}

func readSmallFile(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if fi.Size() > max {
		return nil, fmt.Errorf("file is %d bytes, more than %d", fi.Size(), max)
	}
	b := make([]byte, fi.Size())
	_, err = f.Read(b)
	return b, err
}

// SetNewPassphrase sets the passphrase after a recovery unlock.
func (b *Vault) SetNewPassphrase(passphrase string) (VaultStatus, error) {
	if err := b.s.notInCoCreation(); err != nil {
		return VaultStatus{}, apiError(err)
	}
	v, err := b.s.requireVault()
	if err != nil {
		return VaultStatus{}, apiError(err)
	}
	// The vault is re-encrypted under a fresh data key: no backup may read
	// the database meanwhile.
	b.s.backups.run.Lock()
	defer b.s.backups.run.Unlock()
	if err := v.SetNewPassphrase(passphrase); err != nil {
		return VaultStatus{}, apiError(err)
	}
	b.s.touch()
	st, err := b.s.status(context.Background())
	return st, apiError(err)
}

// RekeyProgress is the payload of the vault:rekey-progress event: how far
// the re-encryption under a fresh data key is (a new passphrase, a new
// recovery key), in bytes of the database file. The last has Done = Total.
type RekeyProgress struct {
	Done  int64 `json:"done"`
	Total int64 `json:"total"`
}

// ChangePassphrase replaces the passphrase after checking the current one;
// the vault is re-encrypted under a fresh data key meanwhile (a few
// seconds for a large practice), with no backup running.
func (b *Vault) ChangePassphrase(current, next string) error {
	v, err := b.s.requireVault()
	if err != nil {
		return apiError(err)
	}
	if _, err := b.s.therapist(); err != nil {
		return apiError(err)
	}
	b.s.backups.run.Lock()
	defer b.s.backups.run.Unlock()
	return apiError(v.ChangePassphrase(current, next))
}

// Lock locks the vault now.
func (b *Vault) Lock() (VaultStatus, error) {
	b.s.lock("manual")
	st, err := b.s.status(context.Background())
	return st, apiError(err)
}

// Activity tells the idle timer that the therapist is using Tandem.
func (b *Vault) Activity() error {
	b.s.touch()
	return nil
}
