package storage

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"time"
)

// ExportTo writes a copy of the whole database, encrypted under key, to
// path (which must not exist), with SQLCipher's sqlcipher_export on one
// connection: every table, index, trigger, virtual table and its content,
// the schema version among them. The copy is synced to disk before it
// returns. It is how package vault gives a vault a fresh data key (vault's
// rekey.go says in which order the copy takes the old file's place). The
// database stays open and usable; writes made during the export may or may
// not be in the copy, so the caller keeps writers out. progress, when not
// nil, is told how far the copy is, in bytes of the database file, from
// its own goroutine: now and then while SQLCipher writes (done grows with
// the copy's size, never past total) and once at the end (done = total).
func (db *DB) ExportTo(ctx context.Context, path string, key []byte, progress func(done, total int64)) (err error) {
	if len(key) != KeySize {
		return fmt.Errorf("storage: key must be %d bytes", KeySize)
	}
	if _, err := os.Lstat(path); !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("storage: %s already exists", path)
	}
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer conn.Close()
	defer func() {
		if err != nil {
			os.Remove(path)
		}
	}()
	if _, err := conn.ExecContext(ctx, `ATTACH DATABASE ? AS rekey KEY ?`, path, "x'"+hex.EncodeToString(key)+"'"); err != nil {
		return fmt.Errorf("export: attach: %w", err)
	}
	attached := true
	defer func() {
		if attached {
			conn.ExecContext(context.Background(), `DETACH DATABASE rekey`)
		}
	}()
	if _, err := conn.ExecContext(ctx, `PRAGMA rekey.cipher_page_size = 4096`); err != nil {
		return fmt.Errorf("export: page size: %w", err)
	}
	stopWatching := watchCopy(path, db.path, progress)
	_, err = conn.ExecContext(ctx, `SELECT sqlcipher_export('rekey')`)
	total := stopWatching()
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if _, err := conn.ExecContext(ctx, `DETACH DATABASE rekey`); err != nil {
		return fmt.Errorf("export: detach: %w", err)
	}
	attached = false
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	defer f.Close()
	if err := f.Chmod(0o600); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("export: sync: %w", err)
	}
	if progress != nil {
		progress(total, total)
	}
	return nil
}

// exportPoll is how often ExportTo looks at the copy's size.
var exportPoll = 100 * time.Millisecond

// watchCopy reports, every exportPoll until stopped, the size of the copy
// being written at path against the size of the database file at src (its
// log checkpointed: the copy comes to about as much, less its free
// pages). stop ends the watching, waits for the last report, and returns
// the total reported against.
func watchCopy(path, src string, progress func(done, total int64)) (stop func() int64) {
	var total int64 = 1
	if fi, err := os.Stat(src); err == nil && fi.Size() > 0 {
		total = fi.Size()
	}
	if progress == nil {
		return func() int64 { return total }
	}
	quit, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		tick := time.NewTicker(exportPoll)
		defer tick.Stop()
		var last int64 = -1
		for {
			var n int64
			if fi, err := os.Stat(path); err == nil {
				n = min(fi.Size(), total)
			}
			if n > last {
				progress(n, total)
				last = n
			}
			select {
			case <-quit:
				return
			case <-tick.C:
			}
		}
	}()
	return func() int64 {
		close(quit)
		<-done
		return total
	}
}

// Checkpoint moves everything in the write-ahead log into the database file
// and empties the log (PRAGMA wal_checkpoint(TRUNCATE)), so that the file
// alone holds the database. EVAULTBUSY-like failures are errors: a reader
// kept the log from being emptied.
func (db *DB) Checkpoint(ctx context.Context) error {
	var busy, logFrames, done int
	if err := db.sql.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &logFrames, &done); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	if busy != 0 {
		return errors.New("checkpoint: the database was busy")
	}
	return nil
}
