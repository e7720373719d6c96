package storage

import (
	"context"
	"database/sql"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	sqlite3 "github.com/mutecomm/go-sqlcipher/v4"

	"tandem/backend/domain"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// driverName is the SQLCipher driver with Tandem's per-connection settings:
// temporary tables and sorts stay in memory, never in a temporary file; and
// SQLCipher's "enhanced memory security" is off, as it is by default from
// SQLCipher 4.5 on (this driver bundles 4.4.2, where it is on). That
// feature locks and wipes every allocation SQLite makes, a system call or
// two each time, which made every query several times slower; the records
// it would wipe are in the Go heap and the web view anyway. What protects
// them is the encryption at rest, locking (docs/design.md, threat model)
// and the operating system's own swap encryption.
const driverName = "tandem-sqlcipher"

func init() {
	sql.Register(driverName, &sqlite3.SQLiteDriver{
		ConnectHook: func(c *sqlite3.SQLiteConn) error {
			_, err := c.Exec("PRAGMA cipher_memory_security = OFF; PRAGMA temp_store = MEMORY", nil)
			return err
		},
	})
}

// KeySize is the length of the raw SQLCipher key.
const KeySize = 32

// DB is an open, unlocked vault database.
type DB struct {
	sql *sql.DB
	// snap is a second pool on the same file for snapshots' read
	// transactions (Snapshots, used by backups and exports), with no limit
	// on its connections: a backup never takes a connection the app's
	// saves and pages need, and never waits for one while it holds the
	// write lock.
	snap *sql.DB
	path string
	now  func() time.Time
}

// Open opens (creating if absent) the encrypted database at path with the
// raw key, checks that the key opens it, and applies pending migrations.
// The file is created with mode 0600. A key that does not open the file, or
// a file that is not a database, returns EVAULTDAMAGED; a schema newer than
// this build returns EVAULTNEWER. The key slice is not retained. now is
// the clock that stamps what the database records and says what day it is
// (package clock).
func Open(ctx context.Context, path string, key []byte, now func() time.Time) (*DB, error) {
	return open(ctx, path, key, now, -1)
}

// OpenUnmigrated opens the database as Open does (checking the key and
// refusing a newer schema with EVAULTNEWER) but applies no migration, so
// that the caller can act before the records change format, for example
// back them up; Migrate then brings the database up to date. The file must
// already exist.
func OpenUnmigrated(ctx context.Context, path string, key []byte, now func() time.Time) (*DB, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, domain.Wrap(domain.EVAULTDAMAGED, "The vault's database is missing. Restore it from a backup.", err)
	}
	return open(ctx, path, key, now, 0)
}

// Migrate applies every pending migration, each in its own transaction,
// and builds the search index if it is empty. Idempotent.
func (db *DB) Migrate(ctx context.Context) error {
	if err := db.migrate(ctx, -1); err != nil {
		return err
	}
	return db.rebuildSearchIfEmpty(ctx)
}

// open opens the database and migrates it up to schema version upTo (all
// migrations when upTo is negative, none when it is 0).
func open(ctx context.Context, path string, key []byte, now func() time.Time, upTo int) (*DB, error) {
	if len(key) != KeySize {
		return nil, fmt.Errorf("storage: key must be %d bytes", KeySize)
	}
	if now == nil {
		return nil, errors.New("storage: no clock")
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err != nil {
			return nil, fmt.Errorf("create database file: %w", err)
		}
		f.Close()
	}
	q := url.Values{}
	q.Set("_pragma_key", "x'"+hex.EncodeToString(key)+"'")
	q.Set("_pragma_cipher_page_size", "4096")
	q.Set("_journal_mode", "WAL")
	q.Set("_foreign_keys", "1")
	q.Set("_secure_delete", "1")
	q.Set("_busy_timeout", "5000")
	q.Set("_synchronous", "FULL")
	q.Set("_txlock", "immediate")
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	sdb, err := sql.Open(driverName, dsn)
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	sdb.SetMaxOpenConns(4)
	sdb.SetConnMaxIdleTime(time.Minute)
	snap, err := sql.Open(driverName, dsn)
	if err != nil {
		sdb.Close()
		return nil, fmt.Errorf("open database: %w", err)
	}
	snap.SetMaxIdleConns(1)
	snap.SetConnMaxIdleTime(10 * time.Second)
	db := &DB{sql: sdb, snap: snap, path: path, now: now}
	if err := db.init(ctx, upTo); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func (db *DB) init(ctx context.Context, upTo int) error {
	var n int
	if err := db.sql.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&n); err != nil {
		return classifyOpenError(err)
	}
	if err := db.migrate(ctx, upTo); err != nil {
		return err
	}
	if upTo >= 0 && upTo < SchemaVersion() {
		return nil // a restore's database: loaded, then migrated and indexed
	}
	return db.rebuildSearchIfEmpty(ctx)
}

func classifyOpenError(err error) error {
	var se sqlite3.Error
	if errors.As(err, &se) && (se.Code == sqlite3.ErrNotADB || se.Code == sqlite3.ErrCorrupt) {
		return domain.Wrap(domain.EVAULTDAMAGED, "The vault's database could not be read: the file is damaged or does not belong to this key file. Restore it from a backup.", err)
	}
	return domain.Wrap(domain.EVAULTDAMAGED, "The vault's database could not be opened.", err)
}

// Close closes the database. It is safe to call more than once.
func (db *DB) Close() error {
	if db == nil || db.sql == nil {
		return nil
	}
	if db.snap != nil {
		db.snap.Close()
	}
	return db.sql.Close()
}

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFS, "migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		name := e.Name()
		num, rest, ok := strings.Cut(name, "_")
		if !ok || !strings.HasSuffix(rest, ".sql") {
			return nil, fmt.Errorf("migration %q: name must be NNNN_name.sql", name)
		}
		v, err := strconv.Atoi(num)
		if err != nil {
			return nil, fmt.Errorf("migration %q: %w", name, err)
		}
		body, err := fs.ReadFile(migrationFS, path.Join("migrations", name))
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: strings.TrimSuffix(rest, ".sql"), sql: string(body)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	for i, m := range out {
		if m.version != i+1 {
			return nil, fmt.Errorf("migrations must be numbered 1..n without gaps; found %d at position %d", m.version, i+1)
		}
	}
	return out, nil
}

// SchemaVersion is the newest schema this build knows.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil {
		panic(err) // embedded at build time; a bad name is a programming error caught by tests
	}
	return len(ms)
}

func (db *DB) migrate(ctx context.Context, upTo int) error {
	ms, err := migrations()
	if err != nil {
		return err
	}
	target := len(ms)
	if upTo >= 0 && upTo < target {
		target = upTo
	}
	if _, err := db.sql.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT NOT NULL,
		applied_at TEXT NOT NULL
	)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	current, err := db.Version(ctx)
	if err != nil {
		return err
	}
	if current > len(ms) {
		return domain.Errorf(domain.EVAULTNEWER, "This vault was last used by a newer version of Tandem (its records have format %d; this version knows up to %d). Install the newer Tandem to open it; nothing was changed.", current, len(ms))
	}
	if current >= target {
		return nil
	}
	for _, m := range ms[current:target] {
		if err := db.tx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, m.sql); err != nil {
				return fmt.Errorf("migration %04d_%s: %w", m.version, m.name, err)
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
				m.version, m.name, db.now().UTC().Format(time.RFC3339))
			return err
		}); err != nil {
			return err
		}
	}
	return nil
}

// Version returns the highest applied migration.
func (db *DB) Version(ctx context.Context) (int, error) {
	var v sql.NullInt64
	if err := db.sql.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return int(v.Int64), nil
}

// CipherProvider names the cryptography library SQLCipher does its page
// encryption with in this build ("openssl" on Linux, "libtomcrypt" where
// the driver's bundled one is kept: backend/storage/sqlcipher-openssl.h),
// and that library's version.
func (db *DB) CipherProvider(ctx context.Context) (name, version string, err error) {
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return "", "", err
	}
	defer conn.Close()
	if err := conn.QueryRowContext(ctx, `PRAGMA cipher_provider`).Scan(&name); err != nil {
		return "", "", fmt.Errorf("read cipher provider: %w", err)
	}
	if err := conn.QueryRowContext(ctx, `PRAGMA cipher_provider_version`).Scan(&version); err != nil {
		return "", "", fmt.Errorf("read cipher provider version: %w", err)
	}
	return name, version, nil
}

// At returns a handle on the same database whose clock is now: records it
// writes are stamped with that clock's times. It exists for seeding
// demonstration data with a realistic past; the handles share one
// connection pool, and closing either closes both.
func (db *DB) At(now func() time.Time) *DB {
	c := *db
	c.now = now
	return &c
}

// BulkLoad prepares the database for writing many records at once (demo
// data): one connection, and no waiting for the disk at each commit. A
// crash during a bulk load can lose its last transactions, never older
// ones. The returned function restores the usual durability.
func (db *DB) BulkLoad(ctx context.Context) (done func() error, err error) {
	db.sql.SetMaxOpenConns(1)
	if _, err := db.sql.ExecContext(ctx, `PRAGMA synchronous = OFF`); err != nil {
		db.sql.SetMaxOpenConns(4)
		return nil, fmt.Errorf("bulk load: %w", err)
	}
	return func() error {
		_, err := db.sql.ExecContext(ctx, `PRAGMA synchronous = FULL`)
		db.sql.SetMaxOpenConns(4)
		return err
	}, nil
}
