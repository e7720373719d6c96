package storage

import (
	"context"
	"encoding/hex"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"

	"tandem/backend/clock/clocktest"
)

// Floor benchmarks over an existing database (TANDEM_BENCH_DB, of a
// throwaway demonstration vault, with its raw key, the vault's data key, in
// hexadecimal in TANDEM_BENCH_KEYHEX): how long SQLCipher takes to read
// every dumped table with the values never leaving C (the cipher's and the
// B-tree's floor), by one connection or several at once, and through Scan.
func floorDB(b *testing.B) *DB {
	b.Helper()
	path, keyHex := os.Getenv("TANDEM_BENCH_DB"), os.Getenv("TANDEM_BENCH_KEYHEX")
	if path == "" || keyHex == "" {
		b.Skip("set TANDEM_BENCH_DB and TANDEM_BENCH_KEYHEX")
	}
	key, err := hex.DecodeString(keyHex)
	if err != nil {
		b.Fatal(err)
	}
	db, err := Open(context.Background(), path, key, clocktest.Now())
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	return db
}

func BenchmarkFloorInC(b *testing.B) {
	db := floorDB(b)
	ctx := context.Background()
	for b.Loop() {
		snap, err := db.Snapshot(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if p := os.Getenv("TANDEM_BENCH_PRAGMA"); p != "" {
			if _, err := snap.conn.ExecContext(ctx, p); err != nil {
				b.Fatal(err)
			}
		}
		var total int64
		for _, t := range snap.Tables() {
			parts := make([]string, len(t.Columns))
			for i, c := range t.Columns {
				if c == "rowid" {
					parts[i] = "length(rowid)"
				} else {
					parts[i] = "coalesce(length(" + quoteIdent(c) + "), 0)"
				}
			}
			var n int64
			q := "SELECT coalesce(sum(" + strings.Join(parts, "+") + "), 0) FROM (SELECT * " + strings.TrimPrefix(t.selectSQL(""), "SELECT ") + ")"
			q = "SELECT coalesce(sum(" + strings.Join(parts, "+") + "), 0) FROM " + quoteIdent(t.Name)
			if err := snap.conn.QueryRowContext(ctx, q).Scan(&n); err != nil {
				b.Fatal(err, q)
			}
			total += n
		}
		snap.Close()
		b.ReportMetric(float64(total), "bytes")
	}
}

func BenchmarkFloorScan(b *testing.B) {
	db := floorDB(b)
	ctx := context.Background()
	for b.Loop() {
		snap, err := db.Snapshot(ctx)
		if err != nil {
			b.Fatal(err)
		}
		for _, sel := range snap.All() {
			if _, err := snap.Scan(ctx, sel, func([]any) error { return nil }); err != nil {
				b.Fatal(err)
			}
		}
		snap.Close()
	}
}

// BenchmarkFloorInCParallel is BenchmarkFloorInC by TANDEM_BENCH_READERS
// connections at once (default 2), each reading its rowid range of every
// table: whether the processors multiply SQLCipher's reading.
func BenchmarkFloorInCParallel(b *testing.B) {
	db := floorDB(b)
	ctx := context.Background()
	n := 2
	if v, err := strconv.Atoi(os.Getenv("TANDEM_BENCH_READERS")); err == nil {
		n = v
	}
	for b.Loop() {
		snaps, err := db.Snapshots(ctx, n)
		if err != nil || len(snaps) != n {
			b.Fatal(err, len(snaps))
		}
		var wg sync.WaitGroup
		for k, s := range snaps {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for _, t := range s.Tables() {
					lo, hi, ok := s.RowidRange(ctx, t)
					if !ok {
						continue
					}
					from, to := lo+(hi-lo+1)*int64(k)/int64(n), lo+(hi-lo+1)*int64(k+1)/int64(n)
					parts := make([]string, len(t.Columns))
					for i, c := range t.Columns {
						if c == "rowid" {
							parts[i] = "length(rowid)"
						} else {
							parts[i] = "coalesce(length(" + quoteIdent(c) + "), 0)"
						}
					}
					var x int64
					q := "SELECT coalesce(sum(" + strings.Join(parts, "+") + "), 0) FROM " + quoteIdent(t.Name) + " WHERE rowid >= ? AND rowid < ?"
					if err := s.conn.QueryRowContext(ctx, q, from, to).Scan(&x); err != nil {
						b.Error(err)
					}
				}
			}()
		}
		wg.Wait()
		for _, s := range snaps {
			s.Close()
		}
	}
}
