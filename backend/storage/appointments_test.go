package storage

import (
	"context"
	"strings"
	"testing"
	"time"

	"tandem/backend/domain"
)

func weekly(clientID int64, date, zone string, count int) (domain.Appointment, domain.Repeat) {
	return domain.Appointment{ClientID: clientID, Kind: domain.IntegrationSession, Date: date, Time: "10:00", TimeZone: zone,
		Minutes: 50, Modality: domain.InPerson, Place: "The practice room"}, domain.Repeat{EveryWeeks: 1, Count: count}
}

func TestRepeatingAppointmentsKeepTheirLocalTimeAcrossADaylightSavingChange(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		zone, first string
		utc         []string // each week's start in UTC, across the change
	}{
		// Summer time starts on 29 March 2026 in Berlin: 10:00 is 09:00 UTC before, 08:00 after.
		{"Europe/Berlin", "2026-03-16", []string{"09:00", "09:00", "08:00", "08:00", "08:00"}},
		// And ends on 25 October 2026.
		{"Europe/Berlin", "2026-10-12", []string{"08:00", "08:00", "09:00", "09:00"}},
		// Daylight saving starts on 8 March 2026 in New York: 10:00 is 15:00 UTC before, 14:00 after.
		{"America/New_York", "2026-02-23", []string{"15:00", "15:00", "14:00", "14:00"}},
		// And ends on 1 November 2026.
		{"America/New_York", "2026-10-19", []string{"14:00", "14:00", "15:00", "15:00"}},
	}
	for _, c := range cases {
		t.Run(c.zone+" from "+c.first, func(t *testing.T) {
			db, client := openAt(t, "2026-01-05T09:00", c.zone)
			a, r := weekly(client.ID, c.first, c.zone, len(c.utc))
			made, err := db.AddAppointment(ctx, a, r)
			if err != nil {
				t.Fatal(err)
			}
			stored, err := db.ClientAppointments(ctx, client.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(made) != len(c.utc) || len(stored) != len(c.utc) {
				t.Fatalf("made %d, stored %d appointments; want %d", len(made), len(stored), len(c.utc))
			}
			for i, s := range stored {
				start, err := s.Start()
				if err != nil {
					t.Fatal(err)
				}
				want := mustDate(t, c.first).AddDate(0, 0, 7*i).Format(time.DateOnly)
				if s.Date != want || s.Time != "10:00" || start.Format("15:04") != "10:00" {
					t.Errorf("week %d: %s %s (%s local); want %s 10:00", i, s.Date, s.Time, start.Format("15:04"), want)
				}
				if got := start.UTC().Format("15:04"); got != c.utc[i] {
					t.Errorf("week %d (%s): starts at %s UTC; want %s", i, s.Date, got, c.utc[i])
				}
				if s.SeriesID != stored[0].ID || s.Status != domain.Planned {
					t.Errorf("week %d: series %d, status %s; want series %d, planned", i, s.SeriesID, s.Status, stored[0].ID)
				}
			}
		})
	}
}

func mustDate(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestAnAppointmentHeldBecomesItsSessionAndKeepsTheLink(t *testing.T) {
	ctx := context.Background()
	db, client := openAt(t, "2026-06-10T09:30", "Europe/London")
	made, err := db.AddAppointment(ctx, domain.Appointment{ClientID: client.ID, Kind: domain.MedicineSession, Date: "2026-06-10", Time: "09:00",
		TimeZone: "Europe/London", Minutes: 360, Modality: domain.InPerson, Place: "The practice room", Notes: "Bring the blanket (fictional)"}, domain.Repeat{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := db.HoldAppointment(ctx, made[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if s.Kind != domain.MedicineSession || s.Date != "2026-06-10" || s.Time != "09:00" || s.Minutes != 360 || s.Place != "The practice room" || s.PrivateNotes != "" {
		t.Errorf("the session made: %+v", s)
	}
	a, err := db.Appointment(ctx, made[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != domain.Held || a.SessionID != s.ID || a.Sequence != 1 {
		t.Errorf("the appointment after: status %s, session %d (want %d), sequence %d", a.Status, a.SessionID, s.ID, a.Sequence)
	}
	if _, err := db.HoldAppointment(ctx, a.ID); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("holding it twice: %v", err)
	}
	a.Time = "11:00"
	if _, err := db.UpdateAppointment(ctx, a); domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(domain.ErrorMessage(err), "held") {
		t.Errorf("moving a held appointment: %v", err)
	}
	sessions, _ := db.Sessions(ctx, client.ID)
	if len(sessions) != 1 {
		t.Errorf("%d sessions; want the one", len(sessions))
	}
	assertHistory(t, db, client.ID, "appointment", a.ID, "create", "hold")
	assertHistory(t, db, client.ID, "session", s.ID, "create")
}

func TestCancellationsStayInTheHistory(t *testing.T) {
	ctx := context.Background()
	db, client := openAt(t, "2026-06-10T09:30", "Europe/London")
	a, r := weekly(client.ID, "2026-06-15", "Europe/London", 4)
	made, err := db.AddAppointment(ctx, a, r)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CancelAppointment(ctx, made[0].ID, domain.NoShow, "Did not come (fictional)", true); domain.ErrorField(err) != "following" {
		t.Errorf("a no-show taking the following with it: %v", err)
	}
	missed, err := db.CancelAppointment(ctx, made[0].ID, domain.NoShow, "Did not come (fictional)", false)
	if err != nil || len(missed) != 1 || missed[0].Status != domain.NoShow {
		t.Fatalf("no-show: %v %+v", err, missed)
	}
	// The third and the fourth go; the second stays.
	gone, err := db.CancelAppointment(ctx, made[2].ID, domain.Cancelled, "Moving away for the summer (fictional)", true)
	if err != nil {
		t.Fatal(err)
	}
	if len(gone) != 2 || gone[0].ID != made[2].ID || gone[1].ID != made[3].ID {
		t.Fatalf("cancelled %+v; want the third and fourth", gone)
	}
	all, _ := db.ClientAppointments(ctx, client.ID)
	want := []domain.AppointmentStatus{domain.NoShow, domain.Planned, domain.Cancelled, domain.Cancelled}
	for i, s := range all {
		if s.Status != want[i] {
			t.Errorf("appointment %d is %s; want %s", i, s.Status, want[i])
		}
	}
	if all[2].Reason != "Moving away for the summer (fictional)" || all[2].Sequence != 1 {
		t.Errorf("the cancelled one: reason %q, sequence %d", all[2].Reason, all[2].Sequence)
	}
	if _, err := db.CancelAppointment(ctx, made[2].ID, domain.Cancelled, "", false); domain.ErrorCode(err) != domain.EINVALID {
		t.Errorf("cancelling twice: %v", err)
	}
	assertHistory(t, db, client.ID, "appointment", made[0].ID, "create", "no_show")
	assertHistory(t, db, client.ID, "appointment", made[3].ID, "create", "cancel")
}

func assertHistory(t *testing.T, db *DB, clientID int64, entity string, id int64, actions ...string) {
	t.Helper()
	h, err := db.History(context.Background(), clientID)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range h {
		if e.Entity == entity && e.EntityID == id {
			got = append(got, e.Action)
		}
	}
	// The history lists newest first or oldest first; compare as a set in order of either.
	if strings.Join(got, ",") != strings.Join(actions, ",") && strings.Join(reversed(got), ",") != strings.Join(actions, ",") {
		t.Errorf("history of %s %d: %v; want %v", entity, id, got, actions)
	}
}

func reversed(s []string) []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[len(s)-1-i] = v
	}
	return out
}

func TestAppointmentsAreValidated(t *testing.T) {
	ctx := context.Background()
	db, client := openAt(t, "2026-06-10T09:30", "Europe/London")
	good := domain.Appointment{ClientID: client.ID, Kind: domain.PreparationSession, Date: "2026-06-12", Time: "14:00", TimeZone: "Europe/London", Minutes: 60}
	for _, c := range []struct {
		field  string
		change func(a *domain.Appointment, r *domain.Repeat)
	}{
		{"time", func(a *domain.Appointment, _ *domain.Repeat) { a.Time = "" }},
		{"time", func(a *domain.Appointment, _ *domain.Repeat) { a.Time = "25:00" }},
		{"date", func(a *domain.Appointment, _ *domain.Repeat) { a.Date = "2026-02-30" }},
		{"timeZone", func(a *domain.Appointment, _ *domain.Repeat) { a.TimeZone = "Mars/Olympus" }},
		{"minutes", func(a *domain.Appointment, _ *domain.Repeat) { a.Minutes = 0 }},
		{"kind", func(a *domain.Appointment, _ *domain.Repeat) { a.Kind = "party" }},
		{"count", func(_ *domain.Appointment, r *domain.Repeat) {
			*r = domain.Repeat{EveryWeeks: 1, Count: domain.MaxOccurrences + 1}
		}},
		{"everyWeeks", func(_ *domain.Appointment, r *domain.Repeat) { *r = domain.Repeat{EveryWeeks: 0, Count: 3} }},
	} {
		a, r := good, domain.Repeat{}
		c.change(&a, &r)
		if _, err := db.AddAppointment(ctx, a, r); domain.ErrorField(err) != c.field {
			t.Errorf("%+v %+v: %v; want a %s error", a, r, err, c.field)
		}
	}
	if all, _ := db.ClientAppointments(ctx, client.ID); len(all) != 0 {
		t.Errorf("%d appointments were made from bad input", len(all))
	}
}

func TestTheCalendarIdentityIsKeptAndATamperedOneReplaced(t *testing.T) {
	ctx := context.Background()
	db, _ := openAt(t, "2026-06-10T09:30", "Europe/London")
	first, err := db.CalendarID(ctx)
	if err != nil || !isHex32(first) {
		t.Fatalf("%q %v", first, err)
	}
	if again, _ := db.CalendarID(ctx); again != first {
		t.Fatalf("the identity changed: %q then %q", first, again)
	}
	for _, bad := range []string{"", "not-hex", strings.Repeat("G", 32), strings.ToUpper(first), first + "00", "x@evil.example"} {
		if _, err := db.sql.ExecContext(ctx, `UPDATE settings SET value = ? WHERE key = 'calendar_id'`, bad); err != nil {
			t.Fatal(err)
		}
		got, err := db.CalendarID(ctx)
		if err != nil || !isHex32(got) || got == bad {
			t.Errorf("stored %q: read %q, %v", bad, got, err)
		}
	}
}

func TestHoldingAnAppointmentLinksTheSessionPreparedAheadForTheDay(t *testing.T) {
	ctx := context.Background()
	db, client := openAt(t, "2026-06-10T09:30", "Europe/London")
	ahead, err := db.AddSession(ctx, domain.Session{ClientID: client.ID, Kind: domain.MedicineSession, Date: "2026-06-12", Time: "10:00",
		TimeZone: "Europe/London", Minutes: 360}, domain.ByTherapist)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SavePrep(ctx, ahead.ID, "A friend (fictional)", "A taxi at four"); err != nil {
		t.Fatal(err)
	}
	made, err := db.AddAppointment(ctx, domain.Appointment{ClientID: client.ID, Kind: domain.MedicineSession, Date: "2026-06-12", Time: "10:00",
		TimeZone: "Europe/London", Minutes: 360, Modality: domain.InPerson}, domain.Repeat{})
	if err != nil {
		t.Fatal(err)
	}
	other, err := db.AddAppointment(ctx, domain.Appointment{ClientID: client.ID, Kind: domain.IntegrationSession, Date: "2026-06-12", Time: "17:00",
		TimeZone: "Europe/London", Minutes: 60, Modality: domain.Online}, domain.Repeat{})
	if err != nil {
		t.Fatal(err)
	}
	s, err := db.HoldAppointment(ctx, made[0].ID)
	if err != nil || s.ID != ahead.ID || s.Prep.SupportPerson != "A friend (fictional)" {
		t.Fatalf("held: session %d (want %d), %v", s.ID, ahead.ID, err)
	}
	// Another kind on the same day is a session of its own.
	s2, err := db.HoldAppointment(ctx, other[0].ID)
	if err != nil || s2.ID == ahead.ID {
		t.Fatalf("the integration session: %d, %v", s2.ID, err)
	}
	all, err := db.Sessions(ctx, client.ID)
	if err != nil || len(all) != 2 {
		t.Fatalf("%d sessions, %v", len(all), err)
	}
}
