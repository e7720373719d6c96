// Command sqlbench runs the query workload of the benchmark (workload.sql)
// on an unencrypted SQLite copy of a vault, so that scripts/bench.sh can
// compare it with the same workload on the SQLCipher vault
// (BenchmarkQueryWorkload in backend/storage). It is its own module: the
// plain SQLite driver (mattn/go-sqlite3, pinned to v1.14.5, which carries
// SQLite 3.33.0, the version inside SQLCipher 4.4.2) cannot be linked into
// the same binary as SQLCipher. Build with -tags sqlite_fts5.
//
//	sqlbench -db COPY.db -workload workload.sql -passes N
//
// prints one line per pass: "pass_ms=12.34 queries=Q rows=R".
package main

import (
	"database/sql"
	"flag"
	"fmt"
	"net/url"
	"os"
	"strings"
	"time"

	_ "github.com/mattn/go-sqlite3"
)

func main() {
	dbPath := flag.String("db", "", "the unencrypted SQLite copy")
	workload := flag.String("workload", "workload.sql", "the queries, separated by ';' at the end of a line")
	passes := flag.Int("passes", 5, "passes over the workload")
	flag.Parse()
	if err := run(*dbPath, *workload, *passes); err != nil {
		fmt.Fprintln(os.Stderr, "sqlbench:", err)
		os.Exit(1)
	}
}

func run(dbPath, workload string, passes int) error {
	if dbPath == "" {
		return fmt.Errorf("-db is required")
	}
	text, err := os.ReadFile(workload)
	if err != nil {
		return err
	}
	queries := Queries(string(text))
	// The same connection settings as the vault's, less the key: read-only
	// here, as the workload only reads.
	dsn := "file:" + (&url.URL{Path: dbPath}).EscapedPath() + "?mode=ro&_pragma_temp_store=MEMORY"
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for range passes {
		start := time.Now()
		rows, err := Pass(db, queries)
		if err != nil {
			return err
		}
		fmt.Printf("pass_ms=%.2f queries=%d rows=%d\n", float64(time.Since(start).Microseconds())/1000, len(queries), rows)
	}
	return nil
}

// Queries splits the workload into statements: each ends with ';' at the
// end of a line; lines starting with "--" are comments.
func Queries(text string) []string {
	var out []string
	var cur []string
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "--") {
			continue
		}
		cur = append(cur, line)
		if strings.HasSuffix(strings.TrimSpace(line), ";") {
			if q := strings.TrimSpace(strings.Join(cur, "\n")); q != ";" {
				out = append(out, strings.TrimSuffix(q, ";"))
			}
			cur = nil
		}
	}
	return out
}

// Pass runs every query once, reading every column of every row, and
// returns the number of rows read.
func Pass(db *sql.DB, queries []string) (int, error) {
	n := 0
	for _, q := range queries {
		rows, err := db.Query(q)
		if err != nil {
			return n, fmt.Errorf("%s: %w", firstLine(q), err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return n, err
			}
			n++
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return n, fmt.Errorf("%s: %w", firstLine(q), err)
		}
	}
	return n, nil
}

func firstLine(q string) string { return strings.SplitN(q, "\n", 2)[0] }
