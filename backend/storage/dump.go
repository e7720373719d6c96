package storage

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// Dumps read and write the database table by table, generically: the list
// of tables comes from sqlite_master, so a backup, a restore and an export
// follow the schema as it grows without being told. This file says which
// tables a dump carries and how; snapshot.go reads them (Snapshot) and
// load.go writes them into a new database (Loader). Backups (package
// backup) are the one user: see docs/backup-format.md.

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
// schema_migrations, the key anchor and the vault's local state (they are
// this vault's, not the records': keyanchor.go, vaultlocal.go), virtual
// tables and their shadow tables.
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
		case virtual[e.name], isShadow(e.name), e.name == "schema_migrations", e.name == anchorTable, e.name == vaultLocalTable:
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
