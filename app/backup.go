package app

import (
	"context"
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
// backup status, verifying and restoring a backup file (restore.go), and
// the export. Automatic backups (at lock, at quit, once a day) are the
// Shell's (autobackup.go).
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

// backupState is the Shell's memory of backups in this session.
type backupState struct {
	// run is held by whatever makes, restores or exports a backup, so
	// there is one at a time, and by whatever closes a database that one
	// may be reading.
	run sync.Mutex
	// wg counts the automatic backups started at lock, so quitting waits
	// for them.
	wg sync.WaitGroup

	mu      sync.Mutex
	running string // the trigger of the backup being made, "" if none
	// cancel stops the backup being made (nil when none): a suspend stops
	// a daily backup or Back up now, so that its copy of the keys is gone
	// before the computer sleeps.
	cancel    context.CancelFunc
	failure   *BackupFailure
	nextDaily time.Time // when to look again whether the daily backup is due
	chosen    string    // the backup file chosen in the open dialog
	inspected string    // the chosen file whose contents were shown
	// secretMark is a keyed hash of the secret that opened the inspected
	// file, so that Restore can tell, before it locks anything, that it
	// is given the same one.
	secretMark []byte
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
	// "no-folder" (or "confirm-folder": a restored vault's folder waits to
	// be chosen again, RestoredFolder), "never", "old", "unreachable",
	// "failed", and
	// "other-vault" (the folder holds another vault's backups: OtherVault
	// files, which rotation never touches) or "future" (Future files are
	// dated after now: a clock was wrong; they are kept).
	Level      string `json:"level"`
	OtherVault int    `json:"otherVault"`
	// RestoredFolder is the backup folder a restored vault came with, not
	// used until the therapist chooses a folder again ("confirm-folder").
	RestoredFolder string         `json:"restoredFolder"`
	Future         int            `json:"future"`
	Reasons        []string       `json:"reasons"`
	Failure        *BackupFailure `json:"failure"`
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

// BackupDone is a backup made by Back up now.
type BackupDone struct {
	File    string       `json:"file"`
	Size    int64        `json:"size"`
	Removed int          `json:"removed"` // old backups the rotation removed
	Status  BackupStatus `json:"status"`
}

// ExportDone is a written export.
type ExportDone struct {
	Path string `json:"path"`
}

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
	return do(b.s, func(ctx context.Context, db *storage.DB) (BackupStatus, error) {
		cur, err := db.BackupSettings(ctx)
		if err != nil {
			return BackupStatus{}, err
		}
		start := cur.Folder
		if start == "" {
			// A restored vault's folder, to confirm in one click.
			if start, err = db.UnconfirmedBackupFolder(ctx); err != nil {
				return BackupStatus{}, err
			}
		}
		path, err := b.s.fileDialogs().chooseFolder("Choose the folder for Tandem's backups", start)
		if err != nil {
			return BackupStatus{}, domain.Wrap(domain.EINTERNAL, "The folder dialog could not be opened.", err)
		}
		if path == "" {
			return BackupStatus{}, domain.Errorf(domain.ECANCELLED, "No folder was chosen.")
		}
		return b.s.setBackupFolder(ctx, db, path)
	})
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
	if st.Reachable {
		if id, err := s.vault.ID(); err == nil {
			files, _ := backup.Inspect(set.Folder, id, nil, s.now())
			for _, f := range files {
				if f.Owner == backup.OtherVault {
					st.OtherVault++
				} else if f.Future && f.Owner != backup.NotABackup {
					st.Future++
				}
			}
		}
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
	held, err := db.UnconfirmedBackupFolder(ctx)
	if err != nil {
		return BackupStatus{}, err
	}
	switch {
	case set.Folder == "" && held != "":
		st.RestoredFolder = held
		st.Reasons = append(st.Reasons, "confirm-folder")
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
	if st.OtherVault > 0 {
		st.Reasons = append(st.Reasons, "other-vault")
	}
	if st.Future > 0 {
		st.Reasons = append(st.Reasons, "future")
	}
	st.Level = "ok"
	if len(st.Reasons) > 0 {
		st.Level = "warning"
	}
	return st, nil
}

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
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	s.backups.mu.Lock()
	s.backups.running, s.backups.cancel = trigger, cancel
	s.backups.mu.Unlock()
	defer func() {
		s.backups.mu.Lock()
		s.backups.running, s.backups.cancel = "", nil
		s.backups.mu.Unlock()
	}()
	// A daily backup or Back up now that begins after a suspend's lock
	// (it took the keys just before) stops at once: cancelInFlight has
	// already looked for it.
	if trigger == triggerDaily || trigger == triggerNow {
		if s.vault == nil || s.vault.State() != vault.StateUnlocked {
			cancel()
		}
	}
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
