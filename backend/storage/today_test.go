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
