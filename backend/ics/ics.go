package ics

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Calendar is one .ics file.
type Calendar struct {
	ProdID string    // PRODID, e.g. "-//Tandem//Tandem 1.4//EN"; required
	Name   string    // optional; X-WR-CALNAME when not empty
	Stamp  time.Time // DTSTAMP of every event, written in UTC; required (not zero)
	Events []Event   // written in this order
}

// Event is one appointment: a local wall-clock start in an IANA zone.
type Event struct {
	UID          string    // stable across exports; required and unique in the calendar
	Sequence     int       // SEQUENCE, >= 0
	Summary      string    // SUMMARY
	Description  string    // optional DESCRIPTION
	Location     string    // optional LOCATION
	Date         string    // "2006-01-02", the local date in Zone
	Time         string    // "15:04", the local start time in Zone
	Zone         string    // IANA name, e.g. "Europe/Berlin"; "UTC" is written in UTC form
	Minutes      int       // length, 1..1440
	Cancelled    bool      // STATUS:CANCELLED instead of STATUS:CONFIRMED
	AlarmMinutes int       // 0: no alarm; otherwise a display alarm this many minutes before the start
	Modified     time.Time // optional; LAST-MODIFIED in UTC when not zero
}

// ErrInvalid is wrapped by every error Write returns for a calendar it
// refuses to write.
var ErrInvalid = errors.New("ics: invalid calendar")

// Write writes cal to w as one iCalendar object: CRLF line ends, lines
// folded at 75 octets without splitting a UTF-8 character, TEXT values
// escaped (RFC 5545 3.3.11). It checks the whole calendar first and writes
// nothing when something is wrong: an empty ProdID, a zero Stamp, an empty
// or repeated UID, a Date or Time not in the form above, an unknown Zone,
// Minutes outside 1..1440, a negative Sequence or AlarmMinutes. Such errors
// wrap ErrInvalid. Otherwise the file is built in memory and handed to w in
// one Write call; an error then is w's.
func Write(w io.Writer, cal Calendar) error {
	events, err := prepare(cal)
	if err != nil {
		return err
	}
	var out bytes.Buffer
	writeCalendar(&out, cal, events)
	_, err = w.Write(out.Bytes())
	return err
}

// prepared is an event that passed the checks, with its times worked out.
type prepared struct {
	Event
	loc *time.Location // nil when the event is written in UTC form
	// wall is the local start as written: its clock fields in time.UTC,
	// which here only carries them and means no zone.
	wall  time.Time
	start time.Time // the moment RFC 5545 readers take wall to be (see resolve)
	end   time.Time // start plus Minutes
	// endWall is the end as a local wall time in loc.
	endWall time.Time
	// useDuration is set when the start or the end is a wall time that
	// names no moment or two (see resolve). Readers differ on those, so
	// the event is written with DURATION, which keeps its length whichever
	// moment a reader takes the start to be, instead of DTEND.
	useDuration bool
}

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrInvalid, fmt.Sprintf(format, args...))
}

// prepare checks cal and works out every event's times.
func prepare(cal Calendar) ([]prepared, error) {
	if strings.TrimSpace(cal.ProdID) == "" {
		return nil, invalid("empty ProdID")
	}
	if cal.Stamp.IsZero() {
		return nil, invalid("zero Stamp")
	}
	zones := map[string]*time.Location{}
	seen := map[string]int{}
	out := make([]prepared, 0, len(cal.Events))
	for i, ev := range cal.Events {
		where := fmt.Sprintf("event %d (UID %q)", i, ev.UID)
		if strings.TrimSpace(ev.UID) == "" {
			return nil, invalid("event %d: empty UID", i)
		}
		if j, dup := seen[ev.UID]; dup {
			return nil, invalid("%s: UID already used by event %d", where, j)
		}
		seen[ev.UID] = i
		if ev.Sequence < 0 {
			return nil, invalid("%s: negative Sequence %d", where, ev.Sequence)
		}
		if ev.AlarmMinutes < 0 {
			return nil, invalid("%s: negative AlarmMinutes %d", where, ev.AlarmMinutes)
		}
		if ev.Minutes < 1 || ev.Minutes > 1440 {
			return nil, invalid("%s: Minutes %d not in 1..1440", where, ev.Minutes)
		}
		wall, err := parseWall(ev.Date, ev.Time)
		if err != nil {
			return nil, invalid("%s: %v", where, err)
		}
		loc, ok := zones[ev.Zone]
		if !ok {
			loc, err = loadZone(ev.Zone)
			if err != nil {
				return nil, invalid("%s: %v", where, err)
			}
			zones[ev.Zone] = loc
		}
		p := prepared{Event: ev, wall: wall}
		if loc == time.UTC {
			p.start = wall
			p.end = wall.Add(time.Duration(ev.Minutes) * time.Minute)
		} else {
			p.loc = loc
			var starts, ends int
			p.start, starts = resolve(wall, loc)
			p.end = p.start.Add(time.Duration(ev.Minutes) * time.Minute)
			p.endWall = wallOf(p.end, loc)
			_, ends = resolve(p.endWall, loc)
			p.useDuration = starts != 1 || ends != 1
		}
		out = append(out, p)
	}
	return out, nil
}

// Years outside this range are refused: the VTIMEZONE of an event's zone
// runs to the end of the year after its last event, and iCalendar years
// have four digits.
const minYear, maxYear = 1, 9997

// parseWall reads "2006-01-02" and "15:04" into a wall time carried in
// time.UTC.
func parseWall(date, clock string) (time.Time, error) {
	d, err := time.Parse("2006-01-02", date)
	if err != nil || len(date) != len("2006-01-02") {
		return time.Time{}, fmt.Errorf("Date %q is not a date like 2006-01-02", date)
	}
	if d.Year() < minYear || d.Year() > maxYear {
		return time.Time{}, fmt.Errorf("Date %q: year not in %d..%d", date, minYear, maxYear)
	}
	c, err := time.Parse("15:04", clock)
	if err != nil || len(clock) != len("15:04") {
		return time.Time{}, fmt.Errorf("Time %q is not a time like 15:04", clock)
	}
	return time.Date(d.Year(), d.Month(), d.Day(), c.Hour(), c.Minute(), 0, 0, time.UTC), nil
}

// loadZone loads an IANA zone. The empty name and "Local" are refused:
// time.LoadLocation takes them to mean UTC and the computer's zone, neither
// of which is a zone a file can name.
func loadZone(name string) (*time.Location, error) {
	if name == "" || name == "Local" {
		return nil, fmt.Errorf("unknown Zone %q", name)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("unknown Zone %q: %v", name, err)
	}
	return loc, nil
}

// writeCalendar writes the whole file into out.
func writeCalendar(out *bytes.Buffer, cal Calendar, events []prepared) {
	l := lines{out}
	l.put("BEGIN:VCALENDAR")
	l.put("VERSION:2.0")
	l.put("PRODID:" + escapeText(cal.ProdID))
	l.put("CALSCALE:GREGORIAN")
	if cal.Name != "" {
		l.put("X-WR-CALNAME:" + escapeText(cal.Name))
	}
	for _, z := range zonesUsed(events) {
		writeTimezone(l, z.name, z.loc, z.first, z.last)
	}
	stamp := utcStamp(cal.Stamp)
	for _, p := range events {
		writeEvent(l, p, stamp)
	}
	l.put("END:VCALENDAR")
}

type zoneUse struct {
	name        string
	loc         *time.Location
	first, last int // the years of its earliest and latest event
}

// zonesUsed lists the zones that need a VTIMEZONE, sorted by name, with the
// years their events span.
func zonesUsed(events []prepared) []zoneUse {
	byName := map[string]*zoneUse{}
	var names []string
	for _, p := range events {
		if p.loc == nil {
			continue
		}
		y := p.wall.Year()
		z, ok := byName[p.Zone]
		if !ok {
			z = &zoneUse{name: p.Zone, loc: p.loc, first: y, last: y}
			byName[p.Zone] = z
			names = append(names, p.Zone)
		}
		z.first = min(z.first, y)
		z.last = max(z.last, y)
	}
	slices.Sort(names)
	out := make([]zoneUse, len(names))
	for i, n := range names {
		out[i] = *byName[n]
	}
	return out
}

// writeEvent writes one VEVENT.
func writeEvent(l lines, p prepared, stamp string) {
	l.put("BEGIN:VEVENT")
	l.put("UID:" + escapeText(p.UID))
	l.put("DTSTAMP:" + stamp)
	l.put("SEQUENCE:" + strconv.Itoa(p.Sequence))
	if p.loc == nil {
		l.put("DTSTART:" + p.start.Format(utcForm))
		l.put("DTEND:" + p.end.Format(utcForm))
	} else {
		tzid := ";TZID=" + paramValue(p.Zone)
		l.put("DTSTART" + tzid + ":" + p.wall.Format(localForm))
		if p.useDuration {
			l.put("DURATION:PT" + strconv.Itoa(p.Minutes) + "M")
		} else {
			l.put("DTEND" + tzid + ":" + p.endWall.Format(localForm))
		}
	}
	l.put("SUMMARY:" + escapeText(p.Summary))
	if p.Description != "" {
		l.put("DESCRIPTION:" + escapeText(p.Description))
	}
	if p.Location != "" {
		l.put("LOCATION:" + escapeText(p.Location))
	}
	if p.Cancelled {
		l.put("STATUS:CANCELLED")
	} else {
		l.put("STATUS:CONFIRMED")
	}
	if !p.Modified.IsZero() {
		l.put("LAST-MODIFIED:" + utcStamp(p.Modified))
	}
	if p.AlarmMinutes > 0 {
		l.put("BEGIN:VALARM")
		l.put("ACTION:DISPLAY")
		l.put("DESCRIPTION:" + escapeText(p.Summary))
		l.put("TRIGGER:-PT" + strconv.Itoa(p.AlarmMinutes) + "M")
		l.put("END:VALARM")
	}
	l.put("END:VEVENT")
}

// The forms of DATE-TIME values (RFC 5545 3.3.5): UTC, and local time
// (floating, or with a TZID parameter). Seconds are always written.
const (
	utcForm   = "20060102T150405Z"
	localForm = "20060102T150405"
)

// utcStamp writes t in UTC form, to the second.
func utcStamp(t time.Time) string {
	return t.UTC().Truncate(time.Second).Format(utcForm)
}

// wallOf returns the wall clock of t in loc, carried in time.UTC.
func wallOf(t time.Time, loc *time.Location) time.Time {
	l := t.In(loc)
	return time.Date(l.Year(), l.Month(), l.Day(), l.Hour(), l.Minute(), l.Second(), l.Nanosecond(), time.UTC)
}
