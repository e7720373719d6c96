package app

import (
	"context"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"tandem/backend/domain"
	"tandem/backend/vault"
)

// Shell owns what the bound structs share: the vault, the window's context,
// the vault being created, and the idle timer. Bound structs hold a pointer
// to it; it is built once in main and wired into wails.Run.
type Shell struct {
	vault   *vault.Vault
	openErr error // why the vault folder could not be taken, shown at start
	version string

	ctx context.Context

	mu           sync.Mutex
	pending      *vault.Pending     // a vault being created, or
	newRecovery  *vault.NewRecovery // a replacement recovery key; at most one of the two
	keySaved     bool               // the pending recovery key was saved to a file
	keyConfirmed bool               // or re-typed after copying
	copiedKey    string
	lastActivity time.Time
	autoLock     time.Duration
	stopIdle     chan struct{}
	coClient     int64 // the client in co-creation mode, 0 when off
	coPreview    bool  // the mode is the therapist's read-only preview of it
	pinTries     int   // wrong PINs since co-creation mode began

	selftest *selfTest
	now      func() time.Time
	prints   *printFolder // packets opened for printing; emptied at lock and quit

	dialogs dialogs     // set by tests; else see fileDialogs
	clip    clipboard   // set by tests; else see clipboard
	backups backupState // see backup.go
}

// NewShell returns the shell for v. openErr, when v is nil, says why the
// vault folder could not be opened; the window shows it and quits. The
// shell keeps time by the vault's clock (package clock).
func NewShell(v *vault.Vault, openErr error, version string) *Shell {
	now := time.Now
	if v != nil {
		now = v.Clock()
	}
	return &Shell{vault: v, openErr: openErr, version: version, now: now,
		autoLock: domain.DefaultAutoLockMinutes * time.Minute, prints: newPrintFolder()}
}

// Startup is wails' OnStartup.
func (s *Shell) Startup(ctx context.Context) {
	s.ctx = ctx
	s.prints.empty() // left over from a crash
	s.touch()
	if s.selftest != nil {
		s.selftest.printf("SELFTEST TIMING startup_ms=%d", time.Since(s.selftest.started).Milliseconds())
	}
	if s.vault != nil {
		s.vault.OnRekeyProgress(func(done, total int64) {
			s.emit("vault:rekey-progress", RekeyProgress{Done: done, Total: total})
		})
	}
	s.stopIdle = make(chan struct{})
	go s.idleLoop()
	s.watchSuspend()
}

// DomReady is wails' OnDomReady.
func (s *Shell) DomReady(ctx context.Context) {
	if s.openErr != nil {
		runtime.MessageDialog(ctx, runtime.MessageDialogOptions{
			Type: runtime.ErrorDialog, Title: "Tandem cannot open its vault", Message: domain.ErrorMessage(s.openErr),
		})
		runtime.Quit(ctx)
		return
	}
	if s.selftest != nil {
		s.selftest.start(ctx, s.now().Format(time.DateOnly))
	}
}

// Shutdown is wails' OnShutdown: lock the vault (with its automatic
// backup, which a failure never holds up) and release it.
func (s *Shell) Shutdown(ctx context.Context) {
	if s.stopIdle != nil {
		close(s.stopIdle)
	}
	s.mu.Lock()
	s.pending.Discard()
	s.newRecovery.Discard()
	s.pending, s.newRecovery = nil, nil
	copied := s.copiedKey
	s.copiedKey = ""
	s.mu.Unlock()
	// A recovery key copied and not yet put in place leaves with Tandem.
	s.clearCopiedKey(copied)
	if s.vault != nil {
		if db, keys := s.vault.Detach(); db != nil {
			s.backups.wg.Add(1)
			s.lastBackup(db, keys, triggerQuit)
		}
		s.backups.wg.Wait()
		s.backups.run.Lock() // no backup, restore or export is left running
		s.vault.Close()
		s.backups.run.Unlock()
	}
	s.prints.empty()
}

// touch records activity, restarting the idle countdown.
func (s *Shell) touch() {
	s.mu.Lock()
	s.lastActivity = s.now()
	s.mu.Unlock()
}

func (s *Shell) setAutoLock(minutes int) {
	s.mu.Lock()
	s.autoLock = time.Duration(minutes) * time.Minute
	s.mu.Unlock()
}

func (s *Shell) idleLoop() {
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-s.stopIdle:
			return
		case <-tick.C:
			s.checkIdle()
			s.checkDailyBackup()
		}
	}
}

// checkIdle locks the vault when it has been unlocked and idle for longer
// than the auto-lock time.
func (s *Shell) checkIdle() {
	// The state first: State waits while an unlock derives its key, and
	// the unlock records activity before it returns, so the idle time read
	// after it is never a stale one.
	if s.vault == nil || s.vault.State() != vault.StateUnlocked {
		return
	}
	s.mu.Lock()
	idle := s.now().Sub(s.lastActivity)
	limit := s.autoLock
	s.mu.Unlock()
	if idle >= limit {
		s.lock("idle")
	}
}

// lock locks the vault and tells the page why. The vault is locked at once;
// its database is closed after the automatic backup, made in the
// background (see lastBackup), whose failure never holds the lock up.
func (s *Shell) lock(reason string) {
	if s.vault == nil {
		return
	}
	s.lockQuietly(reason)
	s.emit("vault:locked", map[string]string{"reason": reason})
}

// lockQuietly is lock without telling the page.
func (s *Shell) lockQuietly(reason string) {
	if db, keys := s.vault.Detach(); db != nil {
		s.backups.wg.Add(1)
		go s.lastBackup(db, keys, "lock:"+reason)
	}
	s.prints.empty()
	s.mu.Lock()
	s.coClient, s.coPreview, s.pinTries = 0, false, 0 // unlocking needs the passphrase anyway
	s.mu.Unlock()
	s.forgetNewRecovery() // a replacement key not yet put in place
}

// emit sends an event to the page, when there is a window (tests have none).
func (s *Shell) emit(name string, data any) {
	if s.ctx != nil {
		runtime.EventsEmit(s.ctx, name, data)
	}
}
