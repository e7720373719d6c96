package storage_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"tandem/backend/domain"
	"tandem/backend/vault/vaulttest"
)

// BenchmarkPracticeSearch measures the search over a whole practice: a
// vault seeded by `tandem demo seed` (scripts/bench.sh makes a ten-year
// one), named by TANDEM_BENCH_VAULT with its passphrase in
// TANDEM_BENCH_PASSPHRASE_FILE. It reports the 50th and 95th percentile of
// one answer over a fixed set of queries: whole words, prefixes, words
// typed without their accents, names in several scripts, and words found
// nowhere.
func BenchmarkPracticeSearch(b *testing.B) {
	db := openBenchVault(b)
	ctx := context.Background()
	queries := []string{
		"bakery", "sister", "shoulders", "walk", "grandmother", "music", "piano", "breath", "tears",
		"sh", "ca", "wa", "re", "gr", "cafe", "zoe", "overgard", "nunez", "محمد", "प्रिया", "nguyen anh",
		"kind", "protective", "consultation", "earn my rest", "feet on the floor", "body scan",
		"lavender", "eyeshades", "quiet session", "no words yet", "xylophone", "quokka",
	}
	var times []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, q := range queries {
			t0 := time.Now()
			if _, err := db.Search(ctx, q); err != nil {
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

// BenchmarkPracticeJourney measures reading the longest client's journey
// (sessions, shifts, patterns, resources) from the same vault.
func BenchmarkPracticeJourney(b *testing.B) {
	db := openBenchVault(b)
	ctx := context.Background()
	list, err := db.Clients(ctx, domain.ClientFilter{})
	if err != nil {
		b.Fatal(err)
	}
	best, most := int64(0), -1
	for _, c := range list {
		rec, err := db.Integration(ctx, c.ID)
		if err != nil {
			b.Fatal(err)
		}
		if n := len(rec.Shifts) + len(rec.Sessions); n > most {
			best, most = c.ID, n
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := db.Integration(ctx, best); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPracticeFeesOverview measures the practice overview (income by
// month and year, outstanding balances, sessions by kind, reciprocity) over
// the same vault: the Go side of the fees screen's first view.
func BenchmarkPracticeFeesOverview(b *testing.B) {
	db := openBenchVault(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		o, err := db.FeesOverview(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if len(o.Years) == 0 {
			b.Fatal("the vault has no fees: seed it with demo seed")
		}
	}
}

// BenchmarkPracticeToday measures the Today screen (the week's
// appointments and everything due) over the same vault: the Go side of what
// Home paints first after unlock.
func BenchmarkPracticeToday(b *testing.B) {
	db := openBenchVault(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t, err := db.Today(ctx)
		if err != nil {
			b.Fatal(err)
		}
		if len(t.Due) == 0 {
			b.Fatal("nothing is due: seed the vault with demo seed")
		}
	}
}

type benchDB = interface {
	Today(context.Context) (domain.Today, error)
	FeesOverview(context.Context) (domain.FeesOverview, error)
	Search(context.Context, string) (domain.SearchResult, error)
	Clients(context.Context, domain.ClientFilter) ([]domain.ClientSummary, error)
	Integration(context.Context, int64) (domain.IntegrationRecord, error)
}

func openBenchVault(b *testing.B) benchDB {
	b.Helper()
	v, _ := vaulttest.Bench(b)
	db, err := v.DB()
	if err != nil {
		b.Fatal(err)
	}
	return db
}
