package app

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"tandem/backend/demo"
	"tandem/backend/domain"
	"tandem/backend/vault"
)

// A suspend stops a backup already being made (Back up now, or the daily
// one): suspend returns once it has ended and let go of its keys, no
// backup file is made after the lock, and the status says why.
func TestASuspendStopsABackupInFlight(t *testing.T) {
	bs := newBackupShell(t)
	db, err := bs.vault.DB()
	if err != nil {
		t.Fatal(err)
	}
	// Enough records that a backup takes a while.
	if _, err := demo.Seed(context.Background(), db, demo.Options{Clients: 6, Years: 2, Seed: 5, End: bs.now}); err != nil {
		t.Fatal(err)
	}
	// The lock's own backup would be made too; leave it out (automatic
	// backups off), so that the only backup in question is the one stopped.
	if _, err := bs.b.SaveSettings(domain.BackupSettings{Auto: false, KeepDaily: 7, KeepWeekly: 4, KeepMonthly: 12}); err != nil {
		t.Fatal(err)
	}
	type result struct {
		done BackupDone
		err  error
	}
	now := make(chan result, 1)
	go func() {
		d, err := bs.b.BackUpNow()
		now <- result{d, err}
	}()
	for {
		bs.backups.mu.Lock()
		running := bs.backups.running
		bs.backups.mu.Unlock()
		if running == triggerNow {
			break
		}
		select {
		case r := <-now:
			t.Fatalf("Back up now ended before the suspend: %+v %v", r.done, r.err)
		default:
		}
		time.Sleep(time.Millisecond)
	}
	bs.suspend()

	// suspend returned: nothing holds the keys for a backup any more.
	if !bs.backups.run.TryLock() {
		t.Fatal("a backup still runs after suspend returned")
	}
	bs.backups.run.Unlock()
	r := <-now
	if r.err == nil {
		t.Fatalf("the backup went on through the suspend: %+v", r.done)
	}
	if l := listBackups(t, bs.folder); len(l) != 0 {
		t.Fatalf("a backup was made across the suspend: %+v", l)
	}
	if _, err := NewVault(bs.Shell).Unlock(pass); err != nil {
		t.Fatal(err)
	}
	st := bs.status(t)
	if st.Failure == nil || st.Failure.Trigger != triggerNow || !strings.Contains(st.Failure.Message, "going to sleep") {
		t.Fatalf("failure: %+v", st.Failure)
	}
}

// A daily backup that took the database and the keys just before a
// suspend's lock, but had not begun, stops as it begins.
func TestABackupBegunAfterTheLockStopsAtOnce(t *testing.T) {
	bs := newBackupShell(t)
	// No lock backup: the only backup in question is the daily one.
	if _, err := bs.b.SaveSettings(domain.BackupSettings{Auto: false, KeepDaily: 7, KeepWeekly: 4, KeepMonthly: 12}); err != nil {
		t.Fatal(err)
	}
	// As checkDailyBackup does: the backup's turn, then the database and
	// a copy of the keys.
	bs.backups.run.Lock()
	db, err := bs.vault.DB()
	if err != nil {
		t.Fatal(err)
	}
	keys, err := bs.vault.BackupKeys()
	if err != nil {
		t.Fatal(err)
	}
	suspended := make(chan struct{})
	go func() {
		bs.suspend()
		close(suspended)
	}()
	for bs.vault.State() != vault.StateLocked {
		time.Sleep(time.Millisecond)
	}
	_, _, err = bs.makeBackup(context.Background(), db, keys, triggerDaily, nil)
	keys.Wipe()
	bs.backups.run.Unlock()
	<-suspended
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("a daily backup begun after the suspend's lock: %v", err)
	}
	if l := listBackups(t, bs.folder); len(l) != 0 {
		t.Fatalf("%+v", l)
	}
}
