package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"tandem/backend/domain"
)

// diaryReasons are why a demonstration appointment did not happen.
var diaryReasons = []string{
	"Client unwell; we moved to the week after (fictional).",
	"Train strike; rearranged by message (fictional).",
	"Family visit; the client asked to skip this one (fictional).",
}

// seedDiary gives an active client a believable diary around end, the
// practice's present: a cancelled appointment in the last weeks (now and
// then a missed one too), and sessions planned ahead, every week or every
// other week, at a working hour in the client's zone. It draws from its
// own random stream, seeded by the client's id, so the rest of the
// demonstration practice is the same with or without it.
//
// Its records are stamped after clk's time (the client's history runs in
// time order) and it moves clk on.
func seedDiary[S Store[S]](ctx context.Context, s S, clientID int64, zone string, clk *clock, end time.Time, counts map[string]int) error {
	r := rand.New(rand.NewPCG(uint64(clientID), 0x6469617279)) // "diary"
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return err
	}
	today := end.In(loc)
	day := func(offset int) string { return today.AddDate(0, 0, offset).Format(time.DateOnly) }
	clock := fmt.Sprintf("%02d:%02d", 9+r.IntN(8), 30*r.IntN(2))
	place, modality := "The practice room", domain.InPerson
	if r.IntN(3) == 0 {
		place, modality = "", domain.Online
	}
	base := domain.Appointment{ClientID: clientID, Kind: domain.IntegrationSession, Time: clock, TimeZone: zone, Minutes: 50, Modality: modality, Place: place}
	// at stamps the next record at want, or just after the one before.
	at := func(want time.Time) S {
		if want.After(clk.t) {
			clk.t = want
		}
		now := clk.t
		clk.t = clk.t.Add(time.Minute)
		return s.At(func() time.Time { return now })
	}
	stamped := at(end.Add(-time.Duration(20+r.IntN(10)) * 24 * time.Hour))

	past := base
	past.Date = day(-(3 + r.IntN(18)))
	made, err := stamped.AddAppointment(ctx, past, domain.Repeat{})
	if err != nil {
		return fmt.Errorf("seed appointment: %w", err)
	}
	status := domain.Cancelled
	if r.IntN(4) == 0 {
		status = domain.NoShow
	}
	if _, err := at(end.Add(-48*time.Hour)).CancelAppointment(ctx, made[0].ID, status, pick(r, diaryReasons), false); err != nil {
		return fmt.Errorf("seed cancellation: %w", err)
	}
	counts["appointments"]++

	ahead := base
	ahead.Date = day(r.IntN(7))
	if r.IntN(4) == 0 {
		ahead.Kind = domain.PreparationSession
	}
	repeat := domain.Repeat{EveryWeeks: 1 + r.IntN(2), Count: 3 + r.IntN(5)}
	planned, err := at(clk.t).AddAppointment(ctx, ahead, repeat)
	if err != nil {
		return fmt.Errorf("seed appointments: %w", err)
	}
	counts["appointments"] += len(planned)
	return nil
}
