package storage

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
)

// DumpTablesAt returns the tables a dump of a database at schema version
// version carries (dumpTables), with their columns: what a restore into a
// database of that version accepts (Loader.Table), so that verifying a
// backup refuses what restoring it would. The schema is built by applying
// the migrations to an empty database in memory, which never holds a
// record; the answer is kept for the process.
func DumpTablesAt(ctx context.Context, version int) (map[string]Table, error) {
	schemas.Lock()
	defer schemas.Unlock()
	if t, ok := schemas.byVersion[version]; ok {
		return t, nil
	}
	ms, err := migrations()
	if err != nil {
		return nil, err
	}
	if version < 1 || version > len(ms) {
		return nil, fmt.Errorf("storage: schema version %d out of range", version)
	}
	sdb, err := sql.Open(driverName, "file::memory:")
	if err != nil {
		return nil, err
	}
	defer sdb.Close()
	sdb.SetMaxOpenConns(1) // one connection: one in-memory database
	for _, m := range ms[:version] {
		if _, err := sdb.ExecContext(ctx, m.sql); err != nil {
			return nil, fmt.Errorf("schema %d: migration %04d_%s: %w", version, m.version, m.name, err)
		}
	}
	list, err := dumpTables(ctx, sdb)
	if err != nil {
		return nil, err
	}
	out := make(map[string]Table, len(list))
	for _, t := range list {
		out[t.Name] = t
	}
	schemas.byVersion[version] = out
	return out, nil
}

var schemas = struct {
	sync.Mutex
	byVersion map[int]map[string]Table
}{byVersion: map[int]map[string]Table{}}

// columnOrder checks a dump's columns for table t against the table's own
// (the same set, in any order, each once) and returns where each dump
// column goes among t's. A restore (Loader.Table) and a verify both refuse
// with its error.
func columnOrder(t Table, columns []string) ([]int, error) {
	if len(columns) != len(t.Columns) {
		return nil, fmt.Errorf("table %s: the backup has %d columns, the records %d", t.Name, len(columns), len(t.Columns))
	}
	pos := map[string]int{}
	for i, c := range t.Columns {
		pos[c] = i
	}
	order := make([]int, len(columns))
	seen := map[string]bool{}
	for i, c := range columns {
		p, ok := pos[c]
		if !ok || seen[c] {
			return nil, fmt.Errorf("table %s: unexpected column %q", t.Name, c)
		}
		seen[c] = true
		order[i] = p
	}
	return order, nil
}

// CheckDumpTable says whether a restore into a database whose dump tables
// are tables (DumpTablesAt) accepts the table name with the columns: nil,
// or the error the restore would give.
func CheckDumpTable(tables map[string]Table, name string, columns []string) error {
	t, ok := tables[name]
	if !ok {
		return unknownTable(name)
	}
	_, err := columnOrder(t, columns)
	return err
}

func unknownTable(name string) error {
	return fmt.Errorf("the backup has a table %q that this version of the records does not have", name)
}
