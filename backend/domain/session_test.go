package domain

import (
	"strings"
	"testing"
	"time"
)

func TestDayCountCountsCalendarDaysAcrossDaylightSavingChanges(t *testing.T) {
	for _, c := range []struct {
		session, noticed string
		want             int
	}{
		{"2026-03-28", "2026-03-28", 0},
		{"2026-03-28", "2026-03-29", 1}, // Europe: clocks go forward on the 29th (a 23-hour day)
		{"2026-03-28", "2026-03-30", 2},
		{"2026-10-24", "2026-10-26", 2},  // Europe: clocks go back on the 25th (a 25-hour day)
		{"2026-11-01", "2026-11-15", 14}, // North America: clocks go back on the 1st
		{"2026-02-27", "2026-03-01", 2},  // not a leap year
		{"2028-02-27", "2028-03-01", 3},  // a leap year
		{"2026-12-30", "2027-01-29", 30},
	} {
		got, err := DayCount(c.session, c.noticed)
		if err != nil || got != c.want {
			t.Errorf("DayCount(%s, %s) = %d, %v; want %d", c.session, c.noticed, got, err, c.want)
		}
	}
	// What a naive count would do: local midnights 24-hour periods apart.
	berlin, _ := time.LoadLocation("Europe/Berlin")
	a := time.Date(2026, 3, 28, 0, 0, 0, 0, berlin)
	b := time.Date(2026, 3, 30, 0, 0, 0, 0, berlin)
	if int(b.Sub(a).Hours()/24) != 1 {
		t.Fatal("the naive count this test guards against no longer differs; choose other dates")
	}
}

func TestASessionIsDatedWhereItWasHeld(t *testing.T) {
	// 23:30 on 1 November in Los Angeles is already the 2nd in UTC and in Berlin.
	la, _ := time.LoadLocation("America/Los_Angeles")
	start := time.Date(2026, 11, 1, 23, 30, 0, 0, la)
	for zone, want := range map[string]string{"America/Los_Angeles": "2026-11-01", "Europe/Berlin": "2026-11-02", "UTC": "2026-11-02", "Pacific/Kiritimati": "2026-11-02"} {
		got, err := LocalDate(start, zone)
		if err != nil || got != want {
			t.Errorf("LocalDate in %s = %s, %v; want %s", zone, got, err, want)
		}
	}
	d, _ := LocalDate(start, "America/Los_Angeles")
	if n, _ := DayCount(d, "2026-11-02"); n != 1 {
		t.Fatalf("a shift the next morning in Los Angeles is day %d, want 1", n)
	}
	if _, err := LocalDate(start, "Mars/Olympus"); ErrorCode(err) != EINVALID {
		t.Fatalf("an unknown zone gave %v", err)
	}
}

func TestSessionValidation(t *testing.T) {
	ok := func() Session {
		return Session{Kind: MedicineSession, Date: "2026-11-25", Time: "9:05", TimeZone: "Europe/Berlin", Minutes: 360}
	}
	s := ok()
	if err := s.Validate(false); err != nil {
		t.Fatal(err)
	}
	if s.Time != "09:05" || s.Modality != InPerson {
		t.Fatalf("not normalised: %+v", s)
	}
	for name, c := range map[string]struct {
		change         func(*Session)
		recordMedicine bool
		field          string
	}{
		"impossible date":     {func(s *Session) { s.Date = "2026-02-30" }, false, "date"},
		"impossible time":     {func(s *Session) { s.Time = "25:10" }, false, "time"},
		"unknown zone":        {func(s *Session) { s.TimeZone = "Moon/Base" }, false, "timeZone"},
		"too long":            {func(s *Session) { s.Minutes = 2000 }, false, "minutes"},
		"unknown kind":        {func(s *Session) { s.Kind = "retreat" }, false, "kind"},
		"oversized summary":   {func(s *Session) { s.Summary = strings.Repeat("a", MaxLongText+1) }, false, "summary"},
		"medicine turned off": {func(s *Session) { s.Medicine.Substance = "a substance" }, false, "substance"},
		"medicine elsewhere": {func(s *Session) {
			s.Kind = IntegrationSession
			s.Medicine.Dose = "a dose"
		}, true, "substance"},
		"intentions elsewhere": {func(s *Session) { s.Kind = PreparationSession; s.IntentionIDs = []int64{1} }, false, "intentionIds"},
	} {
		s := ok()
		c.change(&s)
		if err := s.Validate(c.recordMedicine); ErrorField(err) != c.field {
			t.Errorf("%s: got %v (field %q), want field %q", name, err, ErrorField(err), c.field)
		}
	}
	s = ok()
	s.Medicine.Substance = "a substance"
	if err := s.Validate(true); err != nil {
		t.Fatalf("medicine details allowed by the setting were refused: %v", err)
	}
}

func TestShiftValidation(t *testing.T) {
	ok := func() Shift {
		return Shift{SessionID: 1, NoticedOn: "2026-11-26", Area: "body", Description: " Shoulders  lower. ", Intensity: 3}
	}
	s := ok()
	if err := s.Validate(); err != nil || s.Description != "Shoulders  lower." || s.RecordedBy != ByClient {
		t.Fatalf("%v %+v", err, s)
	}
	for name, c := range map[string]struct {
		change func(*Shift)
		field  string
	}{
		"no session":      {func(s *Shift) { s.SessionID = 0 }, "sessionId"},
		"impossible date": {func(s *Shift) { s.NoticedOn = "2026-13-01" }, "noticedOn"},
		"unknown area":    {func(s *Shift) { s.Area = "career" }, "area"},
		"empty":           {func(s *Shift) { s.Description = "  " }, "description"},
		"too faint":       {func(s *Shift) { s.Intensity = 0 }, "intensity"},
		"too strong":      {func(s *Shift) { s.Intensity = 6 }, "intensity"},
		"oversized":       {func(s *Shift) { s.Description = strings.Repeat("ä", MaxLongText+1) }, "description"},
	} {
		s := ok()
		c.change(&s)
		if err := s.Validate(); ErrorField(err) != c.field {
			t.Errorf("%s: got %v, want field %q", name, err, c.field)
		}
	}
}

func TestSearchTermsFoldAndSplit(t *testing.T) {
	got := strings.Join(SearchTerms("  Zoë’s  ÉTÉ, naïve-café प्रिया "), "|")
	if got != "zoe|s|ete|naive|cafe|प्रिया" {
		t.Fatalf("got %q", got)
	}
	if len(SearchTerms(strings.Repeat("a ", 50))) != 8 {
		t.Fatal("a query is not capped at eight words")
	}
}

func TestExcerptMarksWholeWordsAndCutsAroundTheFirst(t *testing.T) {
	m := func(s string) string { return Mark + s + EndMark }
	for _, c := range []struct {
		text  string
		terms []string
		width int
		want  string
	}{
		{"Le café du matin", []string{"cafe"}, 100, "Le " + m("café") + " du matin"},
		{"Zoë met Zoe", []string{"zo"}, 100, m("Zoë") + " met " + m("Zoe")},
		{"no match here", []string{"xyz"}, 100, ""},
		{"line one\nline two", []string{"two"}, 100, "line one line " + m("two")},
		{strings.Repeat("word ", 40) + "tea at the end", []string{"tea"}, 40, "…word " + m("tea") + " at the end"},
		{"माँ की याद आई, और शांति", []string{"शांति"}, 100, "माँ की याद आई, और " + m("शांति")},
	} {
		if got := Excerpt(c.text, c.terms, c.width); got != c.want {
			t.Errorf("Excerpt(%q, %v) = %q, want %q", c.text, c.terms, got, c.want)
		}
	}
}
