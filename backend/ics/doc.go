// Package ics writes appointments as an iCalendar file (RFC 5545), the .ics
// format calendar apps import and subscribe to. It only writes; it reads no
// file, needs no network, and imports only the standard library.
//
// # What it writes
//
// One VCALENDAR (VERSION 2.0, the caller's PRODID, CALSCALE GREGORIAN, and
// X-WR-CALNAME when the calendar has a name), then one VTIMEZONE for each
// zone the events use, sorted by zone name, then one VEVENT per Event in the
// order given. A VEVENT has UID, DTSTAMP, SEQUENCE, DTSTART, DTEND (or
// DURATION, see below), SUMMARY, DESCRIPTION and LOCATION when not empty,
// STATUS (CONFIRMED or CANCELLED), LAST-MODIFIED when known, and a display
// VALARM when the event asks for a reminder. Lines end in CRLF and are
// folded at 75 octets, never inside a UTF-8 character; TEXT values are
// escaped (backslash, semicolon, comma, line breaks).
//
// Write checks the whole calendar before writing a byte and refuses a bad
// one with an error wrapping ErrInvalid. The output depends only on its
// input: the same Calendar gives the same bytes. The package never reads
// the clock: DTSTAMP is Calendar.Stamp, which the caller takes from its
// own clock.
//
// # Occurrences, not RRULE
//
// A repeating appointment is not written as one event with a recurrence
// rule. The caller passes each occurrence as an Event of its own, with a
// UID of its own that stays the same from one export to the next. In a
// therapist's practice each session of a series can be held, moved or
// cancelled on its own; as separate events with stable UIDs, a calendar
// app that imports the file again (or refreshes a subscription) updates
// the events it already has instead of adding copies, and a moved or
// cancelled session needs no RECURRENCE-ID or EXDATE, which apps handle
// unevenly. SEQUENCE tells them which version of an event is newer.
//
// # Time zones
//
// An event's start is a wall-clock time in an IANA zone, as the therapist
// booked it: DTSTART is written as that local time with TZID set to the
// zone's name, so that "10:00 every Monday" stays at 10:00 across a change
// of daylight saving time. Events in the zone "UTC" are written in UTC
// form instead and need no VTIMEZONE. DTEND is the start plus Minutes,
// written as a local time in the same zone (but see the next section).
//
// Every TZID comes with a VTIMEZONE, built from Go's tz database
// (time.LoadLocation): the zone's transitions (time.Time.ZoneBounds) from
// the start of the year of its earliest event to the end of the year after
// its latest, one STANDARD or DAYLIGHT sub-component each (DAYLIGHT when
// Go reports daylight saving time for the new offset), plus one for the
// offset already in force at the start of that range, so a zone with no
// transition in it (Asia/Tokyo) still has one. Each sub-component gives
// the onset as a local time in the offset before it (DTSTART), that offset
// (TZOFFSETFROM), the new one (TZOFFSETTO) and its abbreviation (TZNAME).
// The observance in force at every event is therefore in the file, and an
// app that does not know the zone, or knows an older version of its rules,
// still places the events correctly. The VTIMEZONE is as current as the tz
// database of the build: Go's, or the operating system's.
//
// # Wall times that do not exist or exist twice
//
// A start in the hour skipped when clocks go forward, or in the hour that
// is repeated when they go back, is written as given; Write neither fails
// nor moves it. RFC 5545 3.3.5 says how to read such a time: one in the
// gap is read with the offset in force before the gap (02:30 on the
// morning Berlin goes from 02:00 to 03:00 is 02:30 at +01:00, shown as
// 03:30 afterwards), and one in the repeated hour is the first of the two
// moments (the one still in daylight saving time). Calendar apps mostly
// follow it, but not all do: some read a time in the gap with the offset
// after it, or take the second of two moments. The caller may want to
// warn about such times when they are booked. The VTIMEZONE holds the
// transition whatever the reader does with it.
//
// Because readers differ there, an event whose start or end is such a time
// is written with DURATION (the exact length, PT<Minutes>M) instead of
// DTEND: its length is then right whichever moment a reader takes the
// start to be. Every other event has DTEND, as a local time in its zone.
package ics
