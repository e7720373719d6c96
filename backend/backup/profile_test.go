package backup

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"tandem/backend/clock/clocktest"
	"tandem/backend/vault"
	"tandem/backend/vault/vaulttest"
)

// Benchmarks over an existing vault, for profiling the backup's stages:
//
//	TANDEM_BENCH_VAULT=DIR TANDEM_BENCH_PASSPHRASE_FILE=F go test -tags sqlite_fts5 \
//	  -run '^$' -bench Stage -cpuprofile cpu.out ./backend/backup/
//
// They are skipped without TANDEM_BENCH_VAULT (make a vault with
// `tandem vault init` and `tandem demo seed`, or let scripts/bench.sh).
func benchSource(b testing.TB) (Source, string) {
	b.Helper()
	v, pass := vaulttest.Bench(b)
	return source(b, v), pass
}

// BenchmarkStageScan reads every row of every table through the driver and
// does nothing with them: the floor of a backup.
func BenchmarkStageScan(b *testing.B) {
	src, _ := benchSource(b)
	ctx := context.Background()
	for b.Loop() {
		snap, err := src.DB.Snapshot(ctx)
		if err != nil {
			b.Fatal(err)
		}
		var n int64
		for _, sel := range snap.All() {
			rows, err := snap.Scan(ctx, sel, func([]any) error { return nil })
			if err != nil {
				b.Fatal(err)
			}
			n += rows
		}
		snap.Close()
		b.ReportMetric(float64(n), "rows")
	}
}

// BenchmarkStageWrite makes a backup into io.Discard: read, encode,
// encrypt, without the disk and the read-back.
func BenchmarkStageWrite(b *testing.B) {
	src, _ := benchSource(b)
	for b.Loop() {
		if _, err := write(context.Background(), src, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// createPhases times a Create's phases from its progress reports: reading
// the vault (snapshot, read, encode, checksums), encrypting and writing the
// file and syncing it, and the read-back check.
type createPhases struct {
	mark               time.Time
	read, write, check time.Duration
}

// start marks the beginning of a Create; progress is its Source.Progress.
func (c *createPhases) start() { c.mark = time.Now() }

func (c *createPhases) progress(step string, done, total int) {
	now := time.Now()
	switch {
	case step == "write" && done == 0:
		c.read += now.Sub(c.mark)
	case step == "verify" && done == 0:
		c.write += now.Sub(c.mark)
	case step == "verify" && done == 1:
		c.check += now.Sub(c.mark)
	default:
		return
	}
	c.mark = now
}

// BenchmarkStageCreate is the whole Create, with the time of its phases.
func BenchmarkStageCreate(b *testing.B) {
	src, _ := benchSource(b)
	src.Now = nil
	if n, err := strconv.Atoi(os.Getenv("TANDEM_BENCH_READERS")); err == nil {
		saved := maxReaders
		maxReaders = n
		defer func() { maxReaders = saved }()
	}
	dir := b.TempDir()
	i := 0
	var phases createPhases
	src.Progress = phases.progress
	defer func() {
		n := float64(max(i, 1))
		b.ReportMetric(float64(phases.read.Milliseconds())/n, "read-ms")
		b.ReportMetric(float64(phases.write.Milliseconds())/n, "write+sync-ms")
		b.ReportMetric(float64(phases.check.Milliseconds())/n, "check-ms")
	}()
	for b.Loop() {
		phases.start()
		i++
		p := filepath.Join(dir, "b"+strings.Repeat("x", i%7)+string(rune('a'+i%26))+".age")
		os.Remove(p)
		if _, err := Create(context.Background(), src, p); err != nil {
			b.Fatal(err)
		}
		os.Remove(p)
	}
}

// BenchmarkStageVerify verifies a backup with the data key.
func BenchmarkStageVerify(b *testing.B) {
	src, _ := benchSource(b)
	p := filepath.Join(b.TempDir(), "b.age")
	if _, err := Create(context.Background(), src, p); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Verify(context.Background(), p, Unlock{DataKey: src.Keys.DataKey}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStageRestore restores a backup (with the data key's backup, opened
// with the passphrase: one key derivation per restore).
func BenchmarkStageRestore(b *testing.B) {
	src, pass := benchSource(b)
	tmp := b.TempDir()
	p := filepath.Join(tmp, "b.age")
	if _, err := Create(context.Background(), src, p); err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		i++
		nv, err := vault.Open(filepath.Join(tmp, "r", strings.Repeat("r", i)), true, vault.Options{Now: clocktest.Now()})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Restore(context.Background(), p, nv, RestoreOptions{Unlock: Unlock{Passphrase: pass}}); err != nil {
			b.Fatal(err)
		}
		nv.Close()
	}
}
