package domain

import (
	"math"
	"strings"
	"testing"
	"time"

	"tandem/backend/clock/clocktest"
)

func TestLogKinds(t *testing.T) {
	if len(LogKinds) != 8 {
		t.Fatalf("%d kinds", len(LogKinds))
	}
	for _, k := range LogKinds {
		if !k.Valid() {
			t.Errorf("%q is not valid", k)
		}
	}
	if LogKind("music").Valid() || LogKind("").Valid() {
		t.Fatal("an unknown kind is valid")
	}
}

// minimal is the least each kind of entry needs.
func minimal(kind LogKind) NewLogEntry {
	n := NewLogEntry{SessionID: 5, Kind: kind, Text: "Something happened."}
	switch kind {
	case LogDose, LogBooster:
		n.Text = ""
	case LogVitals:
		n.Text, n.Pulse = "", 72
	case LogTouch:
		n.Touch = TouchAsked
	}
	return n
}

func TestEveryKindOfLogEntryAndWhoWroteIt(t *testing.T) {
	now := clocktest.Today()
	for _, kind := range LogKinds {
		e, err := minimal(kind).Validate(false, true, now)
		if err != nil {
			t.Errorf("%s: %v", kind, err)
			continue
		}
		want := ByTherapist
		if kind == LogCheckIn {
			want = ByClient // the client's words
		}
		if e.Kind != kind || e.SessionID != 5 || e.Author != want || e.Visibility != Shared {
			t.Errorf("%s: %+v; want author %s, shared", kind, e, want)
		}
		if e.At != now.UTC().Format(time.RFC3339) {
			t.Errorf("%s: at %q; want now in UTC (%s)", kind, e.At, now.UTC().Format(time.RFC3339))
		}
	}
	// Only a dose, a booster and vitals go without words.
	for _, kind := range []LogKind{LogCheckIn, LogSetting, LogTouch, LogAdverse, LogNote} {
		n := minimal(kind)
		n.Text = "  \n "
		if _, err := n.Validate(false, true, now); ErrorField(err) != "text" {
			t.Errorf("%s without words: %v", kind, err)
		}
	}
	for _, bad := range []struct {
		field string
		n     NewLogEntry
	}{
		{"kind", NewLogEntry{Kind: "music", Text: "x"}},
		{"kind", NewLogEntry{Text: "x"}},
		{"visibility", NewLogEntry{Kind: LogNote, Text: "x", Visibility: "public"}},
		{"text", NewLogEntry{Kind: LogNote, Text: strings.Repeat("x", MaxLongText+1)}},
		{"text", NewLogEntry{Kind: LogNote, Text: "bell\x07"}},
		{"kind", NewLogEntry{Kind: LogNote, Text: "pulse in a note", Pulse: 80}},
		{"kind", NewLogEntry{Kind: LogCheckIn, Text: "warm", Temperature: 37.5}},
	} {
		if _, err := bad.n.Validate(true, true, now); ErrorCode(err) != EINVALID || ErrorField(err) != bad.field {
			t.Errorf("%+v: got %v; want field %q", bad.n, err, bad.field)
		}
	}
	if e, err := (NewLogEntry{Kind: LogNote, Text: "Mine.", Visibility: Private}).Validate(false, false, now); err != nil || e.Visibility != Private {
		t.Fatalf("a private note: %+v %v", e, err)
	}
}

func TestALogEntrysTimeIsStoredInUTCAndNeverInTheFuture(t *testing.T) {
	now := clocktest.Today()
	for _, c := range []struct {
		at, want, field string
	}{
		{now.Add(-90 * time.Minute).Format(time.RFC3339), now.Add(-90 * time.Minute).UTC().Format(time.RFC3339), ""},
		// Any offset is read and stored as UTC.
		{now.Add(-time.Hour).In(time.FixedZone("", 5*3600+1800)).Format(time.RFC3339), now.Add(-time.Hour).UTC().Format(time.RFC3339), ""},
		// A clock a little ahead is forgiven, up to a minute.
		{now.Add(50 * time.Second).Format(time.RFC3339), now.Add(50 * time.Second).UTC().Format(time.RFC3339), ""},
		{now.Add(2 * time.Minute).Format(time.RFC3339), "", "at"},
		{now.AddDate(0, 0, 1).Format(time.RFC3339), "", "at"},
		{"10:15", "", "at"},
		{now.Format(time.DateOnly), "", "at"},
	} {
		e, err := (NewLogEntry{Kind: LogNote, Text: "x", At: c.at}).Validate(false, false, now)
		if ErrorField(err) != c.field || (c.field == "") != (err == nil) {
			t.Errorf("at %q: got %v; want field %q", c.at, err, c.field)
			continue
		}
		if err == nil && e.At != c.want {
			t.Errorf("at %q: stored %q; want %q", c.at, e.At, c.want)
		}
	}
}

func TestADosesSubstanceIsRecordedOnlyWhereThePracticeAllowsIt(t *testing.T) {
	now := clocktest.Today()
	dose := NewLogEntry{Kind: LogDose, Substance: " A fictional substance ", Amount: " 100 mg ", Route: " oral "}
	e, err := dose.Validate(true, false, now)
	if err != nil || e.Substance != "A fictional substance" || e.Amount != "100 mg" || e.Route != "oral" {
		t.Fatalf("recorded: %+v %v", e, err)
	}
	for _, kind := range []LogKind{LogDose, LogBooster} {
		for _, n := range []NewLogEntry{
			{Kind: kind, Substance: "x"},
			{Kind: kind, Amount: "100 mg"},
			{Kind: kind, Route: "oral"},
		} {
			if _, err := n.Validate(false, false, now); ErrorField(err) != "substance" || !strings.Contains(ErrorMessage(err), "turned off") {
				t.Errorf("%+v with recording off: %v", n, err)
			}
		}
		// The time a dose is given is always kept.
		if e, err := (NewLogEntry{Kind: kind, Text: "First dose.", Substance: "  "}).Validate(false, false, now); err != nil || e.Substance != "" || e.At == "" {
			t.Errorf("%s, time only, recording off: %+v %v", kind, e, err)
		}
	}
	for field, n := range map[string]NewLogEntry{
		"substance": {Kind: LogDose, Substance: "two\nlines"},
		"amount":    {Kind: LogBooster, Amount: strings.Repeat("9", MaxShortText+1)},
		"route":     {Kind: LogDose, Route: "oral\x07"},
	} {
		if _, err := n.Validate(true, false, now); ErrorField(err) != field {
			t.Errorf("%s: %v", field, err)
		}
	}
	// Other kinds carry no substance, whatever is sent.
	if e, err := (NewLogEntry{Kind: LogNote, Text: "x", Substance: "y", Amount: "z"}).Validate(true, false, now); err != nil || e.Substance != "" || e.Amount != "" {
		t.Fatalf("a note with a substance: %+v %v", e, err)
	}
}

func TestVitalsAreHeldToRangesALivingPersonCanShow(t *testing.T) {
	now := clocktest.Today()
	vitals := func(sys, dia, pulse, spo2 int, temp float64) NewLogEntry {
		return NewLogEntry{Kind: LogVitals, Systolic: sys, Diastolic: dia, Pulse: pulse, SpO2: spo2, Temperature: temp}
	}
	e, err := vitals(120, 80, 72, 98, 36.8).Validate(false, false, now)
	if err != nil || e.Systolic != 120 || e.Diastolic != 80 || e.Pulse != 72 || e.SpO2 != 98 || e.Temperature != 36.8 {
		t.Fatalf("%+v %v", e, err)
	}
	for _, ok := range []NewLogEntry{
		vitals(50, 20, 0, 0, 0), vitals(300, 200, 0, 0, 0), vitals(0, 0, 20, 0, 0), vitals(0, 0, 250, 0, 0),
		vitals(0, 0, 0, 50, 0), vitals(0, 0, 0, 100, 0), vitals(0, 0, 0, 0, 30), vitals(0, 0, 0, 0, 45),
	} {
		if _, err := ok.Validate(false, false, now); err != nil {
			t.Errorf("%+v at the edge of its range: %v", ok, err)
		}
	}
	for _, c := range []struct {
		field string
		n     NewLogEntry
	}{
		{"systolic", vitals(0, 0, 0, 0, 0)},       // nothing taken
		{"systolic", vitals(120, 0, 0, 0, 0)},     // half a blood pressure
		{"systolic", vitals(0, 80, 72, 0, 0)},     // the other half
		{"systolic", vitals(49, 30, 0, 0, 0)},     // below range
		{"systolic", vitals(301, 80, 0, 0, 0)},    // above
		{"diastolic", vitals(120, 19, 0, 0, 0)},   // below
		{"diastolic", vitals(250, 201, 0, 0, 0)},  // above
		{"diastolic", vitals(120, 120, 0, 0, 0)},  // not lower than the systolic
		{"diastolic", vitals(80, 120, 0, 0, 0)},   // the numbers swapped
		{"pulse", vitals(0, 0, 19, 0, 0)},         // below
		{"pulse", vitals(0, 0, 251, 0, 0)},        // above
		{"pulse", vitals(0, 0, -72, 0, 0)},        // negative
		{"spo2", vitals(0, 0, 0, 49, 0)},          // below
		{"spo2", vitals(0, 0, 0, 101, 0)},         // above
		{"temperature", vitals(0, 0, 0, 0, 29.9)}, // below
		{"temperature", vitals(0, 0, 0, 0, 45.1)}, // above
		{"temperature", vitals(0, 0, 0, 0, 98.6)}, // Fahrenheit
		{"temperature", vitals(0, 0, 0, 0, math.NaN())},
		{"temperature", vitals(0, 0, 72, 0, math.Inf(1))},
	} {
		if _, err := c.n.Validate(false, false, now); ErrorCode(err) != EINVALID || ErrorField(err) != c.field {
			t.Errorf("%d/%d pulse %d SpO2 %d temp %v: got %v; want field %q", c.n.Systolic, c.n.Diastolic, c.n.Pulse, c.n.SpO2, c.n.Temperature, err, c.field)
		}
	}
}

func TestTouchOutsideAConfirmedAgreementIsMarked(t *testing.T) {
	now := clocktest.Today()
	for _, c := range []struct {
		touch            string
		marked, agreed   bool
		outside          bool
		field, describes string
	}{
		{TouchAsked, false, true, false, "", "asked, within a confirmed agreement"},
		{TouchGiven, true, true, true, "", "given, marked by the therapist as outside the agreement"},
		{TouchGiven, false, false, true, "", "given with no confirmed agreement"},
		{TouchAsked, false, false, true, "", "asked with no confirmed agreement"},
		{"", false, true, false, "touch", "neither asked nor given"},
		{"hug", false, true, false, "touch", "an unknown touch"},
	} {
		n := NewLogEntry{Kind: LogTouch, Text: "A hand on the shoulder.", Touch: c.touch, OutsideAgreement: c.marked}
		e, err := n.Validate(false, c.agreed, now)
		if ErrorField(err) != c.field || (c.field == "") != (err == nil) {
			t.Errorf("%s: got %v; want field %q", c.describes, err, c.field)
			continue
		}
		if err == nil && (e.Touch != c.touch || e.OutsideAgreement != c.outside) {
			t.Errorf("%s: touch %q, outside %v; want %v", c.describes, e.Touch, e.OutsideAgreement, c.outside)
		}
	}
	// Only a touch entry is ever outside an agreement.
	if e, _ := (NewLogEntry{Kind: LogNote, Text: "x", OutsideAgreement: true, Touch: TouchGiven}).Validate(false, false, now); e.OutsideAgreement || e.Touch != "" {
		t.Fatalf("a note: %+v", e)
	}
}

func TestLogClockIsTheTimeWhereTheSessionIsHeld(t *testing.T) {
	for _, c := range []struct{ at, zone, want string }{
		{"2026-06-10T08:15:00Z", "Asia/Kolkata", "13:45"},
		{"2026-06-10T08:15:00Z", "Europe/London", "09:15"}, // summer time
		{"2026-12-10T08:15:00Z", "Europe/London", "08:15"},
		{"2026-06-10T08:15:00Z", "America/New_York", "04:15"},
		{"2026-06-10T23:30:00Z", "Pacific/Auckland", "11:30"},
		{"2026-06-10T10:15:00+02:00", "UTC", "08:15"},
		{"2026-06-10T08:15:00Z", "", "08:15"}, // no zone is UTC
		{"2026-06-10T08:15:00Z", "Mars/Olympus", ""},
		{"08:15", "UTC", ""},
		{"", "UTC", ""},
	} {
		if got := LogClock(c.at, c.zone); got != c.want {
			t.Errorf("LogClock(%q, %q) = %q; want %q", c.at, c.zone, got, c.want)
		}
	}
}

// The client's view of a medicine session keeps its log and preparation
// but not the dose's details, private entries or the therapist's
// decisions; of a record, its health and screenings. (Every field's tag is
// walked by TestEveryFieldHasAVisibility through ClientRecord.Health and
// IntegrationRecord.Sessions.)
func TestTheClientsViewOfAMedicineSessionAndTheirHealth(t *testing.T) {
	s := Session{ID: 9, Kind: MedicineSession,
		Prep: SessionPrep{SessionID: 9, SupportPerson: "Sam", WayHome: "Sam drives", FlagsDecision: "Spoke with the GP.", FlagsScreeningID: 4,
			FlagsDecidedAt: "2026-06-09T10:00:00Z", GoAheadReason: "Safety plan confirmed by phone.", GoAheadAt: "2026-06-10T08:00:00Z"},
		Log: []LogEntry{
			{ID: 1, Kind: LogDose, Text: "First dose.", Substance: "A fictional substance", Amount: "100 mg", Route: "oral", Clock: "09:00", Visibility: Shared},
			{ID: 2, Kind: LogNote, Text: "My own worry.", Visibility: Private},
			{ID: 3, Kind: LogVitals, Pulse: 88, Temperature: 37.1, Visibility: Shared},
			{ID: 4, Kind: LogTouch, Text: "Hand held.", Touch: TouchGiven, OutsideAgreement: true, Visibility: Shared},
			{ID: 5, Kind: LogAdverse, Text: "Nausea.", AdverseEventID: 7, Visibility: Shared},
		},
	}
	v := View(s)
	if len(v.Log) != 4 || v.Log[0].ID != 1 || v.Log[1].ID != 3 {
		t.Fatalf("log in the client's view: %+v", v.Log)
	}
	if d := v.Log[0]; d.Substance != "" || d.Amount != "" || d.Route != "" || d.Text != "First dose." || d.Clock != "09:00" {
		t.Errorf("the dose: %+v", d)
	}
	if v.Log[1].Pulse != 88 || v.Log[1].Temperature != 37.1 || !v.Log[2].OutsideAgreement || v.Log[3].AdverseEventID != 7 {
		t.Errorf("shared details were lost: %+v", v.Log)
	}
	want := SessionPrep{SessionID: 9, SupportPerson: "Sam", WayHome: "Sam drives"}
	if v.Prep != want {
		t.Errorf("prep %+v; want %+v", v.Prep, want)
	}
	if s.Log[0].Substance == "" || s.Prep.GoAheadReason == "" {
		t.Fatal("the view changed the session")
	}

	r := ClientRecord{Health: Health{
		Medications: []Medication{{ID: 1, Name: "Sertraline", Dose: "50 mg", Notes: "Morning"}},
		Allergies:   "Penicillin", History: "Asthma",
		Screenings: []Screening{{ID: 4, ScreenedOn: "2026-06-01", AnsweredBy: ByClient, Note: "Read together.",
			Answers: []ScreeningAnswer{{ItemID: 1, Item: "Takes lithium", Answer: AnswerUnsure, Note: "asks"}}}},
	}}
	if got := ClientView(r).Health; got.Allergies != "Penicillin" || got.History != "Asthma" || len(got.Medications) != 1 || got.Medications[0].Notes != "Morning" ||
		len(got.Screenings) != 1 || got.Screenings[0].Answers[0].Note != "asks" || got.Screenings[0].Note != "Read together." {
		t.Fatalf("health in the client's view: %+v", got)
	}
}
