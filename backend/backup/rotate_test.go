package backup

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"tandem/backend/clock/clocktest"
)

func TestRotationKeepsDailyWeeklyMonthlyAndTheNewest(t *testing.T) {
	dir := t.TempDir()
	// Noon of the suite's day: two backups a day, at 9:00 and 18:00.
	today := clocktest.Today()
	now := time.Date(today.Year(), today.Month(), today.Day(), 12, 0, 0, 0, today.Location())
	touch := func(name string, mtime time.Time) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte("x"), 0o600)
		os.Chtimes(p, mtime, mtime)
		return p
	}
	// Two backups a day for 400 days.
	for d := 0; d < 400; d++ {
		for _, h := range []int{9, 18} {
			at := now.AddDate(0, 0, -d).Add(time.Duration(h-12) * time.Hour)
			touch(FileName(at), at)
		}
	}
	oldest := FileName(now.AddDate(0, 0, -399).Add(-3 * time.Hour))
	other := touch("notes.txt", now)
	oldTmp := touch(".tandem-backup-123.tmp", now.Add(-48*time.Hour))
	newTmp := touch(".tandem-backup-456.tmp", now.Add(-time.Minute))

	list, err := List(dir)
	if err != nil || len(list) != 800 {
		t.Fatalf("%d listed, %v", len(list), err)
	}
	if !list[0].Created.After(list[1].Created) {
		t.Fatal("not newest first")
	}
	removed, err := Rotate(dir, DefaultPolicy(), filepath.Join(dir, oldest), now)
	if err != nil {
		t.Fatal(err)
	}
	kept, _ := List(dir)
	if len(removed)+len(kept) != 800 {
		t.Fatalf("%d removed, %d kept", len(removed), len(kept))
	}
	days, months := map[string]bool{}, map[string]bool{}
	for _, k := range kept {
		c := k.Created.In(now.Location())
		days[c.Format("2006-01-02")] = true
		months[c.Format("2006-01")] = true
	}
	// 7 days, up to 3 more weeks, up to 11 more months, and the one asked for.
	if len(kept) < 7+1 || len(kept) > 7+4+12+1 {
		t.Fatalf("kept %d", len(kept))
	}
	if kept[0].Name != list[0].Name {
		t.Fatal("the newest was removed")
	}
	for d := 0; d < 7; d++ {
		if !days[now.AddDate(0, 0, -d).Format("2006-01-02")] {
			t.Fatalf("no backup kept for day -%d", d)
		}
	}
	if len(months) < 12 {
		t.Fatalf("only %d months kept", len(months))
	}
	if _, err := os.Stat(filepath.Join(dir, oldest)); err != nil {
		t.Fatal("the backup to keep was removed")
	}
	for _, p := range []string{other, newTmp} {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("%s removed", p)
		}
	}
	if _, err := os.Stat(oldTmp); err == nil {
		t.Fatal("an old temporary file was kept")
	}
	if _, err := List(filepath.Join(dir, "unplugged")); err == nil {
		t.Fatal("a missing folder listed")
	}
}

func TestRotationNeverRemovesAPinnedFile(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	var paths []string
	for i := 0; i < 3; i++ {
		p := filepath.Join(dir, FileName(now.Add(time.Duration(i)*time.Hour)))
		if err := os.WriteFile(p, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	removed, err := Rotate(dir, Policy{Daily: 1, Pinned: []string{paths[0]}}, "", now)
	if err != nil {
		t.Fatal(err)
	}
	if len(removed) != 1 || removed[0] != paths[1] {
		t.Fatalf("removed %v, want only %s", removed, paths[1])
	}
}

// Rotation keeps one backup for each of the therapist's days: the days of
// the clock's zone, not of the computer's. Three backups are made around a
// local midnight: ten minutes before it, twenty minutes after it and an
// hour later. Keeping two days keeps the newest and the one before
// midnight, and removes the one after midnight (the second of its day).
func TestRotationKeepsOneBackupForEachOfTheTherapistsDays(t *testing.T) {
	for _, c := range []struct{ name, midnight, zone string }{
		{"new year's eve in Los Angeles", "2027-01-01T00:00", "America/Los_Angeles"},
		{"a leap day in Auckland", "2028-02-29T00:00", "Pacific/Auckland"},
		{"new year's day in Kolkata", "2027-01-01T00:00", "Asia/Kolkata"},
		{"the night clocks go forward in Berlin", "2027-03-28T00:00", "Europe/Berlin"},
		{"the night clocks go back in Berlin", "2027-10-31T00:00", "Europe/Berlin"},
	} {
		t.Run("the day before midnight keeps its backup: "+c.name, func(t *testing.T) {
			dir := t.TempDir()
			midnight := clocktest.Moment(t, c.midnight, c.zone)
			before, after, now := midnight.Add(-10*time.Minute), midnight.Add(20*time.Minute), midnight.Add(80*time.Minute)
			for _, at := range []time.Time{before, after, now} {
				if err := os.WriteFile(filepath.Join(dir, FileName(at)), []byte("x"), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			removed, err := Rotate(dir, Policy{Daily: 2}, "", now)
			if err != nil {
				t.Fatal(err)
			}
			if len(removed) != 1 || filepath.Base(removed[0]) != FileName(after) {
				t.Errorf("removed %v, want only the second backup of the new day, %s", removed, FileName(after))
			}
			if _, err := os.Stat(filepath.Join(dir, FileName(before))); err != nil {
				t.Errorf("the day before midnight (%s) has no backup left", before.Format(time.DateOnly))
			}
		})
	}
}
