package storage

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"tandem/backend/domain"
)

// The search finds a client's health (medications, allergies, health
// history, the screenings' notes) as one hit on the client, and a medicine
// session by the words of its live log; each is kept in step with every
// change, rebuilt with the rest of the index, and leaves it when the
// client is erased.
func TestSearchFindsHealthScreeningAndTheLiveLog(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "Ottoline Fictional-Search")
	other := mustClient(t, db, "Bertil Fictional-Other")

	med, err := db.AddMedication(ctx, domain.Medication{ClientID: c.ID, Name: "Levothyroxine", Dose: "75 micrograms",
		Notes: "Taken before breakfast with water."})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddMedication(ctx, domain.Medication{ClientID: other.ID, Name: "Cetirizine", Dose: "10 mg", Notes: "Hay fever, spring only."}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveHealthNotes(ctx, c.ID, "Penicillin gives a rash.", "Appendix removed at nineteen; otherwise well.", domain.ByTogether); err != nil {
		t.Fatal(err)
	}
	items, err := db.ScreeningItems(ctx, false)
	if err != nil || len(items) < 2 {
		t.Fatalf("checklist: %v %v", items, err)
	}
	var answers []domain.ScreeningAnswer
	for i, it := range items {
		a := domain.ScreeningAnswer{ItemID: it.ID, Answer: domain.AnswerNo}
		if i == 1 {
			a.Answer, a.Note = domain.AnswerUnsure, "A grandfather was 'nervy'; nobody ever named it."
		}
		answers = append(answers, a)
	}
	if _, err := db.AddScreening(ctx, domain.NewScreening{ClientID: c.ID, ScreenedOn: db.today(), AnsweredBy: domain.ByTogether,
		Note: "Answered together at the kitchen table of the practice.", Answers: answers}); err != nil {
		t.Fatal(err)
	}
	sess := mustSession(t, db, c.ID, domain.MedicineSession, db.today())
	if _, err := db.AddLogEntry(ctx, domain.NewLogEntry{SessionID: sess.ID, Kind: domain.LogCheckIn, Text: "The colours are humming softly."}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddLogEntry(ctx, domain.NewLogEntry{SessionID: sess.ID, Kind: domain.LogNote, Text: "Client dozed; breathing slow and even.",
		Visibility: domain.Private}); err != nil {
		t.Fatal(err)
	}

	// found is the one hit of a query, which must be of kind and id.
	found := func(query string, kind domain.SearchKind, id int64) domain.SearchHit {
		t.Helper()
		r, err := db.Search(ctx, query)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Hits) != 1 || r.Hits[0].Kind != kind || r.Hits[0].ID != id {
			t.Fatalf("search %q: %+v, want one %s hit %d", query, r.Hits, kind, id)
		}
		return r.Hits[0]
	}
	none := func(query string) {
		t.Helper()
		if r, err := db.Search(ctx, query); err != nil || len(r.Hits) != 0 {
			t.Fatalf("search %q found %+v %v", query, r.Hits, err)
		}
	}
	checkAll := func() {
		t.Helper()
		h := found("levothyrox", domain.HitHealth, c.ID)
		if h.ClientID != c.ID || h.ClientName != c.ChosenName || h.Date != db.today() ||
			!strings.Contains(h.Excerpt, domain.Mark+"Levothyroxine"+domain.EndMark+" 75 micrograms") {
			t.Fatalf("medication hit: %+v", h)
		}
		found("breakfast", domain.HitHealth, c.ID)      // a medication's notes
		found("cetirizine", domain.HitHealth, other.ID) // the other client's
		found("penicillin", domain.HitHealth, c.ID)     // allergies
		found("appendix", domain.HitHealth, c.ID)       // health history
		found("kitchen table", domain.HitHealth, c.ID)  // the screening's note
		if h := found("nervy", domain.HitHealth, c.ID); !strings.Contains(h.Excerpt, domain.Mark+"nervy"+domain.EndMark) {
			t.Fatalf("answer note hit: %+v", h) // an answer's note
		}
		if h := found("humming", domain.HitSession, sess.ID); h.ClientID != c.ID || h.Date != sess.Date ||
			!strings.Contains(h.Excerpt, domain.Mark+"humming"+domain.EndMark) {
			t.Fatalf("log hit: %+v", h) // the client's words in the log
		}
		found("dozed", domain.HitSession, sess.ID) // a private log note: the search is the therapist's
	}
	checkAll()

	// A change to a medication is reindexed; a stopped one is still found.
	med.Name, med.StoppedOn = "Liothyronine", db.today()
	if _, err := db.UpdateMedication(ctx, med, domain.ByTherapist); err != nil {
		t.Fatal(err)
	}
	none("levothyrox")
	found("liothyronine", domain.HitHealth, c.ID)
	med.Name = "Levothyroxine"
	if _, err := db.UpdateMedication(ctx, med, domain.ByTherapist); err != nil {
		t.Fatal(err)
	}
	// Allergies written again replace the old words.
	if _, err := db.SaveHealthNotes(ctx, c.ID, "Penicillin gives a rash. Wasps.", "Appendix removed at nineteen; otherwise well.", domain.ByClient); err != nil {
		t.Fatal(err)
	}
	found("wasps", domain.HitHealth, c.ID)

	// The index rebuilt from the records finds the same.
	if err := db.RebuildSearch(ctx); err != nil {
		t.Fatal(err)
	}
	checkAll()

	// An archived client's health and log are not searched; an erased
	// client's leave the index's segments too.
	if err := db.ArchiveClient(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	none("levothyrox")
	none("humming")
	if err := db.EraseClient(ctx, c.ID, c.ChosenName); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"levothyrox", "breakfast", "penicillin", "wasps", "appendix", "kitchen", "nervy", "humming", "dozed"} {
		none(q)
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT block FROM search_index_data`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var b []byte
		if err := rows.Scan(&b); err != nil {
			t.Fatal(err)
		}
		for _, word := range []string{"levothyroxine", "penicillin", "nervy", "humming", "dozed"} {
			if bytes.Contains(b, []byte(word)) {
				t.Errorf("%q is still in the search index's segments after the erase", word)
			}
		}
	}
	found("cetirizine", domain.HitHealth, other.ID)
}

// A client with no health information written has no health row in the
// index, and their own hit is found as before.
func TestAClientWithoutHealthInformationHasNoHealthHit(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "Iolanthe Fictional-Blank")
	if err := db.RebuildSearch(ctx); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db.sql.QueryRowContext(ctx, `SELECT count(*) FROM search_index WHERE rowid = ?`, indexRowID(domain.HitHealth, c.ID)).Scan(&n); err != nil || n != 0 {
		t.Fatalf("%d health rows for a client with none (%v)", n, err)
	}
	if r, err := db.Search(ctx, "iolanthe"); err != nil || len(r.Hits) != 1 || r.Hits[0].Kind != domain.HitClient {
		t.Fatalf("the client's own hit: %+v %v", r.Hits, err)
	}
}
