package storage

import (
	"context"
	"testing"

	"tandem/backend/domain"
)

func TestPaperSizeSetting(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	if s, err := db.Settings(ctx); err != nil || s.PaperSize != domain.PaperA4 {
		t.Fatalf("a new vault prints on %q (%v), want A4", s.PaperSize, err)
	}
	if s, err := db.SaveSettings(ctx, domain.Settings{AutoLockMinutes: 5, PaperSize: domain.PaperLetter}); err != nil || s.PaperSize != domain.PaperLetter {
		t.Fatalf("got %+v %v", s, err)
	}
	if s, _ := db.Settings(ctx); s.PaperSize != domain.PaperLetter || s.AutoLockMinutes != 5 {
		t.Fatalf("letter was not kept: %+v", s)
	}
	if _, err := db.SaveSettings(ctx, domain.Settings{AutoLockMinutes: 5, PaperSize: "a5"}); domain.ErrorField(err) != "paperSize" {
		t.Fatalf("a5 was accepted: %v", err)
	}
	// Settings saved without a paper size (an older page) mean A4.
	if s, err := db.SaveSettings(ctx, domain.Settings{AutoLockMinutes: 5}); err != nil || s.PaperSize != domain.PaperA4 {
		t.Fatalf("got %+v %v", s, err)
	}
}

// Settings read back are held to their ranges: a restored backup or a
// damaged database could hold any value (an auto-lock of a year, a
// rotation that keeps nothing, a relative folder).
func TestStoredSettingsAreHeldToTheirRanges(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	set := func(k, v string) {
		t.Helper()
		if _, err := db.sql.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, k, v); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		stored string
		want   int
	}{{"525600", domain.MaxAutoLockMinutes}, {"0", domain.MinAutoLockMinutes}, {"-5", domain.MinAutoLockMinutes}, {"ten", domain.DefaultAutoLockMinutes}, {"30", 30}} {
		set("auto_lock_minutes", c.stored)
		if s, err := db.Settings(ctx); err != nil || s.AutoLockMinutes != c.want {
			t.Errorf("auto-lock stored as %q reads %d (%v), want %d", c.stored, s.AutoLockMinutes, err, c.want)
		}
	}
	set(keyBackupDaily, "0")
	set(keyBackupWeekly, "100000")
	set(keyBackupMonthly, "-1")
	set(keyBackupFolder, "relative/folder")
	b, err := db.BackupSettings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if b.KeepDaily != 1 || b.KeepWeekly != domain.MaxKeepWeekly || b.KeepMonthly != 0 || b.Folder != "" {
		t.Fatalf("backup settings %+v", b)
	}
	if err := b.Validate(); err != nil {
		t.Fatalf("what is read back does not pass its own check: %v", err)
	}
}

// A restored vault's backup folder is held until the therapist chooses a
// folder again; the records keep it as they were (a dump is unchanged).
func TestARestoredBackupFolderIsHeldUntilChosenAgain(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	folder := t.TempDir()
	if _, err := db.SaveBackupSettings(ctx, domain.BackupSettings{Folder: folder, Auto: true, KeepDaily: 7, KeepWeekly: 4, KeepMonthly: 12}); err != nil {
		t.Fatal(err)
	}
	if err := db.HoldRestoredBackupFolder(ctx); err != nil {
		t.Fatal(err)
	}
	if s, err := db.BackupSettings(ctx); err != nil || s.Folder != "" {
		t.Fatalf("the held folder is in use: %+v %v", s, err)
	}
	if held, err := db.UnconfirmedBackupFolder(ctx); err != nil || held != folder {
		t.Fatalf("held %q %v", held, err)
	}
	tables, err := dumpTables(ctx, db.sql)
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range tables {
		if tb.Name == vaultLocalTable || tb.Name == anchorTable {
			t.Fatalf("a dump carries %s", tb.Name)
		}
	}
	if _, err := db.SaveBackupSettings(ctx, domain.BackupSettings{Folder: folder, Auto: true, KeepDaily: 7, KeepWeekly: 4, KeepMonthly: 12}); err != nil {
		t.Fatal(err)
	}
	if held, _ := db.UnconfirmedBackupFolder(ctx); held != "" {
		t.Fatal("the folder chosen again is still held")
	}
	if s, _ := db.BackupSettings(ctx); s.Folder != folder {
		t.Fatalf("folder %q", s.Folder)
	}
}
