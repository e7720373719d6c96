package storage

import (
	"context"
	"crypto/rand"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tandem/backend/clock/clocktest"
	"tandem/backend/domain"
)

func TestExportToAFreshKey(t *testing.T) {
	ctx := context.Background()
	db, _, oldKey := mustOpen(t)
	c, err := db.CreateClient(ctx, domain.Client{ChosenName: "Wren Daybreak-Export (fictional)"}, domain.ByTherapist)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.SetKeyAnchor(ctx, KeyAnchor{VaultID: "0123456789abcdef0123456789abcdef", Recipient: "age1test", KeyFileVersion: 2}); err != nil {
		t.Fatal(err)
	}
	newKey := make([]byte, KeySize)
	rand.Read(newKey)
	path := filepath.Join(t.TempDir(), "copy.db")
	if err := db.ExportTo(ctx, path, newKey, nil); err != nil {
		t.Fatal(err)
	}
	if err := db.ExportTo(ctx, path, newKey, nil); err == nil {
		t.Fatal("an existing file was overwritten")
	}

	if _, err := Open(ctx, path, oldKey, clocktest.Now()); domain.ErrorCode(err) != domain.EVAULTDAMAGED {
		t.Fatalf("the old key opens the copy: %v", err)
	}
	copy, err := Open(ctx, path, newKey, clocktest.Now())
	if err != nil {
		t.Fatal(err)
	}
	defer copy.Close()
	if got, err := copy.Client(ctx, c.ID); err != nil || got.ChosenName != c.ChosenName {
		t.Fatalf("client %+v %v", got, err)
	}
	if a, ok, err := copy.KeyAnchor(ctx); err != nil || !ok || a.Recipient != "age1test" {
		t.Fatalf("anchor %+v %v %v", a, ok, err)
	}
	if v, err := copy.Version(ctx); err != nil || v != SchemaVersion() {
		t.Fatalf("schema version %d %v", v, err)
	}
	// The search index came along, and works.
	if res, err := db.Search(ctx, "Daybreak"); err != nil || len(res.Hits) == 0 {
		t.Fatalf("search in the original: %+v %v", res, err)
	}
	res, err := copy.Search(ctx, "Daybreak")
	if err != nil || len(res.Hits) == 0 {
		t.Fatalf("search in the copy: %+v %v", res, err)
	}
	report, err := copy.Check(ctx)
	if err != nil || !report.OK() {
		t.Fatalf("check: %+v %v", report, err)
	}
}

// The tables a verify holds a backup to are those a restore loads into: a
// database's own dump tables at each schema version.
func TestDumpTablesAtIsWhatARestoreLoads(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	own, err := dumpTables(ctx, db.sql)
	if err != nil {
		t.Fatal(err)
	}
	at, err := DumpTablesAt(ctx, SchemaVersion())
	if err != nil {
		t.Fatal(err)
	}
	if len(at) != len(own) {
		t.Fatalf("%d tables at the schema, %d in a database", len(at), len(own))
	}
	for _, tb := range own {
		if got, ok := at[tb.Name]; !ok || strings.Join(got.Columns, ",") != strings.Join(tb.Columns, ",") {
			t.Fatalf("table %s: %v, want %v", tb.Name, got.Columns, tb.Columns)
		}
	}
	if err := CheckDumpTable(at, "ghosts", []string{"id"}); err == nil || !strings.Contains(err.Error(), "does not have") {
		t.Fatalf("an unknown table: %v", err)
	}
	if err := CheckDumpTable(at, "clients", at["clients"].Columns); err != nil {
		t.Fatal(err)
	}
	if _, err := DumpTablesAt(ctx, SchemaVersion()+1); err == nil {
		t.Fatal("a schema this build does not know")
	}
}

// ExportTo tells how far the copy is: from its own goroutine, never
// backwards, never past the total, and done = total at the end.
func TestExportToReportsProgress(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	saved := exportPoll
	exportPoll = time.Millisecond
	defer func() { exportPoll = saved }()
	mustExec(t, db, `CREATE TABLE t_bulk (id INTEGER PRIMARY KEY, words TEXT)`)
	mustExec(t, db, `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000)
		INSERT INTO t_bulk (words) SELECT printf('%0400d', i) FROM n`)
	if err := db.Checkpoint(ctx); err != nil {
		t.Fatal(err)
	}
	newKey := make([]byte, KeySize)
	rand.Read(newKey)
	type report struct{ done, total int64 }
	var reports []report
	if err := db.ExportTo(ctx, filepath.Join(t.TempDir(), "copy.db"), newKey, func(done, total int64) {
		reports = append(reports, report{done, total})
	}); err != nil {
		t.Fatal(err)
	}
	if len(reports) < 2 {
		t.Fatalf("reports %v", reports)
	}
	last := reports[len(reports)-1]
	if last.done != last.total || last.total < 8<<20 {
		t.Fatalf("last report %+v", last)
	}
	for i, r := range reports {
		if r.total != last.total || r.done > r.total || (i > 0 && r.done < reports[i-1].done) {
			t.Fatalf("report %d of %d: %+v (%v)", i, len(reports), r, reports)
		}
	}
	t.Logf("%d reports", len(reports))
}
