package storage

import (
	"context"
	"strings"
	"testing"

	"tandem/backend/domain"
)

func returnOf(token string, entries ...domain.ReturnEntry) domain.ReturnFile {
	return domain.ReturnFile{Format: domain.ReturnFormat, Version: domain.ReturnVersion, Worksheet: token, WrittenAt: "2026-06-09T20:00:00Z", Entries: entries}
}

func entry(id, on, words string) domain.ReturnEntry {
	return domain.ReturnEntry{ID: id, NoticedOn: on, Area: "relationships", Intensity: 4, JustNoticing: true, Words: words}
}

func TestTheWorksheetKeyIsMadeOnceAndKept(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	made := 0
	gen := func() (string, string, error) { made++; return "AGE-SECRET-KEY-1FICTIONAL", "age1fictional", nil }
	for range 2 {
		id, rc, err := db.WorksheetKey(ctx, gen)
		if err != nil || id != "AGE-SECRET-KEY-1FICTIONAL" || rc != "age1fictional" {
			t.Fatalf("%q %q %v", id, rc, err)
		}
	}
	if made != 1 {
		t.Fatalf("the key was made %d times", made)
	}
}

func TestAReturnedWorksheetIsTakenInOnceAsTheClientsWords(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "Ilse Fictional")
	med := mustSession(t, db, c.ID, domain.MedicineSession, "2026-06-01")
	page, err := db.IssueOfflineWorksheet(ctx, c.ID, med.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !domain.ValidOfflineToken(page.Token) || page.ClientID != c.ID || page.SessionID != med.ID {
		t.Fatalf("page %+v", page)
	}
	first := returnOf(page.Token, entry("00000000000000000000000000000001", "2026-06-02", "Called my sister without a reason (fictional)"),
		entry("00000000000000000000000000000002", "2026-06-04", "Slept nine hours"))
	p, err := db.PreviewReturn(ctx, first, c.ID, med.ID)
	if err != nil {
		t.Fatal(err)
	}
	if p.ClientName != "Ilse Fictional" || p.SessionDate != "2026-06-01" || p.New() != 2 {
		t.Fatalf("preview %+v", p)
	}
	if countRows(t, db, "shifts") != 0 {
		t.Fatal("a preview took something in")
	}
	if n, err := db.AcceptReturn(ctx, first, c.ID, med.ID); err != nil || n != 2 {
		t.Fatalf("accepted %d (%v)", n, err)
	}
	// A later file holds the first two entries again and one more: only the new one comes in.
	later := returnOf(page.Token, append(first.Entries, entry("00000000000000000000000000000003", "2026-06-08", "Laughed at the bakery"))...)
	p, _ = db.PreviewReturn(ctx, later, 0, 0)
	if p.New() != 1 || !p.Entries[0].Already || p.Entries[2].Already {
		t.Fatalf("preview of the later file %+v", p)
	}
	if n, err := db.AcceptReturn(ctx, later, 0, 0); err != nil || n != 1 {
		t.Fatalf("accepted %d (%v)", n, err)
	}
	if n, err := db.AcceptReturn(ctx, later, 0, 0); err != nil || n != 0 {
		t.Fatalf("the same file again added %d (%v)", n, err)
	}
	rec, err := db.Integration(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(rec.Shifts) != 3 {
		t.Fatalf("%d shifts", len(rec.Shifts))
	}
	for _, s := range rec.Shifts {
		if s.RecordedBy != domain.ByClient || s.SessionID != med.ID || s.Intensity != 4 || !s.JustNoticing {
			t.Errorf("shift %+v", s)
		}
	}
	var actor string
	if err := db.sql.QueryRow(`SELECT actor FROM history WHERE entity = 'shift' ORDER BY id DESC LIMIT 1`).Scan(&actor); err != nil || actor != "client" {
		t.Errorf("the history says %q wrote it (%v)", actor, err)
	}
}

func TestAReturnedWorksheetForAnotherPageClientOrSessionIsRefusedAndChangesNothing(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "Ilse Fictional")
	other := mustClient(t, db, "Someone Else")
	med := mustSession(t, db, c.ID, domain.MedicineSession, "2026-06-01")
	med2 := mustSession(t, db, c.ID, domain.MedicineSession, "2026-06-05")
	prep := mustSession(t, db, c.ID, domain.PreparationSession, "2026-05-20")
	page, err := db.IssueOfflineWorksheet(ctx, c.ID, med.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.IssueOfflineWorksheet(ctx, c.ID, prep.ID); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("a page for a preparation session: %v", err)
	}
	if _, err := db.IssueOfflineWorksheet(ctx, other.ID, med.ID); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("a page for another client's session: %v", err)
	}
	good := entry("00000000000000000000000000000001", "2026-06-02", "Fictional words")
	for name, c2 := range map[string]struct {
		file                    domain.ReturnFile
		expectClient, expectSes int64
		want                    string
	}{
		"a token never given out":      {returnOf("BBBBBBBBBBBBBBBBBBBBBB", good), 0, 0, "not made from a worksheet page this vault gave out"},
		"another client's":             {returnOf(page.Token, good), other.ID, 0, "another client's worksheet page"},
		"replayed for another session": {returnOf(page.Token, good), c.ID, med2.ID, "medicine session of 2026-06-01, not this one"},
		"a day before the session":     {returnOf(page.Token, entry("00000000000000000000000000000001", "2026-05-31", "x")), 0, 0, "not a day from the session"},
		"a day after today":            {returnOf(page.Token, entry("00000000000000000000000000000001", "2026-06-11", "x")), 0, 0, "not a day from the session"},
		"no words":                     {returnOf(page.Token, entry("00000000000000000000000000000001", "2026-06-02", "  ")), 0, 0, "no words"},
		"an unknown area":              {returnOf(page.Token, domain.ReturnEntry{ID: "00000000000000000000000000000001", NoticedOn: "2026-06-02", Area: "moon", Intensity: 2, Words: "x"}), 0, 0, "area"},
		"an intensity of 9":            {returnOf(page.Token, domain.ReturnEntry{ID: "00000000000000000000000000000001", NoticedOn: "2026-06-02", Area: "body", Intensity: 9, Words: "x"}), 0, 0, "intensity"},
		"one id twice":                 {returnOf(page.Token, good, good), 0, 0, "no id of its own"},
		"a newer format":               {domain.ReturnFile{Format: domain.ReturnFormat, Version: 2, Worksheet: page.Token}, 0, 0, "newer Tandem"},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := db.PreviewReturn(ctx, c2.file, c2.expectClient, c2.expectSes); domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(domain.ErrorMessage(err), c2.want) {
				t.Fatalf("preview: %v, want EINVALID saying %q", err, c2.want)
			}
			if n, err := db.AcceptReturn(ctx, c2.file, c2.expectClient, c2.expectSes); n != 0 || domain.ErrorCode(err) != domain.EINVALID {
				t.Fatalf("accept: %d %v", n, err)
			}
			if countRows(t, db, "shifts") != 0 || countRows(t, db, "offline_entries") != 0 {
				t.Fatal("something was taken in")
			}
		})
	}
}
