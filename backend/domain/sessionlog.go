package domain

import (
	"fmt"
	"math"
	"time"
)

// LogKind is what a live session log entry records.
type LogKind string

const (
	LogDose    LogKind = "dose"
	LogBooster LogKind = "booster"
	LogCheckIn LogKind = "checkin" // the client's words
	LogVitals  LogKind = "vitals"
	LogSetting LogKind = "setting" // a change of music or setting
	LogTouch   LogKind = "touch"
	LogAdverse LogKind = "adverse"
	LogNote    LogKind = "note"
)

// LogKinds in the order the log offers them.
var LogKinds = []LogKind{LogDose, LogBooster, LogCheckIn, LogVitals, LogSetting, LogTouch, LogAdverse, LogNote}

// Valid reports whether k is a known kind.
func (k LogKind) Valid() bool {
	for _, v := range LogKinds {
		if k == v {
			return true
		}
	}
	return false
}

// Touch in a log entry: asked for, or given.
const (
	TouchAsked = "asked"
	TouchGiven = "given"
)

// LogEntry is one timestamped entry of a medicine session's live log,
// saved the moment it is made. The log is added to, never edited; it is
// closed when the session is finalised.
//
// A dose's substance, amount and route are private, as the session's
// medicine details are (Session.Medicine), and recorded only where the
// practice setting allows it; the time a dose was given is always kept.
type LogEntry struct {
	ID        int64   `json:"id" vis:"shared"`
	SessionID int64   `json:"sessionId" vis:"shared"`
	At        string  `json:"at" vis:"shared"`    // UTC, RFC 3339: when it happened
	Clock     string  `json:"clock" vis:"shared"` // At as 15:04 where the session is held
	Kind      LogKind `json:"kind" vis:"shared"`
	Text      string  `json:"text" vis:"shared"`
	Substance string  `json:"substance" vis:"private"`
	Amount    string  `json:"amount" vis:"private"`
	Route     string  `json:"route" vis:"private"`
	// Vitals, each 0 when not taken; temperature in degrees Celsius.
	Systolic    int     `json:"systolic" vis:"shared"`
	Diastolic   int     `json:"diastolic" vis:"shared"`
	Pulse       int     `json:"pulse" vis:"shared"`
	SpO2        int     `json:"spo2" vis:"shared"`
	Temperature float64 `json:"temperature" vis:"shared"`
	// Touch is asked or given; OutsideAgreement marks touch outside what
	// the client welcomed in the touch agreement, or with no confirmed
	// touch agreement at all.
	Touch            string `json:"touch" vis:"shared"`
	OutsideAgreement bool   `json:"outsideAgreement" vis:"shared"`
	// AdverseEventID is the session's adverse event an adverse entry
	// opened, where its response is written.
	AdverseEventID int64      `json:"adverseEventId" vis:"shared"`
	Author         Actor      `json:"author" vis:"shared"`
	Visibility     Visibility `json:"visibility" vis:"shared"`
}

// NewLogEntry is an entry to add. At is empty for "now".
type NewLogEntry struct {
	SessionID        int64      `json:"sessionId"`
	Kind             LogKind    `json:"kind"`
	At               string     `json:"at"`
	Text             string     `json:"text"`
	Substance        string     `json:"substance"`
	Amount           string     `json:"amount"`
	Route            string     `json:"route"`
	Systolic         int        `json:"systolic"`
	Diastolic        int        `json:"diastolic"`
	Pulse            int        `json:"pulse"`
	SpO2             int        `json:"spo2"`
	Temperature      float64    `json:"temperature"`
	Touch            string     `json:"touch"`
	OutsideAgreement bool       `json:"outsideAgreement"`
	Visibility       Visibility `json:"visibility"`
}

// Validate checks n and turns it into an entry. recordMedicine says
// whether the practice records substances and doses; touchConfirmed
// whether the client has confirmed a touch agreement. now is the clock.
func (n NewLogEntry) Validate(recordMedicine, touchConfirmed bool, now time.Time) (LogEntry, error) {
	e := LogEntry{SessionID: n.SessionID, Kind: n.Kind, Author: ByTherapist}
	if !n.Kind.Valid() {
		return e, FieldError("kind", "Choose what this entry records.")
	}
	var err error
	at := now.UTC()
	if n.At != "" {
		t, perr := time.Parse(time.RFC3339, n.At)
		if perr != nil {
			return e, FieldError("at", "The time of the entry could not be read.")
		}
		if t.After(now.Add(time.Minute)) {
			return e, FieldError("at", "An entry cannot be dated in the future.")
		}
		at = t.UTC()
	}
	e.At = at.Format(time.RFC3339)
	if e.Text, err = CleanText("text", "The entry", n.Text, MaxLongText, false); err != nil {
		return e, err
	}
	if e.Visibility, err = n.Visibility.Choice("visibility", "this entry"); err != nil {
		return e, err
	}
	need := func(what string) error {
		if e.Text == "" {
			return FieldError("text", what+" is needed.")
		}
		return nil
	}
	switch n.Kind {
	case LogDose, LogBooster:
		for _, f := range []struct {
			p            *string
			v            string
			field, label string
		}{{&e.Substance, n.Substance, "substance", "The substance"}, {&e.Amount, n.Amount, "amount", "The amount"}, {&e.Route, n.Route, "route", "The route"}} {
			if *f.p, err = CleanLine(f.field, f.label, f.v, MaxShortText, false); err != nil {
				return e, err
			}
		}
		if (e.Substance != "" || e.Amount != "" || e.Route != "") && !recordMedicine {
			return e, FieldError("substance", "Recording substance and dose is turned off in Settings for this practice; the time the dose was given is still kept.")
		}
	case LogCheckIn:
		e.Author = ByClient
		err = need("The client's words")
	case LogVitals:
		e.Systolic, e.Diastolic, e.Pulse, e.SpO2, e.Temperature = n.Systolic, n.Diastolic, n.Pulse, n.SpO2, n.Temperature
		err = e.checkVitals()
	case LogSetting:
		err = need("What changed")
	case LogTouch:
		if n.Touch != TouchAsked && n.Touch != TouchGiven {
			return e, FieldError("touch", "Say whether touch was asked for or given.")
		}
		e.Touch = n.Touch
		e.OutsideAgreement = n.OutsideAgreement || !touchConfirmed
		err = need("What touch")
	case LogAdverse:
		err = need("What happened")
	case LogNote:
		err = need("The note")
	}
	if err != nil {
		return e, err
	}
	if n.Kind != LogVitals && (n.Systolic|n.Diastolic|n.Pulse|n.SpO2 != 0 || n.Temperature != 0) {
		return e, FieldError("kind", "Vitals are recorded in a vitals entry.")
	}
	return e, nil
}

// checkVitals holds each vital sign taken to a range a living person can
// show, so a slip of the keyboard is caught; at least one is needed.
func (e LogEntry) checkVitals() error {
	if e.Systolic == 0 && e.Diastolic == 0 && e.Pulse == 0 && e.SpO2 == 0 && e.Temperature == 0 {
		return FieldError("systolic", "Enter at least one of blood pressure, pulse, oxygen saturation or temperature.")
	}
	if (e.Systolic == 0) != (e.Diastolic == 0) {
		return FieldError("systolic", "Blood pressure needs both numbers, for example 120 over 80.")
	}
	ranges := []struct {
		v, lo, hi int
		field     string
		label     string
	}{
		{e.Systolic, 50, 300, "systolic", "The systolic pressure"},
		{e.Diastolic, 20, 200, "diastolic", "The diastolic pressure"},
		{e.Pulse, 20, 250, "pulse", "The pulse"},
		{e.SpO2, 50, 100, "spo2", "The oxygen saturation"},
	}
	for _, r := range ranges {
		if r.v != 0 && (r.v < r.lo || r.v > r.hi) {
			return FieldError(r.field, fmt.Sprintf("%s must be between %d and %d.", r.label, r.lo, r.hi))
		}
	}
	if e.Systolic != 0 && e.Diastolic >= e.Systolic {
		return FieldError("diastolic", "The diastolic pressure (the second number) must be lower than the systolic.")
	}
	if t := e.Temperature; t != 0 && (math.IsNaN(t) || t < 30 || t > 45) {
		return FieldError("temperature", "The temperature must be between 30 and 45 °C.")
	}
	return nil
}

// LogClock is the time of an entry (RFC 3339) where the session is held,
// as 15:04; "" when either cannot be read.
func LogClock(at, zone string) string {
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return ""
	}
	return LogClockIn(at, loc)
}

// LogClockIn is LogClock with the zone already loaded (a session's entries
// share one).
func LogClockIn(at string, loc *time.Location) string {
	t, err := time.Parse(time.RFC3339, at)
	if err != nil {
		return ""
	}
	return t.In(loc).Format("15:04")
}
