package app

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"tandem/backend/domain"
	"tandem/backend/packet"
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
	// Now is the app's time as it answered (RFC 3339): the page keeps
	// its dates by this clock (package clock).
	Now string `json:"now"`
}

// RecoveryKeyView is the recovery key as the page shows it once.
type RecoveryKeyView struct {
	Key           string   `json:"key"`
	Groups        []string `json:"groups"`
	ConfirmLength int      `json:"confirmLength"`
}

// recoveryConfirmLength is how many of the key's last characters a
// therapist re-types to show they kept a copy.
const recoveryConfirmLength = 6

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
		st.CoCreationClientID = s.coClient
		s.mu.Unlock()
	}
	return st, nil
}

// CheckPassphrase judges a proposed new passphrase.
func (b *Vault) CheckPassphrase(p string) (domain.PassphraseCheck, error) {
	return domain.CheckPassphrase(p), nil
}

// BeginCreate makes the keys of a new vault in memory and returns the
// recovery key to show. Nothing is written until FinishCreate.
func (b *Vault) BeginCreate(passphrase string) (RecoveryKeyView, error) {
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

func recoveryKeyView(key string) RecoveryKeyView {
	return RecoveryKeyView{Key: key, Groups: groupKey(key), ConfirmLength: recoveryConfirmLength}
}

// keepKey makes p (a vault being created) or r (a replacement recovery
// key) the key waiting to be kept, forgetting any other.
func (s *Shell) keepKey(p *vault.Pending, r *vault.NewRecovery) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending.Discard()
	s.pending, s.newRecovery = p, r
	s.keySaved, s.keyConfirmed, s.copiedKey = false, false, ""
}

// BeginNewRecoveryKey checks the passphrase and makes a replacement
// recovery key in memory, to be kept as at creation (SaveRecoveryKey, the
// Recovery Kit, or CopyRecoveryKey and ConfirmRecoveryKey); then
// FinishNewRecoveryKey puts it in place. Until then the old key goes on
// working. The passphrase error has field "passphrase".
func (b *Vault) BeginNewRecoveryKey(passphrase string) (RecoveryKeyView, error) {
	v, err := b.s.requireVault()
	if err != nil {
		return RecoveryKeyView{}, apiError(err)
	}
	if _, err := b.s.therapist(); err != nil {
		return RecoveryKeyView{}, apiError(err)
	}
	r, err := v.PrepareRecoveryKey(passphrase)
	if err != nil {
		return RecoveryKeyView{}, apiError(err)
	}
	b.s.keepKey(nil, r)
	return recoveryKeyView(r.RecoveryKey()), nil
}

// FinishNewRecoveryKey replaces the vault's recovery key with the one
// BeginNewRecoveryKey made, once it was saved or confirmed. Backups made
// from now on open with it; the old one opens only the backups made before.
func (b *Vault) FinishNewRecoveryKey() error {
	v, err := b.s.requireVault()
	if err != nil {
		return apiError(err)
	}
	s := b.s
	s.mu.Lock()
	r, kept, copied := s.newRecovery, s.keySaved || s.keyConfirmed, s.copiedKey
	s.mu.Unlock()
	if r == nil {
		return apiError(domain.Errorf(domain.EINVALID, "The new recovery key is no longer in memory (the vault was locked). Nothing was changed; start again from Settings."))
	}
	if !kept {
		return apiError(domain.FieldError("confirm", "Save the new recovery key to a file, or copy it and type its last characters, before you replace the old one."))
	}
	if err := v.CommitRecoveryKey(r); err != nil {
		return apiError(err)
	}
	s.keepKey(nil, nil)
	s.clearCopiedKey(copied)
	s.touch()
	return nil
}

// CancelNewRecoveryKey forgets the replacement key; nothing changes.
func (b *Vault) CancelNewRecoveryKey() error {
	b.s.forgetNewRecovery()
	return nil
}

// forgetNewRecovery drops a replacement key not yet put in place, and takes
// it off the clipboard if it was copied there and is still there.
func (s *Shell) forgetNewRecovery() {
	s.mu.Lock()
	had, copied := s.newRecovery != nil, s.copiedKey
	if had {
		s.newRecovery, s.keySaved, s.keyConfirmed, s.copiedKey = nil, false, false, ""
	}
	s.mu.Unlock()
	if had {
		s.clearCopiedKey(copied)
	}
}

// clearCopiedKey empties the clipboard if it still holds the key copied.
func (s *Shell) clearCopiedKey(copied string) {
	if copied == "" || s.ctx == nil {
		return
	}
	if clip, err := runtime.ClipboardGetText(s.ctx); err == nil && clip == copied {
		runtime.ClipboardSetText(s.ctx, "")
	}
}

// groupKey splits the key into groups of four for reading aloud or copying
// by hand; the prefix stays whole.
func groupKey(key string) []string {
	const prefix = "AGE-SECRET-KEY-1"
	groups := []string{prefix}
	rest := strings.TrimPrefix(key, prefix)
	for len(rest) > 4 {
		groups = append(groups, rest[:4])
		rest = rest[4:]
	}
	if rest != "" {
		groups = append(groups, rest)
	}
	return groups
}

// pendingKey is the recovery key waiting to be kept: a new vault's, or a
// replacement.
func (s *Shell) pendingKey() (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.pending != nil:
		return s.pending.RecoveryKey(), nil
	case s.newRecovery != nil:
		return s.newRecovery.RecoveryKey(), nil
	}
	return "", domain.Errorf(domain.EINVALID, "Start again: the new recovery key is no longer in memory.")
}

// SaveRecoveryKey asks where to save the recovery key (native dialog) and
// writes it there in the age identity format. It returns false when the
// therapist cancelled the dialog.
func (b *Vault) SaveRecoveryKey() (bool, error) {
	key, err := b.s.pendingKey()
	if err != nil {
		return false, apiError(err)
	}
	path, err := runtime.SaveFileDialog(b.s.ctx, runtime.SaveDialogOptions{
		Title:           "Save your Tandem recovery key",
		DefaultFilename: "tandem-recovery-key.txt",
		Filters:         []runtime.FileFilter{{DisplayName: "Text file (*.txt)", Pattern: "*.txt"}},
	})
	if err != nil {
		return false, apiError(domain.Wrap(domain.EINTERNAL, "The save dialog could not be opened.", err))
	}
	if path == "" {
		return false, nil
	}
	if err := os.WriteFile(path, vault.RecoveryKeyFile(key, b.s.now()), 0o600); err != nil {
		return false, apiError(domain.Wrap(domain.EINVALID, "The recovery key could not be saved there. Choose another place, for example a USB stick.", err))
	}
	b.s.mu.Lock()
	b.s.keySaved = true
	b.s.mu.Unlock()
	return true, nil
}

// CopyRecoveryKey puts the recovery key on the clipboard. It is cleared from
// the clipboard when the vault is created, if it is still there.
func (b *Vault) CopyRecoveryKey() error {
	key, err := b.s.pendingKey()
	if err != nil {
		return apiError(err)
	}
	if err := runtime.ClipboardSetText(b.s.ctx, key); err != nil {
		return apiError(domain.Wrap(domain.EINTERNAL, "The recovery key could not be copied. Save it to a file instead.", err))
	}
	b.s.mu.Lock()
	b.s.copiedKey = key
	b.s.mu.Unlock()
	return nil
}

// ConfirmRecoveryKey checks the re-typed last characters of the key.
func (b *Vault) ConfirmRecoveryKey(lastChars string) error {
	key, err := b.s.pendingKey()
	if err != nil {
		return apiError(err)
	}
	typed := strings.ToUpper(strings.Join(strings.Fields(lastChars), ""))
	if len(typed) != recoveryConfirmLength || !strings.HasSuffix(key, typed) {
		return apiError(domain.FieldError("confirm", fmt.Sprintf("These are not the last %d characters of your recovery key. Look at the key again and type its last %d characters.", recoveryConfirmLength, recoveryConfirmLength)))
	}
	b.s.mu.Lock()
	b.s.keyConfirmed = true
	b.s.mu.Unlock()
	return nil
}

// FinishCreate writes the new vault, once the recovery key was saved or
// confirmed, and leaves it unlocked.
func (b *Vault) FinishCreate() (VaultStatus, error) {
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
	v, err := b.s.requireVault()
	if err != nil {
		return VaultStatus{}, apiError(err)
	}
	b.s.touch()
	if err := v.Unlock(context.Background(), passphrase); err != nil {
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
	path, err := runtime.OpenFileDialog(b.s.ctx, runtime.OpenDialogOptions{
		Title:   "Open your Tandem recovery key file",
		Filters: []runtime.FileFilter{{DisplayName: "Text file (*.txt)", Pattern: "*.txt"}, {DisplayName: "All files", Pattern: "*"}},
	})
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
	v, err := b.s.requireVault()
	if err != nil {
		return VaultStatus{}, apiError(err)
	}
	if err := v.SetNewPassphrase(passphrase); err != nil {
		return VaultStatus{}, apiError(err)
	}
	b.s.touch()
	st, err := b.s.status(context.Background())
	return st, apiError(err)
}

// ChangePassphrase replaces the passphrase after checking the current one.
func (b *Vault) ChangePassphrase(current, next string) error {
	v, err := b.s.requireVault()
	if err != nil {
		return apiError(err)
	}
	if _, err := b.s.therapist(); err != nil {
		return apiError(err)
	}
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

// recoveryKitPDF makes the Recovery Kit of the key waiting to be kept.
func (s *Shell) recoveryKitPDF() ([]byte, error) {
	key, err := s.pendingKey()
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := packet.Render(&buf, packet.RecoveryKit(domain.Practice{}, key, s.now(), packet.Options{Date: s.now()})); err != nil {
		return nil, domain.Wrap(domain.EINTERNAL, "Tandem could not make the Recovery Kit.", err)
	}
	return buf.Bytes(), nil
}

// PrintRecoveryKit opens the Recovery Kit (the new recovery key with plain
// instructions) in the PDF viewer to print, from the private print folder
// that is emptied at lock and at quit. Printing is not proof that the key
// was kept, so the key must still be saved or confirmed.
func (b *Vault) PrintRecoveryKit() (bool, error) {
	pdf, err := b.s.recoveryKitPDF()
	if err != nil {
		return false, apiError(err)
	}
	path, err := b.s.prints.write(pdf)
	if err != nil {
		return false, apiError(err)
	}
	if err := b.s.prints.open(path); err != nil {
		return false, apiError(domain.Wrap(domain.EINTERNAL, "No PDF viewer could be opened. Save the Recovery Kit instead and print the file from there.", err))
	}
	return true, nil
}

// SaveRecoveryKit saves the Recovery Kit as a PDF where the therapist
// chooses (for example a USB stick); that counts as keeping the key. It
// returns false when the dialog was cancelled.
func (b *Vault) SaveRecoveryKit() (bool, error) {
	pdf, err := b.s.recoveryKitPDF()
	if err != nil {
		return false, apiError(err)
	}
	path, err := b.s.fileDialogs().saveFile("Save your Tandem Recovery Kit", "tandem-recovery-kit.pdf",
		[]runtime.FileFilter{{DisplayName: "PDF document (*.pdf)", Pattern: "*.pdf"}})
	if err != nil {
		return false, apiError(domain.Wrap(domain.EINTERNAL, "The save dialog could not be opened.", err))
	}
	if path == "" {
		return false, nil
	}
	if filepath.Ext(path) == "" {
		path += ".pdf"
	}
	if err := os.WriteFile(path, pdf, 0o600); err != nil {
		return false, apiError(domain.Wrap(domain.EINVALID, "The Recovery Kit could not be saved there. Choose another place, for example a USB stick.", err))
	}
	b.s.mu.Lock()
	b.s.keySaved = true
	b.s.mu.Unlock()
	return true, nil
}
