package storage

import (
	"context"
	"strings"
	"testing"

	"tandem/backend/clock/clocktest"
	"tandem/backend/domain"
)

func mustSession(t *testing.T, db *DB, clientID int64, kind domain.SessionKind, date string) domain.Session {
	t.Helper()
	s, err := db.AddSession(context.Background(), domain.Session{ClientID: clientID, Kind: kind, Date: date, Time: "10:00", TimeZone: "Europe/Berlin", Minutes: 90}, domain.ByTherapist)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func mustShift(t *testing.T, db *DB, s domain.Session, on, text string) domain.Shift {
	t.Helper()
	sh, err := db.AddShift(context.Background(), domain.Shift{ClientID: s.ClientID, SessionID: s.ID, NoticedOn: on, Area: "body", Description: text, Intensity: 2}, domain.ByClient)
	if err != nil {
		t.Fatal(err)
	}
	return sh
}

func countRows(t *testing.T, db *DB, table string) int {
	t.Helper()
	var n int
	if err := db.sql.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestMedicineSessionWithSettingPlanAndIntentions(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "Ilse Fictional")
	other := mustClient(t, db, "Someone Else")
	intent, err := db.AddPlanItem(ctx, domain.NewPlanItem{ClientID: c.ID, Kind: domain.Intention, Text: "To meet my grief with kindness", ProposedBy: domain.ByClient}, domain.ByClient)
	if err != nil {
		t.Fatal(err)
	}
	goal, _ := db.AddPlanItem(ctx, domain.NewPlanItem{ClientID: c.ID, Kind: domain.Goal, Text: "Sleep through the night", ProposedBy: domain.ByClient}, domain.ByClient)
	othersIntent, _ := db.AddPlanItem(ctx, domain.NewPlanItem{ClientID: other.ID, Kind: domain.Intention, Text: "Not yours", ProposedBy: domain.ByClient}, domain.ByClient)

	s := domain.Session{ClientID: c.ID, Kind: domain.MedicineSession, Date: "2026-11-20", Time: "09:00", TimeZone: "Europe/Berlin", Minutes: 420, IntentionIDs: []int64{intent.ID}}
	for _, bad := range [][]int64{{goal.ID}, {othersIntent.ID}, {intent.ID, intent.ID}} {
		s.IntentionIDs = bad
		if _, err := db.AddSession(ctx, s, domain.ByTherapist); domain.ErrorField(err) != "intentionIds" {
			t.Errorf("intentions %v: %v", bad, err)
		}
	}
	if n := countRows(t, db, "sessions"); n != 0 {
		t.Fatalf("a refused session was half-saved: %d rows", n)
	}
	s.IntentionIDs = []int64{intent.ID}
	med, err := db.AddSession(ctx, s, domain.ByTherapist)
	if err != nil {
		t.Fatal(err)
	}
	if len(med.IntentionIDs) != 1 || med.IntentionIDs[0] != intent.ID {
		t.Fatalf("intentions not linked: %+v", med)
	}

	s.Medicine.Substance = "a fictional substance"
	s.ID = med.ID
	if _, err := db.UpdateSession(ctx, s, domain.ByTherapist); domain.ErrorField(err) != "substance" {
		t.Fatalf("substance recorded although the practice setting is off: %v", err)
	}
	st, _ := db.Settings(ctx)
	st.RecordMedicine = true
	if _, err := db.SaveSettings(ctx, st); err != nil {
		t.Fatal(err)
	}
	if med, err = db.UpdateSession(ctx, s, domain.ByTherapist); err != nil || med.Medicine.Substance != "a fictional substance" {
		t.Fatalf("%v %+v", err, med.Medicine)
	}

	el, err := db.AddSettingElement(ctx, domain.NewSettingElement{SessionID: med.ID, Category: "music", Text: "Quiet piano, no words", ProposedBy: domain.ByClient}, domain.ByClient)
	if err != nil || el.Comfort != domain.Unsure || el.Status != domain.Proposed {
		t.Fatalf("%v %+v", err, el)
	}
	if el, err = db.ReviseSettingElement(ctx, el.ID, "Quiet piano and cello, no words", domain.ByTogether); err != nil || len(el.Revisions) != 2 || el.Revisions[0].Text != "Quiet piano, no words" {
		t.Fatalf("%v %+v", err, el)
	}
	if el, err = db.SetSettingComfort(ctx, el.ID, domain.Welcome); err != nil || el.Status != domain.Agreed {
		t.Fatalf("%v %+v", err, el)
	}
	if h := lastHistory(t, db, c.ID); h.Entity != "setting_element" || h.Actor != domain.ByClient || h.Action != "comfort" {
		t.Fatalf("comfort not recorded as the client's: %+v", h)
	}
	if _, err := db.AddSettingElement(ctx, domain.NewSettingElement{SessionID: med.ID, Category: "fountains", Text: "x", ProposedBy: domain.ByClient}, domain.ByClient); domain.ErrorField(err) != "category" {
		t.Fatalf("unknown category: %v", err)
	}
	prep := mustSession(t, db, c.ID, domain.PreparationSession, "2026-11-10")
	if _, err := db.AddSettingElement(ctx, domain.NewSettingElement{SessionID: prep.ID, Category: "music", Text: "x", ProposedBy: domain.ByClient}, domain.ByClient); err == nil {
		t.Fatal("a setting plan was added to a preparation session")
	}
	got, _ := db.Session(ctx, med.ID)
	if len(got.Setting) != 1 || got.Setting[0].Text != "Quiet piano and cello, no words" {
		t.Fatalf("setting plan: %+v", got.Setting)
	}
}

func TestFinalisedNotesTakeOnlyAddendaAndAdverseEvents(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "Ilse Fictional")
	s := mustSession(t, db, c.ID, domain.IntegrationSession, "2026-11-21")
	if _, err := db.AddAddendum(ctx, s.ID, "too early", domain.Shared); err == nil {
		t.Fatal("an addendum was added to notes that are not finalised")
	}
	s.Summary, s.PrivateNotes = "We read the worksheet together.", "My own note."
	s, err := db.UpdateSession(ctx, s, domain.ByTherapist)
	if err != nil {
		t.Fatal(err)
	}
	if s, err = db.FinaliseSession(ctx, s.ID); err != nil || !s.Finalised() {
		t.Fatalf("%v %+v", err, s)
	}
	edit := s
	edit.Summary = "Rewritten after signing."
	if _, err := db.UpdateSession(ctx, edit, domain.ByTherapist); domain.ErrorCode(err) != domain.EFINALISED {
		t.Fatalf("editing finalised notes: %v", err)
	}
	if _, err := db.FinaliseSession(ctx, s.ID); domain.ErrorCode(err) != domain.EFINALISED {
		t.Fatalf("finalising twice: %v", err)
	}
	if s, err = db.AddAddendum(ctx, s.ID, "The client asked to add that the walk helped.", domain.Shared); err != nil {
		t.Fatal(err)
	}
	if s, err = db.AddAddendum(ctx, s.ID, "Consulted on this.", domain.Private); err != nil {
		t.Fatal(err)
	}
	if s, err = db.AddAdverseEvent(ctx, domain.AdverseEvent{SessionID: s.ID, At: "evening", Description: "Headache", Response: "Rest and water"}); err != nil {
		t.Fatal(err)
	}
	got, _ := db.Session(ctx, s.ID)
	if got.Summary != "We read the worksheet together." || len(got.Addenda) != 2 || len(got.AdverseEvents) != 1 {
		t.Fatalf("%+v", got)
	}
	view := domain.View(got)
	if len(view.Addenda) != 1 || view.PrivateNotes != "" || strings.Contains(view.Addenda[0].Text, "Consulted") {
		t.Fatalf("the client's view shows private content: %+v", view)
	}
}

func TestShiftsCountDaysAndRefuseBadInput(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "Ilse Fictional")
	other := mustClient(t, db, "Someone Else")
	med := mustSession(t, db, c.ID, domain.MedicineSession, "2026-03-28")
	prep := mustSession(t, db, c.ID, domain.PreparationSession, "2026-03-20")
	othersMed := mustSession(t, db, other.ID, domain.MedicineSession, "2026-03-28")
	for _, d := range []struct {
		on   string
		want int
	}{{"2026-03-29", 1}, {"2026-03-31", 3}, {"2026-04-04", 7}, {"2026-04-11", 14}} {
		sh := mustShift(t, db, med, d.on, "Lighter on the stairs")
		if sh.DayCount != d.want {
			t.Errorf("shift on %s: day %d, want %d", d.on, sh.DayCount, d.want)
		}
	}
	good := domain.Shift{ClientID: c.ID, SessionID: med.ID, NoticedOn: "2026-03-30", Area: "emotions", Description: "Cried at the bakery, not sad", Intensity: 3}
	for name, c := range map[string]struct {
		change func(*domain.Shift)
		field  string
	}{
		"before its session": {func(s *domain.Shift) { s.NoticedOn = "2026-03-27" }, "noticedOn"},
		"impossible date":    {func(s *domain.Shift) { s.NoticedOn = "2026-02-30" }, "noticedOn"},
		"intensity too high": {func(s *domain.Shift) { s.Intensity = 9 }, "intensity"},
		"oversized":          {func(s *domain.Shift) { s.Description = strings.Repeat("ç", domain.MaxLongText+1) }, "description"},
		"not a medicine one": {func(s *domain.Shift) { s.SessionID = prep.ID }, "sessionId"},
		"another's session":  {func(s *domain.Shift) { s.SessionID = othersMed.ID }, "sessionId"},
		"no session at all":  {func(s *domain.Shift) { s.SessionID = 99999 }, "sessionId"},
		"an unknown area":    {func(s *domain.Shift) { s.Area = "work" }, "area"},
		"no words":           {func(s *domain.Shift) { s.Description = "" }, "description"},
		"control characters": {func(s *domain.Shift) { s.Description = "a\x00b" }, "description"},
	} {
		s := good
		c.change(&s)
		if _, err := db.AddShift(ctx, s, domain.ByClient); domain.ErrorField(err) != c.field || domain.ErrorMessage(err) == "" {
			t.Errorf("%s: %v (field %q), want field %q", name, err, domain.ErrorField(err), c.field)
		}
	}
	if n := countRows(t, db, "shifts"); n != 4 {
		t.Fatalf("refused shifts were saved: %d rows", n)
	}

	sh, err := db.AddShift(ctx, good, domain.ByClient)
	if err != nil {
		t.Fatal(err)
	}
	if sh, err = db.AddMeaning(ctx, sh.ID, "Relief, we think: the body letting go first.", domain.ByTogether); err != nil {
		t.Fatal(err)
	}
	if sh.Description != "Cried at the bakery, not sad" || sh.MeaningBy != domain.ByTogether || sh.MeaningOn == "" {
		t.Fatalf("meaning replaced or not attributed: %+v", sh)
	}
	med.Date = "2026-04-01"
	if _, err := db.UpdateSession(ctx, med, domain.ByTherapist); domain.ErrorField(err) != "date" {
		t.Fatalf("the session moved after its shifts: %v", err)
	}
}

func TestPatternsAndResources(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "Ilse Fictional")
	other := mustClient(t, db, "Someone Else")
	med := mustSession(t, db, c.ID, domain.MedicineSession, "2026-05-01")
	a := mustShift(t, db, med, "2026-05-02", "Said no to extra work")
	b := mustShift(t, db, med, "2026-05-05", "Did not apologise first")
	othersShift := mustShift(t, db, mustSession(t, db, other.ID, domain.MedicineSession, "2026-05-01"), "2026-05-03", "x")

	p, err := db.AddPattern(ctx, domain.NewPattern{ClientID: c.ID, Name: "I have to earn my place", ProposedBy: domain.ByClient, NoticedOn: "2026-05-10"}, domain.ByClient)
	if err != nil || p.Status != domain.PatternNoticed || len(p.Statuses) != 1 {
		t.Fatalf("%v %+v", err, p)
	}
	if p, err = db.LinkPattern(ctx, p.ID, []int64{b.ID, a.ID, a.ID}, []int64{med.ID}, domain.ByTogether); err != nil || len(p.ShiftIDs) != 2 || len(p.SessionIDs) != 1 {
		t.Fatalf("%v %+v", err, p)
	}
	if _, err := db.LinkPattern(ctx, p.ID, []int64{othersShift.ID}, nil, domain.ByTogether); domain.ErrorField(err) != "shiftIds" {
		t.Fatalf("linked another client's shift: %v", err)
	}
	if p, _ = db.pattern(ctx, db.sql, p.ID); len(p.ShiftIDs) != 2 {
		t.Fatalf("a refused link changed the links: %+v", p)
	}
	if p, err = db.SetPatternStatus(ctx, p.ID, domain.PatternChange{On: "2026-06-01", Status: domain.PatternLoosening, By: domain.ByClient}); err != nil || p.Status != domain.PatternLoosening {
		t.Fatalf("%v %+v", err, p)
	}
	if _, err := db.SetPatternStatus(ctx, p.ID, domain.PatternChange{On: "2026-05-20", Status: domain.PatternExploring, By: domain.ByClient}); domain.ErrorField(err) != "on" {
		t.Fatalf("a status dated before the latest: %v", err)
	}
	if p, err = db.RenamePattern(ctx, p.ID, "I believed I had to earn my place", domain.ByClient); err != nil || len(p.Revisions) != 2 {
		t.Fatalf("%v %+v", err, p)
	}

	r, err := db.AddResource(ctx, domain.Resource{ClientID: c.ID, Kind: "breath", Name: "Long out-breath", Helps: 4}, domain.ByClient)
	if err != nil || r.ProposedBy != domain.ByClient {
		t.Fatalf("%v %+v", err, r)
	}
	r.Name, r.WhenHelped = "Long out-breath, counting to six", "Before difficult calls"
	if r, err = db.UpdateResource(ctx, r, domain.ByTogether); err != nil || len(r.Revisions) != 2 || r.Revisions[1].Author != domain.ByTogether {
		t.Fatalf("%v %+v", err, r)
	}
	r.Helps = 7
	if _, err := db.UpdateResource(ctx, r, domain.ByTogether); domain.ErrorField(err) != "helps" {
		t.Fatalf("helps out of range: %v", err)
	}
	rec, err := db.Integration(ctx, c.ID)
	if err != nil || len(rec.Sessions) != 1 || len(rec.Shifts) != 2 || len(rec.Patterns) != 1 || len(rec.Resources) != 1 {
		t.Fatalf("%v %+v", err, rec)
	}
}

func TestSearchFindsEveryKindIgnoringAccentsAndCase(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "Zoë Ñúñez-Øvergård")
	med := mustSession(t, db, c.ID, domain.MedicineSession, "2026-07-01")
	med.Summary, med.PrivateNotes = "Resting by the window.", "I felt protective; take to consultation."
	if _, err := db.UpdateSession(ctx, med, domain.ByTherapist); err != nil {
		t.Fatal(err)
	}
	sh := mustShift(t, db, med, "2026-07-03", "Le café du matin avait un goût de fête")
	mustShift(t, db, med, "2026-07-04", "Cafeteria noise was fine")
	if _, err := db.AddPattern(ctx, domain.NewPattern{ClientID: c.ID, Name: "Protecting everyone at the table", ProposedBy: domain.ByClient}, domain.ByClient); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddReflection(ctx, domain.Reflection{ClientID: c.ID, Kind: "reaction", Text: "My own protectiveness showed up."}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddPlanItem(ctx, domain.NewPlanItem{ClientID: c.ID, Kind: domain.Goal, Text: "Feel at home at the table", ProposedBy: domain.ByClient}, domain.ByClient); err != nil {
		t.Fatal(err)
	}

	kinds := func(r domain.SearchResult) string {
		var ks []string
		for _, h := range r.Hits {
			ks = append(ks, string(h.Kind))
		}
		return strings.Join(ks, ",")
	}
	for q, want := range map[string]string{
		"CAFE":        "shift,shift",
		"café matin":  "shift",
		"fete":        "shift",
		"overgard":    "client",
		"ZOE nunez":   "client",
		"protect":     "session,pattern,reflection",
		"table":       "pattern,plan",
		"nothing-yet": "",
		"  ":          "",
	} {
		r, err := db.Search(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if got := kinds(r); got != want {
			t.Errorf("search %q found %q, want %q", q, got, want)
		}
	}
	r, _ := db.Search(ctx, "fete")
	if h := r.Hits[0]; h.ID != sh.ID || h.ClientName != c.ChosenName || !strings.Contains(h.Excerpt, domain.Mark+"fête"+domain.EndMark) || h.Date != "2026-07-03" {
		t.Fatalf("hit: %+v", h)
	}
	// Ranking: a record with the word twice comes before one with it once.
	mustShift(t, db, med, "2026-07-05", "Tea. More tea, and tea again.")
	mustShift(t, db, med, "2026-07-06", "One cup of tea and a long walk along the river to the old mill")
	r, _ = db.Search(ctx, "tea")
	if len(r.Hits) != 2 || !strings.HasPrefix(r.Hits[0].Excerpt, domain.Mark+"Tea") {
		t.Fatalf("ranking: %+v", r.Hits)
	}

	// Archived clients drop out of the search; erased ones leave nothing.
	if err := db.ArchiveClient(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if r, _ := db.Search(ctx, "cafe"); len(r.Hits) != 0 {
		t.Fatalf("archived client found: %+v", r.Hits)
	}
	if err := db.EraseClient(ctx, c.ID, c.ChosenName); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, db, "search_index"); n != 0 {
		t.Fatalf("%d index rows left after erasing the only client", n)
	}
}

func TestSearchIndexIsRebuiltWhenMissing(t *testing.T) {
	ctx := context.Background()
	db, path, key := mustOpen(t)
	c := mustClient(t, db, "Ilse Fictional")
	mustShift(t, db, mustSession(t, db, c.ID, domain.MedicineSession, "2026-07-01"), "2026-07-02", "Birdsong at dawn")
	if _, err := db.sql.Exec(`DELETE FROM search_index`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err := Open(ctx, path, key, clocktest.Now())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if r, _ := db.Search(ctx, "birdsong"); len(r.Hits) != 1 {
		t.Fatalf("index not rebuilt: %+v", r)
	}
}

func TestDevanagariAndArabicWordsAreFoundWhole(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "प्रिया")
	mustShift(t, db, mustSession(t, db, c.ID, domain.MedicineSession, "2026-07-01"), "2026-07-02", "माँ की याद आई, और शांति")
	mustClient(t, db, "محمد")
	for q, want := range map[string]int{"प्रिया": 1, "शांति": 1, "محمد": 1} {
		if r, _ := db.Search(ctx, q); len(r.Hits) != want {
			t.Errorf("search %q: %+v", q, r.Hits)
		}
	}
}

// What the therapist may keep private (somatic observations, an adverse
// event, a pattern's examples, a fee note) is stored with its choice, is
// shared when nothing was chosen, and leaves the client's view when kept
// private.
func TestPrivateChoicesAreKeptAndFilter(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	feePractice(t, db)
	c := mustClient(t, db, "Ilse Fictional")
	s := mustSession(t, db, c.ID, domain.IntegrationSession, "2026-11-21")

	s.Somatic = "Shoulders dropped when the music began."
	s, err := db.UpdateSession(ctx, s, domain.ByTherapist)
	if err != nil || s.SomaticVisibility != domain.Shared {
		t.Fatalf("unchosen somatic visibility: %q %v", s.SomaticVisibility, err)
	}
	s.SomaticVisibility = domain.Private
	if s, err = db.UpdateSession(ctx, s, domain.ByTherapist); err != nil {
		t.Fatal(err)
	}
	s.SomaticVisibility = "public"
	if _, err := db.UpdateSession(ctx, s, domain.ByTherapist); domain.ErrorField(err) != "somaticVisibility" {
		t.Fatalf("an unknown visibility was accepted: %v", err)
	}
	for _, vis := range []domain.Visibility{"", domain.Private} {
		if _, err := db.AddAdverseEvent(ctx, domain.AdverseEvent{SessionID: s.ID, Description: "Dizzy (" + string(vis) + ")", Visibility: vis}); err != nil {
			t.Fatal(err)
		}
	}
	p, err := db.AddPattern(ctx, domain.NewPattern{ClientID: c.ID, Name: "Holding my breath", Examples: "At the door", ExamplesVisibility: domain.Private, ProposedBy: domain.ByTherapist}, domain.ByTherapist)
	if err != nil || p.ExamplesVisibility != domain.Private {
		t.Fatalf("pattern: %+v %v", p, err)
	}
	if p, err = db.SetPatternExamples(ctx, p.ID, "At the door, and on the phone", "", domain.ByTherapist); err != nil || p.ExamplesVisibility != domain.Shared {
		t.Fatalf("examples shared again: %+v %v", p, err)
	}
	if p, err = db.SetPatternExamples(ctx, p.ID, "At the door", domain.Private, domain.ByTherapist); err != nil {
		t.Fatal(err)
	}
	f, err := db.SetSessionFee(ctx, domain.SessionFee{SessionID: s.ID, Basis: domain.Adjusted, Amount: 4000, Note: "Reduced after the job loss", NoteVisibility: domain.Private})
	if err != nil {
		t.Fatal(err)
	}

	got, _ := db.Session(ctx, s.ID)
	if got.SomaticVisibility != domain.Private || len(got.AdverseEvents) != 2 || got.AdverseEvents[0].Visibility != domain.Shared || got.AdverseEvents[1].Visibility != domain.Private {
		t.Fatalf("read back: %+v", got)
	}
	view := domain.View(got)
	if view.Somatic != "" || len(view.AdverseEvents) != 1 || view.AdverseEvents[0].Description != "Dizzy ()" {
		t.Fatalf("the client's view of the session: %+v", view)
	}
	if pv := domain.View(p); pv.Examples != "" || pv.Name != "Holding my breath" {
		t.Fatalf("the client's view of the pattern: %+v", pv)
	}
	fee := f.Account.Sessions[0].Fee
	if fee == nil || fee.Note != "Reduced after the job loss" || fee.NoteVisibility != domain.Private {
		t.Fatalf("fee: %+v", fee)
	}
	if fv := domain.View(f); fv.Account.Sessions[0].Fee.Note != "" || fv.Account.Sessions[0].Fee.Amount != 4000 {
		t.Fatalf("the client's view of the fee: %+v", fv.Account.Sessions[0].Fee)
	}
}
