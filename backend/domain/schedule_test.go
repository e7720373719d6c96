package domain

import "testing"

func TestAScheduleIsCheckedAndNormalised(t *testing.T) {
	after := MeasureSchedule{ClientID: 1, InstrumentKey: " phq9 ", Kind: ScheduleAfterMedicine, EveryWeeks: 4, StartsOn: "2026-01-01"}
	if err := after.Validate(); err != nil || after.InstrumentKey != "phq9" || after.EveryWeeks != 0 || after.StartsOn != "" {
		t.Fatalf("after medicine: %+v, %v", after, err)
	}
	for _, c := range []struct {
		s     MeasureSchedule
		field string
	}{
		{MeasureSchedule{InstrumentKey: "", Kind: ScheduleAfterMedicine}, "instrumentKey"},
		{MeasureSchedule{InstrumentKey: "PHQ 9", Kind: ScheduleAfterMedicine}, "instrumentKey"},
		{MeasureSchedule{InstrumentKey: "phq9", Kind: "monthly"}, "kind"},
		{MeasureSchedule{InstrumentKey: "phq9", Kind: ScheduleEveryWeeks, EveryWeeks: 0, StartsOn: "2026-01-01"}, "everyWeeks"},
		{MeasureSchedule{InstrumentKey: "phq9", Kind: ScheduleEveryWeeks, EveryWeeks: 53, StartsOn: "2026-01-01"}, "everyWeeks"},
		{MeasureSchedule{InstrumentKey: "phq9", Kind: ScheduleEveryWeeks, EveryWeeks: 4}, "startsOn"},
		{MeasureSchedule{InstrumentKey: "phq9", Kind: ScheduleEveryWeeks, EveryWeeks: 4, StartsOn: "2026-02-30"}, "startsOn"},
	} {
		if err := c.s.Validate(); ErrorField(err) != c.field {
			t.Errorf("%+v: %v, want a problem with %s", c.s, err, c.field)
		}
	}
	every := MeasureSchedule{InstrumentKey: "gad7", Kind: ScheduleEveryWeeks, EveryWeeks: 52, StartsOn: " 2026-01-05 "}
	if err := every.Validate(); err != nil || every.StartsOn != "2026-01-05" {
		t.Fatalf("every 52 weeks: %+v, %v", every, err)
	}
}

func TestAnEveryWeeksScheduleIsDueFromIntakeAndThenEveryNWeeks(t *testing.T) {
	s := MeasureSchedule{InstrumentKey: "phq9", Kind: ScheduleEveryWeeks, EveryWeeks: 4, StartsOn: "2026-05-01"}
	for _, c := range []struct {
		newest, today, since string
		due                  bool
	}{
		{"", "2026-04-30", "", false},                    // not started yet
		{"", "2026-05-01", "2026-05-01", true},           // at intake, none taken
		{"2026-04-20", "2026-05-10", "2026-05-01", true}, // only one from before the start
		{"2026-05-01", "2026-05-28", "2026-05-29", false},
		{"2026-05-01", "2026-05-29", "2026-05-29", true}, // four weeks to the day
		{"2026-05-01", "2026-06-10", "2026-05-29", true},
		{"2026-06-09", "2026-06-10", "2026-07-07", false},
		// Counted in calendar days across the turn of a year and a leap day.
		{"2027-12-20", "2028-01-17", "2028-01-17", true},
		{"2028-02-10", "2028-03-08", "2028-03-09", false},
	} {
		since, due := s.DueSince(c.newest, c.today)
		if due != c.due || (c.since != "" && since != c.since) {
			t.Errorf("newest %q on %s: due %v since %s, want %v since %s", c.newest, c.today, due, since, c.due, c.since)
		}
	}
	after := MeasureSchedule{InstrumentKey: "phq9", Kind: ScheduleAfterMedicine}
	if _, due := after.DueSince("", "2026-06-10"); due {
		t.Error("an after-medicine schedule is due by its sessions, not by DueSince")
	}
}
