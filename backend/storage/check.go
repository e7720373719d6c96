package storage

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// CheckReport is the result of Check: each check's outcome and the number of
// rows in every table of the vault.
type CheckReport struct {
	CipherOK           bool
	CipherProblems     []string
	IntegrityOK        bool
	IntegrityProblems  []string
	ForeignKeysOK      bool
	ForeignKeyProblems int
	SchemaVersion      int
	Counts             []TableCount
}

// TableCount is one table's row count.
type TableCount struct {
	Table string
	Rows  int64
}

// OK reports whether every check passed.
func (r CheckReport) OK() bool { return r.CipherOK && r.IntegrityOK && r.ForeignKeysOK }

// Check runs SQLCipher's page-level integrity check (every page's HMAC),
// SQLite's integrity check and the foreign-key check, and counts the rows of
// every table. A failed check is reported in the report, not as an error;
// the error is for a check that could not run at all.
func (db *DB) Check(ctx context.Context) (CheckReport, error) {
	var r CheckReport
	var err error
	if r.CipherProblems, err = db.pragmaLines(ctx, "PRAGMA cipher_integrity_check"); err != nil {
		return r, err
	}
	r.CipherOK = len(r.CipherProblems) == 0
	lines, err := db.pragmaLines(ctx, "PRAGMA integrity_check")
	if err != nil {
		return r, err
	}
	r.IntegrityOK = len(lines) == 1 && lines[0] == "ok"
	if !r.IntegrityOK {
		r.IntegrityProblems = lines
	}
	rows, err := db.sql.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return r, fmt.Errorf("foreign key check: %w", err)
	}
	for rows.Next() {
		r.ForeignKeyProblems++
	}
	rows.Close()
	r.ForeignKeysOK = r.ForeignKeyProblems == 0
	if r.SchemaVersion, err = db.Version(ctx); err != nil {
		return r, err
	}
	r.Counts, err = db.Counts(ctx)
	return r, err
}

// Counts returns the row count of every table, by table name.
func (db *DB) Counts(ctx context.Context) ([]TableCount, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
	if err != nil {
		return nil, fmt.Errorf("list tables: %w", err)
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return nil, err
		}
		if !strings.HasPrefix(n, "search_index_") { // the index's own tables
			names = append(names, n)
		}
	}
	rows.Close()
	sort.Strings(names)
	out := make([]TableCount, 0, len(names))
	for _, n := range names {
		var c int64
		// Table names come from sqlite_master, quoted as identifiers.
		if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM "`+strings.ReplaceAll(n, `"`, `""`)+`"`).Scan(&c); err != nil {
			return nil, fmt.Errorf("count %s: %w", n, err)
		}
		out = append(out, TableCount{Table: n, Rows: c})
	}
	return out, nil
}

func (db *DB) pragmaLines(ctx context.Context, q string) ([]string, error) {
	rows, err := db.sql.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", q, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
