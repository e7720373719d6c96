// Package clock is where Tandem learns what time it is. The program reads
// the time only through a clock function (func() time.Time) handed down
// from main: the vault, the database's stamps and "today", backups, packets
// and the window's idle timer all share the one main builds.
//
// A release reads the computer's clock (time.Now). Test runs pin it: the
// self-test in the real window, the end-to-end tests against `wails dev`
// and the bench set TANDEM_CLOCK (see FromEnv), so that every date a test
// looks at is known, whatever day the tests run on. A pinned clock starts
// at the pinned moment and then moves on with the real time that passes,
// so durations (the idle timer, the daily backup) behave as they do in
// use. Go tests pin the clock themselves (Pinned).
//
// Dates follow the time zone of the moments the clock returns: the local
// zone of the computer, or the zone a pin names.
package clock
