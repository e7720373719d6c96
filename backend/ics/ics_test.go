package ics

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var stamp = time.Date(2026, 6, 10, 7, 30, 15, 0, time.UTC)

// session returns a plain, valid event.
func session(uid, date, clock, zone string) Event {
	return Event{UID: uid, Summary: "Session", Date: date, Time: clock, Zone: zone, Minutes: 50}
}

func calendarOf(events ...Event) Calendar {
	return Calendar{ProdID: "-//Tandem//Tandem 1.4//EN", Name: "Practice", Stamp: stamp, Events: events}
}

func write(t *testing.T, cal Calendar) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, cal); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return b.String()
}

// unfold undoes line folding (RFC 5545 3.1) and splits the content lines.
func unfold(s string) []string {
	s = strings.ReplaceAll(s, "\r\n ", "")
	return strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
}

// unescape reads a TEXT value back.
func unescape(s string) string {
	r := strings.NewReplacer(`\\`, `\`, `\;`, `;`, `\,`, `,`, `\n`, "\n", `\N`, "\n")
	return r.Replace(s)
}

// property returns the values of the content lines named name (with any
// parameters) in the unfolded file.
func property(file, name string) []string {
	var out []string
	for _, l := range unfold(file) {
		head, value, ok := strings.Cut(l, ":")
		if !ok {
			continue
		}
		if n, _, _ := strings.Cut(head, ";"); n == name {
			out = append(out, value)
		}
	}
	return out
}

func TestLongLinesAreFoldedWithoutBreakingCharacters(t *testing.T) {
	// 200 characters of one, two, three and four octets.
	summary := strings.Repeat("aé€😀", 50)
	file := write(t, calendarOf(Event{
		UID: "fold", Summary: summary, Date: "2026-06-15", Time: "10:00", Zone: "Europe/Berlin", Minutes: 50,
		Description: strings.Repeat("Ünïcödé; text, with\nbreaks\\ ", 12),
	}))
	folded := 0
	for i, l := range strings.Split(strings.TrimSuffix(file, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line %d has %d octets: %q", i, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d is not valid UTF-8: %q", i, l)
		}
		if strings.HasPrefix(l, " ") {
			folded++
		}
	}
	if folded < 10 {
		t.Errorf("only %d continuation lines; the long values were not folded", folded)
	}
	if got := property(file, "SUMMARY"); len(got) != 1 || got[0] != summary {
		t.Errorf("SUMMARY unfolds to %q, want %q", got, summary)
	}
	if got := property(file, "DESCRIPTION"); len(got) != 1 || unescape(got[0]) != strings.Repeat("Ünïcödé; text, with\nbreaks\\ ", 12) {
		t.Errorf("DESCRIPTION unfolds to %q", got)
	}
}

func TestFoldingFillsLinesTo75Octets(t *testing.T) {
	var b bytes.Buffer
	lines{&b}.put(strings.Repeat("x", 75+74+10))
	want := strings.Repeat("x", 75) + "\r\n " + strings.Repeat("x", 74) + "\r\n " + strings.Repeat("x", 10) + "\r\n"
	if b.String() != want {
		t.Errorf("folded as %q", b.String())
	}
	b.Reset()
	// A four-octet character that would end at octet 76 moves to the next line.
	lines{&b}.put(strings.Repeat("x", 73) + "😀y")
	if want := strings.Repeat("x", 73) + "\r\n 😀y\r\n"; b.String() != want {
		t.Errorf("folded as %q, want %q", b.String(), want)
	}
}

func TestTextIsEscapedAndRoundTrips(t *testing.T) {
	for _, tc := range []struct{ in, want, back string }{
		{`a;b,c\d`, `a\;b\,c\\d`, `a;b,c\d`},
		{"one\ntwo\r\nthree\rfour", `one\ntwo\nthree\nfour`, "one\ntwo\nthree\nfour"},
		{"tab\there: \"quoted\"", "tab\there: \"quoted\"", "tab\there: \"quoted\""},
		{"bell\a and del\x7f", "bell and del", "bell and del"},
		{"bad \xff byte", "bad \uFFFD byte", "bad \uFFFD byte"},
	} {
		if got := escapeText(tc.in); got != tc.want {
			t.Errorf("escapeText(%q) = %q, want %q", tc.in, got, tc.want)
		}
		ev := session("esc", "2026-06-15", "10:00", "UTC")
		ev.Summary, ev.Location = tc.in, tc.in
		file := write(t, calendarOf(ev))
		for _, name := range []string{"SUMMARY", "LOCATION"} {
			if got := property(file, name); len(got) != 1 || unescape(got[0]) != tc.back {
				t.Errorf("%s of %q reads back as %q, want %q", name, tc.in, got, tc.back)
			}
		}
	}
}

func TestEveryLineEndsInCRLF(t *testing.T) {
	ev := session("crlf", "2026-06-15", "10:00", "Europe/Berlin")
	ev.Description = "first\nsecond\r\nthird"
	ev.AlarmMinutes = 10
	file := write(t, calendarOf(ev, session("utc", "2026-06-15", "12:00", "UTC")))
	if !strings.HasSuffix(file, "END:VCALENDAR\r\n") {
		t.Errorf("the file does not end with END:VCALENDAR and CRLF: %q", file[max(0, len(file)-20):])
	}
	if n := strings.Count(file, "\n"); n != strings.Count(file, "\r\n") {
		t.Errorf("%d line feeds, only %d of them after a CR", n, strings.Count(file, "\r\n"))
	}
	if n := strings.Count(file, "\r"); n != strings.Count(file, "\r\n") {
		t.Errorf("%d CRs, only %d of them before a line feed", n, strings.Count(file, "\r\n"))
	}
}

func TestInvalidCalendarsAreRefusedAndNothingIsWritten(t *testing.T) {
	good := session("good", "2026-06-15", "10:00", "Europe/Berlin")
	with := func(change func(*Event)) Calendar {
		ev := good
		change(&ev)
		return calendarOf(good, ev)
	}
	for name, cal := range map[string]Calendar{
		"empty ProdID":          {ProdID: " ", Stamp: stamp, Events: []Event{good}},
		"zero Stamp":            {ProdID: "-//x//y//EN", Events: []Event{good}},
		"empty UID":             with(func(e *Event) { e.UID = "" }),
		"blank UID":             with(func(e *Event) { e.UID = "  " }),
		"duplicate UID":         with(func(e *Event) {}),
		"date in another form":  with(func(e *Event) { e.UID, e.Date = "x", "15.06.2026" }),
		"date that is not":      with(func(e *Event) { e.UID, e.Date = "x", "2026-02-30" }),
		"short date":            with(func(e *Event) { e.UID, e.Date = "x", "2026-6-15" }),
		"empty date":            with(func(e *Event) { e.UID, e.Date = "x", "" }),
		"year 0":                with(func(e *Event) { e.UID, e.Date = "x", "0000-06-15" }),
		"year 9998":             with(func(e *Event) { e.UID, e.Date = "x", "9998-06-15" }),
		"time without padding":  with(func(e *Event) { e.UID, e.Time = "x", "9:00" }),
		"time out of range":     with(func(e *Event) { e.UID, e.Time = "x", "24:00" }),
		"time with seconds":     with(func(e *Event) { e.UID, e.Time = "x", "10:00:00" }),
		"empty time":            with(func(e *Event) { e.UID, e.Time = "x", "" }),
		"unknown zone":          with(func(e *Event) { e.UID, e.Zone = "x", "Europe/Atlantis" }),
		"empty zone":            with(func(e *Event) { e.UID, e.Zone = "x", "" }),
		"Local zone":            with(func(e *Event) { e.UID, e.Zone = "x", "Local" }),
		"zone as a path":        with(func(e *Event) { e.UID, e.Zone = "x", "../zoneinfo/UTC" }),
		"zero minutes":          with(func(e *Event) { e.UID, e.Minutes = "x", 0 }),
		"negative minutes":      with(func(e *Event) { e.UID, e.Minutes = "x", -50 }),
		"over a day":            with(func(e *Event) { e.UID, e.Minutes = "x", 1441 }),
		"negative sequence":     with(func(e *Event) { e.UID, e.Sequence = "x", -1 }),
		"negative alarm":        with(func(e *Event) { e.UID, e.AlarmMinutes = "x", -15 }),
		"bad event after good":  calendarOf(good, session("y", "2026-06-16", "10:00", "UTC"), session("z", "2026-06-17", "25:00", "UTC")),
		"duplicate across zone": calendarOf(good, session("good", "2026-06-16", "10:00", "UTC")),
	} {
		var b bytes.Buffer
		err := Write(&b, cal)
		if err == nil {
			t.Errorf("%s: Write accepted it", name)
			continue
		}
		if !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: error %v does not wrap ErrInvalid", name, err)
		}
		if b.Len() != 0 {
			t.Errorf("%s: Write wrote %d bytes before failing", name, b.Len())
		}
	}
	// The limits themselves are fine.
	edge := []Event{session("a", "0001-01-01", "00:00", "Europe/Berlin"), session("b", "9997-12-31", "23:59", "Europe/Berlin")}
	edge[0].Minutes, edge[1].Minutes = 1, 1440
	write(t, calendarOf(edge...))
	write(t, Calendar{ProdID: "p", Stamp: stamp}) // no events
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestTheWritersErrorIsReturned(t *testing.T) {
	err := Write(failingWriter{}, calendarOf(session("a", "2026-06-15", "10:00", "UTC")))
	if err == nil || err.Error() != "disk full" {
		t.Errorf("Write returned %v", err)
	}
}

func TestOutputIsDeterministicAndKeepsTheGivenUIDs(t *testing.T) {
	var events []Event
	for i, z := range []string{"Europe/Berlin", "UTC", "Asia/Tokyo", "America/New_York", "Europe/Berlin", "Australia/Sydney"} {
		ev := session("uid-"+z+"-"+string(rune('a'+i))+"@tandem", "2026-0"+string(rune('1'+i))+"-10", "10:00", z)
		ev.Modified = stamp.Add(-time.Duration(i) * time.Hour)
		ev.AlarmMinutes = i * 5
		events = append(events, ev)
	}
	first := write(t, calendarOf(events...))
	for range 20 { // map order would show within a few runs
		if again := write(t, calendarOf(events...)); again != first {
			t.Fatalf("two writes differ:\n%s\n---\n%s", first, again)
		}
	}
	uids := property(first, "UID")
	if len(uids) != len(events) {
		t.Fatalf("%d UIDs, want %d", len(uids), len(events))
	}
	for i, ev := range events {
		if uids[i] != ev.UID {
			t.Errorf("UID %d is %q, want %q", i, uids[i], ev.UID)
		}
	}
	// One VTIMEZONE per zone other than UTC, sorted, before the events.
	if got, want := strings.Join(property(first, "TZID"), " "), "America/New_York Asia/Tokyo Australia/Sydney Europe/Berlin"; got != want {
		t.Errorf("VTIMEZONEs for %s, want %s", got, want)
	}
	if strings.LastIndex(first, "END:VTIMEZONE") > strings.Index(first, "BEGIN:VEVENT") {
		t.Error("a VTIMEZONE comes after an event")
	}
	if got := property(first, "DTSTAMP"); len(got) != len(events) || got[0] != "20260610T073015Z" {
		t.Errorf("DTSTAMP %v", got)
	}
	if got := property(first, "LAST-MODIFIED"); len(got) != len(events) || got[1] != "20260610T063015Z" {
		t.Errorf("LAST-MODIFIED %v", got)
	}
}

func TestCalendarProperties(t *testing.T) {
	cal := calendarOf(session("a", "2026-06-15", "10:00", "UTC"))
	cal.Name = "Praxis; Müller, Berlin"
	file := write(t, cal)
	lines := unfold(file)
	if want := []string{"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Tandem//Tandem 1.4//EN"}; strings.Join(lines[:3], "|") != strings.Join(want, "|") {
		t.Errorf("the file begins %q", lines[:3])
	}
	if got := property(file, "X-WR-CALNAME"); len(got) != 1 || unescape(got[0]) != cal.Name {
		t.Errorf("X-WR-CALNAME %q", got)
	}
	cal.Name = ""
	if got := property(write(t, cal), "X-WR-CALNAME"); len(got) != 0 {
		t.Errorf("X-WR-CALNAME %q for a calendar without a name", got)
	}
}

func TestAlarmStatusAndOptionalProperties(t *testing.T) {
	plain := session("plain", "2026-06-15", "10:00", "Europe/Berlin")
	full := session("full", "2026-06-15", "11:00", "Europe/Berlin")
	full.Summary, full.Description, full.Location = "Session, J.", "Bring the form", "Room 2"
	full.AlarmMinutes, full.Cancelled, full.Sequence = 30, true, 3
	file := write(t, calendarOf(plain, full))
	events := strings.Split(file, "BEGIN:VEVENT")[1:]
	if len(events) != 2 {
		t.Fatalf("%d events", len(events))
	}
	if strings.Contains(events[0], "VALARM") || strings.Contains(events[0], "DESCRIPTION") || strings.Contains(events[0], "LOCATION") {
		t.Errorf("the plain event has an alarm, a description or a location:\n%s", events[0])
	}
	for _, want := range []string{"STATUS:CONFIRMED\r\n", "SEQUENCE:0\r\n", "DTEND;TZID=Europe/Berlin:20260615T105000\r\n"} {
		if !strings.Contains(events[0], want) {
			t.Errorf("the plain event lacks %q:\n%s", want, events[0])
		}
	}
	alarm := "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Session\\, J.\r\nTRIGGER:-PT30M\r\nEND:VALARM\r\nEND:VEVENT\r\n"
	for _, want := range []string{"STATUS:CANCELLED\r\n", "SEQUENCE:3\r\n", "DESCRIPTION:Bring the form\r\n", "LOCATION:Room 2\r\n", alarm} {
		if !strings.Contains(events[1], want) {
			t.Errorf("the full event lacks %q:\n%s", want, events[1])
		}
	}
	if strings.Contains(events[1], "CONFIRMED") {
		t.Error("a cancelled event is also CONFIRMED")
	}
}

func TestStartAndEndForms(t *testing.T) {
	for _, tc := range []struct {
		ev         Event
		start, end string // the DTSTART and DTEND (or DURATION) lines
	}{
		{session("utc", "2026-06-15", "23:30", "UTC"), "DTSTART:20260615T233000Z", "DTEND:20260616T002000Z"},
		{session("berlin", "2026-06-15", "23:30", "Europe/Berlin"), "DTSTART;TZID=Europe/Berlin:20260615T233000", "DTEND;TZID=Europe/Berlin:20260616T002000"},
		// A day long: the end's wall clock moves with the change of offset.
		{Event{UID: "long", Date: "2026-03-28", Time: "12:00", Zone: "Europe/Berlin", Minutes: 1440}, "DTSTART;TZID=Europe/Berlin:20260328T120000", "DTEND;TZID=Europe/Berlin:20260329T130000"},
		// Starts in the gap: written as given, with DURATION.
		{session("gap", "2026-03-29", "02:30", "Europe/Berlin"), "DTSTART;TZID=Europe/Berlin:20260329T023000", "DURATION:PT50M"},
		// Starts in the repeated hour.
		{session("twice", "2026-10-25", "02:15", "Europe/Berlin"), "DTSTART;TZID=Europe/Berlin:20261025T021500", "DURATION:PT50M"},
		// Ends in the repeated hour (01:30 CEST + 90 minutes is the second 02:00).
		{Event{UID: "end", Date: "2026-10-25", Time: "01:30", Zone: "Europe/Berlin", Minutes: 90}, "DTSTART;TZID=Europe/Berlin:20261025T013000", "DURATION:PT90M"},
		// Ends just before it, or just after it.
		{Event{UID: "before", Date: "2026-10-25", Time: "01:00", Zone: "Europe/Berlin", Minutes: 59}, "DTSTART;TZID=Europe/Berlin:20261025T010000", "DTEND;TZID=Europe/Berlin:20261025T015900"},
		{Event{UID: "after", Date: "2026-10-25", Time: "01:00", Zone: "Europe/Berlin", Minutes: 180}, "DTSTART;TZID=Europe/Berlin:20261025T010000", "DTEND;TZID=Europe/Berlin:20261025T030000"},
		// Past the transitions the tz database lists, on the last day of a
		// leap year, where Go's zone periods need care.
		{session("far", "2040-12-31", "23:30", "Europe/Berlin"), "DTSTART;TZID=Europe/Berlin:20401231T233000", "DTEND;TZID=Europe/Berlin:20410101T002000"},
		{session("far-gap", "2040-03-25", "02:10", "Europe/Berlin"), "DTSTART;TZID=Europe/Berlin:20400325T021000", "DURATION:PT50M"},
	} {
		got := unfold(write(t, calendarOf(tc.ev)))
		i := slices.Index(got, "BEGIN:VEVENT")
		for i >= 0 && i < len(got) && !strings.HasPrefix(got[i], "DTSTART") {
			i++
		}
		if i+1 >= len(got) || got[i] != tc.start || got[i+1] != tc.end {
			t.Errorf("%s: got %q, want %q and %q", tc.ev.UID, got[min(i, len(got)-1):min(i+2, len(got))], tc.start, tc.end)
		}
	}
}

func TestResolveFollowsRFC5545(t *testing.T) {
	for _, tc := range []struct {
		zone, wall string
		want       string // RFC 3339
		n          int
	}{
		{"Europe/Berlin", "2026-03-29T01:59", "2026-03-29T01:59:00+01:00", 1},
		{"Europe/Berlin", "2026-03-29T02:00", "2026-03-29T02:00:00+01:00", 0}, // = 03:00+02:00
		{"Europe/Berlin", "2026-03-29T02:30", "2026-03-29T02:30:00+01:00", 0},
		{"Europe/Berlin", "2026-03-29T03:00", "2026-03-29T03:00:00+02:00", 1},
		{"Europe/Berlin", "2026-10-25T01:59", "2026-10-25T01:59:00+02:00", 1},
		{"Europe/Berlin", "2026-10-25T02:00", "2026-10-25T02:00:00+02:00", 2},
		{"Europe/Berlin", "2026-10-25T02:59", "2026-10-25T02:59:00+02:00", 2},
		{"Europe/Berlin", "2026-10-25T03:00", "2026-10-25T03:00:00+01:00", 1},
		{"America/New_York", "2026-03-08T02:30", "2026-03-08T02:30:00-05:00", 0},
		{"America/New_York", "2026-11-01T01:30", "2026-11-01T01:30:00-04:00", 2},
		{"Australia/Lord_Howe", "2026-10-04T02:15", "2026-10-04T02:15:00+10:30", 0}, // a half-hour change
		{"Australia/Lord_Howe", "2026-04-05T01:45", "2026-04-05T01:45:00+11:00", 2},
		{"Asia/Tokyo", "2026-06-15T10:00", "2026-06-15T10:00:00+09:00", 1},
		{"Pacific/Apia", "2011-12-30T12:00", "2011-12-30T12:00:00-10:00", 0}, // the day Samoa skipped
	} {
		loc, err := time.LoadLocation(tc.zone)
		if err != nil {
			t.Fatal(err)
		}
		wall, _ := time.Parse("2006-01-02T15:04", tc.wall)
		got, n := resolve(wall, loc)
		want, _ := time.Parse(time.RFC3339, tc.want)
		if !got.Equal(want) || n != tc.n {
			t.Errorf("resolve(%s %s) = %s, %d; want %s, %d", tc.wall, tc.zone, got.UTC(), n, want.UTC(), tc.n)
		}
		if n == 1 {
			if d := time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), 0, 0, loc); !d.Equal(got) {
				t.Errorf("%s %s: time.Date says %s, resolve %s", tc.wall, tc.zone, d.UTC(), got.UTC())
			}
		}
	}
}

func TestUTCOffsetForm(t *testing.T) {
	for sec, want := range map[int]string{0: "+0000", 3600: "+0100", -18000: "-0500", 19800: "+0530", 3208: "+005328", -17762: "-045602", 45900: "+1245"} {
		if got := utcOffset(sec); got != want {
			t.Errorf("utcOffset(%d) = %q, want %q", sec, got, want)
		}
	}
}

// The observances Write puts in a VTIMEZONE say, at every hour of two
// decades (the last transitions the tz database lists and the years Go
// computes from each zone's rule), what Go's tz database says, in zones
// of either hemisphere, with half-hour changes, negative daylight saving
// time, irregular changes or none.
func TestObservancesMatchTheTzDatabase(t *testing.T) {
	for _, zone := range []string{"Europe/Berlin", "America/New_York", "Australia/Sydney", "Australia/Lord_Howe", "Europe/Dublin", "Africa/Casablanca", "America/Santiago", "Pacific/Chatham", "Asia/Tokyo", "Asia/Kolkata", "Etc/UTC"} {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			t.Fatal(err)
		}
		from := time.Date(2024, 1, 1, 0, 0, 0, 0, loc)
		to := time.Date(2046, 1, 1, 0, 0, 0, 0, loc)
		obs := observances(loc, from, to)
		if obs[0].onset.After(from) {
			t.Errorf("%s: the first observance begins at %s, after %s", zone, obs[0].onset, from)
		}
		for i, o := range obs {
			if i == 0 {
				continue
			}
			if !o.onset.After(obs[i-1].onset) || o.from != obs[i-1].to {
				t.Errorf("%s: observance %d (%+v) does not follow %+v", zone, i, o, obs[i-1])
			}
			if _, off := o.onset.Add(-time.Second).In(loc).Zone(); off != o.from {
				t.Errorf("%s: the offset before %s is %d, not %d", zone, o.onset, off, o.from)
			}
		}
		i := 0
		for u := from; u.Before(to); u = u.Add(time.Hour) {
			for i+1 < len(obs) && !obs[i+1].onset.After(u) {
				i++
			}
			name, off := u.In(loc).Zone()
			if o := obs[i]; o.to != off || o.name != name || o.daylight != u.In(loc).IsDST() {
				t.Fatalf("%s at %s: observance %+v, Go says %s %d dst=%v", zone, u.UTC(), o, name, off, u.In(loc).IsDST())
			}
		}
		if zone == "Asia/Tokyo" || zone == "Asia/Kolkata" || zone == "Etc/UTC" {
			if len(obs) != 1 || obs[0].daylight {
				t.Errorf("%s: %d observances %+v, want one STANDARD", zone, len(obs), obs)
			}
		} else if len(obs) < 30 {
			t.Errorf("%s: only %d observances in 22 years", zone, len(obs))
		}
	}
}

// resolve names the right moment for every half hour of wall time around
// the changes of the clocks, now and past 2037.
func TestResolveAgreesWithTheZoneEverywhere(t *testing.T) {
	for _, zone := range []string{"Europe/Berlin", "America/New_York", "Australia/Sydney", "Australia/Lord_Howe", "Europe/Dublin", "Asia/Tokyo"} {
		loc, _ := time.LoadLocation(zone)
		for _, year := range []int{2026, 2040} {
			for wall := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC); wall.Year() == year; wall = wall.Add(30 * time.Minute) {
				got, n := resolve(wall, loc)
				back := wallOf(got, loc)
				twice := wallOf(got.Add(-time.Hour), loc).Equal(wall) || wallOf(got.Add(time.Hour), loc).Equal(wall) ||
					wallOf(got.Add(-30*time.Minute), loc).Equal(wall) || wallOf(got.Add(30*time.Minute), loc).Equal(wall)
				switch {
				case n == 1 && (!back.Equal(wall) || twice):
					t.Fatalf("%s %s: resolved to %s (n=1), which reads as %s", zone, wall, got.UTC(), back)
				case n == 2 && (!back.Equal(wall) || !twice || wallOf(got.Add(-30*time.Minute), loc).Equal(wall) || wallOf(got.Add(-time.Hour), loc).Equal(wall)):
					t.Fatalf("%s %s: resolved to %s (n=2), not the first of two moments", zone, wall, got.UTC())
				case n == 0:
					_, before := got.Add(-3 * time.Hour).In(loc).Zone()
					if back.Equal(wall) || !got.Equal(wall.Add(-time.Duration(before)*time.Second)) {
						t.Fatalf("%s %s: in a gap, resolved to %s, not with the offset before it (%d)", zone, wall, got.UTC(), before)
					}
				}
			}
		}
	}
}
