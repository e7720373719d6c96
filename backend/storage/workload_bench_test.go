package storage_test

import (
	"context"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	_ "github.com/mutecomm/go-sqlcipher/v4"

	"tandem/backend/vault"
	"tandem/backend/vault/vaulttest"
)

// Encryption's cost: tools/sqlbench/workload.sql runs on the SQLCipher vault
// here and on an unencrypted copy in tools/sqlbench (a separate module and
// binary: the plain SQLite driver cannot be linked beside SQLCipher).
// scripts/bench.sh makes the copy with TestPlaintextCopy in a temporary
// folder and deletes it afterwards; the vault is synthetic demo data.

// BenchmarkQueryWorkload runs the workload TANDEM_BENCH_PASSES times
// (default 5) on the vault TANDEM_BENCH_VAULT and reports the median pass.
// TANDEM_BENCH_WORKLOAD names the workload file (default
// tools/sqlbench/workload.sql of this repository). With
// TANDEM_BENCH_PLAIN_DB it runs on that unencrypted copy instead, through
// the same SQLCipher build: this splits encryption's cost from the build's.
func BenchmarkQueryWorkload(b *testing.B) {
	db := openRawVault(b)
	queries := workloadQueries(b)
	passes := 5
	if n, err := strconv.Atoi(os.Getenv("TANDEM_BENCH_PASSES")); err == nil && n > 0 {
		passes = n
	}
	var ms []float64
	var rows int
	b.ResetTimer()
	for range b.N {
		for range passes {
			start := time.Now()
			n, err := workloadPass(db, queries)
			if err != nil {
				b.Fatal(err)
			}
			ms = append(ms, float64(time.Since(start).Microseconds())/1000)
			rows = n
		}
	}
	b.StopTimer()
	slices.Sort(ms)
	b.ReportMetric(ms[len(ms)/2], "pass-ms")
	b.ReportMetric(float64(rows), "rows")
	b.ReportMetric(float64(len(queries)), "queries")
	b.ReportMetric(0, "ns/op")
}

// TestPlaintextCopy writes an unencrypted copy of the vault
// TANDEM_BENCH_VAULT to the file TANDEM_BENCH_PLAIN_COPY with SQLCipher's
// sqlcipher_export, for the workload's plaintext side. Only the benchmark
// asks for it, on demo data, in a temporary folder it deletes.
func TestPlaintextCopy(t *testing.T) {
	out := os.Getenv("TANDEM_BENCH_PLAIN_COPY")
	if out == "" {
		t.Skip("set TANDEM_BENCH_PLAIN_COPY, TANDEM_BENCH_VAULT and TANDEM_BENCH_PASSPHRASE_FILE (scripts/bench.sh does)")
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatalf("%s exists", out)
	}
	db := openRawVault(t)
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	ctx := context.Background()
	if _, err := conn.ExecContext(ctx, `ATTACH DATABASE ? AS plaintext KEY ''`, out); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, `SELECT sqlcipher_export('plaintext')`); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(ctx, `DETACH DATABASE plaintext`); err != nil {
		t.Fatal(err)
	}
	head := make([]byte, 16)
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Read(head); err != nil || string(head) != "SQLite format 3\x00" {
		t.Fatalf("the copy is not a plain SQLite file: %q %v", head, err)
	}
}

// openRawVault opens the bench vault's database with the data key on a
// read-write connection of its own (the workload only reads), with the
// vault's page size and temporary storage in memory, as the app does.
func openRawVault(tb testing.TB) *sql.DB {
	tb.Helper()
	v, _ := vaulttest.Bench(tb)
	dir := v.Dir()
	defer v.Close()
	keys, err := v.BackupKeys()
	if err != nil {
		tb.Fatal(err)
	}
	key := hex.EncodeToString(keys.DataKey)
	keys.Wipe()
	q := url.Values{}
	q.Set("_pragma_key", "x'"+key+"'")
	q.Set("_pragma_cipher_page_size", "4096")
	q.Set("_pragma_temp_store", "MEMORY")
	path := filepath.Join(dir, vault.DBFileName)
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
	if plain := os.Getenv("TANDEM_BENCH_PLAIN_DB"); plain != "" {
		// The plaintext copy through this same SQLCipher build, no key:
		// what the build costs apart from encrypting.
		dsn = "file:" + (&url.URL{Path: plain}).EscapedPath() + "?_pragma_temp_store=MEMORY"
	}
	db, err := sql.Open("sqlite3", dsn)
	if err != nil {
		tb.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	tb.Cleanup(func() { db.Close() })
	return db
}

func workloadQueries(tb testing.TB) []string {
	tb.Helper()
	path := os.Getenv("TANDEM_BENCH_WORKLOAD")
	if path == "" {
		path = filepath.Join("..", "..", "tools", "sqlbench", "workload.sql")
	}
	text, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	qs := splitWorkload(string(text))
	if len(qs) == 0 {
		tb.Fatalf("%s holds no queries", path)
	}
	return qs
}

// splitWorkload and workloadPass are tools/sqlbench's Queries and Pass: the
// two sides must split and read the workload alike (TestWorkloadSplitting).
func splitWorkload(text string) []string {
	var out, cur []string
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

func workloadPass(db *sql.DB, queries []string) (int, error) {
	n := 0
	for _, q := range queries {
		rows, err := db.Query(q)
		if err != nil {
			return n, err
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
			return n, err
		}
	}
	return n, nil
}

// TestWorkloadSplitting checks the workload file splits into statements
// that all name a table of the schema, so a typo shows here, not in a bench.
func TestWorkloadSplitting(t *testing.T) {
	qs := workloadQueries(t)
	if len(qs) < 10 {
		t.Fatalf("the workload has %d statements; it should stand for a day's work", len(qs))
	}
	for _, q := range qs {
		if strings.Contains(q, ";") || !strings.HasPrefix(strings.ToUpper(q), "SELECT") {
			t.Errorf("not one read-only statement: %q", q)
		}
	}
	got := splitWorkload("-- note\nSELECT 1\nFROM x;\n\nSELECT 2;\n")
	if !slices.Equal(got, []string{"SELECT 1\nFROM x", "SELECT 2"}) {
		t.Errorf("split: %q", got)
	}
}
