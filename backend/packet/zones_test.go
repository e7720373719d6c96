package packet

import (
	"context"
	"crypto/rand"
	"path/filepath"
	"testing"
	"time"

	"tandem/backend/clock/clocktest"
	"tandem/backend/domain"
	"tandem/backend/storage"
)

// hardDays are moments at which the day of a stored moment (kept in UTC)
// is not the day the therapist is living: the last minutes of the year far
// west of UTC, a leap day and a new year far east of it, and the nights the
// clocks change in Europe. day is the therapist's day, utcDay the one UTC
// would print.
var hardDays = []struct {
	name, at, zone string
	day, utcDay    string
	worksheetDay1  string // the first row of a worksheet for a session that day
}{
	{"notes signed at 23:50 on new year's eve in Los Angeles are dated 31 December", "2026-12-31T23:50", "America/Los_Angeles",
		"31 December 2026", "1 January 2027", "Day 1 Fri 1 Jan"},
	{"notes signed on a leap-day morning in Auckland are dated 29 February", "2028-02-29T09:00", "Pacific/Auckland",
		"29 February 2028", "28 February 2028", "Day 1 Wed 1 Mar"},
	{"notes signed at 3:00 on new year's day in Kolkata are dated 1 January", "2027-01-01T03:00", "Asia/Kolkata",
		"1 January 2027", "31 December 2026", "Day 1 Sat 2 Jan"},
	{"notes signed just after midnight the night clocks go forward in Berlin are dated 28 March", "2027-03-28T00:30", "Europe/Berlin",
		"28 March 2027", "27 March 2027", "Day 1 Mon 29 Mar"},
	{"notes signed just after midnight the night clocks go back in Berlin are dated 31 October", "2027-10-31T01:30", "Europe/Berlin",
		"31 October 2027", "30 October 2027", "Day 1 Mon 1 Nov"},
}

// openDB opens a real encrypted database whose clock is now.
func openDB(t *testing.T, now func() time.Time) *storage.DB {
	t.Helper()
	key := make([]byte, storage.KeySize)
	rand.Read(key)
	db, err := storage.Open(context.Background(), filepath.Join(t.TempDir(), "test.db"), key, now)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// TestPacketsDateMomentsInTheTherapistsZone writes a record at each hard
// moment through a real database (which stamps it in UTC) and prints it
// with the packet dated by the same clock, as the app does: every date
// printed is the therapist's day, never UTC's.
func TestPacketsDateMomentsInTheTherapistsZone(t *testing.T) {
	for _, c := range hardDays {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			now := clocktest.At(t, c.at, c.zone)
			db := openDB(t, now)
			today := now().Format(time.DateOnly)
			client, err := db.CreateClient(ctx, domain.Client{ChosenName: "Wren Example (fictional)", DateOfBirth: "1990-05-04"}, domain.ByTherapist)
			if err != nil {
				t.Fatal(err)
			}
			s, err := db.AddSession(ctx, domain.Session{ClientID: client.ID, Kind: domain.MedicineSession, Date: today, TimeZone: c.zone, Minutes: 360}, domain.ByTherapist)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.FinaliseSession(ctx, s.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := db.AddAddendum(ctx, s.ID, "A fictional afterthought.", domain.Shared); err != nil {
				t.Fatal(err)
			}
			it, err := db.AddPlanItem(ctx, domain.NewPlanItem{ClientID: client.ID, Kind: domain.Goal, Text: "To rest without earning it", ProposedBy: domain.ByClient}, domain.ByClient)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.RevisePlanItem(ctx, it.ID, "To rest, and let it be enough", "", domain.ByTogether); err != nil {
				t.Fatal(err)
			}
			if err := db.ArchiveClient(ctx, client.ID); err != nil {
				t.Fatal(err)
			}
			var j Journey
			if j.Record, err = db.ClientRecord(ctx, client.ID); err != nil {
				t.Fatal(err)
			}
			if j.Integration, err = db.Integration(ctx, client.ID); err != nil {
				t.Fatal(err)
			}
			o := Options{Date: now(), Copy: TherapistCopy}

			text := pdfText(t, render(t, ClientRecord(practice(), j, o)))
			requireText(t, "record", text, "Record opened "+c.day, "These notes were signed on "+c.day, "Added on "+c.day,
				"Medicine session, "+c.day, "Archived",
				// The wording history, each wording dated.
				"Written by Wording "+c.day+" the client To rest without earning it "+c.day+" together")
			// Nor anywhere else (the archiving's date is laid out apart
			// from its label).
			refuseText(t, "record", text, c.utcDay)

			ws, err := Make(practice(), j, Request{Kind: WorksheetPacket, SessionID: s.ID, Days: 7}, Options{Date: now()})
			if err != nil {
				t.Fatal(err)
			}
			requireText(t, "worksheet", pdfText(t, render(t, ws)), "The 7 days after the session on "+c.day, c.worksheetDay1)
		})
	}
}

func TestTheRecoveryKitIsDatedInThePacketsZone(t *testing.T) {
	// A key made at 23:50 on 31 December in Los Angeles, given in UTC.
	now := clocktest.At(t, "2026-12-31T23:50", "America/Los_Angeles")
	made := now().UTC()
	key := "AGE-SECRET-KEY-1QYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSZQGPQYQSQCWYNQ3"
	text := pdfText(t, render(t, RecoveryKit(practice(), key, made, Options{Date: now()})))
	requireText(t, "kit", text, "made 31 December 2026")
	refuseText(t, "kit", text, "2027")
}
