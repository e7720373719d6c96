package storage

import (
	"context"
	"fmt"
	"testing"

	"tandem/backend/domain"
)

// dueOf lists what is due as "kind:date" lines, in order.
func dueOf(t *testing.T, db *DB) []string {
	t.Helper()
	today, err := db.Today(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := []string{}
	for _, d := range today.Due {
		line := fmt.Sprintf("%s:%s", d.Kind, d.Date)
		if d.Kind == domain.DueBalance {
			line = fmt.Sprintf("%s:%d", d.Kind, d.Amount)
		}
		out = append(out, line)
	}
	return out
}

func TestTodayListsWhatIsDueAndEachLeavesWhenDone(t *testing.T) {
	ctx := context.Background()
	db, client := openAt(t, "2026-06-10T09:30", "Europe/London")
	session := func(kind domain.SessionKind, date string) domain.Session {
		s, err := db.AddSession(ctx, domain.Session{ClientID: client.ID, Kind: kind, Date: date, Time: "10:00", TimeZone: "Europe/London", Minutes: 60}, domain.ByTherapist)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	want := func(lines ...string) {
		t.Helper()
		if got := dueOf(t, db); fmt.Sprint(got) != fmt.Sprint(lines) {
			t.Errorf("due:\n got %v\nwant %v", got, lines)
		}
	}
	want()

	// A medicine session yesterday: its notes, its check-in and (from
	// tomorrow) its worksheet are due.
	med := session(domain.MedicineSession, "2026-06-09")
	want("notes:2026-06-09", "check_in:2026-06-09")
	if _, err := db.FinaliseSession(ctx, med.ID); err != nil {
		t.Fatal(err)
	}
	want("check_in:2026-06-09")
	// A check-in planned within 72 hours takes the check-in off the list.
	checkIn, err := db.AddAppointment(ctx, domain.Appointment{ClientID: client.ID, Kind: domain.IntegrationSession, Date: "2026-06-11", Time: "17:00",
		TimeZone: "Europe/London", Minutes: 30, Modality: domain.Online}, domain.Repeat{})
	if err != nil {
		t.Fatal(err)
	}
	want()
	// Cancelled, it is due again.
	if _, err := db.CancelAppointment(ctx, checkIn[0].ID, domain.Cancelled, "", false); err != nil {
		t.Fatal(err)
	}
	want("check_in:2026-06-09")

	// An appointment already past, neither held nor cancelled.
	past, err := db.AddAppointment(ctx, domain.Appointment{ClientID: client.ID, Kind: domain.PreparationSession, Date: "2026-06-08", Time: "15:00",
		TimeZone: "Europe/London", Minutes: 50}, domain.Repeat{})
	if err != nil {
		t.Fatal(err)
	}
	want("appointment:2026-06-08", "check_in:2026-06-09")
	// Held, it becomes a session whose notes are due.
	held, err := db.HoldAppointment(ctx, past[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	want("notes:2026-06-08", "check_in:2026-06-09")
	if _, err := db.FinaliseSession(ctx, held.ID); err != nil {
		t.Fatal(err)
	}

	// A medicine session three weeks ago with no shift: its worksheet is
	// expected back; the first shift takes it off.
	old := session(domain.MedicineSession, "2026-05-20")
	if _, err := db.FinaliseSession(ctx, old.ID); err != nil {
		t.Fatal(err)
	}
	want("check_in:2026-06-09", "worksheet:2026-05-20")
	if _, err := db.AddShift(ctx, domain.Shift{ClientID: client.ID, SessionID: old.ID, NoticedOn: "2026-05-22", Area: domain.Area("body"),
		Description: "Shoulders softer (fictional)", Intensity: 2}, domain.ByClient); err != nil {
		t.Fatal(err)
	}
	want("check_in:2026-06-09")

	// An agreement not yet confirmed; confirmed, it goes.
	ag, err := db.AddAgreement(ctx, domain.NewAgreement{ClientID: client.ID, Kind: domain.CustomAgreement, Title: "Phones off (fictional)",
		Terms: []domain.AgreementTerm{{Key: "text", Text: "Both phones stay off."}}}, domain.ByTogether)
	if err != nil {
		t.Fatal(err)
	}
	want("check_in:2026-06-09", "agreement:2026-06-10")
	if _, err := db.ConfirmAgreement(ctx, ag.ID, client.ChosenName, "2026-06-10"); err != nil {
		t.Fatal(err)
	}
	want("check_in:2026-06-09")

	// A fee owed; paid, it goes.
	if _, err := db.SetSessionFee(ctx, domain.SessionFee{SessionID: old.ID, Basis: domain.Adjusted, Amount: 4000, Note: "Agreed (fictional)"}); err != nil {
		t.Fatal(err)
	}
	want("check_in:2026-06-09", "balance:4000")
	if _, err := db.RecordPayment(ctx, domain.NewPayment{ClientID: client.ID, Date: "2026-06-10", Amount: 4000, Method: domain.PaymentMethod("cash")}); err != nil {
		t.Fatal(err)
	}
	want("check_in:2026-06-09")

	// Archived, the client's items leave Today.
	if err := db.ArchiveClient(ctx, client.ID); err != nil {
		t.Fatal(err)
	}
	want()
}

func TestTodayListsTheWeeksAppointmentsWithCodesNotNotes(t *testing.T) {
	ctx := context.Background()
	db, client := openAt(t, "2026-06-10T09:30", "Europe/London")
	a, r := weekly(client.ID, "2026-06-03", "Europe/London", 3)
	a.Notes = "Private preparation note (fictional)"
	if _, err := db.AddAppointment(ctx, a, r); err != nil {
		t.Fatal(err)
	}
	today, err := db.Today(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if today.Date != "2026-06-10" || len(today.Appointments) != 1 || today.Appointments[0].Date != "2026-06-10" {
		t.Fatalf("today %s, appointments %+v; want the one on 2026-06-10", today.Date, today.Appointments)
	}
	row := today.Appointments[0]
	if row.ClientName != client.ChosenName || row.ClientCode != fmt.Sprintf("T-%03d", client.ID) {
		t.Errorf("row: name %q, code %q", row.ClientName, row.ClientCode)
	}
	// The week before is past: its appointment is due, and the one of 17 June is in the week.
	if got := dueOf(t, db); fmt.Sprint(got) != "[appointment:2026-06-03]" {
		t.Errorf("due: %v", got)
	}
}

// measuresDueOf lists the measures Today shows, as "kind:date:instrument"
// lines, in order, with the session or measure named when there is one.
func measuresDueOf(t *testing.T, db *DB) []string {
	t.Helper()
	today, err := db.Today(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := []string{}
	for _, d := range today.Due {
		switch d.Kind {
		case domain.DueMeasure:
			out = append(out, fmt.Sprintf("%s:%s:%s:s%d", d.Kind, d.Date, d.Instrument, d.SessionID))
		case domain.DueMeasureFlag:
			out = append(out, fmt.Sprintf("%s:%s:%s:m%d", d.Kind, d.Date, d.Instrument, d.MeasureID))
		}
	}
	return out
}

func TestTodayListsMeasuresDueAndFlaggedAnswersFirst(t *testing.T) {
	ctx := context.Background()
	db, client := openAt(t, "2026-06-10T09:30", "Europe/London")
	want := func(lines ...string) {
		t.Helper()
		if got := measuresDueOf(t, db); fmt.Sprint(got) != fmt.Sprint(lines) {
			t.Errorf("measures due:\n got %v\nwant %v", got, lines)
		}
	}
	schedule := func(s domain.MeasureSchedule) domain.MeasureSchedule {
		t.Helper()
		s.ClientID = client.ID
		saved, err := db.SetMeasureSchedule(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		return saved
	}
	measure := func(key, date string, values ...int) domain.Measure {
		t.Helper()
		return mustMeasure(t, db, domain.Measure{ClientID: client.ID, Date: date, Instrument: domain.Instrument{Key: key}, Answers: answersOf(values...)}, domain.ByTherapist)
	}

	// Every four weeks from 1 May: due since then, none taken.
	schedule(domain.MeasureSchedule{InstrumentKey: "phq9", Kind: domain.ScheduleEveryWeeks, EveryWeeks: 4, StartsOn: "2026-05-01"})
	// A schedule starting next month is not due yet.
	schedule(domain.MeasureSchedule{InstrumentKey: "gad7", Kind: domain.ScheduleEveryWeeks, EveryWeeks: 2, StartsOn: "2026-07-01"})
	want("measure:2026-05-01:PHQ-9:s0")
	// One taken on 10 May: due again four weeks on, on 7 June.
	measure("phq9", "2026-05-10", 1, 1, 1, 1, 1, 1, 1, 1, 0)
	want("measure:2026-06-07:PHQ-9:s0")
	measure("phq9", "2026-06-08", 1, 1, 1, 1, 1, 1, 1, 1, 0)
	want()

	// After each medicine session: due from the day after it, for a week,
	// until one is dated on or after the session.
	schedule(domain.MeasureSchedule{InstrumentKey: "gad7", Kind: domain.ScheduleAfterMedicine})
	mustSession(t, db, client.ID, domain.MedicineSession, "2026-06-02") // eight days ago: past the week
	first := mustSession(t, db, client.ID, domain.MedicineSession, "2026-06-03")
	mustSession(t, db, client.ID, domain.MedicineSession, "2026-06-10") // today: not due before tomorrow
	mustSession(t, db, client.ID, domain.IntegrationSession, "2026-06-05")
	want(fmt.Sprintf("measure:2026-06-04:GAD-7:s%d", first.ID))
	measure("gad7", "2026-06-02", 1, 1, 1, 1, 1, 1, 1) // before it: still due
	want(fmt.Sprintf("measure:2026-06-04:GAD-7:s%d", first.ID))
	measure("gad7", "2026-06-03", 1, 1, 1, 1, 1, 1, 1)
	want()

	// A question 9 answered above 0 comes first of everything, until the
	// follow-up is written; a PHQ-9 due again comes with the other dues.
	flagged := measure("phq9", "2026-06-09", 0, 1, 0, 0, 0, 0, 0, 0, 1)
	today, err := db.Today(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if d := today.Due[0]; d.Kind != domain.DueMeasureFlag || d.MeasureID != flagged.ID || d.ClientName != client.ChosenName || d.InstrumentKey != "phq9" {
		t.Fatalf("first due: %+v", d)
	}
	want(fmt.Sprintf("measure_flag:2026-06-09:PHQ-9:m%d", flagged.ID))
	if _, err := db.RecordMeasureFollowUp(ctx, flagged.ID, "Spoke by phone the same day (fictional)."); err != nil {
		t.Fatal(err)
	}
	want()

	// The therapist's own instrument is due under its short name, until retired.
	own := mustInstrument(t, db, sleepCheck())
	schedule(domain.MeasureSchedule{InstrumentKey: own.Key, Kind: domain.ScheduleEveryWeeks, EveryWeeks: 1, StartsOn: "2026-06-01"})
	want("measure:2026-06-01:Sleep:s0")
	if err := db.RetireInstrument(ctx, own.Key); err != nil {
		t.Fatal(err)
	}
	want()

	// An archived client's measures leave Today, flags too.
	measure("phq9", "2026-06-10", 0, 0, 0, 0, 0, 0, 0, 0, 2)
	schedule(domain.MeasureSchedule{InstrumentKey: "pcl5", Kind: domain.ScheduleEveryWeeks, EveryWeeks: 4, StartsOn: "2026-06-01"})
	if got := measuresDueOf(t, db); len(got) != 2 {
		t.Fatalf("before archiving: %v", got)
	}
	if err := db.ArchiveClient(ctx, client.ID); err != nil {
		t.Fatal(err)
	}
	want()
}

func TestTodayListsAMedicineSessionOfTheWeekThatIsNotReady(t *testing.T) {
	ctx := context.Background()
	db, client := openAt(t, "2026-06-10T09:30", "Europe/London")
	session := func(date string) domain.Session {
		s, err := db.AddSession(ctx, domain.Session{ClientID: client.ID, Kind: domain.MedicineSession, Date: date, Time: "10:00", TimeZone: "Europe/London", Minutes: 360}, domain.ByTherapist)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	soon := session("2026-06-13")
	session("2026-06-18") // beyond the week
	if got := dueOf(t, db); fmt.Sprint(got) != "[readiness:2026-06-13]" {
		t.Fatalf("due: %v", got)
	}
	// A decision to go ahead with something missing takes it off the list.
	if _, err := db.GoAhead(ctx, soon.ID, "The support person confirmed by phone; the rest is in hand."); err != nil {
		t.Fatal(err)
	}
	if got := dueOf(t, db); len(got) != 0 {
		t.Fatalf("due after going ahead: %v", got)
	}
}
