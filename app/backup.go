package app

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"tandem/backend/backup"
	"tandem/backend/domain"
	"tandem/backend/storage"
	"tandem/backend/vault"
)

// Backup is bound to the page: the backup folder, backing up now, the
// backup status, verifying and restoring a backup file, and the export.
// Automatic backups (at lock, at quit, once a day) are the Shell's.
type Backup struct{ s *Shell }

// NewBackup returns the Backup binding.
func NewBackup(s *Shell) *Backup { return &Backup{s: s} }

// What made a backup, as the status tells it.
const (
	triggerNow   = "now"   // Back up now
	triggerLock  = "lock"  // the vault was locked (by hand, idle or suspend)
	triggerQuit  = "quit"  // Tandem quit
	triggerDaily = "daily" // once a day while Tandem is open
)

const (
	// staleAfter is how old the last good backup may be before the status
	// warns.
	staleAfter = 3 * 24 * time.Hour
	// dailyEvery is how often Tandem backs up while it stays open.
	dailyEvery = 24 * time.Hour
	// dailyRetry is how long after a failed automatic backup the daily one
	// tries again.
	dailyRetry = time.Hour
)

var (
	// lockBackupTimeout bounds a backup made at lock or quit. At suspend
	// the computer waits for it only as long as logind allows (5 seconds by
	// default), so it is abandoned sooner, and the keys dropped, before the
	// computer sleeps (see watchSuspend).
	lockBackupTimeout    = 10 * time.Minute
	suspendBackupTimeout = 4 * time.Second
)

// backupState is the Shell's memory of backups in this session.
type backupState struct {
	// run is held by whatever makes, restores or exports a backup, so
	// there is one at a time, and by whatever closes a database that one
	// may be reading.
	run sync.Mutex
	// wg counts the automatic backups started at lock, so quitting waits
	// for them.
	wg sync.WaitGroup

	mu        sync.Mutex
	running   string // the trigger of the backup being made, "" if none
	failure   *BackupFailure
	nextDaily time.Time // when to look again whether the daily backup is due
	chosen    string    // the backup file chosen in the open dialog
	inspected string    // the chosen file whose contents were shown
	// secretMark is a keyed hash of the secret that opened the inspected
	// file, so that Restore can tell, before it locks anything, that it
	// is given the same one.
	secretMark []byte
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

// BackupFailure is the last backup that failed, as the status tells it.
// Its message names a folder or a cause, never record content.
type BackupFailure struct {
	At      string `json:"at"` // RFC 3339
	Trigger string `json:"trigger"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// BackupStatus is what the home screen and the settings show.
type BackupStatus struct {
	Folder    string `json:"folder"` // "" until one is chosen
	Reachable bool   `json:"reachable"`
	Auto      bool   `json:"auto"`
	// LastAt is when the last good backup was made (RFC 3339), "" if none
	// was; LastFile is its file name.
	LastAt   string `json:"lastAt"`
	LastFile string `json:"lastFile"`
	// Level is "ok" or "warning"; Reasons says why, each one of
	// "no-folder", "never", "old", "unreachable", "failed".
	Level   string         `json:"level"`
	Reasons []string       `json:"reasons"`
	Failure *BackupFailure `json:"failure"`
	// Running is the trigger of a backup being made now, "" if none.
	Running  string                `json:"running"`
	Settings domain.BackupSettings `json:"settings"`
}

// BackupProgress is the payload of the backup:progress event.
type BackupProgress struct {
	Step  string `json:"step"` // read, write, verify, rotate, done
	Done  int    `json:"done"`
	Total int    `json:"total"`
}

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

// BackupDone is a backup made by Back up now.
type BackupDone struct {
	File    string       `json:"file"`
	Size    int64        `json:"size"`
	Removed int          `json:"removed"` // old backups the rotation removed
	Status  BackupStatus `json:"status"`
}

// RestoreDone is a completed restore: the vault is now the backup's, locked.
type RestoreDone struct {
	Report BackupReport `json:"report"`
	// Replaced is where the replaced vault was kept, "" when there was none.
	Replaced string      `json:"replaced"`
	Vault    VaultStatus `json:"vault"`
}

// ExportDone is a written export.
type ExportDone struct {
	Path string `json:"path"`
}

// ---- settings and status ----

// Settings returns the backup settings.
func (b *Backup) Settings() (domain.BackupSettings, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.BackupSettings, error) {
		return db.BackupSettings(ctx)
	})
}

// SaveSettings stores whether backups are automatic and the rotation
// numbers. The folder is not taken from the page: it is kept as stored
// (ChooseFolder changes it).
func (b *Backup) SaveSettings(st domain.BackupSettings) (domain.BackupSettings, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.BackupSettings, error) {
		cur, err := db.BackupSettings(ctx)
		if err != nil {
			return cur, err
		}
		st.Folder = cur.Folder
		return db.SaveBackupSettings(ctx, st)
	})
}

// ChooseFolder asks for the backup folder (native dialog) and stores it.
// ECANCELLED when the therapist closed the dialog.
func (b *Backup) ChooseFolder() (BackupStatus, error) {
	db, err := b.s.therapist()
	if err != nil {
		return BackupStatus{}, apiError(err)
	}
	ctx := context.Background()
	cur, err := db.BackupSettings(ctx)
	if err != nil {
		return BackupStatus{}, apiError(err)
	}
	path, err := b.s.fileDialogs().chooseFolder("Choose the folder for Tandem's backups", cur.Folder)
	if err != nil {
		return BackupStatus{}, apiError(domain.Wrap(domain.EINTERNAL, "The folder dialog could not be opened.", err))
	}
	if path == "" {
		return BackupStatus{}, apiError(domain.Errorf(domain.ECANCELLED, "No folder was chosen."))
	}
	st, err := b.s.setBackupFolder(ctx, db, path)
	return st, apiError(err)
}

// setBackupFolder checks that path is a folder Tandem can write in, outside
// the vault folder, and stores it.
func (s *Shell) setBackupFolder(ctx context.Context, db *storage.DB, path string) (BackupStatus, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return BackupStatus{}, domain.Wrap(domain.EINVALID, "That folder cannot be used.", err)
	}
	if fi, err := os.Stat(abs); err != nil || !fi.IsDir() {
		return BackupStatus{}, domain.Errorf(domain.EINVALID, "%s is not a folder Tandem can reach.", abs)
	}
	if v, err := s.requireVault(); err == nil {
		if rel, err := filepath.Rel(v.Dir(), abs); err == nil && filepath.IsLocal(rel) || abs == v.Dir() {
			return BackupStatus{}, domain.Errorf(domain.EINVALID, "Choose a folder outside the vault folder, ideally on another drive: a backup next to the vault is lost with it.")
		}
	}
	probe, err := os.CreateTemp(abs, ".tandem-backup-probe-*.tmp")
	if err != nil {
		return BackupStatus{}, domain.Wrap(domain.EINVALID, "Tandem cannot write in "+abs+". Choose a folder you can write in.", err)
	}
	probe.Close()
	os.Remove(probe.Name())
	cur, err := db.BackupSettings(ctx)
	if err != nil {
		return BackupStatus{}, err
	}
	cur.Folder = abs
	if _, err := db.SaveBackupSettings(ctx, cur); err != nil {
		return BackupStatus{}, err
	}
	return s.backupStatus(ctx, db)
}

// Status returns the backup status.
func (b *Backup) Status() (BackupStatus, error) {
	return do(b.s, b.s.backupStatus)
}

func (s *Shell) backupStatus(ctx context.Context, db *storage.DB) (BackupStatus, error) {
	set, err := db.BackupSettings(ctx)
	if err != nil {
		return BackupStatus{}, err
	}
	last, err := db.LastBackup(ctx)
	if err != nil {
		return BackupStatus{}, err
	}
	st := BackupStatus{Folder: set.Folder, Auto: set.Auto, Settings: set, Reasons: []string{}}
	if set.Folder != "" {
		fi, err := os.Stat(set.Folder)
		st.Reachable = err == nil && fi.IsDir()
	}
	s.backups.mu.Lock()
	st.Running = s.backups.running
	if f := s.backups.failure; f != nil {
		c := *f
		st.Failure = &c
	}
	s.backups.mu.Unlock()
	if last != nil {
		st.LastAt = last.At.UTC().Format(time.RFC3339)
		st.LastFile = filepath.Base(last.Path)
	}
	switch {
	case set.Folder == "":
		st.Reasons = append(st.Reasons, "no-folder")
	case !st.Reachable:
		st.Reasons = append(st.Reasons, "unreachable")
	}
	switch {
	case last == nil:
		st.Reasons = append(st.Reasons, "never")
	case s.now().Sub(last.At) > staleAfter:
		st.Reasons = append(st.Reasons, "old")
	}
	if st.Failure != nil {
		st.Reasons = append(st.Reasons, "failed")
	}
	st.Level = "ok"
	if len(st.Reasons) > 0 {
		st.Level = "warning"
	}
	return st, nil
}

// ---- making backups ----

// BackUpNow makes a backup into the backup folder now, verifies it, and
// rotates the folder. It emits backup:progress events while it works.
func (b *Backup) BackUpNow() (BackupDone, error) {
	s := b.s
	if _, err := s.therapist(); err != nil {
		return BackupDone{}, apiError(err)
	}
	s.backups.run.Lock()
	defer s.backups.run.Unlock()
	v, err := s.requireVault()
	if err != nil {
		return BackupDone{}, apiError(err)
	}
	// Taken again under run: a lock since the check above hands the
	// database to its own last backup.
	db, err := v.DB()
	if err != nil {
		return BackupDone{}, apiError(err)
	}
	keys, err := v.BackupKeys()
	if err != nil {
		return BackupDone{}, apiError(err)
	}
	defer keys.Wipe()
	ctx := context.Background()
	res, removed, err := s.makeBackup(ctx, db, keys, triggerNow, func(p BackupProgress) { s.emit("backup:progress", p) })
	if err != nil {
		return BackupDone{}, apiError(err)
	}
	st, err := s.backupStatus(ctx, db)
	if err != nil {
		return BackupDone{}, apiError(err)
	}
	return BackupDone{File: filepath.Base(res.Path), Size: res.Size, Removed: len(removed), Status: st}, nil
}

// makeBackup makes a backup of db into the backup folder with the
// rotation, records it in the vault, and remembers a failure for the
// status. The caller holds backups.run.
func (s *Shell) makeBackup(ctx context.Context, db *storage.DB, keys *vault.BackupKeys, trigger string, progress func(BackupProgress)) (*backup.Result, []string, error) {
	s.backups.mu.Lock()
	s.backups.running = trigger
	s.backups.mu.Unlock()
	defer func() {
		s.backups.mu.Lock()
		s.backups.running = ""
		s.backups.mu.Unlock()
	}()
	res, removed, err := s.createBackup(ctx, db, keys, progress)
	now := s.now()
	s.backups.mu.Lock()
	if err != nil && trigger != triggerNow {
		s.backups.nextDaily = now.Add(dailyRetry)
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		err = domain.Wrap(domain.EINTERNAL, "The backup did not finish in time (the computer was going to sleep, or Tandem was quitting); nothing was left half-written, and the next backup will try again.", err)
	}
	if err != nil {
		s.backups.failure = &BackupFailure{At: now.UTC().Format(time.RFC3339), Trigger: trigger,
			Code: domain.ErrorCode(err), Message: domain.ErrorMessage(err)}
	} else {
		s.backups.failure = nil
	}
	s.backups.mu.Unlock()
	if err != nil {
		// The code and the error's text: a folder or a cause, never records.
		log.Printf("tandem: backup (%s) failed: %s: %v", trigger, domain.ErrorCode(err), err)
	}
	return res, removed, err
}

func (s *Shell) createBackup(ctx context.Context, db *storage.DB, keys *vault.BackupKeys, progress func(BackupProgress)) (*backup.Result, []string, error) {
	set, err := db.BackupSettings(ctx)
	if err != nil {
		return nil, nil, err
	}
	if set.Folder == "" {
		return nil, nil, domain.FieldError("folder", "Choose a backup folder first.")
	}
	if progress == nil {
		progress = func(BackupProgress) {}
	}
	src := backup.Source{DB: db, Keys: keys, AppVersion: s.version, Now: s.now,
		Progress: func(step string, done, total int) { progress(BackupProgress{Step: step, Done: done, Total: total}) }}
	policy := backup.Policy{Daily: set.KeepDaily, Weekly: set.KeepWeekly, Monthly: set.KeepMonthly}
	s.backups.mu.Lock()
	if s.backups.chosen != "" {
		policy.Pinned = []string{s.backups.chosen} // it may be about to be restored
	}
	s.backups.mu.Unlock()
	res, removed, err := backup.CreateInDir(ctx, src, set.Folder, policy)
	if res == nil {
		return nil, nil, err
	}
	// The backup is made and verified; a rotation that could not list the
	// folder afterwards does not make it less good.
	if err := db.RecordBackup(ctx, domain.BackupRecord{At: res.Info.Created, Path: res.Path}); err != nil {
		log.Printf("tandem: the backup could not be recorded in the vault: %v", err)
	}
	progress(BackupProgress{Step: "done", Done: 1, Total: 1})
	return res, removed, nil
}

// lastBackup makes the automatic backup of a vault that was just locked
// (db and keys come from vault.Detach), then closes the database and
// wipes the keys, whatever happens. It is called with backups.wg counted.
func (s *Shell) lastBackup(db *storage.DB, keys *vault.BackupKeys, trigger string) {
	defer s.backups.wg.Done()
	s.backups.run.Lock()
	defer s.backups.run.Unlock()
	defer func() {
		db.Close()
		keys.Wipe()
	}()
	defer func() {
		if r := recover(); r != nil {
			log.Printf("tandem: the automatic backup stopped on an internal error")
		}
	}()
	ctx := context.Background()
	set, err := db.BackupSettings(ctx)
	if err != nil || !set.Auto || set.Folder == "" {
		return
	}
	timeout := lockBackupTimeout
	if trigger == "lock:suspend" {
		timeout = suspendBackupTimeout
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	kind := triggerLock
	if trigger == triggerQuit {
		kind = triggerQuit
	}
	s.makeBackup(ctx, db, keys, kind, nil)
}

// checkDailyBackup, called every second, looks once a minute whether the
// daily backup is due: the vault is unlocked, automatic backups are on, and
// the last good backup is a day old (or there is none); if so it starts it.
// After a failed automatic backup it waits an hour before trying again.
func (s *Shell) checkDailyBackup() {
	if s.vault == nil || s.vault.State() != vault.StateUnlocked {
		return
	}
	now := s.now()
	s.backups.mu.Lock()
	due := s.backups.running == "" && !now.Before(s.backups.nextDaily)
	if due {
		s.backups.nextDaily = now.Add(time.Minute)
	}
	s.backups.mu.Unlock()
	if !due || !s.backups.run.TryLock() {
		return
	}
	go func() {
		defer s.backups.run.Unlock()
		s.dailyBackup(now)
	}()
}

// dailyBackup makes the daily backup if one is due. The caller holds
// backups.run.
func (s *Shell) dailyBackup(now time.Time) {
	defer func() {
		if r := recover(); r != nil {
			log.Printf("tandem: the daily backup stopped on an internal error")
		}
	}()
	db, err := s.vault.DB()
	if err != nil {
		return
	}
	ctx := context.Background()
	set, err := db.BackupSettings(ctx)
	if err != nil || !set.Auto || set.Folder == "" {
		return
	}
	if last, err := db.LastBackup(ctx); err != nil || (last != nil && now.Sub(last.At) < dailyEvery) {
		return
	}
	keys, err := s.vault.BackupKeys()
	if err != nil {
		return
	}
	defer keys.Wipe()
	s.makeBackup(ctx, db, keys, triggerDaily, nil)
}

// ---- verifying and restoring a file ----

// ChooseFile asks for a backup file (native dialog) and remembers it for
// Verify and Restore. ECANCELLED when the therapist closed the dialog.
func (b *Backup) ChooseFile() (ChosenFile, error) {
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

// ---- export ----

// Export writes the canonical JSON export of the whole vault (clientID 0)
// or of one client where the therapist chooses (save dialog). It is not
// encrypted. ECANCELLED when the dialog was closed.
func (b *Backup) Export(clientID int64) (ExportDone, error) {
	s := b.s
	if _, err := s.therapist(); err != nil {
		return ExportDone{}, apiError(err)
	}
	name := fmt.Sprintf("tandem-export-%s.json", s.now().Format("2006-01-02"))
	if clientID != 0 {
		name = fmt.Sprintf("tandem-export-client-%d-%s.json", clientID, s.now().Format("2006-01-02"))
	}
	path, err := s.fileDialogs().saveFile("Save the export (readable, not encrypted)", name,
		[]runtime.FileFilter{{DisplayName: "JSON (*.json)", Pattern: "*.json"}})
	if err != nil {
		return ExportDone{}, apiError(domain.Wrap(domain.EINTERNAL, "The save dialog could not be opened.", err))
	}
	if path == "" {
		return ExportDone{}, apiError(domain.Errorf(domain.ECANCELLED, "No file was chosen."))
	}
	out, err := s.exportTo(path, clientID)
	return out, apiError(err)
}

func (s *Shell) exportTo(path string, clientID int64) (ExportDone, error) {
	db, err := s.therapist()
	if err != nil {
		return ExportDone{}, err
	}
	s.backups.run.Lock()
	defer s.backups.run.Unlock()
	if db, err = s.db(); err != nil {
		return ExportDone{}, err
	}
	if err := backup.ExportFile(context.Background(), db, path, clientID); err != nil {
		return ExportDone{}, err
	}
	abs, _ := filepath.Abs(path)
	return ExportDone{Path: abs}, nil
}
