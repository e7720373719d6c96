package backup

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"tandem/backend/domain"
	"tandem/backend/storage"
	"tandem/backend/vault"
)

// oldVault makes, in a new folder, a vault whose database is at the schema
// before this build's, as an earlier Tandem left it, with a few records and
// the given backup folder ("" for none). It returns the vault folder and
// the export of the old vault.
func oldVault(t *testing.T, backupFolder string) (string, []byte) {
	t.Helper()
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "vault")
	v, err := vault.Open(dir, true, cheap)
	if err != nil {
		t.Fatal(err)
	}
	p, err := v.Prepare(testPass)
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Commit(ctx, p); err != nil {
		t.Fatal(err)
	}
	keys, err := v.BackupKeys()
	if err != nil {
		t.Fatal(err)
	}
	dataKey := append([]byte(nil), keys.DataKey...)
	keys.Wipe()
	v.Close()

	// The records are written by this build into a scratch database, then
	// loaded, as a restore loads an older backup, into a database made by
	// the previous schema's migrations under the vault's own key file.
	scratch, err := storage.Open(ctx, filepath.Join(t.TempDir(), "scratch.db"), dataKey, cheap.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer scratch.Close()
	seedOld(t, scratch, backupFolder)
	dbPath := filepath.Join(dir, vault.DBFileName)
	for _, suffix := range []string{"", "-wal", "-shm"} {
		os.Remove(dbPath + suffix)
	}
	db, err := storage.CreateForRestore(ctx, dbPath, dataKey, storage.SchemaVersion()-1, cheap.Now)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	copyRecords(t, scratch, db)
	var buf bytes.Buffer
	if err := Export(ctx, db, &buf, 0); err != nil {
		t.Fatal(err)
	}
	return dir, buf.Bytes()
}

// seedOld writes a practice, three clients with their plans, agreements
// and reflections, and the backup folder: records the previous schema can
// hold too.
func seedOld(t *testing.T, db *storage.DB, backupFolder string) {
	t.Helper()
	ctx := context.Background()
	if _, err := db.SavePractice(ctx, domain.Practice{Name: "Riverside Practice", Credentials: "MA"}); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"Zoë Ñúñez", "محمد", "Aroha"} {
		c, err := db.CreateClient(ctx, domain.Client{ChosenName: name, Pronouns: "they/them",
			Identities: []domain.Identity{{Facet: "Spirituality", Description: "in my own words"}}}, domain.ByTherapist)
		if err != nil {
			t.Fatal(err)
		}
		item, err := db.AddPlanItem(ctx, domain.NewPlanItem{ClientID: c.ID, Kind: domain.Goal, Text: "Sleep through the night", ProposedBy: domain.ByClient}, domain.ByClient)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.RevisePlanItem(ctx, item.ID, "Rest more easily", "reworded together", domain.ByClient); err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddAgreement(ctx, domain.NewAgreement{ClientID: c.ID, Kind: domain.RightToStop,
			Terms: []domain.AgreementTerm{{Key: "text", Text: "Either of us may stop at any time."}}}, domain.ByTherapist); err != nil {
			t.Fatal(err)
		}
		if _, err := db.AddReflection(ctx, domain.Reflection{ClientID: c.ID, Kind: "bias", Text: "Notice my hurry."}); err != nil {
			t.Fatal(err)
		}
	}
	if backupFolder != "" {
		set := domain.DefaultBackupSettings()
		set.Folder = backupFolder
		if _, err := db.SaveBackupSettings(ctx, set); err != nil {
			t.Fatal(err)
		}
	}
}

// migrationWritten are tables whose first rows their own migration writes
// (the starting contraindications checklist): the upgrade writes them again.
var migrationWritten = map[string]bool{"screening_items": true}

// copyRecords loads every row of src into dst, an older schema's database:
// each of dst's tables from src's table of that name, with the columns dst
// has (a column the newer schema added is left out: seedOld writes only
// what the previous schema can hold); src's other tables must be empty.
func copyRecords(t *testing.T, src, dst *storage.DB) {
	t.Helper()
	ctx := context.Background()
	snap, err := src.Snapshot(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer snap.Close()
	l, err := dst.Loader(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Rollback()
	known := map[string]storage.Table{}
	for _, tb := range l.Tables() {
		known[tb.Name] = tb
	}
	for _, sel := range snap.All() {
		old, ok := known[sel.Table.Name]
		if !ok && migrationWritten[sel.Table.Name] {
			continue
		}
		if !ok {
			n, err := snap.Scan(ctx, sel, func([]any) error { return nil })
			if err != nil || n != 0 {
				t.Fatalf("%s, a table the previous schema lacks, has %d rows (%v)", sel.Table.Name, n, err)
			}
			continue
		}
		var keep []int // the src columns dst has, in src's order
		var columns []string
		for i, c := range sel.Table.Columns {
			if slices.Contains(old.Columns, c) {
				keep, columns = append(keep, i), append(columns, c)
			}
		}
		tl, err := l.Table(ctx, sel.Table.Name, columns)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := snap.Scan(ctx, sel, func(row []any) error {
			kept := make([]any, len(keep))
			for j, i := range keep {
				kept[j] = row[i]
			}
			return tl.Insert(ctx, kept)
		}); err != nil {
			t.Fatal(err)
		}
		tl.Close()
	}
	if _, err := l.Commit(ctx); err != nil {
		t.Fatal(err)
	}
}

// exported is an export, read back; its tables' bytes are kept as written.
type exported struct {
	Format        string                     `json:"format"`
	Scope         string                     `json:"scope"`
	SchemaVersion int                        `json:"schema_version"`
	Tables        map[string]json.RawMessage `json:"tables"`
}

// readExport reads an export. Besides the records, a vault remembers its
// last backup (for the home screen), which a backup made before the
// migration changes: those two settings are left out.
func readExport(t *testing.T, b []byte) exported {
	t.Helper()
	var e exported
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatal(err)
	}
	if rows, ok := e.Tables["settings"]; ok {
		e.Tables["settings"] = withoutLastBackup(t, rows)
	}
	return e
}

// sameRecords fails unless two exports hold the same records: the schema
// version differs by one, tables that only the newer one has must be
// empty, and every other table must be identical, byte for byte.
func sameRecords(t *testing.T, old, new []byte) {
	t.Helper()
	a, b := readExport(t, old), readExport(t, new)
	if a.SchemaVersion != storage.SchemaVersion()-1 || b.SchemaVersion != storage.SchemaVersion() {
		t.Fatalf("schema versions %d and %d", a.SchemaVersion, b.SchemaVersion)
	}
	if a.Format != b.Format || a.Scope != b.Scope {
		t.Fatalf("format %q/%q, scope %q/%q", a.Format, b.Format, a.Scope, b.Scope)
	}
	for name, rows := range b.Tables {
		if _, ok := a.Tables[name]; !ok {
			if string(rows) != "[]" && !migrationWritten[name] {
				t.Errorf("the migration filled the new table %s: %.200s", name, rows)
			}
			delete(b.Tables, name)
		}
	}
	for name, rows := range b.Tables {
		if old, ok := a.Tables[name]; ok && !bytes.Equal(old, rows) {
			b.Tables[name] = withoutAddedColumns(t, name, old, rows)
		}
	}
	if !reflect.DeepEqual(a.Tables, b.Tables) {
		for name := range a.Tables {
			if !bytes.Equal(a.Tables[name], b.Tables[name]) {
				t.Errorf("table %s differs after the migration", name)
			}
		}
		t.Fatalf("the records changed: %d tables before, %d after", len(a.Tables), len(b.Tables))
	}
}

// withoutAddedColumns returns a table's rows after the migration without
// the columns the migration added, each of which must hold its empty
// default (a migration adds a column, it does not fill it); when the rows
// then match the rows before, exactly those are returned.
func withoutAddedColumns(t *testing.T, table string, before, after json.RawMessage) json.RawMessage {
	t.Helper()
	var old, cur []map[string]json.RawMessage
	if json.Unmarshal(before, &old) != nil || json.Unmarshal(after, &cur) != nil || len(old) != len(cur) {
		return after
	}
	for i, row := range cur {
		for col, v := range row {
			if _, had := old[i][col]; had {
				continue
			}
			if s := string(v); s != `""` && s != "0" && s != "null" {
				t.Errorf("the migration filled %s.%s: %s", table, col, v)
			}
			delete(row, col)
		}
		if !reflect.DeepEqual(row, old[i]) {
			return after
		}
	}
	return before
}

// withoutLastBackup returns the settings table's rows without the record of
// the last backup.
func withoutLastBackup(t *testing.T, rows json.RawMessage) json.RawMessage {
	t.Helper()
	var all []map[string]any
	if err := json.Unmarshal(rows, &all); err != nil {
		t.Fatal(err)
	}
	var keep []map[string]any
	for _, r := range all {
		if k, _ := r["key"].(string); k != "backup_last_at" && k != "backup_last_path" {
			keep = append(keep, r)
		}
	}
	out, err := json.Marshal(keep)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestUpgradeBacksUpBeforeMigrating(t *testing.T) {
	ctx := context.Background()
	folder := t.TempDir()
	dir, before := oldVault(t, folder)
	if !bytes.Contains(before, []byte("Zoë Ñúñez")) || !bytes.Contains(before, []byte("Rest more easily")) {
		t.Fatalf("the old vault's export lacks its records:\n%.300s", before)
	}

	called := 0
	hook := BeforeMigration("9.9.9", cheap.Now)
	opts := cheap
	opts.BeforeMigrate = func(ctx context.Context, m vault.Migration) error {
		called++
		if m.From != storage.SchemaVersion()-1 || m.To != storage.SchemaVersion() || m.Dir != dir {
			t.Errorf("hook told from %d to %d in %s", m.From, m.To, m.Dir)
		}
		if err := hook(ctx, m); err != nil {
			return err
		}
		// The backup is in the folder, and the database not yet migrated.
		if list, err := List(folder); err != nil || len(list) != 1 {
			t.Errorf("after the hook the folder holds %v (%v)", list, err)
		}
		if v, err := m.DB.Version(ctx); err != nil || v != m.From {
			t.Errorf("the database was at version %d (%v) while it was backed up", v, err)
		}
		return nil
	}
	v, err := vault.Open(dir, false, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	if err := v.Unlock(ctx, testPass); err != nil {
		t.Fatal(err)
	}
	if called != 1 {
		t.Fatalf("the hook ran %d times", called)
	}
	db, err := v.DB()
	if err != nil {
		t.Fatal(err)
	}
	if ver, err := db.Version(ctx); err != nil || ver != storage.SchemaVersion() {
		t.Fatalf("version %d after the unlock (%v)", ver, err)
	}
	after := exportOf(t, v, 0)
	sameRecords(t, before, after)

	list, err := List(folder)
	if err != nil || len(list) != 1 {
		t.Fatalf("backups: %v %v", list, err)
	}
	info, err := Verify(ctx, list[0].Path, Unlock{Passphrase: testPass})
	if err != nil {
		t.Fatal(err)
	}
	if info.SchemaVersion != storage.SchemaVersion()-1 || info.AppVersion != "9.9.9" || info.Rows("clients") != 3 {
		t.Fatalf("the backup: schema %d, app %q, %d clients", info.SchemaVersion, info.AppVersion, info.Rows("clients"))
	}
	if last, err := db.LastBackup(ctx); err != nil || last == nil || last.Path != list[0].Path {
		t.Fatalf("the backup was not recorded as the last one: %+v %v", last, err)
	}

	t.Run("the backup restores to the same records", func(t *testing.T) {
		nv, err := vault.Open(filepath.Join(t.TempDir(), "restored"), true, cheap)
		if err != nil {
			t.Fatal(err)
		}
		defer nv.Close()
		if _, err := Restore(ctx, list[0].Path, nv, RestoreOptions{Unlock: Unlock{Passphrase: testPass}}); err != nil {
			t.Fatal(err)
		}
		if err := nv.Unlock(ctx, testPass); err != nil {
			t.Fatal(err)
		}
		if got, want := readExport(t, exportOf(t, nv, 0)), readExport(t, after); !reflect.DeepEqual(got, want) {
			t.Fatal("the restored vault's records differ from the migrated one's")
		}
	})

	t.Run("a second unlock migrates and backs up nothing", func(t *testing.T) {
		v.Lock()
		if err := v.Unlock(ctx, testPass); err != nil {
			t.Fatal(err)
		}
		if list, _ := List(folder); called != 1 || len(list) != 1 {
			t.Fatalf("hook ran %d times; %d backups", called, len(list))
		}
	})
}

func TestUpgradeWithoutBackups(t *testing.T) {
	ctx := context.Background()
	dir, before := oldVault(t, "")
	opts := cheap
	opts.BeforeMigrate = BeforeMigration("9.9.9", cheap.Now)
	v, err := vault.Open(dir, false, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	if err := v.Unlock(ctx, testPass); err != nil {
		t.Fatal(err)
	}
	sameRecords(t, before, exportOf(t, v, 0))
}

func TestUpgradeBacksUpBesideTheVaultWhenTheFolderIsGone(t *testing.T) {
	ctx := context.Background()
	gone := filepath.Join(t.TempDir(), "unplugged-drive")
	if err := os.Mkdir(gone, 0o700); err != nil {
		t.Fatal(err)
	}
	dir, before := oldVault(t, gone)
	os.Remove(gone)
	opts := cheap
	opts.BeforeMigrate = BeforeMigration("9.9.9", cheap.Now)
	v, err := vault.Open(dir, false, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	if err := v.Unlock(ctx, testPass); err != nil {
		t.Fatal(err)
	}
	beside := BeforeUpdateName(dir, cheap.Now())
	if filepath.Dir(beside) != filepath.Dir(dir) || !strings.HasPrefix(filepath.Base(beside), "vault.before-update-") {
		t.Fatalf("beside the vault: %s", beside)
	}
	info, err := Verify(ctx, beside, Unlock{Passphrase: testPass})
	if err != nil {
		t.Fatal(err)
	}
	if info.SchemaVersion != storage.SchemaVersion()-1 || info.Rows("clients") != 3 {
		t.Fatalf("the backup beside the vault: schema %d, %d clients", info.SchemaVersion, info.Rows("clients"))
	}
	db, _ := v.DB()
	if last, err := db.LastBackup(ctx); err != nil || last != nil {
		t.Fatalf("a backup outside the backup folder was recorded as the last one: %+v %v", last, err)
	}
	sameRecords(t, before, exportOf(t, v, 0))
}

func TestUpgradeStopsWhenNoBackupCanBeMade(t *testing.T) {
	ctx := context.Background()
	gone := filepath.Join(t.TempDir(), "unplugged-drive")
	if err := os.Mkdir(gone, 0o700); err != nil {
		t.Fatal(err)
	}
	dir, before := oldVault(t, gone)
	os.Remove(gone)
	// A file already holds the name beside the vault: Create never overwrites.
	beside := BeforeUpdateName(dir, cheap.Now())
	if err := os.WriteFile(beside, []byte("in the way"), 0o600); err != nil {
		t.Fatal(err)
	}
	opts := cheap
	opts.BeforeMigrate = BeforeMigration("9.9.9", cheap.Now)
	v, err := vault.Open(dir, false, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	err = v.Unlock(ctx, testPass)
	if err == nil || !strings.Contains(domain.ErrorMessage(err), gone) || !strings.Contains(domain.ErrorMessage(err), "nothing was changed") {
		t.Fatalf("got %v", err)
	}
	if v.State() != vault.StateLocked {
		t.Fatalf("state %s", v.State())
	}

	// Once the folder is back, the unlock backs up and migrates.
	if err := os.Mkdir(gone, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := v.Unlock(ctx, testPass); err != nil {
		t.Fatal(err)
	}
	if list, _ := List(gone); len(list) != 1 {
		t.Fatalf("%d backups", len(list))
	}
	sameRecords(t, before, exportOf(t, v, 0))
}
