package demo

import (
	"context"
	"crypto/rand"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tandem/backend/clock/clocktest"
	"tandem/backend/domain"
	"tandem/backend/storage"
)

func TestSeedMakesAPracticeThatPassesItsChecks(t *testing.T) {
	ctx := context.Background()
	key := make([]byte, storage.KeySize)
	rand.Read(key)
	db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "demo.db"), key, clocktest.Now())
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	sum, err := Seed(ctx, db, Options{Clients: 20, Years: 3, Seed: 7, End: clocktest.Today()})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Records["clients"] != 20 || sum.Records["goals"] < 40 || sum.Records["agreements"] < 60 || sum.Records["revisions"] == 0 {
		t.Fatalf("too little seeded: %+v", sum.Records)
	}
	r, err := db.Check(ctx)
	if err != nil || !r.OK() {
		t.Fatalf("check: %+v %v", r, err)
	}
	list, _ := db.Clients(ctx, domain.ClientFilter{})
	statuses := map[domain.ClientStatus]int{}
	for _, c := range list {
		statuses[c.Status]++
	}
	if statuses[domain.StatusActive] == 0 || statuses[domain.StatusClosed] == 0 {
		t.Fatalf("statuses not realistic: %v", statuses)
	}
	rec, err := db.ClientRecord(ctx, list[0].ID)
	if err != nil || len(rec.Plan) == 0 || len(rec.Agreements) == 0 || len(rec.History) < 5 {
		t.Fatalf("record too thin: %+v %v", rec, err)
	}
	for i := 1; i < len(rec.History); i++ {
		if rec.History[i].At < rec.History[i-1].At {
			t.Fatalf("history out of time order: %s before %s", rec.History[i].At, rec.History[i-1].At)
		}
	}
	checkMeasures(t, db, list, sum)
	checkMedicine(t, db, list, sum)
}

// checkMedicine holds the seeded medicine safety records to what the
// demonstration promises (medicine.go): a consent template in plain
// words; for every client with medicine sessions a screening and a
// confirmed consent before the first, medications for most, flags for
// some; a preparation for every medicine session, and for each held one a
// live log and the therapist's decisions; and a session ahead whose
// readiness can be worked out.
func checkMedicine(t *testing.T, db *storage.DB, list []domain.ClientSummary, sum Summary) {
	t.Helper()
	ctx := context.Background()
	tpl, err := db.ConsentTemplate(ctx)
	if err != nil || tpl.Version != 1 || len(tpl.Terms) != len(domain.ConsentTermKeys) {
		t.Fatalf("consent template: %+v %v", tpl, err)
	}
	for _, term := range tpl.Terms {
		if term.Text == "" || strings.Contains(term.Text, "[") {
			t.Errorf("consent template part %s is not written out: %q", term.Key, term.Text)
		}
	}
	now := clocktest.Today()
	var clients, withMeds, withoutMeds, stopped, medications, screenings, flagged, decided, preps, logs, entries, adverse, touch int
	var ahead, underWay []domain.Session
	for _, c := range list {
		rec, err := db.ClientRecord(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		sessions, err := db.Sessions(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		var meds []domain.Session
		for _, s := range sessions {
			if s.Kind == domain.MedicineSession {
				meds = append(meds, s)
			}
		}
		h := rec.Health
		medications, screenings = medications+len(h.Medications), screenings+len(h.Screenings)
		if len(meds) == 0 {
			continue
		}
		clients++
		if len(h.Medications) == 0 {
			withoutMeds++
		} else {
			withMeds++
		}
		if len(h.Current()) < len(h.Medications) {
			stopped++
		}
		if len(h.Screenings) == 0 || h.Screenings[0].ScreenedOn > meds[0].Date {
			t.Fatalf("%s: no screening before the first medicine session on %s: %+v", c.ChosenName, meds[0].Date, h.Screenings)
		}
		for _, sc := range h.Screenings {
			if len(sc.Flags()) > 0 {
				flagged++
				break
			}
		}
		var consent domain.Agreement
		for _, a := range rec.Agreements {
			if a.Kind == domain.MedicineConsent {
				consent = a
			}
		}
		if consent.TemplateVersion != 1 || consent.ConfirmedName != c.ChosenName || consent.ConfirmedOn > meds[0].Date {
			t.Fatalf("%s: consent not written from the template and confirmed before %s: %+v", c.ChosenName, meds[0].Date, consent)
		}
		for _, s := range meds {
			if s.Prep.SupportPerson == "" {
				t.Errorf("session %d has no support person", s.ID)
			}
			preps++
			if s.Prep.FlagsDecision != "" {
				decided++
			}
			loc, err := time.LoadLocation(s.TimeZone)
			if err != nil {
				t.Fatal(err)
			}
			start, err := time.ParseInLocation("2006-01-02 15:04", s.Date+" "+s.Time, loc)
			if err != nil {
				t.Fatal(err)
			}
			if start.After(now) {
				if len(s.Log) != 0 || s.Finalised() {
					t.Errorf("session %d ahead on %s has a log or is finalised", s.ID, s.Date)
				}
				ahead = append(ahead, s)
				continue
			}
			entries += len(s.Log)
			if !s.Finalised() && now.Sub(start) < 3*time.Hour {
				underWay = append(underWay, s)
			}
			if !s.Finalised() { // a closed client's, after their work ended; or under way
				continue
			}
			logs++
			end := start.Add(time.Duration(s.Minutes) * time.Minute)
			if len(s.Log) > 20 || end.Before(now) && len(s.Log) < 10 {
				t.Errorf("session %d on %s has %d log entries", s.ID, s.Date, len(s.Log))
			}
			doses := 0
			for i, e := range s.Log {
				at, err := time.Parse(time.RFC3339, e.At)
				if err != nil || at.Before(start) || at.After(end) || i > 0 && e.At < s.Log[i-1].At {
					t.Errorf("session %d: entry at %s outside %s to %s, or out of order", s.ID, e.At, start, end)
				}
				switch e.Kind {
				case domain.LogDose:
					doses++
					if e.Substance != "" {
						t.Errorf("session %d: a dose's substance is recorded with recording medicine off", s.ID)
					}
				case domain.LogTouch:
					touch++
					if e.OutsideAgreement {
						t.Errorf("session %d: touch outside the agreement: %+v", s.ID, e)
					}
				case domain.LogAdverse:
					adverse++
				}
			}
			if doses != 1 {
				t.Errorf("session %d has %d doses", s.ID, doses)
			}
		}
	}
	if clients == 0 || withMeds < clients/2 || withoutMeds == 0 || stopped == 0 || flagged == 0 || decided == 0 || logs < clients || touch == 0 {
		t.Errorf("medicine records too thin: %d clients with medicine sessions, %d with medications, %d without, %d with one stopped, "+
			"%d flagged, %d decisions, %d logs, %d touch entries", clients, withMeds, withoutMeds, stopped, flagged, decided, logs, touch)
	}
	for k, n := range map[string]int{"medications": medications, "screenings": screenings, "session preparations": preps, "log entries": entries, "consents": clients} {
		if sum.Records[k] != n {
			t.Errorf("%s: the summary says %d, the vault holds %d", k, sum.Records[k], n)
		}
	}
	t.Logf("medicine: %d clients, %d medications, %d screenings, %d flagged clients, %d logs of %d entries (%d adverse), %d sessions ahead",
		clients, medications, screenings, flagged, logs, entries, adverse, len(ahead))
	if len(ahead) == 0 {
		t.Fatal("no medicine session ahead of the practice's present")
	}
	// One session is under way at the present: prepared, logged so far, open.
	if len(underWay) != 1 || len(underWay[0].Log) == 0 || underWay[0].Prep.SupportPerson == "" {
		t.Fatalf("the medicine session under way: %d sessions, %+v", len(underWay), underWay)
	}
	for _, s := range ahead {
		r, err := db.Readiness(ctx, s.ID)
		if err != nil {
			t.Fatal(err)
		}
		met := map[domain.ReadinessRule]bool{}
		for _, c := range r.Checks {
			met[c.Rule] = c.Met
		}
		if r.SessionID != s.ID || r.ConsentVersion != 1 || r.Screening.ID == 0 || len(r.Checks) < len(domain.ReadinessRules)-1 ||
			!met[domain.RuleScreeningRecent] || !met[domain.RuleConsentCurrent] || !met[domain.RuleIntentionsAgreed] {
			t.Errorf("readiness of session %d ahead on %s: %+v", s.ID, s.Date, r)
		}
	}
}

// checkMeasures holds the seeded measures to what the demonstration
// promises (measures.go): a third of the clients measured, at sessions and
// on paper; exactly one PHQ-9 question 9 above 0, followed up; a blank
// answer or two; and a measure due on Today.
func checkMeasures(t *testing.T, db *storage.DB, list []domain.ClientSummary, sum Summary) {
	t.Helper()
	ctx := context.Background()
	measured, flagged, prorated, linked, byClient, total := 0, 0, 0, 0, 0, 0
	for _, c := range list {
		ms, err := db.Measures(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(ms) > 0 {
			measured++
		}
		for _, m := range ms {
			total++
			if m.Flagged() {
				flagged++
				if m.FollowUp == "" || m.FollowUpOn < m.Date {
					t.Errorf("the flagged measure has no follow-up: %+v", m)
				}
			}
			if m.Result.Prorated {
				prorated++
			}
			if m.SessionID != 0 {
				linked++
			}
			if m.EnteredBy == domain.ByClient {
				byClient++
			}
		}
		for i := 1; i < len(ms); i++ {
			if ms[i].Date < ms[i-1].Date {
				t.Fatalf("measures out of date order: %s after %s", ms[i].Date, ms[i-1].Date)
			}
		}
	}
	if total != sum.Records["measures"] || measured < len(list)/4 || measured > len(list)/2 || linked == 0 || byClient == 0 || linked == total {
		t.Errorf("measures: %d of %d clients, %d measures (summary %d), %d linked to a session, %d entered by the client",
			measured, len(list), total, sum.Records["measures"], linked, byClient)
	}
	if flagged != 1 || prorated < 1 || prorated > 2 {
		t.Errorf("%d flagged measures (want 1), %d with a blank answer (want 1 or 2)", flagged, prorated)
	}
	today, err := db.Today(ctx)
	if err != nil {
		t.Fatal(err)
	}
	due := 0
	for _, d := range today.Due {
		if d.Kind == domain.DueMeasure {
			due++
		}
	}
	if due == 0 || sum.Records["measure schedules"] == 0 {
		t.Errorf("Today shows %d measures due, of %d schedules", due, sum.Records["measure schedules"])
	}
}

func TestSeedIsDeterministic(t *testing.T) {
	ctx := context.Background()
	names := func() []string {
		key := make([]byte, storage.KeySize)
		rand.Read(key)
		db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "d.db"), key, clocktest.Now())
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := Seed(ctx, db, Options{Clients: 25, Years: 2, Seed: 3, End: clocktest.Today()}); err != nil {
			t.Fatal(err)
		}
		list, _ := db.Clients(ctx, domain.ClientFilter{})
		var out []string
		for _, c := range list {
			out = append(out, c.ChosenName+string(c.Status))
		}
		return out
	}
	a, b := names(), names()
	if len(a) != 25 || len(a) != len(b) {
		t.Fatalf("%d vs %d", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("seed 3 gave %q then %q", a[i], b[i])
		}
	}
}

// A practice whose present is a hard day seeds and passes its checks: the
// last minutes of a year far west of UTC (where UTC's date is already
// tomorrow's), a leap day far east of it, a new year in Kolkata and the
// nights Berlin's clocks change.
func TestSeedEndingOnAHardDay(t *testing.T) {
	for _, c := range []struct{ name, at, zone string }{
		{"at 23:50 on new year's eve in Los Angeles", "2026-12-31T23:50", "America/Los_Angeles"},
		{"on a leap-day morning in Auckland", "2028-02-29T09:00", "Pacific/Auckland"},
		{"at 3:00 on new year's day in Kolkata", "2027-01-01T03:00", "Asia/Kolkata"},
		{"the night clocks go forward in Berlin", "2027-03-28T00:30", "Europe/Berlin"},
		{"the night clocks go back in Berlin", "2027-10-31T01:30", "Europe/Berlin"},
	} {
		t.Run("a practice ending "+c.name+" seeds", func(t *testing.T) {
			ctx := context.Background()
			key := make([]byte, storage.KeySize)
			rand.Read(key)
			db, err := storage.Open(ctx, filepath.Join(t.TempDir(), "demo.db"), key, clocktest.At(t, c.at, c.zone))
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if _, err := Seed(ctx, db, Options{Clients: 12, Years: 2, Seed: 11, End: clocktest.Moment(t, c.at, c.zone)}); err != nil {
				t.Fatal(err)
			}
			if r, err := db.Check(ctx); err != nil || !r.OK() {
				t.Fatalf("check: %+v %v", r, err)
			}
		})
	}
}
