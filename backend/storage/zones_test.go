package storage

import (
	"context"
	"crypto/rand"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"tandem/backend/clock/clocktest"
	"tandem/backend/domain"
)

// hardDays are moments at which the therapist's day is not UTC's: the last
// minutes of the year far west of UTC, a leap day and a new year far east
// of it, and the nights the clocks change in Europe. today is the
// therapist's date, yesterday the one before.
var hardDays = []struct {
	name, at, zone   string
	today, yesterday string
}{
	{"at 23:50 on new year's eve in Los Angeles", "2026-12-31T23:50", "America/Los_Angeles", "2026-12-31", "2026-12-30"},
	{"on a leap-day morning in Auckland", "2028-02-29T09:00", "Pacific/Auckland", "2028-02-29", "2028-02-28"},
	{"at 3:00 on new year's day in Kolkata", "2027-01-01T03:00", "Asia/Kolkata", "2027-01-01", "2026-12-31"},
	{"just after midnight the night clocks go forward in Berlin", "2027-03-28T00:30", "Europe/Berlin", "2027-03-28", "2027-03-27"},
	{"just after midnight the night clocks go back in Berlin", "2027-10-31T01:30", "Europe/Berlin", "2027-10-31", "2027-10-30"},
}

// openAt opens a real encrypted database whose clock reads at (a wall-clock
// time in zone) and gives it one client.
func openAt(t *testing.T, at, zone string) (*DB, domain.Client) {
	t.Helper()
	key := make([]byte, KeySize)
	rand.Read(key)
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "test.db"), key, clocktest.At(t, at, zone))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c, err := db.CreateClient(context.Background(), domain.Client{ChosenName: "Wren Example (fictional)"}, domain.ByTherapist)
	if err != nil {
		t.Fatal(err)
	}
	return db, c
}

func TestAgreeingAndConfirmingOnTheDayOfProposalInEveryZone(t *testing.T) {
	ctx := context.Background()
	for _, c := range hardDays {
		t.Run("a goal proposed "+c.name+" is agreed that day, not the day before", func(t *testing.T) {
			db, client := openAt(t, c.at, c.zone)
			it, err := db.AddPlanItem(ctx, domain.NewPlanItem{ClientID: client.ID, Kind: domain.Goal, Text: "To rest without earning it", ProposedBy: domain.ByClient}, domain.ByClient)
			if err != nil {
				t.Fatal(err)
			}
			_, err = db.AgreePlanItem(ctx, it.ID, c.yesterday, domain.ByClient)
			if domain.ErrorField(err) != "agreedOn" || !strings.Contains(domain.ErrorMessage(err), "("+c.today+")") {
				t.Errorf("agreeing on %s, the day before the goal was proposed: %v", c.yesterday, err)
			}
			// "" is today, as co-creation mode agrees.
			got, err := db.AgreePlanItem(ctx, it.ID, "", domain.ByClient)
			if err != nil || got.AgreedOn != c.today {
				t.Fatalf("agreeing today: %+v, %v", got, err)
			}
		})
		t.Run("an agreement written "+c.name+" is confirmed that day, not the day before", func(t *testing.T) {
			db, client := openAt(t, c.at, c.zone)
			a, err := db.AddAgreement(ctx, domain.NewAgreement{ClientID: client.ID, Kind: domain.RightToStop, Terms: []domain.AgreementTerm{{Key: "text", Text: "I can stop at any time."}}}, domain.ByTogether)
			if err != nil {
				t.Fatal(err)
			}
			_, err = db.ConfirmAgreement(ctx, a.ID, "Wren", c.yesterday)
			if domain.ErrorField(err) != "confirmedOn" || !strings.Contains(domain.ErrorMessage(err), "("+c.today+")") {
				t.Errorf("confirming on %s, the day before the wording was written: %v", c.yesterday, err)
			}
			got, err := db.ConfirmAgreement(ctx, a.ID, "Wren", "")
			if err != nil || got.ConfirmedOn != c.today {
				t.Fatalf("confirming today: %+v, %v", got, err)
			}
		})
	}
}

func TestAFinalisedSessionSaysTheDayItWasFinalised(t *testing.T) {
	ctx := context.Background()
	for _, c := range hardDays {
		t.Run("notes finalised "+c.name+" are finalised on "+c.today, func(t *testing.T) {
			db, client := openAt(t, c.at, c.zone)
			s, err := db.AddSession(ctx, domain.Session{ClientID: client.ID, Kind: domain.IntegrationSession, Date: c.today, TimeZone: c.zone}, domain.ByTherapist)
			if err != nil {
				t.Fatal(err)
			}
			if s, err = db.FinaliseSession(ctx, s.ID); err != nil {
				t.Fatal(err)
			}
			s.Summary = "A late change."
			_, err = db.UpdateSession(ctx, s, domain.ByTherapist)
			if domain.ErrorCode(err) != domain.EFINALISED || !strings.Contains(domain.ErrorMessage(err), "finalised on "+c.today+" ") {
				t.Fatalf("changing finalised notes: %v", err)
			}
		})
	}
}

func TestSearchDatesHitsOnTheTherapistsDay(t *testing.T) {
	ctx := context.Background()
	for _, c := range hardDays {
		t.Run("a goal, pattern and resource written "+c.name+" are found dated "+c.today, func(t *testing.T) {
			db, client := openAt(t, c.at, c.zone)
			if _, err := db.AddPlanItem(ctx, domain.NewPlanItem{ClientID: client.ID, Kind: domain.Goal, Text: "Marigold goal", ProposedBy: domain.ByClient}, domain.ByClient); err != nil {
				t.Fatal(err)
			}
			if _, err := db.AddPattern(ctx, domain.NewPattern{ClientID: client.ID, Name: "Marigold pattern", ProposedBy: domain.ByClient}, domain.ByClient); err != nil {
				t.Fatal(err)
			}
			if _, err := db.AddResource(ctx, domain.Resource{ClientID: client.ID, Kind: "nature", Name: "Marigold walk"}, domain.ByClient); err != nil {
				t.Fatal(err)
			}
			r, err := db.Search(ctx, "marigold")
			if err != nil {
				t.Fatal(err)
			}
			kinds := map[domain.SearchKind]bool{}
			for _, h := range r.Hits {
				kinds[h.Kind] = true
				if h.Date != c.today {
					t.Errorf("the %s is dated %s, want %s", h.Kind, h.Date, c.today)
				}
			}
			if !kinds[domain.HitPlan] || !kinds[domain.HitPattern] || !kinds[domain.HitResource] {
				t.Fatalf("hits: %+v", r.Hits)
			}
		})
	}
}

// The clock's zone, not the computer's, says what day it is.
func TestTodayIsTheClocksDay(t *testing.T) {
	for _, c := range hardDays {
		t.Run(c.name+" it is "+c.today, func(t *testing.T) {
			db, _ := openAt(t, c.at, c.zone)
			if got := db.today(); got != c.today {
				t.Fatalf("today is %s, want %s", got, c.today)
			}
			if got := db.dayOf(db.stamp()); got != c.today {
				t.Fatalf("a stamp written now is dated %s, want %s", got, c.today)
			}
			if _, err := time.Parse(time.RFC3339, db.stamp()); err != nil || !strings.HasSuffix(db.stamp(), "Z") {
				t.Fatalf("stamps are UTC, RFC 3339: %s", db.stamp())
			}
		})
	}
}
