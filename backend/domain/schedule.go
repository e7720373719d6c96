package domain

import (
	"strings"
	"time"
)

// A measure schedule says when a client's measure on one instrument falls
// due, so that Today can list it: the days after each medicine session,
// or at intake and then every so many weeks. A schedule only reminds: a
// measure is recorded whether or not one was due, and a due measure stops
// being due as soon as one is recorded.

// ScheduleKind is when a scheduled measure falls due.
type ScheduleKind string

const (
	// ScheduleAfterMedicine: from the day after each medicine session,
	// for AfterMedicineDays days, until a measure is dated on or after
	// the session.
	ScheduleAfterMedicine ScheduleKind = "after_medicine"
	// ScheduleEveryWeeks: on StartsOn (at intake) and then every
	// EveryWeeks weeks after the newest measure.
	ScheduleEveryWeeks ScheduleKind = "every_weeks"
)

// Valid reports whether k is a known kind of schedule.
func (k ScheduleKind) Valid() bool { return k == ScheduleAfterMedicine || k == ScheduleEveryWeeks }

// Bounds of a schedule.
const (
	// AfterMedicineDays is how many days after a medicine session a
	// measure scheduled after it stays due: a week.
	AfterMedicineDays = 7
	// MaxScheduleWeeks is the longest interval of an every-weeks schedule.
	MaxScheduleWeeks = 52
)

// MeasureSchedule is one schedule: a client, an instrument (by key), and
// when its measures fall due. A client has at most one schedule of each
// kind for an instrument. EveryWeeks and StartsOn are for ScheduleEveryWeeks
// only; an after-medicine schedule has neither.
type MeasureSchedule struct {
	ID            int64        `json:"id" vis:"shared"`
	ClientID      int64        `json:"clientId" vis:"shared"`
	InstrumentKey string       `json:"instrumentKey" vis:"shared"`
	Kind          ScheduleKind `json:"kind" vis:"shared"`
	EveryWeeks    int          `json:"everyWeeks" vis:"shared"`
	StartsOn      string       `json:"startsOn" vis:"shared"`
	Created       string       `json:"created" vis:"shared"`
}

// Validate checks and normalises s for saving: an instrument key, a known
// kind, and for an every-weeks schedule an interval of 1 to
// MaxScheduleWeeks weeks and a first date. An after-medicine schedule's
// interval and first date are cleared. Whether the instrument exists is
// the storage's to check.
func (s *MeasureSchedule) Validate() error {
	if s.InstrumentKey = strings.TrimSpace(s.InstrumentKey); !instrumentKey.MatchString(s.InstrumentKey) {
		return FieldError("instrumentKey", "Choose the questionnaire to schedule.")
	}
	switch s.Kind {
	case ScheduleAfterMedicine:
		s.EveryWeeks, s.StartsOn = 0, ""
		return nil
	case ScheduleEveryWeeks:
	default:
		return FieldError("kind", "Choose when it falls due: after each medicine session, or every so many weeks.")
	}
	if s.EveryWeeks < 1 || s.EveryWeeks > MaxScheduleWeeks {
		return FieldError("everyWeeks", "Repeat every 1 to 52 weeks.")
	}
	var err error
	s.StartsOn, err = ParseDate("startsOn", "The first date (at intake)", s.StartsOn, true)
	return err
}

// DueSince says whether an every-weeks schedule is due on today, and
// since when: on StartsOn when no measure of its instrument is dated on or
// after it (newest is ""), else EveryWeeks weeks after newest, the date of
// the newest such measure. A schedule starting after today, or of another
// kind, is not due. Dates are YYYY-MM-DD, counted in calendar days.
func (s MeasureSchedule) DueSince(newest, today string) (string, bool) {
	if s.Kind != ScheduleEveryWeeks || s.StartsOn == "" || s.StartsOn > today {
		return "", false
	}
	if newest == "" || newest < s.StartsOn {
		return s.StartsOn, true
	}
	last, err := time.Parse(time.DateOnly, newest)
	if err != nil {
		return "", false
	}
	due := last.AddDate(0, 0, 7*s.EveryWeeks).Format(time.DateOnly)
	return due, due <= today
}
