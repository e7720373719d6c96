package backup

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"time"

	"github.com/gofrs/flock"

	"tandem/backend/domain"
	"tandem/backend/storage"
	"tandem/backend/vault"
)

// Source is what a backup is made of: the open database and the vault's
// keys (vault.Vault.BackupKeys).
type Source struct {
	DB         *storage.DB
	Keys       *vault.BackupKeys
	AppVersion string
	// Now replaces time.Now.
	Now func() time.Time
	// Progress, when set, is told how far the backup is: step "read" and
	// "write" count tables (done of total), "verify" is the read-back of
	// the whole file (0 of 1, then 1 of 1). It must not block.
	Progress func(step string, done, total int)
}

func (s Source) progress(step string, done, total int) {
	if s.Progress != nil {
		s.Progress(step, done, total)
	}
}

func (s Source) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// Result is a backup that was made and verified.
type Result struct {
	Path string
	Size int64
	Info *Info
}

// afterSync, when set (tests), runs after the temporary file is synced and
// before it is verified.
var afterSync func(tmp string)

// Create writes a backup of src to path, which must not exist. The backup
// is written to a temporary file in the same folder, synced, verified from
// disk, and then renamed; it never replaces a file.
func Create(ctx context.Context, src Source, path string) (*Result, error) {
	if src.DB == nil || src.Keys == nil {
		return nil, errors.New("backup: no source")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	if _, err := os.Lstat(abs); err == nil {
		return nil, domain.Errorf(domain.EEXISTS, "%s already exists; Tandem never overwrites a backup.", abs)
	}
	dir := filepath.Dir(abs)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, domain.Wrap(domain.EINVALID, "The backup folder "+dir+" cannot be reached. Check that the drive is connected.", err)
	}
	f, err := os.CreateTemp(dir, ".tandem-backup-*.tmp")
	if err != nil {
		return nil, domain.Wrap(domain.EINVALID, "Tandem cannot write in the backup folder "+dir+". Check that it is writable.", err)
	}
	tmp := f.Name()
	// Held while the file is written and checked, so that another run's
	// rotation knows it is not a leftover of an interrupted backup.
	lk := flock.New(tmp)
	if locked, err := lk.TryLock(); err != nil || !locked {
		f.Close()
		os.Remove(tmp)
		return nil, domain.Wrap(domain.EINVALID, "Tandem cannot write in the backup folder "+dir+". Check that it is writable.", err)
	}
	defer lk.Unlock()
	ok := false
	defer func() {
		if !ok {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if runtime.GOOS != "windows" {
		f.Chmod(0o600)
	}
	m, err := write(ctx, src, f)
	if err != nil {
		return nil, err
	}
	if err := f.Sync(); err != nil {
		return nil, domain.Wrap(domain.EINVALID, "The backup could not be written to "+dir+" (is the disk full?).", err)
	}
	if err := f.Close(); err != nil {
		return nil, domain.Wrap(domain.EINVALID, "The backup could not be written to "+dir+".", err)
	}
	if afterSync != nil {
		afterSync(tmp)
	}
	src.progress("verify", 0, 1)
	info, err := verifyWritten(ctx, tmp, src.Keys.DataKey, m)
	src.progress("verify", 1, 1)
	if err != nil {
		return nil, err
	}
	if err := placeNoReplace(tmp, abs); err != nil {
		return nil, err
	}
	ok = true
	syncDir(dir)
	fi, _ := os.Stat(abs)
	return &Result{Path: abs, Size: fi.Size(), Info: info}, nil
}

// verifyWritten reads the file just written back from disk and checks it
// as Verify does, except that each table is checked by its size, checksum
// and number of lines rather than by decoding every row: the rows are this
// writer's own encoding, which the checksums show arrived intact. It also
// checks that the file holds exactly the manifest that was written.
// Everything else is Verify's: the header and both stanzas, every chunk's
// authentication, the manifest's and the key file's checks, the entries'
// names, order and sizes, and the end of the stream.
func verifyWritten(ctx context.Context, path string, dataKey []byte, m *Manifest) (*Info, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, domain.Wrap(domain.EINVALID, "The backup file "+path+" could not be opened.", err)
	}
	defer f.Close()
	info, dk, err := readMode(ctx, f, Unlock{DataKey: dataKey}, nil, true)
	wipe(dk)
	if err != nil {
		return nil, fmt.Errorf("the backup just written does not read back: %w", err)
	}
	if !reflect.DeepEqual(info.manifest, m) {
		return nil, domain.Errorf(domain.EINTERNAL, "The backup just written does not read back as written.")
	}
	return info, nil
}

// placeNoReplace gives tmp the name final, failing if final exists. A hard
// link does it atomically where the file system has them; elsewhere (FAT
// drives) a rename after a check.
func placeNoReplace(tmp, final string) error {
	exists := domain.Errorf(domain.EEXISTS, "%s already exists; Tandem never overwrites a backup.", final)
	err := os.Link(tmp, final)
	if err == nil {
		os.Remove(tmp)
		return nil
	}
	if errors.Is(err, os.ErrExist) {
		return exists
	}
	if _, err := os.Lstat(final); err == nil {
		return exists
	}
	if err := os.Rename(tmp, final); err != nil {
		return domain.Wrap(domain.EINVALID, "The backup could not be given its name "+final+".", err)
	}
	return nil
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
