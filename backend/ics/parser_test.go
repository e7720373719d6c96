package ics

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// These tests read the files Write makes with an independent parser:
// Python's icalendar (Debian's python3-icalendar 4.0.3) and dateutil, run by
// testdata/check.py. icalendar 4 resolves a TZID that pytz knows by its name
// from pytz's own database and ignores the file's VTIMEZONE for it, so
// check.py also reads every VTIMEZONE on its own, with dateutil.tz.tzical and
// with icalendar's Timezone.to_tz, and reports the UTC offset each gives at
// instants the test picks. The test compares all of that with Go's tz
// database.

// python returns a python3 that has the modules check.py needs. The Debian
// packages install them for the system's python3, which need not be the
// first on PATH.
func python(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"python3", "/usr/bin/python3"} {
		p, err := exec.LookPath(name)
		if err != nil {
			continue
		}
		if exec.Command(p, "-c", "import icalendar, dateutil.tz, pytz").Run() == nil {
			return p
		}
	}
	t.Fatal("python3 with the icalendar and dateutil modules (Debian: python3-icalendar python3-dateutil) is missing: run `make deps-test`")
	return ""
}

// parsed is what check.py prints.
type parsed struct {
	Parser struct {
		ICalendar string            `json:"icalendar"`
		Resolved  map[string]string `json:"resolved"`
	} `json:"parser"`
	Calendar struct {
		ProdID  string  `json:"prodid"`
		Version string  `json:"version"`
		Name    *string `json:"name"`
	} `json:"calendar"`
	Events []struct {
		UID, Summary, Status, Local string
		Description, Location, TZID *string
		Sequence                    int
		StartUTC                    string `json:"start_utc"`
		EndUTC                      string `json:"end_utc"`
		StartTzical                 string `json:"start_utc_tzical"`
		EndTzical                   string `json:"end_utc_tzical"`
		StartVtz                    string `json:"start_utc_vtz"`
		EndVtz                      string `json:"end_utc_vtz"`
		Alarms                      []struct {
			Action, Description string
			TriggerMinutes      int `json:"trigger_minutes"`
		}
	} `json:"events"`
	Offsets map[string][]struct {
		At     string
		Tzical int
		Vtz    int
	} `json:"offsets"`
}

const isoUTC = "2006-01-02T15:04:05Z"

// parse writes cal to a file, has check.py read it, and checks every
// VTIMEZONE against Go's tz database: at every event's start and end, at
// every change of offset in the years the zone's events span and the next,
// a second before each, and every six hours through those years.
func parse(t *testing.T, cal Calendar) parsed {
	t.Helper()
	py := python(t)
	dir := t.TempDir()
	var b bytes.Buffer
	if err := Write(&b, cal); err != nil {
		t.Fatalf("Write: %v", err)
	}
	file := filepath.Join(dir, "calendar.ics")
	if err := os.WriteFile(file, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	probes := map[string][]string{}
	for _, z := range zoneYears(t, cal) {
		var at []time.Time
		from := time.Date(z.first, 1, 1, 0, 0, 0, 0, z.loc)
		to := time.Date(z.last+2, 1, 1, 0, 0, 0, 0, z.loc)
		for u := from; u.Before(to); u = u.Add(6 * time.Hour) {
			at = append(at, u)
		}
		for _, c := range changes(z.loc, from, to) {
			at = append(at, c.Add(-time.Second), c)
		}
		for _, ev := range cal.Events {
			if ev.Zone == z.name {
				s := goStart(t, ev)
				at = append(at, s, s.Add(time.Duration(ev.Minutes)*time.Minute))
			}
		}
		for _, u := range at {
			probes[z.name] = append(probes[z.name], u.UTC().Format(isoUTC))
		}
	}
	pj, _ := json.Marshal(probes)
	probeFile := filepath.Join(dir, "probes.json")
	if err := os.WriteFile(probeFile, pj, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, filepath.Join("testdata", "check.py"), file, probeFile)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("check.py: %v\n%s\nthe file:\n%s", err, stderr.String(), b.String())
	}
	var p parsed
	if err := json.Unmarshal(out, &p); err != nil {
		t.Fatalf("check.py printed %q: %v", out, err)
	}
	if len(p.Events) != len(cal.Events) {
		t.Fatalf("the parser found %d events, want %d", len(p.Events), len(cal.Events))
	}
	for name, rows := range p.Offsets {
		loc, _ := time.LoadLocation(name)
		if len(rows) != len(probes[name]) {
			t.Fatalf("%s: %d offsets for %d instants", name, len(rows), len(probes[name]))
		}
		for _, r := range rows {
			at, _ := time.Parse(isoUTC, r.At)
			_, want := at.In(loc).Zone()
			if r.Tzical != want || r.Vtz != want {
				t.Errorf("%s at %s: the VTIMEZONE gives offset %d (dateutil) and %d (icalendar), Go %d", name, r.At, r.Tzical, r.Vtz, want)
			}
		}
	}
	if want := len(zoneYears(t, cal)); len(p.Offsets) != want {
		t.Errorf("offsets for %d zones, want %d", len(p.Offsets), want)
	}
	return p
}

// changes finds the instants in [from, to) at which loc's offset changes,
// to the second, by looking at every hour and bisecting.
func changes(loc *time.Location, from, to time.Time) []time.Time {
	offset := func(u time.Time) int { _, off := u.In(loc).Zone(); return off }
	var out []time.Time
	for u := from; u.Before(to); u = u.Add(time.Hour) {
		lo, hi := u, u.Add(time.Hour)
		if offset(lo) == offset(hi) {
			continue
		}
		for hi.Sub(lo) > time.Second {
			mid := lo.Add(hi.Sub(lo) / 2).Truncate(time.Second)
			if offset(mid) == offset(lo) {
				lo = mid
			} else {
				hi = mid
			}
		}
		out = append(out, hi)
	}
	return out
}

type zoneSpan struct {
	name        string
	loc         *time.Location
	first, last int
}

// zoneYears lists the zones other than UTC that cal's events use, with the
// years of their events.
func zoneYears(t *testing.T, cal Calendar) []zoneSpan {
	var out []zoneSpan
	for _, ev := range cal.Events {
		if ev.Zone == "UTC" {
			continue
		}
		y := goStart(t, ev).Year()
		i := slices.IndexFunc(out, func(z zoneSpan) bool { return z.name == ev.Zone })
		if i < 0 {
			loc, _ := time.LoadLocation(ev.Zone)
			out = append(out, zoneSpan{ev.Zone, loc, y, y})
			continue
		}
		out[i].first, out[i].last = min(out[i].first, y), max(out[i].last, y)
	}
	return out
}

// goStart is the event's start as Go reads it.
func goStart(t *testing.T, ev Event) time.Time {
	t.Helper()
	loc, err := time.LoadLocation(ev.Zone)
	if err != nil {
		t.Fatal(err)
	}
	s, err := time.ParseInLocation("2006-01-02 15:04", ev.Date+" "+ev.Time, loc)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// weekly returns weekly sessions at clock in zone from the date from
// through the date through.
func weekly(zone, clock, from, through string) []Event {
	var out []Event
	d, _ := time.Parse("2006-01-02", from)
	last, _ := time.Parse("2006-01-02", through)
	for ; !d.After(last); d = d.AddDate(0, 0, 7) {
		date := d.Format("2006-01-02")
		out = append(out, Event{
			UID: "series-" + zone + "-" + date + "@tandem.test", Summary: "Session " + date,
			Date: date, Time: clock, Zone: zone, Minutes: 50, Sequence: 1, AlarmMinutes: 15,
		})
	}
	return out
}

// Weekly 10:00 sessions across the changes to and from daylight saving
// time in Berlin and New York, and in zones without any: a standard parser
// reads every one at 10:00 local and at the instant Go computes, and the
// UTC offset changes with the clocks.
func TestTheParserReadsWeeklySessionsAcrossDST(t *testing.T) {
	var events []Event
	events = append(events, weekly("Europe/Berlin", "10:00", "2026-03-16", "2026-04-13")...)
	events = append(events, weekly("Europe/Berlin", "10:00", "2026-10-19", "2026-11-09")...)
	events = append(events, weekly("America/New_York", "10:00", "2026-02-23", "2026-03-23")...)
	events = append(events, weekly("America/New_York", "10:00", "2026-10-19", "2026-11-16")...)
	events = append(events, weekly("Asia/Tokyo", "10:00", "2026-03-02", "2026-03-30")...)
	events = append(events, weekly("UTC", "10:00", "2026-03-02", "2026-03-30")...)
	cal := calendarOf(events...)
	p := parse(t, cal)

	t.Logf("icalendar %s resolved TZIDs by: %v", p.Parser.ICalendar, p.Parser.Resolved)
	if p.Calendar.ProdID != cal.ProdID || p.Calendar.Version != "2.0" || p.Calendar.Name == nil || *p.Calendar.Name != cal.Name {
		t.Errorf("calendar properties read as %+v", p.Calendar)
	}
	offsets := map[string]map[time.Duration]bool{}
	for i, ev := range events {
		got := p.Events[i]
		start := goStart(t, ev)
		end := start.Add(50 * time.Minute)
		if got.UID != ev.UID || got.Summary != ev.Summary || got.Status != "CONFIRMED" || got.Sequence != 1 {
			t.Errorf("event %d reads as %s %q %s %d", i, got.UID, got.Summary, got.Status, got.Sequence)
		}
		if want := ev.Date + "T10:00:00"; got.Local != want {
			t.Errorf("%s starts at %s local, want %s", ev.UID, got.Local, want)
		}
		ways := [][2]string{{got.StartUTC, got.EndUTC}}
		if ev.Zone == "UTC" {
			if got.TZID != nil {
				t.Errorf("%s has TZID %s", ev.UID, *got.TZID)
			}
		} else {
			if got.TZID == nil || *got.TZID != ev.Zone {
				t.Errorf("%s has TZID %v, want %s", ev.UID, got.TZID, ev.Zone)
			}
			ways = append(ways, [2]string{got.StartTzical, got.EndTzical}, [2]string{got.StartVtz, got.EndVtz})
		}
		for w, se := range ways {
			if se[0] != start.UTC().Format(isoUTC) || se[1] != end.UTC().Format(isoUTC) {
				t.Errorf("%s (reading %d) runs %s to %s, want %s to %s", ev.UID, w, se[0], se[1], start.UTC().Format(isoUTC), end.UTC().Format(isoUTC))
			}
		}
		if len(got.Alarms) != 1 || got.Alarms[0].Action != "DISPLAY" || got.Alarms[0].TriggerMinutes != -15 || got.Alarms[0].Description != ev.Summary {
			t.Errorf("%s has alarms %+v", ev.UID, got.Alarms)
		}
		if offsets[ev.Zone] == nil {
			offsets[ev.Zone] = map[time.Duration]bool{}
		}
		at, _ := time.Parse(isoUTC, got.StartUTC)
		local, _ := time.Parse("2006-01-02T15:04:05", got.Local)
		offsets[ev.Zone][local.Sub(at)] = true
	}
	// The sessions stay at 10:00 while their UTC offset follows the clocks.
	for zone, want := range map[string]int{"Europe/Berlin": 2, "America/New_York": 2, "Asia/Tokyo": 1, "UTC": 1} {
		if len(offsets[zone]) != want {
			t.Errorf("%s: sessions at %d UTC offsets %v, want %d", zone, len(offsets[zone]), offsets[zone], want)
		}
	}
}

// Starts that do not exist or exist twice: written as given, read back at
// that wall time, at one of the moments it can name, and with the right
// length whatever moment a reader picks; the VTIMEZONE is checked by parse.
func TestTheParserReadsTimesInGapsAndRepeatedHours(t *testing.T) {
	events := []Event{
		session("berlin-gap", "2026-03-29", "02:30", "Europe/Berlin"),
		session("berlin-twice", "2026-10-25", "02:30", "Europe/Berlin"),
		session("ny-gap", "2026-03-08", "02:30", "America/New_York"),
		session("ny-twice", "2026-11-01", "01:30", "America/New_York"),
		{UID: "berlin-ends-twice", Summary: "Long", Date: "2026-10-25", Time: "01:30", Zone: "Europe/Berlin", Minutes: 90},
	}
	p := parse(t, calendarOf(events...))
	for i, ev := range events {
		got := p.Events[i]
		loc, _ := time.LoadLocation(ev.Zone)
		wall, _ := time.Parse("2006-01-02 15:04", ev.Date+" "+ev.Time)
		// The moments the wall time can name: read with the offsets in
		// force a day before and a day after.
		var can []string
		for _, d := range []time.Duration{-24 * time.Hour, 24 * time.Hour} {
			_, off := wall.Add(d).In(loc).Zone()
			can = append(can, wall.Add(-time.Duration(off)*time.Second).Format(isoUTC))
		}
		if want := ev.Date + "T" + ev.Time + ":00"; got.Local != want {
			t.Errorf("%s starts at %s local, want %s", ev.UID, got.Local, want)
		}
		for w, se := range [][2]string{{got.StartUTC, got.EndUTC}, {got.StartTzical, got.EndTzical}, {got.StartVtz, got.EndVtz}} {
			if !slices.Contains(can, se[0]) {
				t.Errorf("%s (reading %d) starts at %s, not one of %v", ev.UID, w, se[0], can)
			}
			s, _ := time.Parse(isoUTC, se[0])
			e, _ := time.Parse(isoUTC, se[1])
			if e.Sub(s) != time.Duration(ev.Minutes)*time.Minute {
				t.Errorf("%s (reading %d) lasts %s, want %d minutes", ev.UID, w, e.Sub(s), ev.Minutes)
			}
		}
	}
}

// Text survives the parser: escaped characters, line breaks and long
// folded lines of multi-byte characters.
func TestTheParserReadsTextBack(t *testing.T) {
	ev := session("text", "2026-06-15", "10:00", "Europe/Berlin")
	ev.Summary = strings.Repeat("Sitzung; Müller, K. \\ 😀 ", 8)
	ev.Description = "Line one\nLine two, with a comma\r\nLine three; done"
	ev.Location = "Praxis \"Am Markt\": Raum 2"
	ev.Cancelled = true
	p := parse(t, calendarOf(ev))
	got := p.Events[0]
	if got.Summary != ev.Summary {
		t.Errorf("SUMMARY reads as %q, want %q", got.Summary, ev.Summary)
	}
	if want := "Line one\nLine two, with a comma\nLine three; done"; got.Description == nil || *got.Description != want {
		t.Errorf("DESCRIPTION reads as %v, want %q", got.Description, want)
	}
	if got.Location == nil || *got.Location != ev.Location {
		t.Errorf("LOCATION reads as %v, want %q", got.Location, ev.Location)
	}
	if got.Status != "CANCELLED" || len(got.Alarms) != 0 {
		t.Errorf("status %s, alarms %v", got.Status, got.Alarms)
	}
}

// Past 2037 pytz (and so icalendar, which resolves TZIDs with it by name)
// no longer knows the transitions, but the file's VTIMEZONE does: read
// with it, sessions in 2040 and 2041, across changes of the clocks in both
// hemispheres and the turn of a leap year, are where Go puts them.
func TestTheVTIMEZONEHoldsBeyondWhatPytzKnows(t *testing.T) {
	var events []Event
	events = append(events, weekly("Europe/Berlin", "10:00", "2040-03-12", "2040-04-09")...)
	events = append(events, weekly("Australia/Sydney", "18:30", "2040-09-24", "2040-10-15")...)
	events = append(events, weekly("Europe/Berlin", "23:30", "2040-12-24", "2041-01-07")...)
	p := parse(t, calendarOf(events...))
	wrong := 0
	for i, ev := range events {
		got := p.Events[i]
		start := goStart(t, ev).UTC()
		end := start.Add(50 * time.Minute)
		for w, se := range [][2]string{{got.StartTzical, got.EndTzical}, {got.StartVtz, got.EndVtz}} {
			if se[0] != start.Format(isoUTC) || se[1] != end.Format(isoUTC) {
				t.Errorf("%s (reading %d) runs %s to %s, want %s to %s", ev.UID, w, se[0], se[1], start.Format(isoUTC), end.Format(isoUTC))
			}
		}
		if got.StartUTC != start.Format(isoUTC) {
			wrong++
		}
	}
	t.Logf("pytz by name places %d of %d sessions wrongly", wrong, len(events))
}
