// Package calendar turns appointments into a calendar file (package ics)
// for the therapist's own calendar app, or for a client, without a
// calendar server and without a name: by default an event says
// "Appointment · T-014", the client's code (domain.ClientCode), and
// nothing else about the client or the work. The therapist may choose a
// wording that says more (the kind of session, or the client's chosen
// name) when the calendar is theirs alone. Private notes and reasons never
// enter a calendar file.
//
// Each appointment is its own event whose UID is built from the practice's
// calendar identity (storage.DB.CalendarID) and the appointment's id, so
// a file imported again updates the events it made rather than adding
// copies; SEQUENCE follows the appointment's changes, and a cancelled or
// missed appointment is written as cancelled, so the calendar drops it.
// A held appointment stays, as it happened.
package calendar

import (
	"fmt"
	"strings"
	"time"

	"tandem/backend/domain"
	"tandem/backend/ics"
)

// Wording is how an event's title speaks of the appointment.
type Wording string

const (
	// ByCode: "Appointment · T-014". The default: no name, no clinical word.
	ByCode Wording = "code"
	// ByKind: "Integration session · T-014". Says what kind of work it is.
	ByKind Wording = "kind"
	// ByName: "Appointment · Wren". Says who it is with.
	ByName Wording = "name"
)

// Valid reports whether w is a known wording.
func (w Wording) Valid() bool { return w == ByCode || w == ByKind || w == ByName }

// Options are the therapist's choices for one calendar file.
type Options struct {
	Wording Wording `json:"wording"`
	// AlarmMinutes is how long before each appointment the calendar
	// reminds; 0 for no reminder.
	AlarmMinutes int `json:"alarmMinutes"`
	// Place writes the appointment's place (or "Online") as its location.
	Place bool `json:"place"`
}

// MaxAlarmMinutes is the longest reminder: a day.
const MaxAlarmMinutes = 24 * 60

// Validate normalises o: an empty wording is ByCode.
func (o *Options) Validate() error {
	if o.Wording == "" {
		o.Wording = ByCode
	}
	if !o.Wording.Valid() {
		return domain.FieldError("wording", "Choose how the calendar names each appointment.")
	}
	if o.AlarmMinutes < 0 || o.AlarmMinutes > MaxAlarmMinutes {
		return domain.FieldError("alarmMinutes", "A reminder comes between 0 minutes and a day before.")
	}
	return nil
}

var kindWords = map[domain.SessionKind]string{
	domain.PreparationSession: "Preparation session",
	domain.MedicineSession:    "Medicine session",
	domain.IntegrationSession: "Integration session",
	domain.OtherSession:       "Session",
}

// Title is an appointment's event title under w.
func Title(r domain.AppointmentRow, w Wording) string {
	switch w {
	case ByKind:
		return kindWords[r.Kind] + " · " + r.ClientCode
	case ByName:
		return "Appointment · " + r.ClientName
	}
	return "Appointment · " + r.ClientCode
}

// UID is an appointment's calendar identity within the practice's.
func UID(calendarID string, appointmentID int64) string {
	return fmt.Sprintf("appointment-%d-%s@tandem.invalid", appointmentID, calendarID)
}

// Build makes the calendar of rows under o. stamp is the file's DTSTAMP
// (the app's clock); version names the program in PRODID.
func Build(rows []domain.AppointmentRow, o Options, calendarID, version string, stamp time.Time) (ics.Calendar, error) {
	if err := o.Validate(); err != nil {
		return ics.Calendar{}, err
	}
	cal := ics.Calendar{ProdID: "-//Tandem//Tandem " + version + "//EN", Name: "Appointments", Stamp: stamp, Events: make([]ics.Event, 0, len(rows))}
	for _, r := range rows {
		e := ics.Event{UID: UID(calendarID, r.ID), Sequence: r.Sequence, Summary: Title(r, o.Wording), Date: r.Date, Time: r.Time,
			Zone: r.TimeZone, Minutes: r.Minutes, Cancelled: r.Status == domain.Cancelled || r.Status == domain.NoShow, AlarmMinutes: o.AlarmMinutes}
		if o.Place {
			if r.Modality == domain.Online {
				e.Location = "Online"
			} else {
				e.Location = strings.TrimSpace(r.Place)
			}
		}
		if t, err := time.Parse(time.RFC3339, r.Updated); err == nil {
			e.Modified = t
		}
		if e.Cancelled {
			e.AlarmMinutes = 0
		}
		cal.Events = append(cal.Events, e)
	}
	return cal, nil
}
