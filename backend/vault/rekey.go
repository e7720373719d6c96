package vault

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"tandem/backend/domain"
	"tandem/backend/storage"
)

// A new passphrase, a new recovery key and a restore each give the vault a
// fresh data key, so that an old secret together with an old key file opens
// nothing made afterwards (docs/design.md, "Envelope encryption"). The
// database is copied under the new key beside the old one and the new key
// file written beside the old one; then the two take the old ones' places
// in an order that a crash at any moment leaves a vault that opens with the
// old secrets or with the new ones:
//
//  1. tandem.db.rekey: the database under the new key, synced;
//  2. tandem.key.next: the new key file, synced;
//  3. the old database's write-ahead log emptied and removed, and
//     tandem.db.rekey renamed over tandem.db: the commit point;
//  4. tandem.key.next renamed over tandem.key.
//
// finishRekey, when the vault is opened, rolls an interrupted change back
// (before 3: both files removed) or forward (after 3: a tandem.key.next
// without a tandem.db.rekey is renamed into place).

// Names of the files of a change of data key in progress.
const (
	rekeyDBName     = DBFileName + ".rekey"
	nextKeyFileName = KeyFileName + ".next"
)

// killPoint, when set (tests), is called at each step of rekey with its
// name, so that a test can stop the process exactly there.
var killPoint func(step string)

func reached(step string) {
	if killPoint != nil {
		killPoint(step)
	}
}

// newDataKey returns a fresh random data key.
func newDataKey() ([]byte, error) {
	k := make([]byte, dataKeySize)
	if _, err := rand.Read(k); err != nil {
		return nil, err
	}
	return k, nil
}

// rekey puts the vault under newKey: its database, open on db under the
// old key, is copied under newKey, the anchor of the copy is brought to kf
// (the new key file, sealed under newKey), and both take the old files'
// places. db is closed on return, whatever happens. It returns kf's bytes
// as written, and whether the change took effect (the commit point was
// passed): an error with committed false changed nothing; with committed
// true, the new key file is put in place when the vault is next opened.
// The caller holds v.mu, and nothing else may use db meanwhile.
func (v *Vault) rekey(ctx context.Context, db *storage.DB, newKey []byte, kf *keyFile) (raw []byte, committed bool, err error) {
	dbPath := filepath.Join(v.dir, DBFileName)
	rekeyPath := filepath.Join(v.dir, rekeyDBName)
	nextPath := filepath.Join(v.dir, nextKeyFileName)
	abandon := func(err error) ([]byte, bool, error) {
		db.Close()
		os.Remove(rekeyPath)
		os.Remove(nextPath)
		return nil, false, err
	}
	os.Remove(rekeyPath) // a leftover finishRekey would have removed
	os.Remove(nextPath)
	if err := db.Checkpoint(ctx); err != nil {
		return abandon(err)
	}
	if err := db.ExportTo(ctx, rekeyPath, newKey, v.reportRekey); err != nil {
		return abandon(domain.Wrap(domain.EINTERNAL, "Tandem could not re-encrypt the vault under its new key; nothing was changed. Check that the disk has room.", err))
	}
	reached("exported")
	copied, err := storage.OpenUnmigrated(ctx, rekeyPath, newKey, v.opts.Now)
	if err == nil {
		err = copied.SetKeyAnchor(ctx, anchorOf(kf))
		if cerr := copied.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return abandon(domain.Wrap(domain.EINTERNAL, "Tandem could not check the re-encrypted vault; nothing was changed.", err))
	}
	b, err := kf.marshal()
	if err == nil {
		err = writeFileAtomic(nextPath, b)
	}
	if err != nil {
		return abandon(domain.Wrap(domain.EINTERNAL, "Tandem could not write the vault's new key file; nothing was changed. Check that the disk has room.", err))
	}
	reached("next key file")
	// The old database's log must be empty before the copy takes its
	// place: SQLite would otherwise replay it into the new file.
	if err := db.Checkpoint(ctx); err != nil {
		return abandon(err)
	}
	if err := db.Close(); err != nil {
		return abandon(err)
	}
	if fi, err := os.Stat(dbPath + "-wal"); err == nil && fi.Size() > 0 {
		return abandon(domain.Errorf(domain.EINTERNAL, "The vault's log could not be emptied; nothing was changed. Try again."))
	}
	os.Remove(dbPath + "-wal")
	os.Remove(dbPath + "-shm")
	reached("log removed")
	if err := os.Rename(rekeyPath, dbPath); err != nil {
		return abandon(domain.Wrap(domain.EINTERNAL, "Tandem could not put the re-encrypted vault in place; nothing was changed.", err))
	}
	syncDir(v.dir)
	reached("committed")
	if err := os.Rename(nextPath, filepath.Join(v.dir, KeyFileName)); err != nil {
		// The new database is in place: opening the vault finishes this.
		return b, true, domain.Wrap(domain.EINTERNAL, "The vault was re-encrypted, but its new key file could not be put in place yet; it will be when Tandem opens the vault again.", err)
	}
	syncDir(v.dir)
	return b, true, nil
}

// finishRekey completes or undoes a change of data key that a crash
// interrupted (see rekey), and removes the temporary files of key file
// writes that never finished. It runs when the vault folder is opened, by
// the process that holds it.
func finishRekey(dir string) error {
	rekeyPath := filepath.Join(dir, rekeyDBName)
	nextPath := filepath.Join(dir, nextKeyFileName)
	_, rerr := os.Lstat(rekeyPath)
	_, nerr := os.Lstat(nextPath)
	hasRekey, hasNext := rerr == nil, nerr == nil
	switch {
	case hasNext && !hasRekey:
		// Committed: the database is the new one; its key file follows.
		if err := os.Rename(nextPath, filepath.Join(dir, KeyFileName)); err != nil {
			return domain.Wrap(domain.EINTERNAL, "Tandem could not finish the change of the vault's key that was interrupted.", err)
		}
		syncDir(dir)
	case hasRekey:
		// Not committed: the old database and key file are whole.
		if err := errors.Join(removeIfPresent(rekeyPath), removeIfPresent(nextPath)); err != nil {
			return domain.Wrap(domain.EINTERNAL, "Tandem could not tidy up a change of the vault's key that was interrupted.", err)
		}
		syncDir(dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	for _, e := range entries {
		if name := e.Name(); strings.HasPrefix(name, "."+KeyFileName+".") && strings.Contains(name, ".tmp-") {
			os.Remove(filepath.Join(dir, name))
		}
	}
	return nil
}

func removeIfPresent(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("remove %s: %w", filepath.Base(path), err)
	}
	return nil
}
