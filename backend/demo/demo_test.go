package demo

import (
	"context"
	"crypto/rand"
	"path/filepath"
	"testing"

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
