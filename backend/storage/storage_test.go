package storage

import (
	"context"
	"crypto/rand"
	"path/filepath"
	"strings"
	"testing"

	"tandem/backend/clock/clocktest"
	"tandem/backend/domain"
)

// mustOpen opens a real encrypted database in a temporary folder.
func mustOpen(t *testing.T) (*DB, string, []byte) {
	t.Helper()
	key := make([]byte, KeySize)
	rand.Read(key)
	path := filepath.Join(t.TempDir(), "test.db")
	db, err := Open(context.Background(), path, key, clocktest.Now())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path, key
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	db, path, key := mustOpen(t)
	v, err := db.Version(ctx)
	if err != nil || v != SchemaVersion() || v < 1 {
		t.Fatalf("version %d (%v), want %d", v, err, SchemaVersion())
	}
	db.Close()

	t.Run("reopening applies nothing twice", func(t *testing.T) {
		db, err := Open(ctx, path, key, clocktest.Now())
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		var n int
		db.sql.QueryRow(`SELECT count(*) FROM schema_migrations`).Scan(&n)
		if n != SchemaVersion() {
			t.Fatalf("%d migrations recorded, want %d", n, SchemaVersion())
		}
	})
	t.Run("a newer vault is refused", func(t *testing.T) {
		db, _ := Open(ctx, path, key, clocktest.Now())
		db.sql.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')`)
		db.Close()
		_, err := Open(ctx, path, key, clocktest.Now())
		if domain.ErrorCode(err) != domain.EVAULTNEWER || !strings.Contains(domain.ErrorMessage(err), "newer version of Tandem") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("the wrong key is refused", func(t *testing.T) {
		other := make([]byte, KeySize)
		rand.Read(other)
		if _, err := Open(ctx, path, other, clocktest.Now()); domain.ErrorCode(err) != domain.EVAULTDAMAGED {
			t.Fatalf("got %v", err)
		}
	})
}

func TestMigrationFilesAreNumberedWithoutGaps(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range ms {
		if m.version != i+1 {
			t.Fatalf("migration %d has version %d", i, m.version)
		}
	}
}

func TestPracticeAndSettings(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	p, err := db.Practice(ctx)
	if err != nil || p.Complete() {
		t.Fatalf("new vault practice %+v %v", p, err)
	}
	t.Run("validation names the field and saves nothing", func(t *testing.T) {
		for _, bad := range []domain.Practice{
			{Name: ""},
			{Name: "   "},
			{Name: strings.Repeat("x", domain.MaxShortText+1)},
			{Name: "A\x07B"},
			{Name: "Fine", Email: "not an email"},
			{Name: "Fine", Positionality: strings.Repeat("y", domain.MaxLongText+1)},
			{Name: "Fine", GreetingName: "Ánh\nLine"},
		} {
			if _, err := db.SavePractice(ctx, bad); domain.ErrorCode(err) != domain.EINVALID || domain.ErrorField(err) == "" {
				t.Errorf("%q: got %v", bad.Name, err)
			}
		}
		if p, _ := db.Practice(ctx); p.Complete() {
			t.Fatal("an invalid profile was saved")
		}
	})
	saved, err := db.SavePractice(ctx, domain.Practice{Name: "  Praxis Nguyễn Thị Ánh  ", GreetingName: " Ánh ", Email: "anh@example.org", Positionality: "first statement"})
	if err != nil {
		t.Fatal(err)
	}
	if saved.Name != "Praxis Nguyễn Thị Ánh" || saved.GreetingName != "Ánh" || saved.PositionalityDated == "" {
		t.Fatalf("saved %+v", saved)
	}
	if read, err := db.Practice(ctx); err != nil || read.GreetingName != "Ánh" {
		t.Fatalf("read back %+v %v", read, err)
	}
	t.Run("a changed positionality statement adds a dated entry", func(t *testing.T) {
		saved.Positionality = "second statement"
		db.SavePractice(ctx, saved)
		db.SavePractice(ctx, saved) // unchanged: no new entry
		var n int
		db.sql.QueryRow(`SELECT count(*) FROM practice_positionality`).Scan(&n)
		if n != 2 {
			t.Fatalf("%d entries, want 2", n)
		}
	})
	s, err := db.Settings(ctx)
	if err != nil || s.AutoLockMinutes != domain.DefaultAutoLockMinutes {
		t.Fatalf("default settings %+v %v", s, err)
	}
	if _, err := db.SaveSettings(ctx, domain.Settings{AutoLockMinutes: 0}); domain.ErrorField(err) != "autoLockMinutes" {
		t.Fatalf("got %v", err)
	}
	if s, err := db.SaveSettings(ctx, domain.Settings{AutoLockMinutes: 3}); err != nil || s.AutoLockMinutes != 3 {
		t.Fatalf("got %+v %v", s, err)
	}
}

func TestCheck(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	db.SavePractice(ctx, domain.Practice{Name: "Fictional"})
	r, err := db.Check(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !r.OK() {
		t.Fatalf("check failed: %+v", r)
	}
	found := false
	for _, c := range r.Counts {
		if c.Table == "practice" && c.Rows == 1 {
			found = true
		}
	}
	if !found {
		t.Fatalf("counts %+v", r.Counts)
	}
}

func TestOpenUnmigratedWaitsForMigrate(t *testing.T) {
	ctx := context.Background()
	key := make([]byte, KeySize)
	rand.Read(key)
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := CreateForRestore(ctx, path, key, SchemaVersion()-1, clocktest.Now())
	if err != nil {
		t.Fatal(err)
	}
	old.Close()

	db, err := OpenUnmigrated(ctx, path, key, clocktest.Now())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if v, err := db.Version(ctx); err != nil || v != SchemaVersion()-1 {
		t.Fatalf("version %d (%v) before Migrate", v, err)
	}
	for i := 0; i < 2; i++ {
		if err := db.Migrate(ctx); err != nil {
			t.Fatal(err)
		}
		if v, err := db.Version(ctx); err != nil || v != SchemaVersion() {
			t.Fatalf("version %d (%v) after Migrate", v, err)
		}
	}
	if _, err := OpenUnmigrated(ctx, filepath.Join(t.TempDir(), "absent.db"), key, clocktest.Now()); domain.ErrorCode(err) != domain.EVAULTDAMAGED {
		t.Fatalf("a missing database: %v", err)
	}
}

// TestConnectionSettings checks what every connection is opened with: the
// memory-wiping feature that slowed every query several times is off, and
// temporary data stays in memory.
func TestConnectionSettings(t *testing.T) {
	db, _, _ := mustOpen(t)
	ctx := context.Background()
	// More than one connection: each runs the hook.
	for i := 0; i < 3; i++ {
		conn, err := db.sql.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		var memsec string
		var temp int
		if err := conn.QueryRowContext(ctx, `PRAGMA cipher_memory_security`).Scan(&memsec); err != nil {
			t.Fatal(err)
		}
		if err := conn.QueryRowContext(ctx, `PRAGMA temp_store`).Scan(&temp); err != nil {
			t.Fatal(err)
		}
		if memsec != "0" || temp != 2 {
			t.Fatalf("connection %d: cipher_memory_security %q, temp_store %d", i, memsec, temp)
		}
	}
}
