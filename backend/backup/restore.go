package backup

import (
	"context"
	"crypto/rand"
	"errors"
	"os"
	"path/filepath"
	"time"

	"tandem/backend/domain"
	"tandem/backend/storage"
	"tandem/backend/vault"
)

// RestoreOptions say how to open the backup and, optionally, the new
// passphrase of the restored vault (required with the recovery key).
type RestoreOptions struct {
	Unlock        Unlock
	NewPassphrase string
}

// RestoreResult is a completed restore.
type RestoreResult struct {
	Info *Info
	// Replaced is where the replaced vault was kept, "" when the folder
	// held none.
	Replaced string
}

// beforeSwap, when set (tests), runs after the new vault is complete and
// before it is swapped in.
var beforeSwap func(staging string)

// Restore replaces the vault v (held by this process, locked) with the
// backup at path. The new vault is built and checked in a staging folder
// beside v and swapped in only when complete; on any error v is as it was.
func Restore(ctx context.Context, path string, v *vault.Vault, o RestoreOptions) (*RestoreResult, error) {
	if o.Unlock.RecoveryKey != "" && o.NewPassphrase == "" {
		return nil, domain.FieldError("newPassphrase", "Restoring with the recovery key needs a new passphrase for the restored vault.")
	}
	if o.NewPassphrase != "" {
		if c := domain.CheckPassphrase(o.NewPassphrase); !c.OK {
			return nil, &domain.Error{Code: domain.EWEAKPASSPHRASE, Field: "newPassphrase", Message: c.Message}
		}
	}
	if v.State() == vault.StateUnlocked {
		return nil, domain.Errorf(domain.EINTERNAL, "Lock the vault before restoring over it.")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, domain.Wrap(domain.EINVALID, "The backup file "+path+" could not be opened.", err)
	}
	defer f.Close()
	staging, err := v.NewStaging()
	if err != nil {
		return nil, err
	}
	done := false
	sk := &restoreSink{ctx: ctx, staging: staging, now: v.Clock()}
	defer func() {
		if !done {
			sk.abandon()
			os.RemoveAll(staging)
		}
	}()
	info, dk, err := read(ctx, f, o.Unlock, sk)
	defer wipe(dk)
	defer wipe(sk.key)
	if err != nil {
		return nil, err
	}
	if sk.loader == nil {
		return nil, damagedf("it holds no records")
	}
	if _, err := sk.loader.Commit(ctx); err != nil {
		return nil, damagedf("its records do not fit together (%v)", err)
	}
	sk.loader = nil
	if err := sk.db.FinishRestore(ctx); err != nil {
		return nil, domain.Wrap(domain.EINTERNAL, "The restored records could not be brought up to this version of Tandem; nothing was changed.", err)
	}
	report, err := sk.db.Check(ctx)
	if err != nil || !report.OK() {
		return nil, domain.Wrap(domain.EINTERNAL, "The restored vault failed its checks; nothing was changed.", err)
	}
	anchor, err := vault.RestoredAnchor(sk.keyFile)
	if err == nil {
		err = sk.db.SetKeyAnchor(ctx, anchor)
	}
	if err == nil {
		// The backup folder the records name waits for the therapist to
		// choose it again.
		err = sk.db.HoldRestoredBackupFolder(ctx)
	}
	if err != nil {
		return nil, domain.Wrap(domain.EINTERNAL, "The restored vault's keys could not be recorded; nothing was changed.", err)
	}
	if err := sk.db.Close(); err != nil {
		return nil, domain.Wrap(domain.EINTERNAL, "The restored vault could not be closed; nothing was changed.", err)
	}
	sk.db = nil
	// The restored vault opens with the new passphrase, or with the one that
	// opened the backup, under its own fresh data key.
	pass := o.NewPassphrase
	if pass == "" {
		pass = o.Unlock.Passphrase
	}
	if err := v.WriteRestoredKeyFile(staging, sk.keyFile, sk.key, pass); err != nil {
		return nil, err
	}
	if beforeSwap != nil {
		beforeSwap(staging)
	}
	replaced, err := v.ReplaceWith(staging)
	if err != nil {
		return nil, err
	}
	done = true
	return &RestoreResult{Info: info, Replaced: replaced}, nil
}

// restoreSink loads what read hands it into a new database in staging.
type restoreSink struct {
	ctx     context.Context
	staging string
	now     func() time.Time // the vault's clock
	keyFile []byte
	key     []byte // the restored vault's fresh data key
	db      *storage.DB
	loader  *storage.Loader
}

// begin creates the restored database under a fresh data key of its own,
// never the backup's (which a crafted backup could choose), so that the
// secrets of the backup's day, with its key file, open nothing the restored
// vault records afterwards.
func (s *restoreSink) begin(m *Manifest, keyFile, _ []byte) error {
	s.keyFile = append([]byte(nil), keyFile...)
	s.key = make([]byte, storage.KeySize)
	if _, err := rand.Read(s.key); err != nil {
		return err
	}
	db, err := storage.CreateForRestore(s.ctx, filepath.Join(s.staging, vault.DBFileName), s.key, m.SchemaVersion, s.now)
	if err != nil {
		return domain.Wrap(domain.EINTERNAL, "Tandem could not create the restored vault beside the old one. Check that the disk has room; nothing was changed.", err)
	}
	s.db = db
	if s.loader, err = db.Loader(s.ctx); err != nil {
		return domain.Wrap(domain.EINTERNAL, "Tandem could not start loading the records; nothing was changed.", err)
	}
	return nil
}

func (s *restoreSink) table(name string, columns []string) (rowSink, error) {
	tl, err := s.loader.Table(s.ctx, name, columns)
	if err != nil {
		return nil, damagedf("its records do not fit (%v)", err)
	}
	return &tableSink{ctx: s.ctx, tl: tl}, nil
}

func (s *restoreSink) abandon() {
	if s.loader != nil {
		s.loader.Rollback()
	}
	if s.db != nil {
		s.db.Close()
	}
}

type tableSink struct {
	ctx context.Context
	tl  *storage.TableLoader
}

func (t *tableSink) insert(row []any) error {
	if err := t.tl.Insert(t.ctx, row); err != nil {
		var de *domain.Error
		if errors.As(err, &de) {
			return err
		}
		return damagedf("a record could not be loaded (%v)", err)
	}
	return nil
}

func (t *tableSink) close() error { return t.tl.Close() }
