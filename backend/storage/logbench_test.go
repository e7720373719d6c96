package storage_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"tandem/backend/clock/clocktest"
	"tandem/backend/domain"
	"tandem/backend/vault"
	"tandem/backend/vault/vaulttest"
)

// BenchmarkLiveLogEntry measures saving one entry of a medicine session's
// live log (AddLogEntry: its own transaction, on disk before it returns) on
// a copy of the bench's seeded vault (make bench: ten years of a practice),
// so that the vault the other benchmarks read stays as it was. The copy is
// made beside the vault, on the same disk, as the cost of a save is mostly
// the disk's. A new medicine session, today, for the first client on the
// list takes logSamples entries of the kinds a session's log holds; it
// reports their 50th and 95th percentile.
func BenchmarkLiveLogEntry(b *testing.B) {
	db := copyBenchVault(b)
	ctx := context.Background()
	list, err := db.Clients(ctx, domain.ClientFilter{})
	if err != nil {
		b.Fatal(err)
	}
	if len(list) == 0 {
		b.Fatal("the vault has no clients: seed it with demo seed")
	}
	s, err := db.AddSession(ctx, domain.Session{ClientID: list[0].ID, Kind: domain.MedicineSession, Date: clocktest.Today().Format(time.DateOnly),
		Time: "09:00", TimeZone: "Europe/London", Minutes: 360}, domain.ByTherapist)
	if err != nil {
		b.Fatal(err)
	}
	entries := []domain.NewLogEntry{
		{Kind: domain.LogDose},
		{Kind: domain.LogCheckIn, Text: "Feeling the floor under me. A little nervous, and that is all right."},
		{Kind: domain.LogVitals, Systolic: 128, Diastolic: 82, Pulse: 84, SpO2: 98},
		{Kind: domain.LogSetting, Text: "Music softer; eyeshades on."},
		{Kind: domain.LogNote, Text: "Breathing slowed, lying on the left side, hands resting on the chest. Quiet for a long while."},
	}
	const logSamples = 200
	var times []time.Duration
	b.ResetTimer()
	for range b.N {
		for i := range logSamples {
			n := entries[i%len(entries)]
			n.SessionID = s.ID
			t0 := time.Now()
			if _, err := db.AddLogEntry(ctx, n); err != nil {
				b.Fatal(err)
			}
			times = append(times, time.Since(t0))
		}
	}
	b.StopTimer()
	slices.Sort(times)
	ms := func(p float64) float64 { return float64(times[int(p*float64(len(times)-1))].Microseconds()) / 1000 }
	b.ReportMetric(ms(0.50), "p50-ms")
	b.ReportMetric(ms(0.95), "p95-ms")
	b.ReportMetric(0, "ns/op")
}

type logBenchDB interface {
	Clients(context.Context, domain.ClientFilter) ([]domain.ClientSummary, error)
	AddSession(context.Context, domain.Session, domain.Actor) (domain.Session, error)
	AddLogEntry(context.Context, domain.NewLogEntry) (domain.LogEntry, error)
}

// copyBenchVault copies the bench's seeded vault (vaulttest.BenchVault) to
// a folder beside it, deleted when the benchmark ends, and opens the copy
// as vaulttest.Bench opens the vault: unlocked with its passphrase, its
// own key derivation, on the suite's clock.
func copyBenchVault(b *testing.B) logBenchDB {
	b.Helper()
	src, passFile := os.Getenv(vaulttest.BenchVault), os.Getenv(vaulttest.BenchPassphraseFile)
	if src == "" || passFile == "" {
		b.Skip("set TANDEM_BENCH_VAULT and TANDEM_BENCH_PASSPHRASE_FILE to a seeded vault (scripts/bench.sh does)")
	}
	raw, err := os.ReadFile(passFile)
	if err != nil {
		b.Fatal(err)
	}
	pass := strings.TrimRight(strings.SplitN(string(raw), "\n", 2)[0], "\r")
	parent, err := os.MkdirTemp(filepath.Dir(filepath.Clean(src)), ".tandem-logbench-")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.RemoveAll(parent) })
	dir := filepath.Join(parent, "vault")
	if err := os.Mkdir(dir, 0o700); err != nil {
		b.Fatal(err)
	}
	for _, name := range []string{vault.KeyFileName, vault.DBFileName, vault.DBFileName + "-wal"} {
		if err := copyBenchFile(filepath.Join(src, name), filepath.Join(dir, name)); err != nil && !os.IsNotExist(err) {
			b.Fatal(err)
		}
	}
	v, err := vault.Open(dir, false, vault.Options{Now: clocktest.Now()})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { v.Close() }) // before the folder goes: cleanups run last first
	if err := v.Unlock(context.Background(), pass); err != nil {
		b.Fatal(err)
	}
	db, err := v.DB()
	if err != nil {
		b.Fatal(err)
	}
	return db
}

// copyBenchFile copies a file of the vault, durably, so that the copy's
// first writes do not wait on the copy's own flush.
func copyBenchFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
