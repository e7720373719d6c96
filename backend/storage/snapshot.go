package storage

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"strings"

	sqlite3 "github.com/mutecomm/go-sqlcipher/v4"
)

// Snapshot is a consistent, read-only view of the database: one read
// transaction on one connection, so every table is read at the same moment
// while the app may go on writing. Close it promptly: until then the
// database's write-ahead log cannot be checkpointed past it.
// A Snapshot is not safe for concurrent use; Snapshots are, each on its own.
type Snapshot struct {
	conn    *sql.Conn
	version int
	tables  []Table
}

// Snapshot starts a read transaction and lists the tables a dump carries.
func (db *DB) Snapshot(ctx context.Context) (*Snapshot, error) {
	s, err := db.beginSnapshot(ctx)
	if err != nil {
		return nil, err
	}
	if s.tables, err = dumpTables(ctx, s.conn); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// beginSnapshot starts a read transaction on a connection of the
// snapshots' own pool and reads the schema version, which fixes the
// transaction's view.
func (db *DB) beginSnapshot(ctx context.Context) (*Snapshot, error) {
	conn, err := db.snap.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("snapshot: %w", err)
	}
	return begin(ctx, conn)
}

// begin starts a deferred read transaction on conn, which the snapshot
// then owns: the first read fixes the snapshot, and no write lock is
// taken.
func begin(ctx context.Context, conn *sql.Conn) (*Snapshot, error) {
	if _, err := conn.ExecContext(ctx, "BEGIN DEFERRED"); err != nil {
		conn.Close()
		return nil, fmt.Errorf("snapshot: begin: %w", err)
	}
	s := &Snapshot{conn: conn}
	var v sql.NullInt64
	if err := conn.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v); err != nil {
		s.Close()
		return nil, fmt.Errorf("snapshot: schema version: %w", err)
	}
	s.version = int(v.Int64)
	return s, nil
}

// Snapshots starts up to n read transactions (n ≥ 1) on as many
// connections, all seeing the same moment of the database, so that tables
// can be read in parallel for one consistent dump. They are begun while
// another connection holds the write lock (BEGIN IMMEDIATE, waiting as any
// writer does for a write in progress), so no transaction can commit
// between them; the lock is released as soon as they have begun. Every
// connection comes from the snapshots' own pool and is opened before the
// lock is taken, so the lock is held for the few reads that begin the
// transactions and never while waiting: a save meanwhile waits at most
// those milliseconds, and the app's connections are never taken. When the
// write lock cannot be had (writers kept it busy past the busy timeout),
// it returns one snapshot. Close each.
func (db *DB) Snapshots(ctx context.Context, n int) ([]*Snapshot, error) {
	one := func() ([]*Snapshot, error) {
		s, err := db.Snapshot(ctx)
		if err != nil {
			return nil, err
		}
		return []*Snapshot{s}, nil
	}
	if n <= 1 {
		return one()
	}
	conns := make([]*sql.Conn, 0, n+1)
	closeAll := func() {
		for _, c := range conns {
			c.Close()
		}
	}
	for len(conns) < n+1 {
		c, err := db.snap.Conn(ctx)
		if err != nil {
			closeAll()
			return nil, fmt.Errorf("snapshot: %w", err)
		}
		// The connection opens the file and applies the key now, before
		// the lock is taken.
		if err := c.PingContext(ctx); err != nil {
			c.Close()
			closeAll()
			return nil, fmt.Errorf("snapshot: %w", err)
		}
		conns = append(conns, c)
	}
	lock, readers := conns[0], conns[1:]
	defer lock.Close()
	if _, err := lock.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		for _, c := range readers {
			c.Close()
		}
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return one()
	}
	out := make([]*Snapshot, 0, n)
	fail := func(err error) ([]*Snapshot, error) {
		for _, s := range out {
			s.Close()
		}
		lock.ExecContext(context.Background(), "ROLLBACK")
		return nil, err
	}
	for i, c := range readers {
		s, err := begin(ctx, c)
		if err != nil {
			for _, rest := range readers[i+1:] {
				rest.Close()
			}
			return fail(err)
		}
		out = append(out, s)
	}
	if _, err := lock.ExecContext(ctx, "ROLLBACK"); err != nil {
		return fail(fmt.Errorf("snapshot: release writers: %w", err))
	}
	tables, err := dumpTables(ctx, out[0].conn)
	if err != nil {
		return fail(err)
	}
	for _, s := range out {
		if s.version != out[0].version {
			return fail(errors.New("snapshot: the connections see different schema versions"))
		}
		s.tables = tables
	}
	return out, nil
}

// SchemaVersion is the snapshot's schema version.
func (s *Snapshot) SchemaVersion() int { return s.version }

// Tables are the tables a dump carries, sorted by name.
func (s *Snapshot) Tables() []Table { return s.tables }

// Close ends the read transaction. Idempotent.
func (s *Snapshot) Close() error {
	if s.conn == nil {
		return nil
	}
	s.conn.ExecContext(context.Background(), "ROLLBACK")
	err := s.conn.Close()
	s.conn = nil
	return err
}

// Selection is a table and which of its rows to read.
type Selection struct {
	Table Table
	where string
	args  []any
}

// All selects every row of every dumped table.
func (s *Snapshot) All() []Selection {
	out := make([]Selection, len(s.tables))
	for i, t := range s.tables {
		out[i] = Selection{Table: t}
	}
	return out
}

// Client selects one client's rows: the clients row itself, every row of a
// table with a client_id column that names the client, and, following
// foreign keys, every row that belongs to a row already selected (a plan
// item's revisions, an agreement's versions, and whatever later tables hang
// off these). ENOTFOUND when there is no such client.
func (s *Snapshot) Client(ctx context.Context, clientID int64) ([]Selection, error) {
	var n int
	if err := s.conn.QueryRowContext(ctx, `SELECT count(*) FROM clients WHERE id = ?`, clientID).Scan(&n); err != nil {
		return nil, fmt.Errorf("find client: %w", err)
	}
	if n == 0 {
		return nil, notFound("client")
	}
	type fk struct{ from, table, to string }
	fks := map[string][]fk{}
	byName := map[string]Table{}
	for _, t := range s.tables {
		byName[t.Name] = t
		rows, err := s.conn.QueryContext(ctx, `SELECT "from", "table", coalesce("to", '') FROM pragma_foreign_key_list(?)`, t.Name)
		if err != nil {
			return nil, fmt.Errorf("foreign keys of %s: %w", t.Name, err)
		}
		for rows.Next() {
			var f fk
			if err := rows.Scan(&f.from, &f.table, &f.to); err != nil {
				rows.Close()
				return nil, err
			}
			if f.to == "" {
				f.to = "rowid"
			}
			fks[t.Name] = append(fks[t.Name], f)
		}
		rows.Close()
	}
	// where holds each selected table's condition; the client id is its
	// only parameter, repeated as many times as it appears.
	type cond struct {
		sql    string
		params int
	}
	where := map[string]cond{"clients": {`"id" = ?`, 1}}
	for _, t := range s.tables {
		if t.Name == "clients" {
			continue
		}
		for _, c := range t.Columns {
			if c == "client_id" {
				where[t.Name] = cond{`"client_id" = ?`, 1}
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for _, t := range s.tables {
			if _, ok := where[t.Name]; ok {
				continue
			}
			var parts []string
			params := 0
			for _, f := range fks[t.Name] {
				if pc, ok := where[f.table]; ok {
					parts = append(parts, quoteIdent(f.from)+" IN (SELECT "+quoteIdent(f.to)+" FROM "+quoteIdent(f.table)+" WHERE "+pc.sql+")")
					params += pc.params
				}
			}
			if len(parts) > 0 {
				where[t.Name] = cond{"(" + strings.Join(parts, " OR ") + ")", params}
				changed = true
			}
		}
	}
	var out []Selection
	for _, t := range s.tables {
		c, ok := where[t.Name]
		if !ok {
			continue
		}
		args := make([]any, c.params)
		for i := range args {
			args[i] = clientID
		}
		out = append(out, Selection{Table: t, where: c.sql, args: args})
	}
	return out, nil
}

// Scan calls fn with each selected row, in canonical order. A row holds,
// per column, nil, int64, float64, string (TEXT, possibly not valid UTF-8)
// or []byte (BLOB, never nil). fn must not keep row past its return. Scan
// returns the number of rows.
//
// Rows are read from the driver directly, without database/sql's
// per-value conversions, and without a context on the query (the driver
// would start a goroutine for every row of a query that has one): ctx is
// checked every few hundred rows instead.
func (s *Snapshot) Scan(ctx context.Context, sel Selection, fn func(row []any) error) (int64, error) {
	var n int64
	var fnErr error
	err := s.conn.Raw(func(dc any) error {
		c, ok := dc.(*sqlite3.SQLiteConn)
		if !ok {
			return fmt.Errorf("unexpected driver connection %T", dc)
		}
		args := make([]driver.Value, len(sel.args))
		for i, a := range sel.args {
			args[i] = a
		}
		rows, err := c.Query(sel.Table.selectSQL(sel.where), args)
		if err != nil {
			return err
		}
		defer rows.Close()
		dest := make([]driver.Value, len(sel.Table.Columns))
		vals := make([]any, len(dest))
		for {
			if n&255 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			if err := rows.Next(dest); err != nil {
				if err == io.EOF {
					return nil
				}
				return err
			}
			for i, v := range dest {
				if b, ok := v.([]byte); ok && b == nil {
					v = []byte{}
				}
				vals[i] = v
			}
			if fnErr = fn(vals); fnErr != nil {
				return fnErr
			}
			n++
		}
	})
	if err != nil && fnErr == nil {
		if ctxErr := ctx.Err(); ctxErr != nil && errors.Is(err, ctxErr) {
			return n, err
		}
		return n, fmt.Errorf("read %s: %w", sel.Table.Name, err)
	}
	return n, err
}

// RowidRange returns the smallest and largest rowid of a rowid table (ok
// false for a WITHOUT ROWID table, or an empty one): a cheap measure of its
// size, and the bounds for reading it in parts (Selection.Rowids).
func (s *Snapshot) RowidRange(ctx context.Context, t Table) (lo, hi int64, ok bool) {
	if t.withoutRowid {
		return 0, 0, false
	}
	var a, b sql.NullInt64
	if err := s.conn.QueryRowContext(ctx, "SELECT min(rowid), max(rowid) FROM "+quoteIdent(t.Name)).Scan(&a, &b); err != nil || !a.Valid {
		return 0, 0, false
	}
	return a.Int64, b.Int64, true
}

// Rowids narrows a selection of a rowid table to the rows with from ≤
// rowid < to. A table's rows, in canonical order, are those of its
// consecutive ranges in turn. Not for WITHOUT ROWID tables.
func (sel Selection) Rowids(from, to int64) Selection {
	w := "rowid >= ? AND rowid < ?"
	if sel.where != "" {
		w = "(" + sel.where + ") AND " + w
	}
	sel.where = w
	sel.args = append(append([]any(nil), sel.args...), from, to)
	return sel
}
