package app

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"filippo.io/age"

	"tandem/backend/domain"
	"tandem/backend/storage"
)

func TestAWorksheetPageGivenOutAndItsFileTakenInOnce(t *testing.T) {
	s := newShell(t)
	dlg := &fakeDialogs{}
	s.dialogs = dlg
	w := NewWorksheets(s)
	cid, sid := packetClient(t, s)
	other, err := NewClients(s).Create(domain.Client{ChosenName: "Someone Else (fictional)"})
	if err != nil {
		t.Fatal(err)
	}

	dir := t.TempDir()
	// Cancelled, the dialog gives out no page.
	if ok, err := w.SavePage(cid, sid); err != nil || ok {
		t.Fatalf("a cancelled save: %v %v", ok, err)
	}
	db := must[*storage.DB](t, "database")(s.db())
	if pages := must[[]domain.OfflineWorksheet](t, "pages")(db.OfflineWorksheets(context.Background(), cid)); len(pages) != 0 {
		t.Fatalf("a cancelled save gave out %d pages", len(pages))
	}
	dlg.save = filepath.Join(dir, "page.html")
	if ok, err := w.SavePage(cid, sid); err != nil || !ok {
		t.Fatalf("%v %v", ok, err)
	}
	page, err := os.ReadFile(dlg.save)
	if err != nil {
		t.Fatal(err)
	}
	block := regexp.MustCompile(`(?s)id="tandem-worksheet">(.*?)</script>`).FindSubmatch(page)
	var settings struct{ Worksheet, Recipient, Client, SessionDate string }
	if block == nil || json.Unmarshal(block[1], &settings) != nil || settings.Client != clientName || settings.SessionDate != "2026-03-01" {
		t.Fatalf("the page's settings: %s", block)
	}

	// The file the page would send back, with one entry.
	content, _ := json.Marshal(domain.ReturnFile{Format: domain.ReturnFormat, Version: domain.ReturnVersion, Worksheet: settings.Worksheet,
		Entries: []domain.ReturnEntry{{ID: "00000000000000000000000000000001", NoticedOn: "2026-03-02", Area: "body", Intensity: 2, Words: "Shoulders lower (fictional)"}}})
	rc, err := age.ParseX25519Recipient(settings.Recipient)
	if err != nil {
		t.Fatal(err)
	}
	var file bytes.Buffer
	enc, _ := age.Encrypt(&file, rc)
	enc.Write(content)
	enc.Close()
	dlg.open = filepath.Join(dir, "worksheet-T-001.age")
	os.WriteFile(dlg.open, file.Bytes(), 0o600)

	if _, err := w.OpenReturn(other.ID); err == nil {
		t.Fatal("another client's page took the file")
	} else if code, _ := errCode(t, err); code != domain.EINVALID {
		t.Fatalf("code %s", code)
	}
	preview, err := w.OpenReturn(cid)
	if err != nil || preview.ClientID != cid || preview.New() != 1 {
		t.Fatalf("%+v %v", preview, err)
	}
	if n, err := w.AcceptReturn(cid); err != nil || n != 1 {
		t.Fatalf("took in %d (%v)", n, err)
	}
	if n, err := w.AcceptReturn(cid); err != nil || n != 0 {
		t.Fatalf("the same file again took in %d (%v)", n, err)
	}
	if pages := must[[]domain.OfflineWorksheet](t, "pages")(db.OfflineWorksheets(context.Background(), cid)); len(pages) != 1 || pages[0].SessionID != sid {
		t.Fatalf("pages given out: %+v", pages)
	}
	rec, err := NewSessions(s).Integration(cid)
	if err != nil || len(rec.Shifts) != 1 || rec.Shifts[0].RecordedBy != domain.ByClient {
		t.Fatalf("%+v %v", rec.Shifts, err)
	}
	dlg.open = ""
	if p, err := w.OpenReturn(cid); err != nil || p.ClientID != 0 {
		t.Fatalf("a closed dialog: %+v %v", p, err)
	}
}
