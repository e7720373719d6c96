package backup

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"filippo.io/age"
	"github.com/gofrs/flock"

	"tandem/backend/clock/clocktest"
	"tandem/backend/vault"
	"tandem/backend/vault/vaulttest"
)

// testKeys returns the backup keys of a new test vault.
func testKeys(t *testing.T) *vault.BackupKeys {
	t.Helper()
	v, _ := vaulttest.New(t)
	keys, err := v.BackupKeys()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(keys.Wipe)
	return keys
}

// stubBackup writes at path a file with a backup's real header for keys
// (what rotation reads) and a payload of one byte, with modification time
// mtime.
func stubBackup(t *testing.T, path string, keys *vault.BackupKeys, mtime time.Time) string {
	t.Helper()
	rcp, err := age.ParseX25519Recipient(keys.Info.Recipient)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w, err := age.Encrypt(f, rcp, &passphraseRecipient{slot: keys.Info.Slot, dataKey: keys.DataKey})
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("x"))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	os.Chtimes(path, mtime, mtime)
	return path
}

func TestRotationKeepsDailyWeeklyMonthlyAndTheNewest(t *testing.T) {
	dir := t.TempDir()
	keys := testKeys(t)
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
			stubBackup(t, filepath.Join(dir, FileName(at)), keys, at)
		}
	}
	oldest := FileName(now.AddDate(0, 0, -399).Add(-3 * time.Hour))
	other := touch("notes.txt", now)
	// A temporary file left by a backup that was killed, and one that a
	// live process is writing (it holds the file's lock).
	oldTmp := touch(".tandem-backup-123.tmp", now.Add(-time.Minute))
	newTmp := touch(".tandem-backup-456.tmp", now.Add(-time.Minute))
	live := flock.New(newTmp)
	if ok, err := live.TryLock(); err != nil || !ok {
		t.Fatal(err)
	}
	defer live.Unlock()

	list, err := List(dir)
	if err != nil || len(list) != 800 {
		t.Fatalf("%d listed, %v", len(list), err)
	}
	if !list[0].Created.After(list[1].Created) {
		t.Fatal("not newest first")
	}
	removed, err := Rotate(dir, DefaultPolicy(), filepath.Join(dir, oldest), keys.Info.VaultID, keys.DataKey, now)
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
		t.Fatal("an interrupted backup's temporary file was kept")
	}
	if _, err := List(filepath.Join(dir, "unplugged")); err == nil {
		t.Fatal("a missing folder listed")
	}
}

func TestRotationNeverRemovesAPinnedFile(t *testing.T) {
	dir := t.TempDir()
	keys := testKeys(t)
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	var paths []string
	for i := 0; i < 3; i++ {
		at := now.Add(time.Duration(i-2) * time.Hour)
		paths = append(paths, stubBackup(t, filepath.Join(dir, FileName(at)), keys, at))
	}
	removed, err := Rotate(dir, Policy{Daily: 1, Pinned: []string{paths[0]}}, "", keys.Info.VaultID, keys.DataKey, now)
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
			keys := testKeys(t)
			midnight := clocktest.Moment(t, c.midnight, c.zone)
			before, after, now := midnight.Add(-10*time.Minute), midnight.Add(20*time.Minute), midnight.Add(80*time.Minute)
			for _, at := range []time.Time{before, after, now} {
				stubBackup(t, filepath.Join(dir, FileName(at)), keys, at)
			}
			removed, err := Rotate(dir, Policy{Daily: 2}, "", keys.Info.VaultID, keys.DataKey, now)
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

// Finding 3: two vaults backing up into one folder (an old laptop and a
// new one, one drive), and a folder stuffed with files dated in the future.
func TestRotationRemovesOnlyThisVaultsOwnBackups(t *testing.T) {
	dir := t.TempDir()
	mine, other := testKeys(t), testKeys(t)
	now := time.Date(2026, 11, 25, 10, 0, 0, 0, time.UTC)
	var mineOld, otherFiles []string
	for d := 1; d <= 10; d++ {
		at := now.AddDate(0, 0, -d)
		mineOld = append(mineOld, stubBackup(t, filepath.Join(dir, FileName(at)), mine, at))
		at2 := at.Add(time.Hour)
		otherFiles = append(otherFiles, stubBackup(t, filepath.Join(dir, FileName(at2)), other, at2))
	}
	// 400 empty files named as backups, dated in the future.
	var decoys []string
	for i := 1; i <= 400; i++ {
		p := filepath.Join(dir, FileName(now.AddDate(0, 0, i)))
		os.WriteFile(p, nil, 0o600)
		decoys = append(decoys, p)
	}
	// A file that names this vault, dated in the future, and one made under
	// the vault's earlier keys (it names the vault, but does not open with
	// its data key now).
	future := stubBackup(t, filepath.Join(dir, FileName(now.AddDate(2, 0, 0))), mine, now)
	earlier := testKeys(t)
	earlier.Info.VaultID, earlier.Info.Slot.VaultID = mine.Info.VaultID, mine.Info.VaultID
	earlierFile := stubBackup(t, filepath.Join(dir, FileName(now.AddDate(0, 0, -30))), earlier, now)
	justMade := stubBackup(t, filepath.Join(dir, FileName(now)), mine, now)

	removed, err := Rotate(dir, Policy{Daily: 2}, justMade, mine.Info.VaultID, mine.DataKey, now)
	if err != nil {
		t.Fatal(err)
	}
	// This vault keeps two days: the one just made, and the day before.
	if len(removed) != 9 {
		t.Fatalf("removed %d files, want this vault's 9 older backups: %v", len(removed), removed)
	}
	for _, p := range append(append(otherFiles, decoys...), future, earlierFile, justMade, mineOld[0]) {
		if _, err := os.Stat(p); err != nil {
			t.Fatalf("%s was removed", filepath.Base(p))
		}
	}
	for _, p := range removed {
		if owner, _ := ownerOf(p, mine.Info.VaultID, mine.DataKey); owner != NotABackup { // gone: no header to read
			t.Fatalf("%s still reads as %s", p, owner)
		}
	}

	all, err := Inspect(dir, mine.Info.VaultID, mine.DataKey, now)
	if err != nil {
		t.Fatal(err)
	}
	count := map[Owner]int{}
	futures := 0
	for _, f := range all {
		count[f.Owner]++
		if f.Future {
			futures++
		}
	}
	if count[OtherVault] != 10 || count[NotABackup] != 400 || count[ThisVaultEarlierKey] != 1 || count[ThisVault] != 3 || futures != 401 {
		t.Fatalf("inspected %v, %d in the future", count, futures)
	}
}
