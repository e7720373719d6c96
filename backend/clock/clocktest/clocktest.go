// Package clocktest pins the clock for Go tests. Every test that needs a
// clock takes it from here, so that one setting moves the whole suite to
// another day: TANDEM_CLOCK (read in the TZ zone, as package clock reads
// it) or, when unset, Default. Tests that are about a particular day (a
// month's end, a leap day, a daylight-saving change) pin that day with At.
package clocktest

import (
	"os"
	"testing"
	"time"

	"tandem/backend/clock"
)

// Default is the day the suite runs on when TANDEM_CLOCK does not say: a
// Wednesday morning in the middle of a month, far from any daylight-saving
// change.
const Default = "2026-06-10T09:30:00"

// Today returns the moment the suite is pinned to, in the local zone. A
// TANDEM_CLOCK that is not a time stops the tests (a panic), as no test
// could mean it.
func Today() time.Time {
	s := os.Getenv(clock.Env)
	if s == "" {
		s = Default
	}
	at, err := clock.Parse(s, time.Local)
	if err != nil {
		panic(err)
	}
	return at
}

// Now returns a clock pinned at Today, moving on with real time.
func Now() func() time.Time { return clock.Pinned(Today()) }

// At returns a clock pinned at the wall-clock time s ("2026-12-31T23:50")
// in the IANA zone, moving on with real time.
func At(tb testing.TB, s, zone string) func() time.Time {
	tb.Helper()
	return clock.Pinned(Moment(tb, s, zone))
}

// Moment is the wall-clock time s in the IANA zone.
func Moment(tb testing.TB, s, zone string) time.Time {
	tb.Helper()
	loc, err := time.LoadLocation(zone)
	if err != nil {
		tb.Fatal(err)
	}
	at, err := clock.Parse(s, loc)
	if err != nil {
		tb.Fatal(err)
	}
	return at
}
