package storage

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"time"
)

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
		return nil, unknownTable(name)
	}
	if _, dup := l.loaded[name]; dup {
		return nil, fmt.Errorf("table %q loaded twice", name)
	}
	order, err := columnOrder(t, columns)
	if err != nil {
		return nil, err
	}
	tl := &TableLoader{l: l, table: name, order: order, args: make([]any, len(columns))}
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
