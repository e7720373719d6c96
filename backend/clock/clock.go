package clock

import (
	"fmt"
	"strings"
	"time"
)

// Env is the variable that pins the clock in a test run, read by FromEnv.
const Env = "TANDEM_CLOCK"

// Pinned returns a clock that reads at when it is made and then moves on
// with the real time that passes. The moments it returns are in at's
// location, so their dates are at's zone's dates.
func Pinned(at time.Time) func() time.Time {
	start := time.Now()
	return func() time.Time { return at.Add(time.Since(start)) }
}

// Parse reads a pinned moment: "2026-12-31T23:50" or "2026-12-31T23:50:00"
// as a wall-clock time in loc, or an RFC 3339 time with its offset (then
// shown in loc).
func Parse(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s=%q: want 2006-01-02T15:04[:05] (local time) or RFC 3339", Env, s)
	}
	return t.In(loc), nil
}

// FromEnv returns the clock getenv(Env) pins, read in the local time zone
// (the TZ variable), or time.Now when Env is unset or empty. Only test runs
// may call it: main does so in `wails dev` builds and in the self-test.
func FromEnv(getenv func(string) string) (func() time.Time, error) {
	s := getenv(Env)
	if s == "" {
		return time.Now, nil
	}
	at, err := Parse(s, time.Local)
	if err != nil {
		return nil, err
	}
	return Pinned(at), nil
}
