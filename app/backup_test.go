package app

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"tandem/backend/backup"
	"tandem/backend/clock/clocktest"
	"tandem/backend/domain"
	"tandem/backend/storage"
	"tandem/backend/vault"
	"tandem/backend/vault/vaulttest"
)

// fakeDialogs answer the file dialogs as a therapist would have.
type fakeDialogs struct {
	mu                    sync.Mutex
	folder, open, save    string
	folders, opens, saves int
}

func (f *fakeDialogs) chooseFolder(string, string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.folders++
	return f.folder, nil
}

func (f *fakeDialogs) openFile(string, []runtime.FileFilter) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.opens++
	return f.open, nil
}

func (f *fakeDialogs) saveFile(string, string, []runtime.FileFilter) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.saves++
	return f.save, nil
}

// backupShell is a shell over a new, unlocked vault with one client, fake
// dialogs, a clock the test moves, and a backup folder chosen; it returns
// the recovery key too.
type backupShell struct {
	*Shell
	b           *Backup
	dlg         *fakeDialogs
	recoveryKey string
	folder      string
	now         time.Time
}

func newBackupShell(t *testing.T) *backupShell {
	t.Helper()
	root := t.TempDir()
	v, recoveryKey := vaulttest.Create(t, filepath.Join(root, "vault"), vaulttest.Options())
	bs := &backupShell{Shell: NewShell(v, nil, "test"), dlg: &fakeDialogs{}, recoveryKey: recoveryKey,
		folder: filepath.Join(root, "backups"), now: time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)}
	bs.Shell.now = func() time.Time { return bs.now }
	bs.Shell.dialogs = bs.dlg
	bs.b = NewBackup(bs.Shell)
	if _, err := NewClients(bs.Shell).Create(domain.Client{ChosenName: "Zoë Ñúñez-Øvergård", IntakeNote: "RECORD-CONTENT-MARKER"}); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(bs.folder, 0o700); err != nil {
		t.Fatal(err)
	}
	bs.dlg.folder = bs.folder
	if _, err := bs.b.ChooseFolder(); err != nil {
		t.Fatal(err)
	}
	return bs
}

func (bs *backupShell) status(t *testing.T) BackupStatus {
	t.Helper()
	st, err := bs.b.Status()
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func listBackups(t *testing.T, dir string) []backup.Listed {
	t.Helper()
	l, err := backup.List(dir)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func clientCount(t *testing.T, s *Shell) int {
	t.Helper()
	l, err := NewClients(s).List(domain.ClientFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return len(l)
}

func TestBackupFolderIsChosenByDialogOnly(t *testing.T) {
	bs := newBackupShell(t)
	st := bs.status(t)
	if st.Folder != bs.folder || !st.Reachable || !st.Auto {
		t.Fatalf("status after choosing the folder: %+v", st)
	}
	// The page cannot set the folder: SaveSettings keeps the stored one.
	saved, err := bs.b.SaveSettings(domain.BackupSettings{Folder: "/somewhere/else", Auto: false, KeepDaily: 3, KeepWeekly: 2, KeepMonthly: 1})
	if err != nil {
		t.Fatal(err)
	}
	if saved.Folder != bs.folder || saved.Auto || saved.KeepDaily != 3 {
		t.Fatalf("saved %+v", saved)
	}
	if _, err := bs.b.SaveSettings(domain.BackupSettings{KeepDaily: 0}); err == nil {
		t.Fatal("0 daily backups accepted")
	} else if code, field := errCode(t, err); code != domain.EINVALID || field != "keepDaily" {
		t.Fatalf("%s %s", code, field)
	}
	bs.dlg.folder = ""
	if code, _ := errCode(t, func() error { _, err := bs.b.ChooseFolder(); return err }()); code != domain.ECANCELLED {
		t.Fatalf("cancelled dialog: %s", code)
	}
	bs.dlg.folder = filepath.Join(bs.vault.Dir(), "inside")
	os.Mkdir(bs.dlg.folder, 0o700)
	if code, _ := errCode(t, func() error { _, err := bs.b.ChooseFolder(); return err }()); code != domain.EINVALID {
		t.Fatalf("folder inside the vault: %s", code)
	}
	if bs.status(t).Folder != bs.folder {
		t.Fatal("a refused folder replaced the chosen one")
	}
}

func TestBackUpNowAndTheStatus(t *testing.T) {
	bs := newBackupShell(t)
	st := bs.status(t)
	if st.Level != "warning" || strings.Join(st.Reasons, ",") != "never" {
		t.Fatalf("before any backup: %+v", st)
	}
	var steps []string
	db, _ := bs.vault.DB()
	keys, err := bs.vault.BackupKeys()
	if err != nil {
		t.Fatal(err)
	}
	bs.backups.run.Lock()
	_, _, err = bs.makeBackup(context.Background(), db, keys, triggerNow, func(p BackupProgress) { steps = append(steps, p.Step) })
	bs.backups.run.Unlock()
	keys.Wipe()
	if err != nil {
		t.Fatal(err)
	}
	joined := strings.Join(steps, " ")
	for _, want := range []string{"read", "write", "verify", "done"} {
		if !strings.Contains(joined, want) {
			t.Errorf("progress %q lacks %s", joined, want)
		}
	}

	bs.now = bs.now.Add(time.Hour)
	done, err := bs.b.BackUpNow()
	if err != nil {
		t.Fatal(err)
	}
	if done.Status.Level != "ok" || done.Status.LastFile != done.File || done.Status.LastAt != bs.now.Format(time.RFC3339) {
		t.Fatalf("after Back up now: %+v", done)
	}
	// The rotation keeps the newest of the day.
	if l := listBackups(t, bs.folder); len(l) != 1 || l[0].Name != done.File || done.Removed != 1 {
		t.Fatalf("folder holds %+v, %d removed", l, done.Removed)
	}
	if _, err := backup.Verify(context.Background(), filepath.Join(bs.folder, done.File), backup.Unlock{Passphrase: pass}); err != nil {
		t.Fatal(err)
	}

	bs.now = bs.now.Add(3*24*time.Hour + time.Minute)
	if st := bs.status(t); st.Level != "warning" || strings.Join(st.Reasons, ",") != "old" {
		t.Fatalf("four days later: %+v", st)
	}
	// The drive is unplugged: the status says so, a backup fails plainly
	// and the failure is remembered.
	moved := bs.folder + "-unplugged"
	if err := os.Rename(bs.folder, moved); err != nil {
		t.Fatal(err)
	}
	if st := bs.status(t); st.Reachable || strings.Join(st.Reasons, ",") != "unreachable,old" {
		t.Fatalf("unplugged: %+v", st)
	}
	if code, _ := errCode(t, func() error { _, err := bs.b.BackUpNow(); return err }()); code != domain.EINVALID {
		t.Fatalf("backup into a missing folder: %s", code)
	}
	st = bs.status(t)
	if st.Failure == nil || st.Failure.Trigger != triggerNow || !strings.Contains(st.Failure.Message, "connected") {
		t.Fatalf("failure not remembered: %+v", st.Failure)
	}
	os.Rename(moved, bs.folder)
	if _, err := bs.b.BackUpNow(); err != nil {
		t.Fatal(err)
	}
	if st := bs.status(t); st.Level != "ok" || st.Failure != nil {
		t.Fatalf("after a good backup again: %+v", st)
	}
}

// A backup folder shared with another vault (an old laptop and a new one,
// one drive): the home screen says so, and neither rotation removes the
// other's backups; a backup dated in the future is kept and reported.
func TestTheStatusTellsOfAnotherVaultsBackups(t *testing.T) {
	bs := newBackupShell(t)
	if _, err := bs.b.BackUpNow(); err != nil {
		t.Fatal(err)
	}
	other, _ := vaulttest.New(t)
	db, _ := other.DB()
	keys, err := other.BackupKeys()
	if err != nil {
		t.Fatal(err)
	}
	defer keys.Wipe()
	src := backup.Source{DB: db, Keys: keys, AppVersion: "test", Now: func() time.Time { return bs.now.Add(-time.Hour) }}
	if _, _, err := backup.CreateInDir(context.Background(), src, bs.folder, backup.Policy{Daily: 1}); err != nil {
		t.Fatal(err)
	}
	// A clock that was wrong: a backup of this vault dated next year.
	mine, _ := bs.vault.BackupKeys()
	future := backup.Source{DB: mustDB(t, bs.vault), Keys: mine, AppVersion: "test", Now: func() time.Time { return bs.now.AddDate(1, 0, 0) }}
	if _, _, err := backup.CreateInDir(context.Background(), future, bs.folder, backup.Policy{Daily: 1}); err != nil {
		t.Fatal(err)
	}
	mine.Wipe()
	bs.now = bs.now.Add(time.Hour)
	if _, err := bs.b.BackUpNow(); err != nil {
		t.Fatal(err)
	}
	st := bs.status(t)
	if st.OtherVault != 1 || st.Future != 1 || st.Level != "warning" || strings.Join(st.Reasons, ",") != "other-vault,future" {
		t.Fatalf("status %+v", st)
	}
	if l := listBackups(t, bs.folder); len(l) != 3 {
		t.Fatalf("the folder holds %d backups, want 3 (ours, the other vault's, the future one)", len(l))
	}
}

func mustDB(t *testing.T, v *vault.Vault) *storage.DB {
	t.Helper()
	db, err := v.DB()
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestRotationFollowsTheSettings(t *testing.T) {
	bs := newBackupShell(t)
	if _, err := bs.b.SaveSettings(domain.BackupSettings{Auto: true, KeepDaily: 2, KeepWeekly: 0, KeepMonthly: 0}); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		if _, err := bs.b.BackUpNow(); err != nil {
			t.Fatal(err)
		}
		bs.now = bs.now.Add(24 * time.Hour)
	}
	if l := listBackups(t, bs.folder); len(l) != 2 {
		t.Fatalf("kept %d backups, want 2 (2 daily)", len(l))
	}
}

// The daily backups kept are one for each of the therapist's days, as the
// app's clock counts them, whatever the computer's zone.
func TestRotationKeepsABackupForEachOfTheTherapistsDays(t *testing.T) {
	for _, c := range []struct{ name, midnight, zone string }{
		{"new year's eve in Los Angeles", "2027-01-01T00:00", "America/Los_Angeles"},
		{"a leap day in Auckland", "2028-02-29T00:00", "Pacific/Auckland"},
	} {
		t.Run("a backup at 23:50 is kept as its day's: "+c.name, func(t *testing.T) {
			bs := newBackupShell(t)
			if _, err := bs.b.SaveSettings(domain.BackupSettings{Auto: true, KeepDaily: 2, KeepWeekly: 0, KeepMonthly: 0}); err != nil {
				t.Fatal(err)
			}
			midnight := clocktest.Moment(t, c.midnight, c.zone)
			var made []string
			for _, at := range []time.Time{midnight.Add(-10 * time.Minute), midnight.Add(20 * time.Minute), midnight.Add(80 * time.Minute)} {
				bs.now = at
				done, err := bs.b.BackUpNow()
				if err != nil {
					t.Fatal(err)
				}
				made = append(made, done.File)
			}
			l := listBackups(t, bs.folder)
			if len(l) != 2 || l[0].Name != made[2] || l[1].Name != made[0] {
				t.Fatalf("kept %+v, want the newest and the one made before midnight (%s)", l, made[0])
			}
		})
	}
}

func TestLockAndQuitMakeAnAutomaticBackupAndNeverWaitForIt(t *testing.T) {
	bs := newBackupShell(t)
	bs.lock("manual")
	if bs.vault.State() != vault.StateLocked {
		t.Fatal("not locked at once")
	}
	bs.backups.wg.Wait()
	if l := listBackups(t, bs.folder); len(l) != 1 {
		t.Fatalf("%d backups after lock, want 1", len(l))
	}
	if _, err := NewVault(bs.Shell).Unlock(pass); err != nil {
		t.Fatal(err)
	}
	if st := bs.status(t); st.Level != "ok" {
		t.Fatalf("status after the lock's backup: %+v", st)
	}

	// Automatic backups off: locking makes none.
	if _, err := bs.b.SaveSettings(domain.BackupSettings{Auto: false, KeepDaily: 7, KeepWeekly: 4, KeepMonthly: 12}); err != nil {
		t.Fatal(err)
	}
	bs.now = bs.now.Add(time.Minute)
	bs.lock("idle")
	bs.backups.wg.Wait()
	if l := listBackups(t, bs.folder); len(l) != 1 {
		t.Fatalf("%d backups with automatic backups off", len(l))
	}

	// On again, and the folder unplugged: locking still locks, and the
	// failure is there after unlocking.
	NewVault(bs.Shell).Unlock(pass)
	bs.b.SaveSettings(domain.BackupSettings{Auto: true, KeepDaily: 7, KeepWeekly: 4, KeepMonthly: 12})
	os.Rename(bs.folder, bs.folder+"-gone")
	bs.lock("suspend")
	if bs.vault.State() != vault.StateLocked {
		t.Fatal("a failing backup held the lock up")
	}
	bs.backups.wg.Wait()
	NewVault(bs.Shell).Unlock(pass)
	st := bs.status(t)
	if st.Failure == nil || st.Failure.Trigger != triggerLock || !contains(st.Reasons, "failed") || !contains(st.Reasons, "unreachable") {
		t.Fatalf("status after a failed lock backup: %+v", st)
	}
	os.Rename(bs.folder+"-gone", bs.folder)

	// Quitting makes one too, and releases the vault.
	bs.now = bs.now.Add(time.Minute)
	bs.Shutdown(context.Background())
	if l := listBackups(t, bs.folder); len(l) != 1 || !l[0].Created.Equal(bs.now.Truncate(time.Second)) {
		t.Fatalf("no backup at quitting: %+v", l)
	}
	if _, err := vault.Open(bs.vault.Dir(), false, vaulttest.Options()); err != nil {
		t.Fatalf("the vault is still held after quitting: %v", err)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestDailyBackupWhileOpen(t *testing.T) {
	bs := newBackupShell(t)
	daily := func() {
		bs.checkDailyBackup()
		bs.backups.run.Lock() // waits for the backup it started
		bs.backups.run.Unlock()
	}
	daily()
	if l := listBackups(t, bs.folder); len(l) != 1 {
		t.Fatalf("%d backups, want the first daily one", len(l))
	}
	bs.now = bs.now.Add(2 * time.Hour)
	daily()
	if l := listBackups(t, bs.folder); len(l) != 1 {
		t.Fatalf("%d backups two hours later, want still 1", len(l))
	}
	bs.now = bs.now.Add(23 * time.Hour)
	daily()
	if l := listBackups(t, bs.folder); len(l) != 2 {
		t.Fatalf("%d backups a day later, want 2", len(l))
	}
	if st := bs.status(t); st.Level != "ok" {
		t.Fatalf("%+v", st)
	}
}

func TestVerifyAChosenFile(t *testing.T) {
	bs := newBackupShell(t)
	done, err := bs.b.BackUpNow()
	if err != nil {
		t.Fatal(err)
	}
	if code, _ := errCode(t, func() error { _, err := bs.b.Verify(BackupSecret{Passphrase: pass}); return err }()); code != domain.EINVALID {
		t.Fatalf("verify with no file chosen: %s", code)
	}
	bs.dlg.open = filepath.Join(bs.folder, done.File)
	chosen, err := bs.b.ChooseFile()
	if err != nil || chosen.Name != done.File || chosen.Folder != bs.folder {
		t.Fatalf("%+v %v", chosen, err)
	}
	for _, sec := range []BackupSecret{{Passphrase: pass}, {RecoveryKey: strings.ToLower(bs.recoveryKey)}} {
		rep, err := bs.b.Verify(sec)
		if err != nil {
			t.Fatal(err)
		}
		if !rep.OK || rep.Counts["clients"] != 1 || rep.AppVersion != "test" || rep.Created != bs.now.Format(time.RFC3339) || rep.File != done.File {
			t.Fatalf("report %+v", rep)
		}
	}
	if code, field := errCode(t, func() error { _, err := bs.b.Verify(BackupSecret{Passphrase: "not the passphrase at all"}); return err }()); code != domain.EWRONGSECRET || field != "passphrase" {
		t.Fatalf("wrong passphrase: %s %s", code, field)
	}

	// A damaged copy is a report in plain words, not an error.
	b, _ := os.ReadFile(filepath.Join(bs.folder, done.File))
	b[len(b)-100] ^= 1
	damaged := filepath.Join(t.TempDir(), "copy.age")
	os.WriteFile(damaged, b, 0o600)
	bs.dlg.open = damaged
	if _, err := bs.b.ChooseFile(); err != nil {
		t.Fatal(err)
	}
	rep, err := bs.b.Verify(BackupSecret{Passphrase: pass})
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK || rep.Code != domain.EBACKUPDAMAGED || rep.Problem == "" {
		t.Fatalf("damaged file: %+v", rep)
	}
	bs.dlg.open = ""
	if code, _ := errCode(t, func() error { _, err := bs.b.ChooseFile(); return err }()); code != domain.ECANCELLED {
		t.Fatalf("cancelled: %s", code)
	}
}

// chooseAndInspect picks path in the open dialog and verifies it with sec.
func (bs *backupShell) chooseAndInspect(t *testing.T, path string, sec BackupSecret) BackupReport {
	t.Helper()
	bs.dlg.open = path
	if _, err := bs.b.ChooseFile(); err != nil {
		t.Fatal(err)
	}
	rep, err := bs.b.Verify(sec)
	if err != nil || !rep.OK {
		t.Fatalf("%+v %v", rep, err)
	}
	return rep
}

func TestRestoreWithThePassphraseOverAnOpenVault(t *testing.T) {
	bs := newBackupShell(t)
	done, err := bs.b.BackUpNow()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(bs.folder, done.File)
	NewClients(bs.Shell).Create(domain.Client{ChosenName: "محمد"})
	if n := clientCount(t, bs.Shell); n != 2 {
		t.Fatal(n)
	}
	bs.dlg.open = file
	bs.b.ChooseFile()
	if code, _ := errCode(t, func() error { _, err := bs.b.Restore(BackupSecret{Passphrase: pass}, ""); return err }()); code != domain.EINVALID {
		t.Fatalf("restore before seeing the contents: %s", code)
	}
	if bs.vault.State() != vault.StateUnlocked {
		t.Fatal("a refused restore locked the vault")
	}
	bs.chooseAndInspect(t, file, BackupSecret{Passphrase: pass})
	if code, _ := errCode(t, func() error {
		_, err := bs.b.Restore(BackupSecret{Passphrase: "a different secret"}, "")
		return err
	}()); code != domain.EINVALID {
		t.Fatalf("restore with another secret than the one shown: %s", code)
	}
	bs.now = bs.now.Add(time.Minute)
	out, err := bs.b.Restore(BackupSecret{Passphrase: pass}, "")
	if err != nil {
		t.Fatal(err)
	}
	if out.Vault.State != string(vault.StateLocked) || out.Report.Counts["clients"] != 1 || out.Replaced == "" {
		t.Fatalf("%+v", out)
	}
	if _, err := os.Stat(filepath.Join(out.Replaced, vault.KeyFileName)); err != nil {
		t.Fatalf("the replaced vault was not kept: %v", err)
	}
	// Locking first made the automatic backup of the vault it replaced,
	// and its rotation kept the file being restored, of the same day.
	if l := listBackups(t, bs.folder); len(l) != 2 || !l[0].Created.Equal(bs.now) || l[1].Path != file {
		t.Fatalf("backups after the restore: %+v", l)
	}
	if _, err := NewVault(bs.Shell).Unlock(pass); err != nil {
		t.Fatal(err)
	}
	if n := clientCount(t, bs.Shell); n != 1 {
		t.Fatalf("%d clients after the restore, want 1", n)
	}
}

func TestRestoreWithTheRecoveryKeyNeedsANewPassphrase(t *testing.T) {
	bs := newBackupShell(t)
	done, err := bs.b.BackUpNow()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(bs.folder, done.File)
	sec := BackupSecret{RecoveryKey: bs.recoveryKey}
	bs.chooseAndInspect(t, file, sec)
	if code, field := errCode(t, func() error { _, err := bs.b.Restore(sec, ""); return err }()); code != domain.EINVALID || field != "newPassphrase" {
		t.Fatalf("no new passphrase: %s %s", code, field)
	}
	if code, field := errCode(t, func() error { _, err := bs.b.Restore(sec, "short"); return err }()); code != domain.EWEAKPASSPHRASE || field != "newPassphrase" {
		t.Fatalf("weak new passphrase: %s %s", code, field)
	}
	if bs.vault.State() != vault.StateUnlocked {
		t.Fatal("a refused restore locked the vault")
	}
	const next = "amber quartz willow drum"
	if _, err := bs.b.Restore(sec, next); err != nil {
		t.Fatal(err)
	}
	if _, err := NewVault(bs.Shell).Unlock(pass); err == nil {
		t.Fatal("the old passphrase still opens the restored vault")
	}
	if _, err := NewVault(bs.Shell).Unlock(next); err != nil {
		t.Fatal(err)
	}
	// The Recovery Kit the therapist has still opens it.
	bs.lock("manual")
	bs.backups.wg.Wait()
	if err := bs.vault.VerifyPassphrase(next); err != nil {
		t.Fatal(err)
	}
	if _, err := NewVault(bs.Shell).UnlockWithRecoveryKey(bs.recoveryKey); err != nil {
		t.Fatal(err)
	}
}

func TestRestoreOnAFreshInstall(t *testing.T) {
	old := newBackupShell(t)
	done, err := old.b.BackUpNow()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(old.folder, done.File)

	v, err := vault.Open(filepath.Join(t.TempDir(), "new-laptop", "vault"), true, vaulttest.Options())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { v.Close() })
	s := NewShell(v, nil, "test")
	dlg := &fakeDialogs{open: file}
	s.dialogs = dlg
	b := NewBackup(s)
	if st, _ := s.status(context.Background()); st.State != string(vault.StateAbsent) {
		t.Fatal(st.State)
	}
	if _, err := b.ChooseFile(); err != nil {
		t.Fatal(err)
	}
	rep, err := b.Verify(BackupSecret{Passphrase: pass})
	if err != nil || rep.Counts["clients"] != 1 {
		t.Fatalf("%+v %v", rep, err)
	}
	out, err := b.Restore(BackupSecret{Passphrase: pass}, "")
	if err != nil {
		t.Fatal(err)
	}
	if out.Vault.State != string(vault.StateLocked) || out.Replaced != "" {
		t.Fatalf("%+v", out)
	}
	if _, err := NewVault(s).Unlock(pass); err != nil {
		t.Fatal(err)
	}
	if n := clientCount(t, s); n != 1 {
		t.Fatalf("%d clients", n)
	}
	// The restored vault's backup folder (another computer's drive, or one
	// a crafted backup chose) is not used until the therapist chooses it
	// again; the dialog starts there.
	st, err := b.Status()
	if err != nil || st.Folder != "" || st.RestoredFolder != old.folder || !slices.Contains(st.Reasons, "confirm-folder") {
		t.Fatalf("%+v %v", st, err)
	}
	if _, err := b.BackUpNow(); err == nil {
		t.Fatal("a backup went into the restored vault's folder before it was chosen again")
	}
	dlg.folder = old.folder
	st, err = b.ChooseFolder()
	if err != nil || st.Folder != old.folder || st.RestoredFolder != "" || slices.Contains(st.Reasons, "confirm-folder") {
		t.Fatalf("after choosing it again: %+v %v", st, err)
	}
}

func TestExportThroughTheSaveDialog(t *testing.T) {
	bs := newBackupShell(t)
	dir := t.TempDir()
	bs.dlg.save = filepath.Join(dir, "all.json")
	out, err := bs.b.Export(0)
	if err != nil || out.Path != bs.dlg.save {
		t.Fatalf("%+v %v", out, err)
	}
	var doc struct {
		Format string                       `json:"format"`
		Scope  string                       `json:"scope"`
		Tables map[string][]json.RawMessage `json:"tables"`
	}
	b, _ := os.ReadFile(out.Path)
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Format != backup.ExportFormat || doc.Scope != "vault" || len(doc.Tables["clients"]) != 1 {
		t.Fatalf("export: %s %s %d", doc.Format, doc.Scope, len(doc.Tables["clients"]))
	}
	if code, _ := errCode(t, func() error { _, err := bs.b.Export(0); return err }()); code != domain.EEXISTS {
		t.Fatalf("export over an existing file: %s", code)
	}
	list, _ := NewClients(bs.Shell).List(domain.ClientFilter{})
	bs.dlg.save = filepath.Join(dir, "one.json")
	if _, err := bs.b.Export(list[0].ID); err != nil {
		t.Fatal(err)
	}
	b, _ = os.ReadFile(bs.dlg.save)
	if !strings.Contains(string(b), `"scope": "client"`) {
		t.Fatal("not a client export")
	}
	bs.dlg.save = ""
	if code, _ := errCode(t, func() error { _, err := bs.b.Export(0); return err }()); code != domain.ECANCELLED {
		t.Fatalf("cancelled: %s", code)
	}
}

func TestBackupBindingsRefuseInCoCreationMode(t *testing.T) {
	bs := newBackupShell(t)
	list, _ := NewClients(bs.Shell).List(domain.ClientFilter{})
	if _, err := NewCoCreation(bs.Shell).Enter(list[0].ID); err != nil {
		t.Fatal(err)
	}
	for name, call := range map[string]func() error{
		"status":      func() error { _, err := bs.b.Status(); return err },
		"back up now": func() error { _, err := bs.b.BackUpNow(); return err },
		"folder":      func() error { _, err := bs.b.ChooseFolder(); return err },
		"export":      func() error { _, err := bs.b.Export(0); return err },
		"verify":      func() error { _, err := bs.b.Verify(BackupSecret{Passphrase: pass}); return err },
		"restore":     func() error { _, err := bs.b.Restore(BackupSecret{Passphrase: pass}, ""); return err },
	} {
		if code, _ := errCode(t, call()); code != ECOCREATION {
			t.Errorf("%s: %q", name, code)
		}
	}
}

func TestLockedVaultRefusesBackupNow(t *testing.T) {
	bs := newBackupShell(t)
	bs.lock("manual")
	bs.backups.wg.Wait()
	if code, _ := errCode(t, func() error { _, err := bs.b.BackUpNow(); return err }()); code != domain.ELOCKED {
		t.Fatalf("%s", code)
	}
}

func TestASuspendBackupThatCannotFinishInTimeIsAbandoned(t *testing.T) {
	bs := newBackupShell(t)
	old := suspendBackupTimeout
	suspendBackupTimeout = time.Nanosecond
	t.Cleanup(func() { suspendBackupTimeout = old })
	bs.lock("suspend")
	bs.backups.wg.Wait()
	if l := listBackups(t, bs.folder); len(l) != 0 {
		t.Fatalf("a backup was made after its time: %+v", l)
	}
	if tmps, _ := filepath.Glob(filepath.Join(bs.folder, ".tandem-backup-*")); len(tmps) != 0 {
		t.Fatalf("left behind: %v", tmps)
	}
	if _, err := NewVault(bs.Shell).Unlock(pass); err != nil {
		t.Fatal(err)
	}
	st := bs.status(t)
	if st.Failure == nil || !strings.Contains(st.Failure.Message, "did not finish in time") {
		t.Fatalf("failure: %+v", st.Failure)
	}
}
