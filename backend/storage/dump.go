package storage

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
	"time"

	sqlite3 "github.com/mutecomm/go-sqlcipher/v4"
)

// This file reads and writes the database table by table, generically: the
// list of tables comes from sqlite_master, so a backup, a restore and an
// export follow the schema as it grows without being told. Backups
// (package backup) are the one user: see docs/backup-format.md.

// Table is a table as dumped: its name and the columns a dump carries, in
// the table's order. A rowid table without an INTEGER PRIMARY KEY column
// lists "rowid" first, so that rowids survive a restore.
type Table struct {
	Name    string
	Columns []string

	withoutRowid bool
	orderBy      string // canonical order, as SQL
}

// SequenceTable is SQLite's table of AUTOINCREMENT counters: dumped and
// loaded like the others, but not part of an export.
const SequenceTable = "sqlite_sequence"

// shadowSuffixes are the shadow tables FTS3/4/5 keep beside a virtual table.
var shadowSuffixes = []string{"_data", "_idx", "_content", "_docsize", "_config", "_segments", "_segdir", "_stat"}

var withoutRowidRe = regexp.MustCompile(`(?is)\)\s*WITHOUT\s+ROWID\s*;?\s*$`)

// quoteIdent quotes an SQL identifier.
func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// dumpTables lists the tables a dump carries, sorted by name: every table
// except SQLite's internal ones (sqlite_sequence excepted),
// schema_migrations, virtual tables and their shadow tables.
func dumpTables(ctx context.Context, q querier) ([]Table, error) {
	rows, err := q.QueryContext(ctx, `SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'table' ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("list tables: %w", err)
	}
	type entry struct{ name, sql string }
	var all []entry
	virtual := map[string]bool{}
	for rows.Next() {
		var e entry
		if err := rows.Scan(&e.name, &e.sql); err != nil {
			rows.Close()
			return nil, err
		}
		if strings.HasPrefix(strings.ToUpper(strings.TrimSpace(e.sql)), "CREATE VIRTUAL TABLE") {
			virtual[e.name] = true
		}
		all = append(all, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	isShadow := func(name string) bool {
		for _, suf := range shadowSuffixes {
			if base, ok := strings.CutSuffix(name, suf); ok && virtual[base] {
				return true
			}
		}
		return false
	}
	var out []Table
	for _, e := range all {
		switch {
		case virtual[e.name], isShadow(e.name), e.name == "schema_migrations":
			continue
		case strings.HasPrefix(strings.ToLower(e.name), "sqlite_") && e.name != SequenceTable:
			continue
		}
		t, err := describeTable(ctx, q, e.name, e.sql)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func describeTable(ctx context.Context, q querier, name, createSQL string) (Table, error) {
	t := Table{Name: name, withoutRowid: withoutRowidRe.MatchString(createSQL)}
	rows, err := q.QueryContext(ctx, `SELECT name, type, pk, hidden FROM pragma_table_xinfo(?) ORDER BY cid`, name)
	if err != nil {
		return t, fmt.Errorf("describe %s: %w", name, err)
	}
	type pkCol struct {
		name string
		pos  int
		typ  string
	}
	var pks []pkCol
	for rows.Next() {
		var col, typ string
		var pk, hidden int
		if err := rows.Scan(&col, &typ, &pk, &hidden); err != nil {
			rows.Close()
			return t, err
		}
		if hidden != 0 { // generated or virtual-table hidden columns
			continue
		}
		t.Columns = append(t.Columns, col)
		if pk > 0 {
			pks = append(pks, pkCol{col, pk, typ})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return t, err
	}
	if len(t.Columns) == 0 {
		return t, fmt.Errorf("describe %s: no columns", name)
	}
	sort.Slice(pks, func(i, j int) bool { return pks[i].pos < pks[j].pos })
	switch {
	case t.withoutRowid:
		var keys []string
		for _, p := range pks {
			keys = append(keys, quoteIdent(p.name))
		}
		t.orderBy = strings.Join(keys, ", ")
	case len(pks) == 1 && strings.EqualFold(pks[0].typ, "INTEGER"):
		t.orderBy = quoteIdent(pks[0].name) // the rowid itself
	default:
		for _, c := range t.Columns {
			if strings.EqualFold(c, "rowid") {
				return t, fmt.Errorf("table %s has a column named rowid but no INTEGER PRIMARY KEY; it cannot be dumped", name)
			}
		}
		t.Columns = append([]string{"rowid"}, t.Columns...)
		t.orderBy = "rowid"
	}
	return t, nil
}

// selectSQL reads the table's dump columns in canonical order. Each column
// is read as the expression +col, which has no declared type, so the driver
// returns the stored value as it is (it would otherwise turn text in a
// DATETIME column into a time).
func (t Table) selectSQL(where string) string {
	cols := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		if i == 0 && c == "rowid" && !t.withoutRowid && t.orderBy == "rowid" {
			cols[i] = "rowid"
			continue
		}
		cols[i] = "+" + quoteIdent(c)
	}
	q := "SELECT " + strings.Join(cols, ", ") + " FROM " + quoteIdent(t.Name)
	if where != "" {
		q += " WHERE " + where
	}
	return q + " ORDER BY " + t.orderBy
}

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

// beginSnapshot starts a read transaction on a connection of its own and
// reads the schema version, which fixes the transaction's view.
func (db *DB) beginSnapshot(ctx context.Context) (*Snapshot, error) {
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("snapshot: %w", err)
	}
	// A deferred transaction: the first read fixes the snapshot, and no
	// write lock is taken.
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
// can be read in parallel for one consistent dump. They are started while
// another connection holds the write lock (BEGIN IMMEDIATE, waiting as any
// writer does for a write in progress), so no transaction can commit
// between them; the lock is released as soon as they have begun. When the
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
	lock, err := db.sql.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("snapshot: %w", err)
	}
	defer lock.Close()
	if _, err := lock.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
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
	for len(out) < n {
		s, err := db.beginSnapshot(ctx)
		if err != nil {
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

// CreateForRestore creates a new database file at path (which must not
// exist) with the raw key, and applies the migrations up to schemaVersion
// only, so that a dump of that version can be loaded into it; FinishRestore
// then brings it up to date. now is its clock, as for Open.
func CreateForRestore(ctx context.Context, path string, key []byte, schemaVersion int, now func() time.Time) (*DB, error) {
	if schemaVersion < 1 || schemaVersion > SchemaVersion() {
		return nil, fmt.Errorf("storage: schema version %d out of range", schemaVersion)
	}
	if _, err := os.Lstat(path); !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("storage: %s already exists", path)
	}
	return open(ctx, path, key, now, schemaVersion)
}

// FinishRestore applies every pending migration to a database that a
// Loader filled, then rebuilds the full-text search index from the records
// (a dump does not carry it).
func (db *DB) FinishRestore(ctx context.Context) error {
	if err := db.migrate(ctx, -1); err != nil {
		return err
	}
	return db.RebuildSearch(ctx)
}

// Loader fills a database from a dump, in one transaction on one
// connection. Begin empties every dumped table (a new database may hold
// rows its migrations wrote) and holds triggers off, since a dump is the
// final state of every table. It also holds off the indexes (rebuilt at
// Commit, which is faster than keeping them up to date row by row) and the
// per-row enforcement of foreign keys: the whole database is checked for
// foreign key violations at Commit instead (PRAGMA foreign_key_check), and
// any violation fails it. Commit puts the indexes and triggers back and
// rebuilds the full-text indexes. Until Commit succeeds nothing is
// visible; Rollback (or a failed Commit) leaves the database as it was.
// Full-text indexes other than external-content FTS5 tables are left to
// FinishRestore. A Loader is not safe for concurrent use.
type Loader struct {
	conn     *sql.Conn
	tables   map[string]Table
	triggers []string
	indexes  []string
	loaded   map[string]int64
	sequence [][]any
	done     bool
}

// loadCacheKiB is the page cache of a loading connection, so that a
// restore's pages are encrypted and written once, not spilled and read
// back (SQLite takes the memory only as it needs it).
const loadCacheKiB = 128 << 10

// Loader begins loading. Close the DB only after Commit or Rollback.
func (db *DB) Loader(ctx context.Context) (*Loader, error) {
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return nil, err
	}
	l := &Loader{conn: conn, tables: map[string]Table{}, loaded: map[string]int64{}}
	fail := func(err error) (*Loader, error) {
		l.Rollback()
		return nil, err
	}
	// Outside the transaction: SQLite ignores foreign_keys inside one.
	// Rollback and Commit turn it back on before the connection goes back
	// to the pool.
	for _, q := range []string{"PRAGMA foreign_keys = OFF", fmt.Sprintf("PRAGMA cache_size = -%d", loadCacheKiB)} {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			l.resetConn()
			conn.Close()
			return nil, fmt.Errorf("load: %w", err)
		}
	}
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		l.resetConn()
		conn.Close()
		return nil, fmt.Errorf("load: begin: %w", err)
	}
	// Triggers and indexes (those written as SQL; a primary key's or a
	// UNIQUE constraint's own index stays) are dropped, and put back at
	// Commit.
	for _, kind := range []string{"trigger", "index"} {
		rows, err := conn.QueryContext(ctx, `SELECT name, sql FROM sqlite_master WHERE type = ? AND sql IS NOT NULL ORDER BY name`, kind)
		if err != nil {
			return fail(fmt.Errorf("load: list %ss: %w", kind, err))
		}
		var names, sqls []string
		for rows.Next() {
			var name, q string
			if err := rows.Scan(&name, &q); err != nil {
				rows.Close()
				return fail(err)
			}
			names = append(names, name)
			sqls = append(sqls, q)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fail(err)
		}
		for _, n := range names {
			if _, err := conn.ExecContext(ctx, "DROP "+strings.ToUpper(kind)+" "+quoteIdent(n)); err != nil {
				return fail(fmt.Errorf("load: hold %s %s: %w", kind, n, err))
			}
		}
		if kind == "trigger" {
			l.triggers = sqls
		} else {
			l.indexes = sqls
		}
	}
	tables, err := dumpTables(ctx, conn)
	if err != nil {
		return fail(err)
	}
	for _, t := range tables {
		l.tables[t.Name] = t
		if _, err := conn.ExecContext(ctx, "DELETE FROM "+quoteIdent(t.Name)); err != nil {
			return fail(fmt.Errorf("load: empty %s: %w", t.Name, err))
		}
	}
	return l, nil
}

// Tables are the tables this database expects from a dump, sorted by name.
func (l *Loader) Tables() []Table {
	out := make([]Table, 0, len(l.tables))
	for _, t := range l.tables {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// TableLoader inserts the rows of one table.
type TableLoader struct {
	l     *Loader
	table string
	stmt  *sql.Stmt
	order []int // dump column i goes to parameter order[i]
	args  []any
}

// Table starts loading the named table with the dump's columns, which must
// be the table's dump columns (in any order). A table is loaded once.
func (l *Loader) Table(ctx context.Context, name string, columns []string) (*TableLoader, error) {
	t, ok := l.tables[name]
	if !ok {
		return nil, fmt.Errorf("the backup has a table %q that this version of the records does not have", name)
	}
	if _, dup := l.loaded[name]; dup {
		return nil, fmt.Errorf("table %q loaded twice", name)
	}
	if len(columns) != len(t.Columns) {
		return nil, fmt.Errorf("table %s: the backup has %d columns, the records %d", name, len(columns), len(t.Columns))
	}
	pos := map[string]int{}
	for i, c := range t.Columns {
		pos[c] = i
	}
	tl := &TableLoader{l: l, table: name, order: make([]int, len(columns)), args: make([]any, len(columns))}
	seen := map[string]bool{}
	for i, c := range columns {
		p, ok := pos[c]
		if !ok || seen[c] {
			return nil, fmt.Errorf("table %s: unexpected column %q", name, c)
		}
		seen[c] = true
		tl.order[i] = p
	}
	l.loaded[name] = 0
	if name == SequenceTable {
		return tl, nil // applied at Commit, after the tables it counts for
	}
	cols := make([]string, len(t.Columns))
	marks := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cols[i], marks[i] = quoteIdent(c), "?"
	}
	if t.Columns[0] == "rowid" && t.orderBy == "rowid" {
		cols[0] = "rowid"
	}
	stmt, err := l.conn.PrepareContext(ctx, "INSERT INTO "+quoteIdent(name)+" ("+strings.Join(cols, ", ")+") VALUES ("+strings.Join(marks, ", ")+")")
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", name, err)
	}
	tl.stmt = stmt
	return tl, nil
}

// Insert adds one row, its values in the dump's column order: nil, int64,
// float64, string or []byte.
func (tl *TableLoader) Insert(ctx context.Context, row []any) error {
	if len(row) != len(tl.order) {
		return fmt.Errorf("table %s: a row has %d values for %d columns", tl.table, len(row), len(tl.order))
	}
	for i, v := range row {
		switch v.(type) {
		case nil, int64, float64, string, []byte:
		default:
			return fmt.Errorf("table %s: unexpected value type %T", tl.table, v)
		}
		tl.args[tl.order[i]] = v
	}
	tl.l.loaded[tl.table]++
	if tl.stmt == nil {
		tl.l.sequence = append(tl.l.sequence, append([]any(nil), tl.args...))
		return nil
	}
	if _, err := tl.stmt.ExecContext(ctx, tl.args...); err != nil {
		return fmt.Errorf("load %s: %w", tl.table, err)
	}
	return nil
}

// Close releases the table's statement.
func (tl *TableLoader) Close() error {
	if tl.stmt != nil {
		return tl.stmt.Close()
	}
	return nil
}

// Commit checks that every table was loaded with as many rows as it now
// holds, puts the triggers back, rebuilds the full-text indexes, and
// commits (foreign keys are checked here). It returns the loaded row counts.
func (l *Loader) Commit(ctx context.Context) (map[string]int64, error) {
	if l.done {
		return nil, errors.New("load: already finished")
	}
	fail := func(err error) (map[string]int64, error) {
		l.Rollback()
		return nil, err
	}
	for name := range l.tables {
		if _, ok := l.loaded[name]; !ok {
			return fail(fmt.Errorf("the backup lacks the table %s", name))
		}
	}
	if t, ok := l.tables[SequenceTable]; ok {
		if _, err := l.conn.ExecContext(ctx, "DELETE FROM "+SequenceTable); err != nil {
			return fail(fmt.Errorf("load %s: %w", SequenceTable, err))
		}
		cols := make([]string, len(t.Columns))
		marks := make([]string, len(t.Columns))
		for i, c := range t.Columns {
			cols[i], marks[i] = quoteIdent(c), "?"
		}
		q := "INSERT INTO " + SequenceTable + " (" + strings.Join(cols, ", ") + ") VALUES (" + strings.Join(marks, ", ") + ")"
		for _, r := range l.sequence {
			if _, err := l.conn.ExecContext(ctx, q, r...); err != nil {
				return fail(fmt.Errorf("load %s: %w", SequenceTable, err))
			}
		}
	}
	for name, want := range l.loaded {
		var n int64
		if err := l.conn.QueryRowContext(ctx, "SELECT count(*) FROM "+quoteIdent(name)).Scan(&n); err != nil {
			return fail(fmt.Errorf("count %s: %w", name, err))
		}
		if n != want {
			return fail(fmt.Errorf("table %s holds %d rows after loading %d", name, n, want))
		}
	}
	for _, q := range l.indexes {
		if _, err := l.conn.ExecContext(ctx, q); err != nil {
			return fail(fmt.Errorf("load: restore index: %w", err))
		}
	}
	for _, q := range l.triggers {
		if _, err := l.conn.ExecContext(ctx, q); err != nil {
			return fail(fmt.Errorf("load: restore trigger: %w", err))
		}
	}
	if err := rebuildExternalContent(ctx, l.conn); err != nil {
		return fail(err)
	}
	if err := foreignKeyCheck(ctx, l.conn); err != nil {
		return fail(err)
	}
	if _, err := l.conn.ExecContext(ctx, "COMMIT"); err != nil {
		return fail(fmt.Errorf("load: commit: %w", err))
	}
	l.done = true
	err := l.resetConn()
	l.conn.Close()
	if err != nil {
		return nil, fmt.Errorf("load: %w", err)
	}
	return l.loaded, nil
}

// foreignKeyCheck fails if any row breaks a foreign key.
func foreignKeyCheck(ctx context.Context, q querier) error {
	rows, err := q.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return fmt.Errorf("load: foreign key check: %w", err)
	}
	defer rows.Close()
	if rows.Next() {
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		rows.Scan(ptrs...)
		return fmt.Errorf("load: a row of %v breaks a foreign key (to %v)", vals[0], vals[len(vals)-2])
	}
	return rows.Err()
}

// resetConn gives the connection back its usual settings; when it cannot,
// the connection is discarded rather than returned to the pool without
// foreign keys.
func (l *Loader) resetConn() error {
	ctx := context.Background()
	_, err := l.conn.ExecContext(ctx, "PRAGMA cache_size = -2000")
	if err == nil {
		_, err = l.conn.ExecContext(ctx, "PRAGMA foreign_keys = ON")
	}
	if err != nil {
		l.conn.Raw(func(any) error { return driver.ErrBadConn })
	}
	return err
}

// Rollback abandons the load. Idempotent.
func (l *Loader) Rollback() {
	if l.done {
		return
	}
	l.done = true
	l.conn.ExecContext(context.Background(), "ROLLBACK")
	l.resetConn()
	l.conn.Close()
}

var externalContentRe = regexp.MustCompile(`(?i)\bcontent\s*=\s*['"]?[A-Za-z_]`)

// rebuildExternalContent rebuilds the external-content FTS5 tables
// (content='table') with FTS5's own 'rebuild' command. Other full-text
// indexes, such as the therapist's search (search_index, filled by the
// program), are rebuilt by DB.RebuildSearch once the load is committed.
func rebuildExternalContent(ctx context.Context, q querier) error {
	rows, err := q.QueryContext(ctx, `SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`)
	if err != nil {
		return fmt.Errorf("list full-text indexes: %w", err)
	}
	type vt struct{ name, sql string }
	var vts []vt
	for rows.Next() {
		var v vt
		if err := rows.Scan(&v.name, &v.sql); err != nil {
			rows.Close()
			return err
		}
		vts = append(vts, v)
	}
	rows.Close()
	for _, v := range vts {
		if !strings.Contains(strings.ToLower(v.sql), "fts5") || !externalContentRe.MatchString(v.sql) {
			continue
		}
		if _, err := q.ExecContext(ctx, "INSERT INTO "+quoteIdent(v.name)+"("+quoteIdent(v.name)+") VALUES ('rebuild')"); err != nil {
			return fmt.Errorf("rebuild search index %s: %w", v.name, err)
		}
	}
	return nil
}
