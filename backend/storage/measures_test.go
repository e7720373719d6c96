package storage

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"tandem/backend/clock/clocktest"
	"tandem/backend/domain"
)

// answersOf numbers values from question 1; a negative value leaves that
// question unanswered.
func answersOf(values ...int) []domain.Answer {
	var out []domain.Answer
	for i, v := range values {
		if v >= 0 {
			out = append(out, domain.Answer{Item: i + 1, Value: v})
		}
	}
	return out
}

// sleepCheck is a therapist's own instrument: three questions answered 0
// to 4, the third reverse-scored, added up, one question allowed blank.
func sleepCheck() domain.Instrument {
	return domain.Instrument{
		Name: "Sleep check (fictional)", ShortName: "Sleep", Stem: "In the past week:",
		ScaleMin: 0, ScaleMax: 4, Options: []domain.Option{{Value: 0, Label: "Never"}, {Value: 4, Label: "Always"}},
		Items: []domain.Item{
			{Number: 1, Text: "I slept through the night."},
			{Number: 2, Text: "I woke rested."},
			{Number: 3, Text: "I lay awake worrying.", Reverse: true},
		},
		Scoring: domain.SumScoring, MaxMissing: 1,
		Bands:     []domain.Band{{Min: 0, Max: 5, Label: "Lower"}, {Min: 6, Max: 12, Label: "Higher"}},
		Subscales: []domain.Subscale{{Key: "night", Name: "Night", Items: []int{1, 3}}},
		Licence:   "Written by me for this practice (fictional).",
	}
}

func mustMeasure(t *testing.T, db *DB, m domain.Measure, by domain.Actor) domain.Measure {
	t.Helper()
	saved, err := db.AddMeasure(context.Background(), m, by)
	if err != nil {
		t.Fatal(err)
	}
	return saved
}

func mustInstrument(t *testing.T, db *DB, in domain.Instrument) domain.Instrument {
	t.Helper()
	saved, err := db.SaveInstrument(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return saved
}

func phqOf(clientID int64, date string, values ...int) domain.Measure {
	return domain.Measure{ClientID: clientID, Date: date, Instrument: domain.Instrument{Key: "phq9"}, Answers: answersOf(values...)}
}

func TestAMeasureIsScoredOnTheCurrentDefinitionNotTheOneSubmitted(t *testing.T) {
	ctx := context.Background()
	db, client := openAt(t, "2026-06-10T09:30", "Europe/London")
	// A doctored definition: every band "Minimal", question 9 not flagged.
	doctored, _ := domain.BuiltInInstrument("phq9")
	doctored.Bands = []domain.Band{{Min: 0, Max: 27, Label: "Minimal"}}
	doctored.Safety, doctored.Version = nil, 99
	m := domain.Measure{ClientID: client.ID, Date: "2026-06-10", Instrument: doctored, EnteredBy: domain.ByClient,
		Answers: answersOf(2, 2, 2, 2, 1, 1, 1, 0, 1, 2), Notes: "Answered in the room (fictional)."}
	saved := mustMeasure(t, db, m, domain.ByClient)
	r := saved.Result
	if r.Total != 12 || r.Band != "Moderate" || len(r.Flags) != 1 || saved.Instrument.Version != 1 || len(saved.Instrument.Safety) != 1 {
		t.Fatalf("scored on the submitted definition: %+v (version %d)", r, saved.Instrument.Version)
	}
	if saved.EnteredBy != domain.ByClient || saved.SessionID != 0 || saved.Created == "" || len(saved.Answers) != 10 {
		t.Errorf("saved: %+v", saved)
	}
	read, err := db.Measure(ctx, saved.ID)
	if err != nil || !reflect.DeepEqual(read, saved) {
		t.Fatalf("read back:\n%+v\n%+v\n%v", read, saved, err)
	}
	assertHistory(t, db, client.ID, "measure", saved.ID, "create")
	if h := lastHistory(t, db, client.ID); h.Actor != domain.ByClient {
		t.Errorf("recorded by %q", h.Actor)
	}

	// The therapist's own notes and the flag stay out of the client's view.
	rec, err := db.Integration(ctx, client.ID)
	if err != nil || len(rec.Measures) != 1 || rec.Measures[0].ID != saved.ID {
		t.Fatalf("journey: %+v %v", rec.Measures, err)
	}
	if v := domain.View(rec); v.Measures[0].Notes != "" || len(v.Measures[0].Result.Flags) != 0 || v.Measures[0].Result.Total != 12 {
		t.Errorf("the client's view: %+v", v.Measures[0])
	}
}

func TestAMeasureIsRefusedWhatItCannotBe(t *testing.T) {
	ctx := context.Background()
	db, client := openAt(t, "2026-06-10T09:30", "Europe/London")
	other := mustClient(t, db, "Ash Other (fictional)")
	theirs := mustSession(t, db, other.ID, domain.PreparationSession, "2026-06-01")
	mine := mustSession(t, db, client.ID, domain.MedicineSession, "2026-06-02")
	own := mustInstrument(t, db, sleepCheck())
	if err := db.RetireInstrument(ctx, own.Key); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		edit  func(*domain.Measure)
		field string
	}{
		{"a session of another client", func(m *domain.Measure) { m.SessionID = theirs.ID }, "sessionId"},
		{"a session that does not exist", func(m *domain.Measure) { m.SessionID = 9999 }, "sessionId"},
		{"an unknown questionnaire", func(m *domain.Measure) { m.Instrument.Key = "beck" }, "instrument"},
		{"no questionnaire", func(m *domain.Measure) { m.Instrument.Key = "" }, "instrument"},
		{"a retired questionnaire", func(m *domain.Measure) { m.Instrument.Key = own.Key }, "instrument"},
		{"a date after today", func(m *domain.Measure) { m.Date = "2026-06-11" }, "date"},
		{"an answer off the scale", func(m *domain.Measure) { m.Answers = answersOf(4) }, "answers"},
		{"a question it does not have", func(m *domain.Measure) { m.Answers = []domain.Answer{{Item: 11, Value: 0}} }, "answers"},
		{"no answers", func(m *domain.Measure) { m.Answers = nil }, "answers"},
		{"an unknown actor", func(m *domain.Measure) { m.EnteredBy = "robot" }, "enteredBy"},
	} {
		t.Run("refuses "+c.name, func(t *testing.T) {
			m := phqOf(client.ID, "2026-06-10", 1, 1, 1)
			m.SessionID = mine.ID
			c.edit(&m)
			if _, err := db.AddMeasure(ctx, m, domain.ByTherapist); domain.ErrorField(err) != c.field {
				t.Errorf("got %v (field %q), want a problem with %s", err, domain.ErrorField(err), c.field)
			}
		})
	}
	if n := countRows(t, db, "measures"); n != 0 {
		t.Fatalf("%d measures saved by refused calls", n)
	}
	// Its own session is fine; an archived client's record takes none.
	m := phqOf(client.ID, "2026-06-10", 1, 1, 1)
	m.SessionID = mine.ID
	if saved := mustMeasure(t, db, m, domain.ByTherapist); saved.SessionID != mine.ID || saved.EnteredBy != domain.ByTherapist {
		t.Errorf("saved %+v", saved)
	}
	if err := db.ArchiveClient(ctx, other.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddMeasure(ctx, phqOf(other.ID, "2026-06-10", 1), domain.ByTherapist); domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(domain.ErrorMessage(err), "archived") {
		t.Errorf("an archived client: %v", err)
	}
	for _, id := range []int64{0, 999} {
		if _, err := db.AddMeasure(ctx, phqOf(id, "2026-06-10", 1), domain.ByTherapist); domain.ErrorCode(err) != domain.ENOTFOUND {
			t.Errorf("client %d: %v", id, err)
		}
	}
}

func TestACorrectionKeepsTheOriginalInTheHistory(t *testing.T) {
	ctx := context.Background()
	db, client := openAt(t, "2026-06-10T09:30", "Europe/London")
	session := mustSession(t, db, client.ID, domain.IntegrationSession, "2026-06-08")
	first := mustMeasure(t, db, phqOf(client.ID, "2026-06-09", 1, 1, 1, 1, 1, 1, 1, 1, 0), domain.ByTherapist)

	fixed := first
	fixed.Answers = answersOf(1, 1, 1, 1, 1, 1, 1, 2, -1) // question 9 was left blank on paper
	fixed.Date, fixed.SessionID, fixed.Notes = "2026-06-08", session.ID, "Transcribed again from the form (fictional)."
	fixed.Instrument = domain.Instrument{Key: "phq9", Name: "ignored", Version: 7}
	got, err := db.CorrectMeasure(ctx, fixed, domain.ByTherapist)
	if err != nil {
		t.Fatal(err)
	}
	if got.Result.Total != 10 || !got.Result.Prorated || got.Date != "2026-06-08" || got.SessionID != session.ID || got.Instrument.Version != 1 || got.Instrument.Name == "ignored" {
		t.Fatalf("corrected: %+v", got)
	}
	if got.EnteredBy != domain.ByTherapist || got.Created != first.Created {
		t.Errorf("who and when it was first entered changed: %q %q", got.EnteredBy, got.Created)
	}
	assertHistory(t, db, client.ID, "measure", first.ID, "create", "correct")
	h := lastHistory(t, db, client.ID)
	var before domain.Measure
	if err := json.Unmarshal([]byte(h.Before), &before); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before.Answers, first.Answers) || before.Date != "2026-06-09" || before.Result.Total != 8 {
		t.Errorf("the history's before: %+v", before)
	}
	// The history names the definition; the measure's row keeps it whole.
	if before.Instrument.Key != "phq9" || before.Instrument.Version != 1 || strings.Contains(h.Before+h.After, "Little interest") {
		t.Errorf("the history's copy of the definition: %+v", before.Instrument)
	}

	// Refused: another client's session, a date after today.
	other := mustClient(t, db, "Ash Other (fictional)")
	fixed.SessionID = mustSession(t, db, other.ID, domain.IntegrationSession, "2026-06-08").ID
	if _, err := db.CorrectMeasure(ctx, fixed, domain.ByTherapist); domain.ErrorField(err) != "sessionId" {
		t.Errorf("another client's session: %v", err)
	}
	fixed.SessionID, fixed.Date = 0, "2026-07-01"
	if _, err := db.CorrectMeasure(ctx, fixed, domain.ByTherapist); domain.ErrorField(err) != "date" {
		t.Errorf("a date after today: %v", err)
	}
	if _, err := db.CorrectMeasure(ctx, domain.Measure{ID: 999, Date: "2026-06-01", Answers: answersOf(1)}, domain.ByTherapist); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("a measure that does not exist: %v", err)
	}
}

func TestAChangedDefinitionLeavesRecordedResultsAsTheyWere(t *testing.T) {
	ctx := context.Background()
	db, client := openAt(t, "2026-06-10T09:30", "Europe/London")
	v1 := mustInstrument(t, db, sleepCheck())
	if v1.Key != "own-1" || v1.Version != 1 || v1.BuiltIn {
		t.Fatalf("saved %s version %d", v1.Key, v1.Version)
	}
	// 3 + 3 + (4-1) = 9: "Higher".
	old := mustMeasure(t, db, domain.Measure{ClientID: client.ID, Date: "2026-06-01", Instrument: domain.Instrument{Key: v1.Key}, Answers: answersOf(3, 3, 1)}, domain.ByClient)
	if old.Result.Band != "Higher" || old.Result.Total != 9 {
		t.Fatalf("first result %+v", old.Result)
	}

	changed := v1
	changed.Items[0].Text = "I slept through the night without waking."
	changed.Bands = []domain.Band{{Min: 0, Max: 9, Label: "Lower"}, {Min: 10, Max: 12, Label: "Higher"}}
	v2 := mustInstrument(t, db, changed)
	if v2.Key != v1.Key || v2.Version != 2 {
		t.Fatalf("the change is %s version %d", v2.Key, v2.Version)
	}
	if same := mustInstrument(t, db, v2); same.Version != 2 || countRows(t, db, "instrument_versions") != 2 {
		t.Errorf("saving it unchanged made version %d", same.Version)
	}

	read, err := db.Measure(ctx, old.ID)
	if err != nil || read.Result.Band != "Higher" || read.Instrument.Version != 1 || read.Instrument.Items[0].Text != "I slept through the night." {
		t.Fatalf("the recorded measure moved: %+v %v", read, err)
	}
	// A correction of it keeps the definition it was answered on.
	read.Answers = answersOf(3, 3, 0)
	corrected, err := db.CorrectMeasure(ctx, read, domain.ByTherapist)
	if err != nil || corrected.Instrument.Version != 1 || corrected.Result.Total != 10 || corrected.Result.Band != "Higher" {
		t.Fatalf("corrected on version %d: %+v %v", corrected.Instrument.Version, corrected.Result, err)
	}
	// A new measure is taken on version 2, where 10 is still "Higher" and 9 is "Lower".
	newer := mustMeasure(t, db, domain.Measure{ClientID: client.ID, Date: "2026-06-10", Instrument: domain.Instrument{Key: v1.Key}, Answers: answersOf(3, 3, 1)}, domain.ByClient)
	if newer.Instrument.Version != 2 || newer.Result.Band != "Lower" {
		t.Fatalf("new measure on version %d: %+v", newer.Instrument.Version, newer.Result)
	}
	// The current definition is what Instruments and Instrument give.
	list, err := db.Instruments(ctx)
	if err != nil || len(list) != 4 || list[0].Key != "phq9" || list[3].Key != v1.Key || list[3].Version != 2 {
		t.Fatalf("instruments: %d %v", len(list), err)
	}
	if got, err := db.Instrument(ctx, v1.Key); err != nil || got.Version != 2 {
		t.Errorf("instrument: %+v %v", got, err)
	}
	h, err := db.History(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, e := range h {
		if e.Entity == "instrument" {
			actions = append(actions, e.Action)
		}
	}
	if strings.Join(actions, ",") != "create,revise" {
		t.Errorf("the practice's history of the instrument: %v", actions)
	}
}

func TestTheTherapistsInstrumentsFollowTheirRules(t *testing.T) {
	ctx := context.Background()
	db, client := openAt(t, "2026-06-10T09:30", "Europe/London")
	phq, _ := domain.BuiltInInstrument("phq9")
	if _, err := db.SaveInstrument(ctx, phq); domain.ErrorField(err) != "key" {
		t.Errorf("a built-in saved as the therapist's: %v", err)
	}
	claims := sleepCheck()
	claims.BuiltIn = true
	if _, err := db.SaveInstrument(ctx, claims); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("one claiming to be built in: %v", err)
	}
	bad := sleepCheck()
	bad.Licence = ""
	if _, err := db.SaveInstrument(ctx, bad); domain.ErrorField(err) != "licence" {
		t.Errorf("no licence note: %v", err)
	}
	named := sleepCheck()
	named.Key = "sleep-check"
	if got := mustInstrument(t, db, named); got.Key != "sleep-check" || got.Version != 1 {
		t.Errorf("a key of the therapist's choosing: %s %d", got.Key, got.Version)
	}
	auto := mustInstrument(t, db, sleepCheck())
	if auto.Key != "own-2" {
		t.Errorf("the second is %q", auto.Key)
	}

	sched, err := db.SetMeasureSchedule(ctx, domain.MeasureSchedule{ClientID: client.ID, InstrumentKey: auto.Key, Kind: domain.ScheduleAfterMedicine})
	if err != nil {
		t.Fatal(err)
	}
	if err := db.RetireInstrument(ctx, auto.Key); err != nil {
		t.Fatal(err)
	}
	if err := db.RetireInstrument(ctx, auto.Key); err != nil {
		t.Errorf("retiring twice: %v", err)
	}
	list, _ := db.Instruments(ctx)
	for _, in := range list {
		if in.Key == auto.Key {
			t.Error("a retired instrument is still offered")
		}
	}
	if _, err := db.Instrument(ctx, auto.Key); err != nil {
		t.Errorf("a retired instrument can no longer be read: %v", err)
	}
	if _, err := db.SaveInstrument(ctx, auto); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("a retired instrument changed: %v", err)
	}
	if _, err := db.SetMeasureSchedule(ctx, sched); domain.ErrorField(err) != "instrumentKey" {
		t.Errorf("a schedule of a retired instrument: %v", err)
	}
	if err := db.RetireInstrument(ctx, "gad7"); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("a built-in retired: %v", err)
	}
	if err := db.RetireInstrument(ctx, "nothing"); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("an unknown one retired: %v", err)
	}
	if _, err := db.Instrument(ctx, "nothing"); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("an unknown one read: %v", err)
	}
}

func TestAFollowUpIsDatedTheTherapistsToday(t *testing.T) {
	ctx := context.Background()
	// 23:30 in Los Angeles: already the 11th in UTC.
	db, client := openAt(t, "2026-06-10T23:30", "America/Los_Angeles")
	calm := mustMeasure(t, db, phqOf(client.ID, "2026-06-10", 0, 1, 0, 0, 0, 0, 0, 0, 0), domain.ByTherapist)
	if _, err := db.RecordMeasureFollowUp(ctx, calm.ID, "Nothing to follow up."); domain.ErrorField(err) != "followUp" {
		t.Errorf("a follow-up without a flag: %v", err)
	}
	flagged := mustMeasure(t, db, phqOf(client.ID, "2026-06-10", 1, 1, 0, 0, 0, 0, 0, 0, 1), domain.ByClient)
	if _, err := db.RecordMeasureFollowUp(ctx, flagged.ID, "  "); domain.ErrorField(err) != "followUp" {
		t.Errorf("an empty follow-up: %v", err)
	}
	got, err := db.RecordMeasureFollowUp(ctx, flagged.ID, "Talked it through at once; the safety plan holds (fictional).")
	if err != nil {
		t.Fatal(err)
	}
	if got.FollowUpOn != "2026-06-10" || !strings.Contains(got.FollowUp, "safety plan") {
		t.Errorf("follow-up %q on %s", got.FollowUp, got.FollowUpOn)
	}
	assertHistory(t, db, client.ID, "measure", flagged.ID, "create", "follow_up")
	if h := lastHistory(t, db, client.ID); h.Actor != domain.ByTherapist {
		t.Errorf("recorded by %q", h.Actor)
	}
	// A correction keeps the follow-up.
	got.Notes = "Re-read the form (fictional)."
	if c, err := db.CorrectMeasure(ctx, got, domain.ByTherapist); err != nil || c.FollowUp != got.FollowUp {
		t.Errorf("the correction lost the follow-up: %+v %v", c, err)
	}
	if _, err := db.RecordMeasureFollowUp(ctx, 999, "x"); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("no such measure: %v", err)
	}
}

func TestSchedulesAreOnePerClientInstrumentAndKind(t *testing.T) {
	ctx := context.Background()
	db, client := openAt(t, "2026-06-10T09:30", "Europe/London")
	every, err := db.SetMeasureSchedule(ctx, domain.MeasureSchedule{ClientID: client.ID, InstrumentKey: "phq9", Kind: domain.ScheduleEveryWeeks, EveryWeeks: 4, StartsOn: "2026-05-01"})
	if err != nil || every.ID == 0 || every.Created == "" {
		t.Fatalf("%+v %v", every, err)
	}
	after, err := db.SetMeasureSchedule(ctx, domain.MeasureSchedule{ClientID: client.ID, InstrumentKey: "phq9", Kind: domain.ScheduleAfterMedicine, EveryWeeks: 3})
	if err != nil || after.ID == every.ID || after.EveryWeeks != 0 {
		t.Fatalf("%+v %v", after, err)
	}
	// The same client, instrument and kind: the schedule changes.
	changed, err := db.SetMeasureSchedule(ctx, domain.MeasureSchedule{ClientID: client.ID, InstrumentKey: "phq9", Kind: domain.ScheduleEveryWeeks, EveryWeeks: 6, StartsOn: "2026-05-15"})
	if err != nil || changed.ID != every.ID || changed.EveryWeeks != 6 || changed.StartsOn != "2026-05-15" || changed.Created != every.Created {
		t.Fatalf("changed %+v %v", changed, err)
	}
	list, err := db.MeasureSchedules(ctx, client.ID)
	if err != nil || len(list) != 2 || list[0].Kind != domain.ScheduleAfterMedicine || list[1] != changed {
		t.Fatalf("schedules %+v %v", list, err)
	}
	assertHistory(t, db, client.ID, "measure_schedule", every.ID, "create", "update")
	for _, bad := range []domain.MeasureSchedule{
		{ClientID: client.ID, InstrumentKey: "beck", Kind: domain.ScheduleAfterMedicine},
		{ClientID: client.ID, InstrumentKey: "gad7", Kind: domain.ScheduleEveryWeeks, EveryWeeks: 60, StartsOn: "2026-05-01"},
		{ClientID: client.ID, InstrumentKey: "gad7", Kind: "yearly"},
	} {
		if _, err := db.SetMeasureSchedule(ctx, bad); domain.ErrorCode(err) != domain.EINVALID {
			t.Errorf("%+v: %v", bad, err)
		}
	}
	if _, err := db.SetMeasureSchedule(ctx, domain.MeasureSchedule{ClientID: 999, InstrumentKey: "gad7", Kind: domain.ScheduleAfterMedicine}); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("no such client: %v", err)
	}
	if err := db.RemoveMeasureSchedule(ctx, after.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.RemoveMeasureSchedule(ctx, after.ID); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("removed twice: %v", err)
	}
	assertHistory(t, db, client.ID, "measure_schedule", after.ID, "create", "remove")
	if list, _ := db.MeasureSchedules(ctx, client.ID); len(list) != 1 {
		t.Errorf("after removing: %+v", list)
	}
}

func TestATamperedMeasureIsRefusedCleanly(t *testing.T) {
	ctx := context.Background()
	db, client := openAt(t, "2026-06-10T09:30", "Europe/London")
	m := mustMeasure(t, db, phqOf(client.ID, "2026-06-10", 1, 2, 3), domain.ByTherapist)
	own := mustInstrument(t, db, sleepCheck())
	var def, answers string
	db.sql.QueryRow(`SELECT definition, answers FROM measures WHERE id = ?`, m.ID).Scan(&def, &answers)
	for _, c := range []struct{ name, column, value string }{
		{"a definition that is not JSON", "definition", `{"key": "phq9",`},
		{"a definition with a field Tandem does not know", "definition", strings.Replace(def, `{"key"`, `{"script":"x","key"`, 1)},
		{"a definition with data after it", "definition", def + ` {}`},
		{"a definition that is not valid", "definition", strings.Replace(def, `"scaleMax":3`, `"scaleMax":0`, 1)},
		{"a definition of another instrument", "definition", jsonOf(t, mustBuiltIn(t, "gad7"))},
		{"a definition of another version", "definition", strings.Replace(def, `"version":1`, `"version":2`, 1)},
		{"an empty definition", "definition", `null`},
		{"answers that are not a list", "answers", `{"item":1}`},
		{"an answer off the scale", "answers", `[{"item":1,"value":7}]`},
		{"an answer to a question it does not have", "answers", `[{"item":12,"value":1}]`},
		{"no answers", "answers", `[]`},
	} {
		t.Run("refuses "+c.name, func(t *testing.T) {
			mustExec(t, db, `UPDATE measures SET `+c.column+` = ? WHERE id = ?`, c.value, m.ID)
			t.Cleanup(func() {
				mustExec(t, db, `UPDATE measures SET definition = ?, answers = ? WHERE id = ?`, def, answers, m.ID)
			})
			_, err := db.Measure(ctx, m.ID)
			if domain.ErrorCode(err) != domain.EVAULTDAMAGED || !strings.Contains(domain.ErrorMessage(err), "Measure 1 ") {
				t.Errorf("read: %v", err)
			}
			if _, err := db.Integration(ctx, client.ID); domain.ErrorCode(err) != domain.EVAULTDAMAGED {
				t.Errorf("journey: %v", err)
			}
			if err := db.MeasuresCSV(ctx, "phq9", &strings.Builder{}); domain.ErrorCode(err) != domain.EVAULTDAMAGED {
				t.Errorf("CSV: %v", err)
			}
		})
	}
	if _, err := db.Measure(ctx, m.ID); err != nil {
		t.Fatalf("restored: %v", err)
	}
	// The therapist's own definition, tampered, is refused by its key.
	mustExec(t, db, `UPDATE instruments SET definition = '{"key":"own-1"}' WHERE key = ?`, own.Key)
	if _, err := db.Instruments(ctx); domain.ErrorCode(err) != domain.EVAULTDAMAGED || !strings.Contains(domain.ErrorMessage(err), "own-1") {
		t.Errorf("instruments: %v", err)
	}
	if _, err := db.AddMeasure(ctx, domain.Measure{ClientID: client.ID, Date: "2026-06-10", Instrument: domain.Instrument{Key: own.Key}, Answers: answersOf(1)}, domain.ByClient); domain.ErrorCode(err) != domain.EVAULTDAMAGED {
		t.Errorf("a measure on it: %v", err)
	}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mustBuiltIn(t *testing.T, key string) domain.Instrument {
	t.Helper()
	in, ok := domain.BuiltInInstrument(key)
	if !ok {
		t.Fatalf("no built-in %s", key)
	}
	return in
}

func TestMeasuresSurviveADumpAndLoad(t *testing.T) {
	ctx := context.Background()
	db, client := openAt(t, "2026-06-10T09:30", "Europe/London")
	session := mustSession(t, db, client.ID, domain.MedicineSession, "2026-06-01")
	own := mustInstrument(t, db, sleepCheck())
	changed := own
	changed.Name = "Sleep check, second wording (fictional)"
	mustInstrument(t, db, changed)
	m := phqOf(client.ID, "2026-06-02", 1, 2, 3, 0, 1, 2, 3, 0, 1)
	m.SessionID = session.ID
	flagged := mustMeasure(t, db, m, domain.ByClient)
	if _, err := db.RecordMeasureFollowUp(ctx, flagged.ID, "Called the next morning (fictional)."); err != nil {
		t.Fatal(err)
	}
	mustMeasure(t, db, domain.Measure{ClientID: client.ID, Date: "2026-06-03", Instrument: domain.Instrument{Key: own.Key}, Answers: answersOf(2, -1, 4)}, domain.ByTogether)
	if _, err := db.SetMeasureSchedule(ctx, domain.MeasureSchedule{ClientID: client.ID, InstrumentKey: "gad7", Kind: domain.ScheduleEveryWeeks, EveryWeeks: 4, StartsOn: "2026-05-01"}); err != nil {
		t.Fatal(err)
	}
	before, cols := dumpAll(t, db)
	for _, table := range []string{"instruments", "instrument_versions", "measures", "measure_schedules"} {
		if len(before[table]) == 0 {
			t.Fatalf("the dump has no %s", table)
		}
	}

	key := make([]byte, KeySize)
	rand.Read(key)
	db2, err := CreateForRestore(ctx, filepath.Join(t.TempDir(), "restored.db"), key, SchemaVersion(), clocktest.Now())
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	l, err := db2.Loader(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tbl := range l.Tables() {
		tl, err := l.Table(ctx, tbl.Name, cols[tbl.Name])
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range before[tbl.Name] {
			if err := tl.Insert(ctx, r); err != nil {
				t.Fatalf("%s: %v", tbl.Name, err)
			}
		}
		tl.Close()
	}
	if _, err := l.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if after, _ := dumpAll(t, db2); !reflect.DeepEqual(before, after) {
		t.Fatal("the loaded tables differ from the dumped ones")
	}
	want, err := db.Integration(ctx, client.ID)
	if err != nil {
		t.Fatal(err)
	}
	got, err := db2.Integration(ctx, client.ID)
	if err != nil || !reflect.DeepEqual(got.Measures, want.Measures) || len(got.Measures) != 2 {
		t.Fatalf("measures after the load:\n%+v\n%+v\n%v", got.Measures, want.Measures, err)
	}
	if got, err := db2.Instrument(ctx, own.Key); err != nil || got.Version != 2 {
		t.Errorf("the therapist's instrument after the load: %+v %v", got, err)
	}
}

func TestErasingAClientErasesTheirMeasuresAndSchedules(t *testing.T) {
	ctx := context.Background()
	db, client := openAt(t, "2026-06-10T09:30", "Europe/London")
	own := mustInstrument(t, db, sleepCheck())
	mustMeasure(t, db, domain.Measure{ClientID: client.ID, Date: "2026-06-10", Instrument: domain.Instrument{Key: own.Key}, Answers: answersOf(1, 2, 3)}, domain.ByClient)
	mustMeasure(t, db, phqOf(client.ID, "2026-06-10", 1, 1, 1), domain.ByClient)
	if _, err := db.SetMeasureSchedule(ctx, domain.MeasureSchedule{ClientID: client.ID, InstrumentKey: "phq9", Kind: domain.ScheduleAfterMedicine}); err != nil {
		t.Fatal(err)
	}
	if err := db.ArchiveClient(ctx, client.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.EraseClient(ctx, client.ID, client.ChosenName); err != nil {
		t.Fatal(err)
	}
	if n, s := countRows(t, db, "measures"), countRows(t, db, "measure_schedules"); n != 0 || s != 0 {
		t.Errorf("%d measures and %d schedules outlived their client", n, s)
	}
	// The therapist's instrument is the practice's: it stays.
	if got, err := db.Instrument(ctx, own.Key); err != nil || got.Version != 1 {
		t.Errorf("the instrument: %+v %v", got, err)
	}
}
