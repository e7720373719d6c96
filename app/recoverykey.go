package app

// The recovery key as the page handles it: shown once, kept (saved to a
// file, printed as a Recovery Kit, or copied and confirmed), whether for a
// new vault (BeginCreate, FinishCreate in vault.go) or as a replacement
// (BeginNewRecoveryKey, FinishNewRecoveryKey).

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"tandem/backend/domain"
	"tandem/backend/packet"
	"tandem/backend/vault"
)

// RecoveryKeyView is the recovery key as the page shows it once.
type RecoveryKeyView struct {
	Key           string   `json:"key"`
	Groups        []string `json:"groups"`
	ConfirmLength int      `json:"confirmLength"`
}

// recoveryConfirmLength is how many of the key's last characters a
// therapist re-types to show they kept a copy.
const recoveryConfirmLength = 6

func recoveryKeyView(key string) RecoveryKeyView {
	return RecoveryKeyView{Key: key, Groups: groupKey(key), ConfirmLength: recoveryConfirmLength}
}

// keepKey makes p (a vault being created) or r (a replacement recovery
// key) the key waiting to be kept, forgetting any other.
func (s *Shell) keepKey(p *vault.Pending, r *vault.NewRecovery) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending.Discard()
	if s.newRecovery != r {
		s.newRecovery.Discard()
	}
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
	if err := b.s.notInCoCreation(); err != nil {
		return apiError(err)
	}
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
	b.s.backups.run.Lock() // the vault is re-encrypted: no backup meanwhile
	err = v.CommitRecoveryKey(r)
	b.s.backups.run.Unlock()
	if err != nil {
		return apiError(err)
	}
	s.keepKey(nil, nil)
	s.clearCopiedKey(copied)
	s.touch()
	return nil
}

// CancelNewRecoveryKey forgets the replacement key; nothing changes.
func (b *Vault) CancelNewRecoveryKey() error {
	if err := b.s.notInCoCreation(); err != nil {
		return apiError(err)
	}
	b.s.forgetNewRecovery()
	return nil
}

// forgetNewRecovery drops a replacement key not yet put in place, and takes
// it off the clipboard if it was copied there and is still there.
func (s *Shell) forgetNewRecovery() {
	s.mu.Lock()
	had, copied := s.newRecovery != nil, s.copiedKey
	if had {
		s.newRecovery.Discard()
		s.newRecovery, s.keySaved, s.keyConfirmed, s.copiedKey = nil, false, false, ""
	}
	s.mu.Unlock()
	if had {
		s.clearCopiedKey(copied)
	}
}

// clearCopiedKey empties the clipboard if it still holds the key copied.
func (s *Shell) clearCopiedKey(copied string) {
	if copied == "" {
		return
	}
	if clip, err := s.clipboard().text(); err == nil && clip == copied {
		s.clipboard().setText("")
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
	if err := s.notInCoCreation(); err != nil {
		return "", err
	}
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
	path, err := b.s.fileDialogs().saveFile("Save your Tandem recovery key", "tandem-recovery-key.txt",
		[]runtime.FileFilter{{DisplayName: "Text file (*.txt)", Pattern: "*.txt"}})
	if err != nil {
		return false, apiError(domain.Wrap(domain.EINTERNAL, "The save dialog could not be opened.", err))
	}
	if path == "" {
		return false, nil
	}
	if err := writeChosen(path, ".txt", vault.RecoveryKeyFile(key, b.s.now())); err != nil {
		if domain.ErrorCode(err) != domain.EEXISTS {
			err = domain.Wrap(domain.EINVALID, "The recovery key could not be saved there. Choose another place, for example a USB stick.", err)
		}
		return false, apiError(err)
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
	if err := b.s.clipboard().setText(key); err != nil {
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
	epoch := b.s.prints.current()
	pdf, err := b.s.recoveryKitPDF()
	if err != nil {
		return false, apiError(err)
	}
	path, err := b.s.prints.write(pdf, epoch)
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
