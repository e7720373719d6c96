package ics

import (
	"fmt"
	"time"
)

// observance is one STANDARD or DAYLIGHT sub-component of a VTIMEZONE: from
// onset on, the zone's offset is to, under the name name.
type observance struct {
	daylight bool
	onset    time.Time // the instant the offset takes effect
	from, to int       // UTC offsets in seconds, before and from onset
	name     string    // the abbreviation Go's tz database gives
}

// observances walks loc's transitions in [from, to). The first observance
// is the one in force at from, with the onset of that offset when the tz
// database knows it (else from itself, with from == to); then one for each
// transition in the range that changes the offset, the abbreviation or
// whether it is daylight saving time.
func observances(loc *time.Location, from, to time.Time) []observance {
	t := from.In(loc)
	first := observance{daylight: t.IsDST(), onset: from}
	first.name, first.to = t.Zone()
	first.from = first.to
	if at, before, ok := onset(t); ok {
		first.onset, first.from = at, before
	}
	out := []observance{first}
	for end := periodEnd(t); !end.IsZero() && end.Before(to); end = periodEnd(t) {
		t = end.In(loc)
		prev := out[len(out)-1]
		o := observance{daylight: t.IsDST(), onset: end, from: prev.to}
		o.name, o.to = t.Zone()
		if o.to != prev.to || o.name != prev.name || o.daylight != prev.daylight {
			out = append(out, o)
		}
	}
	return out
}

// sameZone reports whether a and b (in the same location) have the same
// offset, abbreviation and daylight saving time.
func sameZone(a, b time.Time) bool {
	an, ao := a.Zone()
	bn, bo := b.Zone()
	return an == bn && ao == bo && a.IsDST() == b.IsDST()
}

// onset returns when what is in force at t (its offset, abbreviation and
// daylight saving time) took effect, and the offset before; ok is false
// when the tz database has it from the beginning of time. Go starts a new
// zone period at the turn of each year past the transitions the database
// lists (where it computes them from the zone's rule), so periods that
// change nothing are passed over (up to a few hundred of them).
func onset(t time.Time) (at time.Time, before int, ok bool) {
	for range 300 {
		start, _ := t.ZoneBounds()
		if start.IsZero() {
			return time.Time{}, 0, false
		}
		prev := start.Add(-time.Second).In(t.Location())
		if !sameZone(prev, t) {
			_, before = prev.Zone()
			return start, before, true
		}
		t = prev
	}
	return time.Time{}, 0, false
}

// periodEnd returns the end of the zone period t is in: the next instant
// at which its location's offset, abbreviation or daylight saving time can
// change, or the zero Time if they never do. Past the transitions the tz
// database lists, Go computes periods from the zone's rule and ends a
// year's last period 365 days after the year began, a day early in a leap
// year: on that December 31 the end ZoneBounds reports is not after t.
// Then the period is looked up again an hour at a time until it is (the
// next period starts with the new year).
func periodEnd(t time.Time) time.Time {
	_, end := t.ZoneBounds()
	u := t
	for range 48 {
		if end.IsZero() || end.After(t) {
			return end
		}
		u = u.Add(time.Hour)
		var start time.Time
		start, end = u.ZoneBounds()
		if start.After(t) {
			return start
		}
	}
	return time.Time{}
}

// writeTimezone writes the VTIMEZONE of zone loc, named name, for events in
// the years first..last: its observances from the start of year first to
// the end of year last+1, so that every event's start and end (at most a
// day later) fall inside it.
func writeTimezone(l lines, name string, loc *time.Location, first, last int) {
	from := time.Date(first, time.January, 1, 0, 0, 0, 0, loc)
	to := time.Date(last+2, time.January, 1, 0, 0, 0, 0, loc)
	l.put("BEGIN:VTIMEZONE")
	l.put("TZID:" + name)
	for _, o := range observances(loc, from, to) {
		kind := "STANDARD"
		if o.daylight {
			kind = "DAYLIGHT"
		}
		l.put("BEGIN:" + kind)
		// RFC 5545 3.6.5: DTSTART is the onset as a local time in the
		// offset in force before it (TZOFFSETFROM).
		onset := o.onset.UTC().Add(time.Duration(o.from) * time.Second)
		l.put("DTSTART:" + onset.Format(localForm))
		l.put("TZOFFSETFROM:" + utcOffset(o.from))
		l.put("TZOFFSETTO:" + utcOffset(o.to))
		l.put("TZNAME:" + escapeText(o.name))
		l.put("END:" + kind)
	}
	l.put("END:VTIMEZONE")
}

// utcOffset writes an offset in seconds as a UTC-OFFSET value: +HHMM, or
// +HHMMSS when it has seconds (some zones' old local mean times do). Zero
// is +0000; RFC 5545 3.3.14 forbids -0000.
func utcOffset(sec int) string {
	sign := '+'
	if sec < 0 {
		sign = '-'
		sec = -sec
	}
	h, m, s := sec/3600, sec/60%60, sec%60
	if s != 0 {
		return fmt.Sprintf("%c%02d%02d%02d", sign, h, m, s)
	}
	return fmt.Sprintf("%c%02d%02d", sign, h, m)
}

// resolve returns the moment a reader following RFC 5545 3.3.5 takes the
// local wall time wall (its clock fields, carried in time.UTC) in loc to
// be, and how many moments wall names there: 1 for most wall times; 2 in
// the hour that is repeated when the clocks go back, where the RFC takes
// the first (the one before the change); 0 in the hour skipped when the
// clocks go forward, where the RFC reads wall with the offset in force
// before the gap: 02:30 in Berlin on the morning clocks go from 02:00 to
// 03:00 is 02:30 at +01:00, the moment shown as 03:30 afterwards.
//
// Go's time.Date agrees for the times that name one moment, but not for
// all of the others: of two moments it gives the later in Berlin and the
// earlier in New York, and it reads a time in New York's gap with the
// offset after it. Readers differ on them as well, which is why Write falls
// back to DURATION for an event that starts or ends at one.
func resolve(wall time.Time, loc *time.Location) (time.Time, int) {
	// Walk loc's periods in time order around wall, reading wall with each
	// period's offset. Offsets are less than a day, so starting 36 hours
	// before wall, every reading of it is after the start of the walk.
	var first, gap time.Time
	n := 0
	limit := wall.Add(36 * time.Hour)
	for t := wall.Add(-36 * time.Hour).In(loc); ; {
		_, off := t.Zone()
		end := periodEnd(t)
		u := wall.Add(-time.Duration(off) * time.Second)
		if !u.Before(t) && (end.IsZero() || u.Before(end)) {
			if n == 0 {
				first = u
			}
			n++
		}
		if end.IsZero() || end.After(limit) {
			break
		}
		// wall is past this period's last wall time but before the next
		// period's first: it is in the gap between them.
		next := end.In(loc)
		_, nextOff := next.Zone()
		if !u.Before(end) && wall.Add(-time.Duration(nextOff)*time.Second).Before(end) {
			gap = u
		}
		t = next
	}
	switch {
	case n > 0:
		return first, n
	case !gap.IsZero():
		return gap, 0
	}
	// Not reached for any zone in the tz database; Go's answer will do.
	return time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), wall.Second(), 0, loc), 0
}
