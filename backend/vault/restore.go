package vault

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"filippo.io/age"
	"github.com/gofrs/flock"

	"tandem/backend/domain"
	"tandem/backend/storage"
)

// This file is the vault's side of restoring a backup (package backup does
// the reading): a staging folder beside the vault folder, the restored key
// file, and the atomic swap. See docs/backup-format.md, section 5.
//
// At every moment the vault folder's path holds either the old vault or the
// new one, complete. On Linux the two folders are exchanged in one
// renameat2(RENAME_EXCHANGE). Elsewhere (or on a file system that refuses
// it) the staging folder is first renamed to ".NAME.restore-ready", which
// marks it complete, then the old folder is moved aside and the ready one
// moved into place; Open finishes that last move if the process died
// between the two.

const (
	stagingInfix = ".restore-"
	readySuffix  = ".restore-ready"
)

func stagingPrefix(target string) string {
	return filepath.Join(filepath.Dir(target), "."+filepath.Base(target)+stagingInfix)
}

func readyPath(target string) string {
	return filepath.Join(filepath.Dir(target), "."+filepath.Base(target)+readySuffix)
}

// finishInterruptedRestore moves a complete restored vault into place when
// a restore stopped after moving the old vault aside.
func finishInterruptedRestore(target string) {
	if _, err := os.Lstat(target); !errors.Is(err, os.ErrNotExist) {
		return
	}
	ready := readyPath(target)
	if fi, err := os.Lstat(ready); err == nil && fi.IsDir() {
		if os.Rename(ready, target) == nil {
			syncDir(filepath.Dir(target))
		}
	}
}

// stamp names a dated copy: 2026-11-25T100000Z.
func stamp(t time.Time) string { return t.UTC().Format("2006-01-02T150405Z") }

// keepAside renames dir to a free name NAME.LABEL-DATE beside target and
// returns it.
func keepAside(dir, target, label string, now time.Time) (string, error) {
	base := filepath.Join(filepath.Dir(target), filepath.Base(target)+"."+label+"-"+stamp(now))
	name := base
	for i := 2; ; i++ {
		if _, err := os.Lstat(name); errors.Is(err, os.ErrNotExist) {
			break
		}
		name = fmt.Sprintf("%s-%d", base, i)
	}
	if err := os.Rename(dir, name); err != nil {
		return "", err
	}
	return name, nil
}

// tidyStaging deals with what an interrupted restore left beside target:
// a staging folder holding a key file may hold a complete vault (the new
// one not yet swapped in, or, after an exchange, the old one), so it is
// kept as NAME.interrupted-DATE; one without is incomplete and removed.
func tidyStaging(target string, now time.Time) {
	matches, _ := filepath.Glob(stagingPrefix(target) + "*")
	for _, m := range matches {
		if _, err := os.Lstat(filepath.Join(m, KeyFileName)); err == nil {
			keepAside(m, target, "interrupted", now)
		} else {
			os.RemoveAll(m)
		}
	}
}

// NewStaging makes a new, empty staging folder (mode 0700) beside the
// vault folder, after tidying what an interrupted restore left there.
func (v *Vault) NewStaging() (string, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	tidyStaging(v.dir, v.opts.Now())
	b := make([]byte, 8)
	rand.Read(b)
	dir := stagingPrefix(v.dir) + hex.EncodeToString(b)
	if err := os.Mkdir(dir, 0o700); err != nil {
		return "", domain.Wrap(domain.EINTERNAL, "Tandem could not make a folder beside the vault to restore into. Check that the disk is writable and has room.", err)
	}
	return dir, nil
}

// WriteRestoredKeyFile writes the key file of a vault restored from a
// backup into a staging folder: the backup's key file (its vault id, its
// recovery recipient), with both slots sealing dataKey, the restored
// vault's fresh data key, the passphrase slot under passphrase (a new one,
// which the caller has checked, or the one that opened the backup), and
// authenticated as a version 2 file. The Recovery Kit of the backup's day
// therefore opens the restored vault; the restored database's anchor must
// be RestoredAnchor's.
func (v *Vault) WriteRestoredKeyFile(staging string, keyFileBytes, dataKey []byte, passphrase string) error {
	kf, err := parseKeyFile(keyFileBytes)
	if err != nil {
		return err
	}
	recipient, err := age.ParseX25519Recipient(kf.Recovery.Recipient)
	if err != nil {
		return damaged("recovery slot recipient", err)
	}
	if kf.Passphrase, err = sealPassphraseSlot(kf.VaultID, dataKey, passphrase, v.kdfParams(), v.opts.Now()); err != nil {
		return err
	}
	if kf.Recovery, err = sealRecoverySlot(dataKey, recipient); err != nil {
		return err
	}
	kf.seal(dataKey)
	_, err = writeKeyFile(staging, kf, false)
	return err
}

// RestoredAnchor is the anchor (storage.KeyAnchor) of a vault restored
// with the key file keyFileBytes: what WriteRestoredKeyFile writes.
func RestoredAnchor(keyFileBytes []byte) (storage.KeyAnchor, error) {
	kf, err := parseKeyFile(keyFileBytes)
	if err != nil {
		return storage.KeyAnchor{}, err
	}
	kf.Version = keyFileVersion
	return anchorOf(kf), nil
}

// exchangeDirs swaps two folders atomically where the platform can; it
// returns errExchangeUnsupported where it cannot.
var exchangeDirs = renameExchange

var errExchangeUnsupported = errors.New("atomic exchange not supported")

// ReplaceWith swaps the complete vault in staging into this vault's folder
// and returns where the replaced vault was kept (NAME.replaced-DATE beside
// it), or "" when the folder held no vault. The vault must be locked; it
// stays locked, now on the new vault, and this process holds the folder
// again once the swap is done. On error the old vault is in place, unless
// the error says otherwise.
//
// Every handle in both folders is closed before anything is renamed (the
// lock file's is the only one a locked vault keeps), on every platform:
// Windows refuses to rename a folder with a file open in it, and one code
// path is one path tested. The folder is held again at once after; another
// Tandem that opened the vault in that moment keeps it, and the restore
// says so.
func (v *Vault) ReplaceWith(staging string) (string, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.db != nil {
		return "", domain.Errorf(domain.EINTERNAL, "Lock the vault before restoring over it.")
	}
	hasOld := v.stateLocked() != StateAbsent
	parent := filepath.Dir(v.dir)
	syncDir(staging)
	syncDir(parent)
	if err := v.lock.Unlock(); err != nil {
		return "", domain.Wrap(domain.EINTERNAL, "Tandem could not let go of the vault folder to swap it.", err)
	}
	swapStep("handles closed")
	err := exchangeDirs(staging, v.dir)
	if err == nil {
		syncDir(parent)
		swapStep("exchanged")
	} else if errors.Is(err, errExchangeUnsupported) {
		if err = v.replaceInSteps(staging, hasOld); err == nil {
			staging = "" // the old vault was moved aside already
		}
	} else {
		err = domain.Wrap(domain.EINTERNAL, "Tandem could not swap the restored vault into place; the vault is unchanged.", err)
	}
	// Hold the folder again: the new vault, or the old one after a failure.
	v.lock = flock.New(filepath.Join(v.dir, LockFileName), flock.SetPermissions(0o600))
	if ok, lerr := v.lock.TryLock(); lerr != nil || !ok {
		if err == nil {
			err = domain.Errorf(domain.EVAULTBUSY, "The backup was restored, but another Tandem window or command opened the vault meanwhile. Close Tandem everywhere and open it again.")
		} else {
			err = errors.Join(err, domain.Errorf(domain.EVAULTBUSY, "Another Tandem window or command opened the vault meanwhile."))
		}
	}
	if err != nil {
		return "", err
	}
	if staging == "" {
		return v.replacedName, nil
	}
	// staging now holds the old vault.
	if !hasOld {
		os.RemoveAll(staging)
		return "", nil
	}
	kept, err := keepAside(staging, v.dir, "replaced", v.opts.Now())
	if err != nil {
		return staging, nil // still kept, under its staging name
	}
	syncDir(parent)
	swapStep("kept")
	return kept, nil
}

// replaceInSteps is the swap without an atomic exchange.
func (v *Vault) replaceInSteps(staging string, hasOld bool) error {
	ready := readyPath(v.dir)
	os.RemoveAll(ready + ".gone")
	if _, err := os.Lstat(ready); err == nil {
		if err := os.Rename(ready, ready+".gone"); err != nil {
			return domain.Wrap(domain.EINTERNAL, "An earlier restore left a folder Tandem could not move: "+ready, err)
		}
		os.RemoveAll(ready + ".gone")
	}
	if err := os.Rename(staging, ready); err != nil {
		return domain.Wrap(domain.EINTERNAL, "Tandem could not prepare the restored vault; the vault is unchanged.", err)
	}
	parent := filepath.Dir(v.dir)
	syncDir(parent)
	swapStep("ready")
	v.replacedName = ""
	if hasOld {
		kept, err := keepAside(v.dir, v.dir, "replaced", v.opts.Now())
		if err != nil {
			os.Rename(ready, staging)
			return domain.Wrap(domain.EINTERNAL, "Tandem could not move the old vault aside; the vault is unchanged.", err)
		}
		v.replacedName = kept
	} else {
		gone := stagingPrefix(v.dir) + "empty"
		os.RemoveAll(gone)
		if err := os.Rename(v.dir, gone); err != nil {
			os.Rename(ready, staging)
			return domain.Wrap(domain.EINTERNAL, "Tandem could not replace the vault folder; it is unchanged.", err)
		}
		defer os.RemoveAll(gone)
	}
	syncDir(parent)
	swapStep("moved aside")
	if err := os.Rename(ready, v.dir); err != nil {
		_, errReady := os.Lstat(ready)
		if _, errKey := os.Lstat(filepath.Join(v.dir, KeyFileName)); errKey == nil && errors.Is(errReady, os.ErrNotExist) {
			return nil // another process finished the move (Open does)
		}
		return domain.Wrap(domain.EINTERNAL, "Tandem could not move the restored vault into place. It is complete in "+ready+" and will be moved when Tandem next opens the vault.", err)
	}
	syncDir(parent)
	return nil
}

// swapStep is told of each step of a swap (tests kill the process there).
var swapStep = func(step string) {}

// SetSwapStepHook has fn called after each step of ReplaceWith's swap until
// the calling test ends. For tests only.
func SetSwapStepHook(t interface{ Cleanup(func()) }, fn func(step string)) {
	swapStep = fn
	t.Cleanup(func() { swapStep = func(string) {} })
}

// ForceStepwiseSwap makes ReplaceWith swap in steps, as where there is no
// atomic exchange, until the calling test ends. For tests only.
func ForceStepwiseSwap(t interface{ Cleanup(func()) }) {
	exchangeDirs = func(a, b string) error { return errExchangeUnsupported }
	t.Cleanup(func() { exchangeDirs = renameExchange })
}
