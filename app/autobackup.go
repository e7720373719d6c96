package app

import (
	"context"
	"log"
	"time"

	"tandem/backend/storage"
	"tandem/backend/vault"
)

var (
	// lockBackupTimeout bounds a backup made at lock or quit. At suspend
	// the computer waits for it only as long as logind allows (5 seconds by
	// default), so it is abandoned sooner, and the keys dropped, before the
	// computer sleeps (see watchSuspend).
	lockBackupTimeout    = 10 * time.Minute
	suspendBackupTimeout = 4 * time.Second
)

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

// cancelInFlight stops a daily backup or Back up now being made (a lock's
// own backup is left to its timeout). Called after the vault is locked, so
// no other can begin (makeBackup).
func (s *Shell) cancelInFlight() {
	s.backups.mu.Lock()
	defer s.backups.mu.Unlock()
	if s.backups.cancel != nil && (s.backups.running == triggerDaily || s.backups.running == triggerNow) {
		s.backups.cancel()
	}
}

// suspend is what happens when the computer is about to sleep: the vault
// locks, a backup being made is stopped, and suspend returns once every
// copy of the keys is gone: the lock's own backup has ended (within
// suspendBackupTimeout) and the stopped one has let go of its keys.
func (s *Shell) suspend() {
	s.lock("suspend")
	s.cancelInFlight()
	s.backups.wg.Wait()
	// Whatever held the keys for a backup wiped them before it let go.
	s.backups.run.Lock()
	s.backups.run.Unlock()
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
