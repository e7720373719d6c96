package vault

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"filippo.io/age"
	"github.com/gofrs/flock"

	"tandem/backend/domain"
	"tandem/backend/storage"
)

// Options tune a Vault. The zero value is right for production.
type Options struct {
	// KDF, when set, is used for new passphrase slots instead of
	// calibrating on this machine. Tests use cheap parameters here.
	KDF *KDFParams
	// Now replaces time.Now.
	Now func() time.Time
	// BeforeMigrate, when set, is called by an unlock that finds the
	// database at an older schema than this build's (a vault made by an
	// earlier Tandem), before any migration is applied. An error stops the
	// unlock and leaves the database as it was.
	BeforeMigrate MigrationHook
}

// MigrationHook is Options.BeforeMigrate (backup.BeforeMigration makes one
// that backs the vault up).
type MigrationHook func(ctx context.Context, m Migration) error

// Migration is a vault about to be migrated, as its MigrationHook sees it.
type Migration struct {
	DB       *storage.DB // open at the old schema
	Keys     *BackupKeys // the vault's backup keys, wiped after the hook
	From, To int         // the database's schema version, and this build's
	Dir      string      // the vault folder
}

// Vault is one vault folder, held open by this process.
type Vault struct {
	dir  string
	opts Options
	lock *flock.Flock

	mu                sync.Mutex
	db                *storage.DB
	dataKey           []byte
	keyFile           []byte // the key file as checked at unlock, or as this process last wrote it
	mustSetPassphrase bool
	lastKDF           time.Duration
	replacedName      string // where ReplaceWith kept the old vault

	rekeyProgress atomic.Pointer[func(done, total int64)] // OnRekeyProgress
}

// OnRekeyProgress sets who is told how far a re-encryption is (a new
// passphrase, a new recovery key: rekey.go), in bytes of the database
// file; the app shows it. fn is called from another goroutine, now and
// then and once at the end (done = total). nil stops the reports.
func (v *Vault) OnRekeyProgress(fn func(done, total int64)) {
	if fn == nil {
		v.rekeyProgress.Store(nil)
		return
	}
	v.rekeyProgress.Store(&fn)
}

// reportRekey passes a re-encryption's progress on (OnRekeyProgress).
func (v *Vault) reportRekey(done, total int64) {
	if fn := v.rekeyProgress.Load(); fn != nil {
		(*fn)(done, total)
	}
}

// ID is the vault's id: from the key file checked at unlock, or, locked,
// as its key file on disk says (unchecked: enough to tell its backups from
// another vault's by their headers, never to trust them).
func (v *Vault) ID() (string, error) {
	v.mu.Lock()
	b := v.keyFile
	v.mu.Unlock()
	if b == nil {
		var err error
		if b, err = readKeyFileBytes(v.dir); err != nil {
			return "", err
		}
	}
	kf, err := parseKeyFile(b)
	if err != nil {
		return "", err
	}
	return kf.VaultID, nil
}

// Clock is the vault's clock (Options.Now), which also stamps its
// database's records.
func (v *Vault) Clock() func() time.Time { return v.opts.Now }

// State is where a vault stands.
type State string

const (
	StateAbsent   State = "absent"   // no key file yet
	StateLocked   State = "locked"   // key file present, keys not in memory
	StateUnlocked State = "unlocked" // database open
)

// Open takes the vault folder dir for this process. With create, a missing
// folder is made (mode 0700); without it a missing folder is ENOVAULT.
// A folder held by another Tandem process returns EVAULTBUSY. Open never
// writes to an existing vault; it only tightens the folder's permissions.
func Open(dir string, create bool, opts Options) (*Vault, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("vault folder: %w", err)
	}
	finishInterruptedRestore(abs)
	fi, err := os.Stat(abs)
	switch {
	case errors.Is(err, os.ErrNotExist) && create:
		if err := os.MkdirAll(abs, 0o700); err != nil {
			return nil, domain.Wrap(domain.EINTERNAL, "Tandem could not create its vault folder "+abs+". Check that the disk is writable.", err)
		}
	case errors.Is(err, os.ErrNotExist):
		return nil, domain.Errorf(domain.ENOVAULT, "There is no Tandem vault in %s.", abs)
	case err != nil:
		return nil, domain.Wrap(domain.EINTERNAL, "Tandem could not open the vault folder "+abs+".", err)
	case !fi.IsDir():
		return nil, domain.Errorf(domain.EINVALID, "%s is a file, not a folder.", abs)
	}
	if runtime.GOOS != "windows" {
		os.Chmod(abs, 0o700)
	}
	lk := flock.New(filepath.Join(abs, LockFileName), flock.SetPermissions(0o600))
	ok, err := lk.TryLock()
	if err != nil {
		return nil, domain.Wrap(domain.EINTERNAL, "Tandem could not lock its vault folder "+abs+".", err)
	}
	if !ok {
		return nil, domain.Errorf(domain.EVAULTBUSY, "This vault is already open in another Tandem window or command. Close it there first (only one may use the vault at a time).")
	}
	// A change of data key that a crash interrupted is finished or undone
	// now, by the one process that holds the folder (rekey.go).
	if err := finishRekey(abs); err != nil {
		lk.Unlock()
		return nil, err
	}
	return &Vault{dir: abs, opts: opts, lock: lk}, nil
}

// Dir returns the vault folder's absolute path.
func (v *Vault) Dir() string { return v.dir }

// State returns where the vault stands.
func (v *Vault) State() State {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.stateLocked()
}

func (v *Vault) stateLocked() State {
	if v.db != nil {
		return StateUnlocked
	}
	if _, err := os.Lstat(filepath.Join(v.dir, KeyFileName)); err == nil {
		return StateLocked
	}
	return StateAbsent
}

// MustSetPassphrase reports that the vault was opened with the recovery key
// and a new passphrase is needed before anything else.
func (v *Vault) MustSetPassphrase() bool {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.mustSetPassphrase
}

// LastKeyDerivation is how long the last passphrase derivation took.
func (v *Vault) LastKeyDerivation() time.Duration {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.lastKDF
}

// Pending is a vault being created: keys exist in memory only, until Commit.
type Pending struct {
	kf          *keyFile
	dataKey     []byte
	recoveryKey string
}

// RecoveryKey is the recovery secret (AGE-SECRET-KEY-1…). It is never stored.
func (p *Pending) RecoveryKey() string { return p.recoveryKey }

// Discard wipes the pending keys.
func (p *Pending) Discard() {
	if p != nil {
		wipe(p.dataKey)
	}
}

// Prepare makes the keys of a new vault in memory: a random data key, a new
// recovery identity, and both slots. The passphrase must pass
// domain.CheckPassphrase (EWEAKPASSPHRASE otherwise). Nothing is written.
func (v *Vault) Prepare(passphrase string) (*Pending, error) {
	if err := checkNew(passphrase, "passphrase"); err != nil {
		return nil, err
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.stateLocked() != StateAbsent {
		return nil, domain.Errorf(domain.EEXISTS, "A vault already exists in %s; Tandem never overwrites one.", v.dir)
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, err
	}
	dataKey := make([]byte, dataKeySize)
	if _, err := rand.Read(dataKey); err != nil {
		return nil, err
	}
	vaultID, err := newVaultID()
	if err != nil {
		return nil, err
	}
	now := v.opts.Now()
	pslot, err := sealPassphraseSlot(vaultID, dataKey, passphrase, v.kdfParams(), now)
	if err != nil {
		return nil, err
	}
	rslot, err := sealRecoverySlot(dataKey, id.Recipient())
	if err != nil {
		return nil, err
	}
	kf := &keyFile{Format: keyFileFormat, VaultID: vaultID,
		Created: now.UTC().Format(time.RFC3339), Passphrase: pslot, Recovery: rslot}
	kf.seal(dataKey)
	return &Pending{kf: kf, dataKey: dataKey, recoveryKey: id.String()}, nil
}

// Commit writes the pending vault (database first, then the key file, so a
// folder with a key file always has its database) and leaves it unlocked.
func (v *Vault) Commit(ctx context.Context, p *Pending) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.stateLocked() != StateAbsent {
		return domain.Errorf(domain.EEXISTS, "A vault already exists in %s; Tandem never overwrites one.", v.dir)
	}
	dbPath := filepath.Join(v.dir, DBFileName)
	// A database left by an earlier attempt that crashed before its key
	// file was written can never be opened (its key is gone): clear it.
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(dbPath + suffix)
	}
	db, err := storage.Open(ctx, dbPath, p.dataKey, v.opts.Now)
	if err != nil {
		return err
	}
	if err := db.SetKeyAnchor(ctx, anchorOf(p.kf)); err != nil {
		db.Close()
		return err
	}
	b, err := writeKeyFile(v.dir, p.kf, false)
	if err != nil {
		db.Close()
		return err
	}
	v.db, v.keyFile = db, b
	v.dataKey = append([]byte(nil), p.dataKey...)
	v.mustSetPassphrase = false
	return nil
}

func (v *Vault) kdfParams() KDFParams {
	if v.opts.KDF != nil {
		return *v.opts.KDF
	}
	return Calibrate()
}

// DB returns the open database. ELOCKED when the vault is locked or waits
// for a new passphrase after a recovery unlock.
func (v *Vault) DB() (*storage.DB, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.db == nil {
		return nil, domain.Errorf(domain.ELOCKED, "Tandem is locked. Unlock it with your passphrase to continue.")
	}
	if v.mustSetPassphrase {
		return nil, domain.Errorf(domain.ELOCKED, "Choose a new passphrase first.")
	}
	return v.db, nil
}

// Lock closes the database and wipes the data key. Idempotent.
func (v *Vault) Lock() error {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.closeLocked()
}

func (v *Vault) closeLocked() error {
	var err error
	if v.db != nil {
		err = v.db.Close()
		v.db = nil
	}
	wipe(v.dataKey)
	v.dataKey, v.keyFile = nil, nil
	v.mustSetPassphrase = false
	runtime.GC()
	return err
}

// Close locks the vault and releases the folder for other processes.
func (v *Vault) Close() error {
	err := v.Lock()
	if v.lock != nil {
		v.lock.Unlock()
	}
	return err
}

// Check runs the database's integrity checks (see storage.DB.Check). It is
// read-only, so it is allowed right after a recovery unlock too.
func (v *Vault) Check(ctx context.Context) (storage.CheckReport, error) {
	v.mu.Lock()
	db := v.db
	v.mu.Unlock()
	if db == nil {
		return storage.CheckReport{}, domain.Errorf(domain.ELOCKED, "Unlock the vault first.")
	}
	return db.Check(ctx)
}
