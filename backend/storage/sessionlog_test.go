package storage

import (
	"context"
	"strings"
	"testing"
	"time"

	"tandem/backend/clock/clocktest"
	"tandem/backend/domain"
)

// logZone is where the log's sessions are held: half an hour off UTC, so
// an entry's clock is never its UTC time.
const logZone = "Asia/Kolkata"

func mustLogSession(t *testing.T, db *DB, clientID int64) domain.Session {
	t.Helper()
	s, err := db.AddSession(context.Background(), domain.Session{ClientID: clientID, Kind: domain.MedicineSession, Date: dayOffset(0), Time: "09:00",
		TimeZone: logZone, Minutes: 420}, domain.ByTherapist)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// minutesAgo is a moment before the pinned clock, as an entry's time.
func minutesAgo(n int) string {
	return clocktest.Today().Add(-time.Duration(n) * time.Minute).Format(time.RFC3339)
}

func mustLog(t *testing.T, db *DB, sessionID int64, n domain.NewLogEntry) domain.LogEntry {
	t.Helper()
	n.SessionID = sessionID
	e, err := db.AddLogEntry(context.Background(), n)
	if err != nil {
		t.Fatalf("%+v: %v", n, err)
	}
	return e
}

func TestTheLiveLogRecordsEachKindWithItsAuthorAndReadsBackInTimeOrder(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "Ilse Fictional")
	s := mustLogSession(t, db, c.ID)
	add := func(n domain.NewLogEntry) domain.LogEntry { return mustLog(t, db, s.ID, n) }

	// Recording substance and dose is off until the practice turns it on;
	// the time of a dose is kept either way.
	if _, err := db.AddLogEntry(ctx, domain.NewLogEntry{SessionID: s.ID, Kind: domain.LogDose, At: minutesAgo(300), Substance: "A fictional substance", Amount: "100 mg"}); domain.ErrorField(err) != "substance" {
		t.Fatalf("a substance with recording off: %v", err)
	}
	if n := countRows(t, db, "session_log"); n != 0 {
		t.Fatalf("a refused entry was saved: %d", n)
	}
	dose := add(domain.NewLogEntry{Kind: domain.LogDose, At: minutesAgo(300), Text: "First dose, with water."})
	if _, err := db.SaveSettings(ctx, domain.Settings{AutoLockMinutes: 10, RecordMedicine: true}); err != nil {
		t.Fatal(err)
	}
	booster := add(domain.NewLogEntry{Kind: domain.LogBooster, At: minutesAgo(180), Substance: " A fictional substance ", Amount: "50 mg", Route: "oral"})
	if booster.Substance != "A fictional substance" || booster.Amount != "50 mg" || booster.Route != "oral" {
		t.Fatalf("booster %+v", booster)
	}
	checkin := add(domain.NewLogEntry{Kind: domain.LogCheckIn, At: minutesAgo(240), Text: "The floor feels soft. I am safe."})
	vitals := add(domain.NewLogEntry{Kind: domain.LogVitals, At: minutesAgo(200), Systolic: 128, Diastolic: 84, Pulse: 92, SpO2: 98, Temperature: 37.2})
	setting := add(domain.NewLogEntry{Kind: domain.LogSetting, At: minutesAgo(150), Text: "Music paused at the client's request."})
	adverse := add(domain.NewLogEntry{Kind: domain.LogAdverse, At: minutesAgo(120), Text: "Nausea; vomited once."})
	note := add(domain.NewLogEntry{Kind: domain.LogNote, At: minutesAgo(100), Text: "My own worry about the heart rate.", Visibility: domain.Private})
	touch := add(domain.NewLogEntry{Kind: domain.LogTouch, At: minutesAgo(90), Touch: domain.TouchAsked, Text: "Asked for a hand to hold."})
	now := add(domain.NewLogEntry{Kind: domain.LogNote, Text: "Resting."}) // no time given: now

	if checkin.Author != domain.ByClient {
		t.Fatalf("a check-in is the client's words: %+v", checkin)
	}
	if !touch.OutsideAgreement {
		t.Fatal("touch with no touch agreement is not marked outside it")
	}
	if adverse.AdverseEventID == 0 {
		t.Fatalf("the adverse entry opened no event: %+v", adverse)
	}
	if dose.Substance != "" || dose.Author != domain.ByTherapist || dose.Clock == "" {
		t.Fatalf("dose %+v", dose)
	}
	if at, _ := time.Parse(time.RFC3339, now.At); at.Before(clocktest.Today().Add(-time.Second)) || at.After(clocktest.Today().Add(time.Minute)) {
		t.Fatalf("an entry without a time is dated %s; want the clock's now (%s)", now.At, clocktest.Today().UTC().Format(time.RFC3339))
	}

	// Read back with the session, in the order they happened.
	got, err := db.Session(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := []domain.LogEntry{dose, checkin, vitals, booster, setting, adverse, note, touch, now}
	if len(got.Log) != len(want) {
		t.Fatalf("%d entries; want %d", len(got.Log), len(want))
	}
	loc, _ := time.LoadLocation(logZone)
	for i, e := range got.Log {
		if !jsonEqual(t, e, want[i]) {
			t.Errorf("entry %d:\n got %+v\nwant %+v", i, e, want[i])
		}
		at, err := time.Parse(time.RFC3339, e.At)
		if err != nil || !strings.HasSuffix(e.At, "Z") || e.Clock != at.In(loc).Format("15:04") || e.Clock == at.UTC().Format("15:04") {
			t.Errorf("entry %d at %s: clock %q; want the time in %s", i, e.At, e.Clock, logZone)
		}
	}
	if v := got.Log[2]; v.Systolic != 128 || v.Diastolic != 84 || v.Pulse != 92 || v.SpO2 != 98 || v.Temperature != 37.2 {
		t.Errorf("vitals %+v", v)
	}
	if len(got.AdverseEvents) != 1 {
		t.Fatalf("adverse events %+v", got.AdverseEvents)
	}
	if ev := got.AdverseEvents[0]; ev.ID != adverse.AdverseEventID || ev.Description != "Nausea; vomited once." || ev.At != adverse.Clock || ev.Response != "" || ev.Visibility != domain.Shared {
		t.Fatalf("the adverse event %+v; want it linked to entry %+v", ev, adverse)
	}

	// Each entry is in the history, as its author's.
	for _, e := range want {
		hs := historyOf(t, db, c.ID, "log_entry", "create")
		found := false
		for _, h := range hs {
			if h.EntityID == e.ID {
				found = true
				if h.Actor != e.Author || h.Before != "" || !strings.Contains(h.After, `"kind":"`+string(e.Kind)+`"`) {
					t.Errorf("history of entry %d: %+v", e.ID, h)
				}
			}
		}
		if !found {
			t.Errorf("entry %d (%s) is not in the history", e.ID, e.Kind)
		}
	}

	// A session with a log stays a medicine session.
	s = got
	s.Kind = domain.IntegrationSession
	if _, err := db.UpdateSession(ctx, s, domain.ByTherapist); domain.ErrorField(err) != "kind" || !strings.Contains(domain.ErrorMessage(err), "live log") {
		t.Fatalf("a logged session made an integration session: %v", err)
	}
	s.Kind, s.Place = domain.MedicineSession, "The practice room"
	if _, err := db.UpdateSession(ctx, s, domain.ByTherapist); err != nil {
		t.Fatalf("other changes to a logged session: %v", err)
	}
}

func TestATouchEntryIsOutsideTheAgreementUnlessTheClientConfirmedOne(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "Ilse Fictional")
	s := mustLogSession(t, db, c.ID)
	touch := func(marked bool) bool {
		t.Helper()
		return mustLog(t, db, s.ID, domain.NewLogEntry{Kind: domain.LogTouch, Touch: domain.TouchGiven, Text: "A hand on the shoulder.", OutsideAgreement: marked}).OutsideAgreement
	}
	if !touch(false) {
		t.Fatal("no touch agreement: not marked")
	}
	a, err := db.AddAgreement(ctx, domain.NewAgreement{ClientID: c.ID, Kind: domain.TouchConsent, Terms: []domain.AgreementTerm{{Key: "welcome", Text: "A hand on the shoulder"}}}, domain.ByTogether)
	if err != nil {
		t.Fatal(err)
	}
	if !touch(false) {
		t.Fatal("an unconfirmed touch agreement: not marked")
	}
	if _, err := db.ConfirmAgreement(ctx, a.ID, "Ilse", ""); err != nil {
		t.Fatal(err)
	}
	if touch(false) {
		t.Fatal("within a confirmed agreement, yet marked")
	}
	if !touch(true) {
		t.Fatal("marked by the therapist, yet not marked")
	}
	if _, err := db.ReviseAgreement(ctx, a.ID, "", []domain.AgreementTerm{{Key: "welcome", Text: "A hand on the shoulder or the back"}}, domain.ByTherapist); err != nil {
		t.Fatal(err)
	}
	if !touch(false) {
		t.Fatal("the agreement's new wording is not confirmed: not marked")
	}
}

func TestTheLiveLogIsRefused(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "Ilse Fictional")
	s := mustLogSession(t, db, c.ID)
	for field, n := range map[string]domain.NewLogEntry{
		"systolic":    {Kind: domain.LogVitals, Systolic: 400, Diastolic: 80},
		"diastolic":   {Kind: domain.LogVitals, Systolic: 120, Diastolic: 130},
		"pulse":       {Kind: domain.LogVitals, Pulse: 300},
		"spo2":        {Kind: domain.LogVitals, SpO2: 120},
		"temperature": {Kind: domain.LogVitals, Temperature: 98.6},
		"touch":       {Kind: domain.LogTouch, Text: "x"},
		"text":        {Kind: domain.LogCheckIn},
		"at":          {Kind: domain.LogNote, Text: "Dated ten minutes ahead.", At: clocktest.Today().Add(10 * time.Minute).Format(time.RFC3339)},
		"kind":        {Kind: "music", Text: "x"},
	} {
		n.SessionID = s.ID
		if _, err := db.AddLogEntry(ctx, n); domain.ErrorCode(err) != domain.EINVALID || domain.ErrorField(err) != field {
			t.Errorf("%s: %v", field, err)
		}
	}
	// Blood pressure needs both numbers.
	for _, n := range []domain.NewLogEntry{{Kind: domain.LogVitals, Systolic: 120}, {Kind: domain.LogVitals, Diastolic: 80, Pulse: 70}} {
		n.SessionID = s.ID
		if _, err := db.AddLogEntry(ctx, n); domain.ErrorField(err) != "systolic" || !strings.Contains(domain.ErrorMessage(err), "both numbers") {
			t.Errorf("%+v: %v", n, err)
		}
	}
	if n := countRows(t, db, "session_log") + countRows(t, db, "adverse_events"); n != 0 {
		t.Fatalf("refused entries were saved: %d rows", n)
	}

	entry := domain.NewLogEntry{Kind: domain.LogNote, Text: "Resting."}
	integration := mustSession(t, db, c.ID, domain.IntegrationSession, dayOffset(-1))
	for name, c := range map[string]struct {
		session int64
		code    string
	}{
		"an integration session": {integration.ID, domain.EINVALID},
		"an unknown session":     {9999, domain.ENOTFOUND},
	} {
		entry.SessionID = c.session
		if _, err := db.AddLogEntry(ctx, entry); domain.ErrorCode(err) != c.code {
			t.Errorf("%s: %v", name, err)
		}
	}

	finalised := mustLogSession(t, db, c.ID)
	mustLog(t, db, finalised.ID, entry)
	if _, err := db.FinaliseSession(ctx, finalised.ID); err != nil {
		t.Fatal(err)
	}
	entry.SessionID = finalised.ID
	if _, err := db.AddLogEntry(ctx, entry); domain.ErrorCode(err) != domain.EFINALISED {
		t.Fatalf("a finalised session: %v", err)
	}
	if err := db.ArchiveClient(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	entry.SessionID = s.ID
	if _, err := db.AddLogEntry(ctx, entry); domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(domain.ErrorMessage(err), "archived") {
		t.Fatalf("an archived client: %v", err)
	}
	if n := countRows(t, db, "session_log"); n != 1 {
		t.Fatalf("%d entries; want only the one made before finalising", n)
	}
}

// What the client sees of a medicine session and of their record, read
// from the vault; and erasing the client leaves nothing of either.
func TestTheClientsViewOfAStoredMedicineSessionAndErasingIt(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	if _, err := db.SaveSettings(ctx, domain.Settings{AutoLockMinutes: 10, RecordMedicine: true}); err != nil {
		t.Fatal(err)
	}
	c := mustClient(t, db, "Ilse Fictional")
	keep := mustClient(t, db, "Someone Else")
	s := mustLogSession(t, db, c.ID)
	items, _ := db.ScreeningItems(ctx, false)
	mustScreen(t, db, c.ID, dayOffset(-2), domain.ByClient, map[int64]domain.ScreenAnswer{items[0].ID: domain.AnswerUnsure})
	mustScreen(t, db, keep.ID, dayOffset(-2), domain.ByClient, nil)
	if _, err := db.AddMedication(ctx, domain.Medication{ClientID: c.ID, Name: "Sertraline", Dose: "50 mg"}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SaveHealthNotes(ctx, c.ID, "Penicillin", "Asthma", domain.ByClient); err != nil {
		t.Fatal(err)
	}
	for _, write := range []func() error{
		func() error { _, err := db.SavePrep(ctx, s.ID, "Sam", "Sam drives"); return err },
		func() error { _, err := db.DecideFlags(ctx, s.ID, "Discussed with the GP."); return err },
		func() error { _, err := db.GoAhead(ctx, s.ID, "The way home was confirmed by phone."); return err },
	} {
		if err := write(); err != nil {
			t.Fatal(err)
		}
	}
	mustLog(t, db, s.ID, domain.NewLogEntry{Kind: domain.LogDose, At: minutesAgo(60), Text: "First dose.", Substance: "A fictional substance", Amount: "100 mg", Route: "oral"})
	mustLog(t, db, s.ID, domain.NewLogEntry{Kind: domain.LogNote, At: minutesAgo(30), Text: "My own worry.", Visibility: domain.Private})
	mustLog(t, db, s.ID, domain.NewLogEntry{Kind: domain.LogAdverse, At: minutesAgo(20), Text: "Nausea, kept to myself.", Visibility: domain.Private})
	mustLog(t, db, s.ID, domain.NewLogEntry{Kind: domain.LogCheckIn, At: minutesAgo(10), Text: "Warm and heavy."})

	stored, err := db.Session(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	v := domain.View(stored)
	if len(v.Log) != 2 || v.Log[0].Kind != domain.LogDose || v.Log[1].Kind != domain.LogCheckIn {
		t.Fatalf("the client's log: %+v", v.Log)
	}
	if d := v.Log[0]; d.Substance != "" || d.Amount != "" || d.Route != "" || d.Text != "First dose." || d.Clock == "" {
		t.Fatalf("the dose in the client's view: %+v", d)
	}
	if len(v.AdverseEvents) != 0 {
		t.Fatalf("a private adverse entry's event reached the client: %+v", v.AdverseEvents)
	}
	if p := v.Prep; p.SupportPerson != "Sam" || p.WayHome != "Sam drives" || p.FlagsDecision != "" || p.FlagsScreeningID != 0 || p.FlagsDecidedAt != "" || p.GoAheadReason != "" || p.GoAheadAt != "" {
		t.Fatalf("the prep in the client's view: %+v", p)
	}
	if stored.Prep.GoAheadReason == "" || stored.Log[0].Substance == "" {
		t.Fatal("the therapist's own copy lost what the client's view hides")
	}
	rec := domain.ClientView(mustRecord(t, db, c.ID))
	if h := rec.Health; len(h.Screenings) != 1 || len(h.Screenings[0].Flags()) != 1 || len(h.Medications) != 1 || h.Medications[0].Dose != "50 mg" || h.Allergies != "Penicillin" {
		t.Fatalf("health in the client's view: %+v", h)
	}
	if len(rec.History) != 0 {
		t.Fatal("the history reached the client's view")
	}

	if err := db.ArchiveClient(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.EraseClient(ctx, c.ID, c.ChosenName); err != nil {
		t.Fatal(err)
	}
	for table, left := range map[string]int{"medications": 0, "client_health": 0, "screenings": 1, "screening_answers": 10, "session_prep": 0, "session_log": 0, "adverse_events": 0} {
		if n := countRows(t, db, table); n != left {
			t.Errorf("%s: %d rows after erasing; want %d (the other client's)", table, n, left)
		}
	}
	if all, _ := db.ScreeningItems(ctx, true); len(all) != 10 {
		t.Fatalf("the practice's checklist went with the client: %d items", len(all))
	}
}

func TestAnAdverseEventFromTheLogTakesItsResponseOnce(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "Pell Fictional")
	s, err := db.AddSession(ctx, domain.Session{ClientID: c.ID, Kind: domain.MedicineSession, Date: dayOffset(0), TimeZone: "Europe/Berlin"}, domain.ByTherapist)
	if err != nil {
		t.Fatal(err)
	}
	e, err := db.AddLogEntry(ctx, domain.NewLogEntry{SessionID: s.ID, Kind: domain.LogAdverse, Text: "Dizzy on standing"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.RespondToAdverseEvent(ctx, e.AdverseEventID, "  "); domain.ErrorField(err) != "response" {
		t.Fatalf("an empty response: %v", err)
	}
	if _, err := db.FinaliseSession(ctx, s.ID); err != nil {
		t.Fatal(err)
	}
	got, err := db.RespondToAdverseEvent(ctx, e.AdverseEventID, "Sat down, water, passed in minutes.")
	if err != nil || len(got.AdverseEvents) != 1 || got.AdverseEvents[0].Response != "Sat down, water, passed in minutes." {
		t.Fatalf("the response after finalising: %+v, %v", got.AdverseEvents, err)
	}
	if _, err := db.RespondToAdverseEvent(ctx, e.AdverseEventID, "Something else"); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("a second response: %v", err)
	}
	if h := historyOf(t, db, c.ID, "session", "adverse_response"); len(h) != 1 {
		t.Fatalf("history: %d entries", len(h))
	}
	if _, err := db.RespondToAdverseEvent(ctx, 999, "x"); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("an unknown event: %v", err)
	}
}
