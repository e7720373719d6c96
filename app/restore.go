package app

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"os"
	"path/filepath"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"tandem/backend/backup"
	"tandem/backend/domain"
	"tandem/backend/vault"
)

// ChosenFile is a backup file chosen in the open dialog.
type ChosenFile struct {
	Name   string `json:"name"`
	Folder string `json:"folder"`
	Size   int64  `json:"size"`
}

// BackupSecret opens a backup: the passphrase in force when it was made,
// or the recovery key. Give one.
type BackupSecret struct {
	Passphrase  string `json:"passphrase"`
	RecoveryKey string `json:"recoveryKey"`
}

// TableRows is one table's number of rows in a backup.
type TableRows struct {
	Table string `json:"table"`
	Rows  int64  `json:"rows"`
}

// BackupReport is what verifying a backup found.
type BackupReport struct {
	File string `json:"file"`
	// OK is true when every check passed; else Code and Problem say what
	// is wrong, in plain words.
	OK            bool        `json:"ok"`
	Code          string      `json:"code"`
	Problem       string      `json:"problem"`
	Created       string      `json:"created"` // RFC 3339
	AppVersion    string      `json:"appVersion"`
	SchemaVersion int         `json:"schemaVersion"`
	OpenedWith    string      `json:"openedWith"` // passphrase, recovery key
	Tables        []TableRows `json:"tables"`
	// Counts are the rows of the kinds a therapist knows, by table name:
	// clients, sessions, shifts, plan_items, agreements, reflections,
	// patterns, resources.
	Counts map[string]int64 `json:"counts"`
}

// summaryTables are the tables whose counts a report shows by name.
var summaryTables = []string{"clients", "sessions", "shifts", "plan_items", "agreements", "reflections", "patterns", "resources"}

// RestoreDone is a completed restore: the vault is now the backup's, locked.
type RestoreDone struct {
	Report BackupReport `json:"report"`
	// Replaced is where the replaced vault was kept, "" when there was none.
	Replaced string      `json:"replaced"`
	Vault    VaultStatus `json:"vault"`
}

// markKey keys secretMark; it never leaves memory.
var markKey = func() []byte {
	b := make([]byte, 32)
	rand.Read(b)
	return b
}()

func secretMark(path string, sec BackupSecret) []byte {
	m := hmac.New(sha256.New, markKey)
	for _, part := range []string{path, sec.Passphrase, sec.RecoveryKey} {
		m.Write([]byte(part))
		m.Write([]byte{0})
	}
	return m.Sum(nil)
}

func (s *Shell) sameSecret(path string, sec BackupSecret) bool {
	s.backups.mu.Lock()
	defer s.backups.mu.Unlock()
	return s.backups.secretMark != nil && hmac.Equal(s.backups.secretMark, secretMark(path, sec))
}

// ChooseFile asks for a backup file (native dialog) and remembers it for
// Verify and Restore. ECANCELLED when the therapist closed the dialog.
func (b *Backup) ChooseFile() (ChosenFile, error) {
	if err := b.s.notInCoCreation(); err != nil {
		return ChosenFile{}, apiError(err)
	}
	path, err := b.s.fileDialogs().openFile("Choose a Tandem backup", []runtime.FileFilter{
		{DisplayName: "Tandem backups (*.age)", Pattern: "*.age"}, {DisplayName: "All files", Pattern: "*"}})
	if err != nil {
		return ChosenFile{}, apiError(domain.Wrap(domain.EINTERNAL, "The open dialog could not be shown.", err))
	}
	if path == "" {
		return ChosenFile{}, apiError(domain.Errorf(domain.ECANCELLED, "No file was chosen."))
	}
	c, err := b.s.chooseFile(path)
	return c, apiError(err)
}

func (s *Shell) chooseFile(path string) (ChosenFile, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return ChosenFile{}, domain.Wrap(domain.EINVALID, "That file cannot be used.", err)
	}
	fi, err := os.Stat(abs)
	if err != nil || !fi.Mode().IsRegular() {
		return ChosenFile{}, domain.Errorf(domain.EINVALID, "%s is not a file Tandem can read.", abs)
	}
	s.backups.mu.Lock()
	s.backups.chosen, s.backups.inspected, s.backups.secretMark = abs, "", nil
	s.backups.mu.Unlock()
	return ChosenFile{Name: filepath.Base(abs), Folder: filepath.Dir(abs), Size: fi.Size()}, nil
}

func (s *Shell) chosenFile() (string, error) {
	s.backups.mu.Lock()
	defer s.backups.mu.Unlock()
	if s.backups.chosen == "" {
		return "", domain.Errorf(domain.EINVALID, "Choose a backup file first.")
	}
	return s.backups.chosen, nil
}

func (sec BackupSecret) unlock() (backup.Unlock, error) {
	switch {
	case sec.Passphrase != "" && sec.RecoveryKey != "":
		return backup.Unlock{}, domain.Errorf(domain.EINVALID, "Give either the passphrase or the recovery key, not both.")
	case sec.Passphrase != "":
		return backup.Unlock{Passphrase: sec.Passphrase}, nil
	case sec.RecoveryKey != "":
		return backup.Unlock{RecoveryKey: sec.RecoveryKey}, nil
	}
	return backup.Unlock{}, domain.FieldError("passphrase", "Type the passphrase that was in force when the backup was made, or use the recovery key.")
}

// secretField is the field a wrong secret is about.
func (sec BackupSecret) field() string {
	if sec.RecoveryKey != "" {
		return "recoveryKey"
	}
	return "passphrase"
}

// Verify reads the chosen backup file completely with the passphrase or
// the recovery key and reports what it holds. A damaged file, or one made
// by a newer Tandem, is a report with OK false and the problem in plain
// words; a wrong passphrase or recovery key is an error about its field.
// It works without a vault (the welcome screen) and writes nothing.
func (b *Backup) Verify(sec BackupSecret) (BackupReport, error) {
	r, err := b.s.verifyChosen(sec)
	return r, apiError(err)
}

func (s *Shell) verifyChosen(sec BackupSecret) (BackupReport, error) {
	if err := s.notInCoCreation(); err != nil {
		return BackupReport{}, err
	}
	path, err := s.chosenFile()
	if err != nil {
		return BackupReport{}, err
	}
	u, err := sec.unlock()
	if err != nil {
		return BackupReport{}, err
	}
	info, err := backup.Verify(context.Background(), path, u)
	rep := BackupReport{File: filepath.Base(path)}
	switch code := domain.ErrorCode(err); {
	case err == nil:
		rep = report(path, info)
		s.backups.mu.Lock()
		if s.backups.chosen == path {
			s.backups.inspected = path
			s.backups.secretMark = secretMark(path, sec)
		}
		s.backups.mu.Unlock()
	case code == domain.EBACKUPDAMAGED || code == domain.EVAULTNEWER:
		rep.Code, rep.Problem = code, domain.ErrorMessage(err)
	case code == domain.EWRONGSECRET:
		return BackupReport{}, &domain.Error{Code: code, Field: sec.field(), Message: domain.ErrorMessage(err)}
	default:
		return BackupReport{}, err
	}
	return rep, nil
}

func report(path string, info *backup.Info) BackupReport {
	r := BackupReport{File: filepath.Base(path), OK: true, Created: info.Created.UTC().Format(time.RFC3339),
		AppVersion: info.AppVersion, SchemaVersion: info.SchemaVersion, OpenedWith: info.OpenedWith,
		Tables: []TableRows{}, Counts: map[string]int64{}}
	for _, t := range info.Tables {
		r.Tables = append(r.Tables, TableRows{Table: t.Table, Rows: t.Rows})
	}
	for _, t := range summaryTables {
		r.Counts[t] = info.Rows(t)
	}
	return r
}

// Restore replaces the vault with the chosen backup, which Verify must
// have shown first (with its contents) since it was chosen. With the
// recovery key, newPassphrase is required and becomes the restored vault's
// passphrase; with the passphrase it may be "" (the backup's passphrase
// stays). An unlocked vault is locked first (with its automatic backup).
// The new vault is built and checked beside the old one and swapped in
// only when complete; the old vault is kept, dated, beside it. Afterwards
// the vault is locked: the page shows the unlock screen.
func (b *Backup) Restore(sec BackupSecret, newPassphrase string) (RestoreDone, error) {
	out, err := b.s.restoreChosen(sec, newPassphrase)
	return out, apiError(err)
}

func (s *Shell) restoreChosen(sec BackupSecret, newPassphrase string) (RestoreDone, error) {
	v, err := s.requireVault()
	if err != nil {
		return RestoreDone{}, err
	}
	if err := s.notInCoCreation(); err != nil {
		return RestoreDone{}, err
	}
	s.backups.mu.Lock()
	path, seen := s.backups.chosen, s.backups.inspected
	s.backups.mu.Unlock()
	if path == "" || seen != path {
		return RestoreDone{}, domain.Errorf(domain.EINVALID, "Look at what the backup holds first, then confirm the restore.")
	}
	u, err := sec.unlock()
	if err != nil {
		return RestoreDone{}, err
	}
	if u.RecoveryKey != "" && newPassphrase == "" {
		return RestoreDone{}, domain.FieldError("newPassphrase", "Restoring with the recovery key needs a new passphrase for the restored vault.")
	}
	if newPassphrase != "" {
		if c := domain.CheckPassphrase(newPassphrase); !c.OK {
			return RestoreDone{}, &domain.Error{Code: domain.EWEAKPASSPHRASE, Field: "newPassphrase", Message: c.Message}
		}
	}
	if !s.sameSecret(path, sec) {
		return RestoreDone{}, domain.Errorf(domain.EINVALID, "Look at what the backup holds with this passphrase or recovery key first, then confirm the restore.")
	}
	if v.State() == vault.StateUnlocked {
		// Quietly: the page stays on its restore step until the end.
		s.lockQuietly("restore")
	}
	s.backups.wg.Wait() // the lock's backup of the vault about to be replaced
	s.backups.run.Lock()
	defer s.backups.run.Unlock()
	res, err := backup.Restore(context.Background(), path, v, backup.RestoreOptions{Unlock: u, NewPassphrase: newPassphrase})
	if err != nil {
		if domain.ErrorCode(err) == domain.EWRONGSECRET {
			return RestoreDone{}, &domain.Error{Code: domain.EWRONGSECRET, Field: sec.field(), Message: domain.ErrorMessage(err)}
		}
		return RestoreDone{}, err
	}
	s.backups.mu.Lock()
	s.backups.chosen, s.backups.inspected, s.backups.secretMark, s.backups.failure = "", "", nil, nil
	s.backups.mu.Unlock()
	s.emit("vault:locked", map[string]string{"reason": "restored"})
	st, err := s.status(context.Background())
	if err != nil {
		return RestoreDone{}, err
	}
	return RestoreDone{Report: report(path, res.Info), Replaced: res.Replaced, Vault: st}, nil
}
