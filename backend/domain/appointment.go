package domain

import (
	"fmt"
	"strings"
	"time"
)

// Appointments are what is planned: a meeting not yet held. When it is
// held it becomes its session record in one step (the appointment keeps the
// link); when it is cancelled or the client does not come, that is
// recorded with its reason, and the appointment stays in the history.
//
// A repeating appointment is stored as its occurrences, one row each,
// sharing a series: each can be moved, held or cancelled on its own, and
// each keeps one calendar identity, so a calendar file imported again
// updates instead of duplicating. Every occurrence is at the same local
// time in the same zone, so a weekly 10:00 stays at 10:00 across a
// daylight-saving change.

// AppointmentStatus is where an appointment stands.
type AppointmentStatus string

const (
	Planned   AppointmentStatus = "planned"
	Held      AppointmentStatus = "held"
	Cancelled AppointmentStatus = "cancelled"
	NoShow    AppointmentStatus = "no_show"
)

// Valid reports whether s is a known status.
func (s AppointmentStatus) Valid() bool {
	return s == Planned || s == Held || s == Cancelled || s == NoShow
}

// Appointment is one planned meeting with a client. Date and Time are the
// local date and time in TimeZone where it is to be held, as a session's
// are.
type Appointment struct {
	ID       int64       `json:"id" vis:"shared"`
	ClientID int64       `json:"clientId" vis:"shared"`
	Kind     SessionKind `json:"kind" vis:"shared"`
	Date     string      `json:"date" vis:"shared"`     // 2026-11-25, local to TimeZone
	Time     string      `json:"time" vis:"shared"`     // 14:30
	TimeZone string      `json:"timeZone" vis:"shared"` // IANA name
	Minutes  int         `json:"minutes" vis:"shared"`
	Modality Modality    `json:"modality" vis:"shared"`
	Place    string      `json:"place" vis:"shared"`
	// Notes are the therapist's own, for preparing; never in a calendar
	// file, never shown to the client.
	Notes string `json:"notes" vis:"private"`
	// SeriesID is the id of the first appointment of a repeating series,
	// 0 for one that does not repeat.
	SeriesID int64             `json:"seriesId" vis:"shared"`
	Status   AppointmentStatus `json:"status" vis:"shared"`
	// Reason is why it was cancelled or missed, in the therapist's words.
	Reason string `json:"reason" vis:"private"`
	// SessionID is the session record it became when held, else 0.
	SessionID int64 `json:"sessionId" vis:"shared"`
	// Sequence counts the changes a calendar has to follow (time, place,
	// status): a calendar file's SEQUENCE.
	Sequence int    `json:"sequence" vis:"shared"`
	Created  string `json:"created" vis:"shared"`
	Updated  string `json:"updated" vis:"shared"`
}

// MaxOccurrences is how many appointments one repeating series may make.
const MaxOccurrences = 52

// Repeat says how an appointment repeats: every EveryWeeks weeks, Count
// times in all (the first included). Count 0 or 1 means it does not
// repeat.
type Repeat struct {
	EveryWeeks int `json:"everyWeeks"`
	Count      int `json:"count"`
}

// cleanMeeting checks and normalises what a session and an appointment
// share: kind, date, time, zone, length, modality and place. timeNeeded
// says whether the time of day is required (an appointment's is).
func cleanMeeting(kind SessionKind, date, clock, zone *string, minutes int, modality *Modality, place *string, dateLabel string, timeNeeded bool) error {
	var err error
	if !kind.Valid() {
		return FieldError("kind", "Choose preparation, medicine, integration or other.")
	}
	if *date, err = ParseDate("date", dateLabel, *date, true); err != nil {
		return err
	}
	if *clock, err = parseClock("time", *clock); err != nil {
		return err
	}
	if timeNeeded && *clock == "" {
		return FieldError("time", "Give the time it starts, for example 14:30.")
	}
	if *zone = strings.TrimSpace(*zone); *zone == "" {
		*zone = "UTC"
	}
	if _, err := time.LoadLocation(*zone); err != nil || *zone == "Local" {
		return FieldError("timeZone", "The time zone \""+*zone+"\" is not one Tandem knows. Choose one from the list, for example Europe/Berlin.")
	}
	if minutes < 0 || minutes > 24*60 {
		return FieldError("minutes", "A session lasts between 0 and 1440 minutes (a whole day).")
	}
	if *modality == "" {
		*modality = InPerson
	}
	if !modality.Valid() {
		return FieldError("modality", "Choose in person or online.")
	}
	*place, err = CleanText("place", "The place", *place, MaxLineText, false)
	return err
}

// Validate checks and normalises a for saving. Status, reason, session and
// series are not the caller's to set: they change through their own
// actions.
func (a *Appointment) Validate() error {
	if err := cleanMeeting(a.Kind, &a.Date, &a.Time, &a.TimeZone, a.Minutes, &a.Modality, &a.Place, "The appointment's date", true); err != nil {
		return err
	}
	if a.Minutes == 0 {
		return FieldError("minutes", "Say how long the appointment is, in minutes.")
	}
	var err error
	a.Notes, err = CleanText("notes", "Your notes", a.Notes, MaxLongText, false)
	return err
}

// Validate checks r: a repeat of 2 to MaxOccurrences appointments, every
// 1 to 8 weeks, or no repeat at all.
func (r Repeat) Validate() error {
	if r.Count <= 1 {
		return nil
	}
	if r.Count > MaxOccurrences {
		return FieldError("count", fmt.Sprintf("A repeating appointment can make at most %d appointments at once.", MaxOccurrences))
	}
	if r.EveryWeeks < 1 || r.EveryWeeks > 8 {
		return FieldError("everyWeeks", "Repeat every 1 to 8 weeks.")
	}
	return nil
}

// Occurrences are the appointments a repeat makes of a, the first being a
// itself: the same local time on every EveryWeeks-th week. Dates are
// counted in calendar days, so the local time holds across a
// daylight-saving change.
func (a Appointment) Occurrences(r Repeat) ([]Appointment, error) {
	if err := r.Validate(); err != nil {
		return nil, err
	}
	if r.Count <= 1 {
		return []Appointment{a}, nil
	}
	first, err := time.Parse(time.DateOnly, a.Date)
	if err != nil {
		return nil, FieldError("date", "The appointment's date is not a real date.")
	}
	out := make([]Appointment, r.Count)
	for i := range out {
		out[i] = a
		out[i].Date = first.AddDate(0, 0, 7*r.EveryWeeks*i).Format(time.DateOnly)
	}
	return out, nil
}

// Start is the instant a starts: its local date and time in its zone. A
// time that does not exist that day (skipped by a change to summer time)
// is read as Go and calendars read it, with the offset before the change.
func (a Appointment) Start() (time.Time, error) {
	loc, err := time.LoadLocation(a.TimeZone)
	if err != nil {
		return time.Time{}, FieldError("timeZone", "The time zone \""+a.TimeZone+"\" is not one Tandem knows.")
	}
	t, err := time.ParseInLocation("2006-01-02 15:04", a.Date+" "+a.Time, loc)
	if err != nil {
		return time.Time{}, FieldError("date", "The appointment's date or time is not real.")
	}
	return t, nil
}

// SessionOf is the session record a held appointment becomes: its kind,
// date, time, zone, length, modality and place. The notes stay the
// appointment's: they were for preparing.
func (a Appointment) SessionOf() Session {
	return Session{ClientID: a.ClientID, Kind: a.Kind, Date: a.Date, Time: a.Time, TimeZone: a.TimeZone,
		Minutes: a.Minutes, Modality: a.Modality, Place: a.Place}
}

// ClientCode is the short code that stands for a client where a name must
// not appear, such as a calendar file: stable for the life of the record.
func ClientCode(clientID int64) string { return fmt.Sprintf("T-%03d", clientID) }

// AppointmentRow is an appointment as a list shows it: with the client's
// chosen name and code.
type AppointmentRow struct {
	Appointment
	ClientName string `json:"clientName"`
	ClientCode string `json:"clientCode"`
}

// FollowUpDays are the days after a medicine session that a follow-up
// proposal suggests: a check-in within the first 24 to 72 hours, then
// integration sessions a week and three weeks on.
var FollowUpDays = []int{2, 7, 21}

// FollowUps proposes the appointments that follow a medicine session: a
// short online check-in two days after it, then integration sessions a
// week and three weeks on, at the session's time and place. The therapist
// adjusts them before any is made.
func FollowUps(s Session) []Appointment {
	day, err := time.Parse(time.DateOnly, s.Date)
	if err != nil {
		return nil
	}
	clock := s.Time
	if clock == "" {
		clock = "10:00"
	}
	minutes := s.Minutes
	if minutes <= 0 || minutes > 120 {
		minutes = 60
	}
	out := make([]Appointment, 0, len(FollowUpDays))
	for i, d := range FollowUpDays {
		a := Appointment{ClientID: s.ClientID, Kind: IntegrationSession, Date: day.AddDate(0, 0, d).Format(time.DateOnly),
			Time: clock, TimeZone: s.TimeZone, Minutes: minutes, Modality: s.Modality, Place: s.Place}
		if i == 0 {
			a.Minutes, a.Modality, a.Place = 30, Online, ""
		}
		out = append(out, a)
	}
	return out
}

// DueKind names a kind of thing due on the Today screen.
type DueKind string

const (
	DueNotes       DueKind = "notes"        // a session held whose notes are not finalised
	DueCheckIn     DueKind = "check_in"     // a medicine session with no contact planned in the 72 hours after
	DueWorksheet   DueKind = "worksheet"    // a recent medicine session whose worksheet has no shift yet
	DueAgreement   DueKind = "agreement"    // an agreement proposed and not yet confirmed
	DueBalance     DueKind = "balance"      // a client's account owes
	DueAppointment DueKind = "appointment"  // a past appointment neither held nor cancelled
	DueMeasure     DueKind = "measure"      // a scheduled measure is due (MeasureSchedule)
	DueMeasureFlag DueKind = "measure_flag" // a flagged answer with no follow-up recorded yet
	DueReadiness   DueKind = "readiness"    // a medicine session of the coming week not ready, and no decision to go ahead
)

// DueItem is one thing waiting for the therapist, with where it is done.
type DueItem struct {
	Kind       DueKind `json:"kind"`
	ClientID   int64   `json:"clientId"`
	ClientName string  `json:"clientName"`
	// SessionID, AgreementID or AppointmentID name the record concerned.
	SessionID     int64 `json:"sessionId"`
	AgreementID   int64 `json:"agreementId"`
	AppointmentID int64 `json:"appointmentId"`
	// Date is what the item is dated by: the session's, the agreement's
	// proposal, the appointment's, the flagged measure's, or the day a
	// scheduled measure fell due.
	Date string `json:"date"`
	// Amount is what a balance owes, in minor units of Today's currency.
	Amount int64 `json:"amount"`
	// InstrumentKey and Instrument (its short name) say which
	// questionnaire a due measure or a flag is on; MeasureID names the
	// flagged measure. A measure due after a medicine session has that
	// session's SessionID; a flag has its measure's session, if any.
	InstrumentKey string `json:"instrumentKey"`
	Instrument    string `json:"instrument"`
	MeasureID     int64  `json:"measureId"`
}

// Today is the Today screen: the appointments of the week from today,
// and what is due.
type Today struct {
	Date         string           `json:"date"`
	Appointments []AppointmentRow `json:"appointments"`
	Due          []DueItem        `json:"due"`
	Currency     Currency         `json:"currency"`
}
