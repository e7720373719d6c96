package storage

import (
	"context"
	"crypto/rand"
	"path/filepath"
	"testing"

	"tandem/backend/clock/clocktest"
	"tandem/backend/domain"
)

// BenchmarkOpen measures what an unlock costs after key derivation:
// opening the encrypted database, checking migrations, and the reads the
// home screen needs (profile, settings, the client list).
func BenchmarkOpen(b *testing.B) {
	ctx := context.Background()
	key := make([]byte, KeySize)
	rand.Read(key)
	path := filepath.Join(b.TempDir(), "bench.db")
	db, err := Open(ctx, path, key, clocktest.Now())
	if err != nil {
		b.Fatal(err)
	}
	db.SavePractice(ctx, domain.Practice{Name: "Bench practice (fictional)"})
	for i := 0; i < 50; i++ {
		db.CreateClient(ctx, domain.Client{ChosenName: "Client " + string(rune('A'+i%26))}, domain.ByTherapist)
	}
	db.Close()
	for b.Loop() {
		db, err := Open(ctx, path, key, clocktest.Now())
		if err != nil {
			b.Fatal(err)
		}
		if _, err := db.Practice(ctx); err != nil {
			b.Fatal(err)
		}
		if _, err := db.Settings(ctx); err != nil {
			b.Fatal(err)
		}
		if _, err := db.Clients(ctx, domain.ClientFilter{Status: domain.StatusActive}); err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
}
