package domain

import (
	"strings"
	"time"
)

// SessionKind is what a session was for.
type SessionKind string

const (
	PreparationSession SessionKind = "preparation"
	MedicineSession    SessionKind = "medicine"
	IntegrationSession SessionKind = "integration"
	OtherSession       SessionKind = "other"
)

// Valid reports whether k is a known session kind.
func (k SessionKind) Valid() bool {
	switch k {
	case PreparationSession, MedicineSession, IntegrationSession, OtherSession:
		return true
	}
	return false
}

// Modality is how therapist and client met.
type Modality string

const (
	InPerson Modality = "in_person"
	Online   Modality = "online"
)

// Valid reports whether m is a known modality.
func (m Modality) Valid() bool { return m == InPerson || m == Online }

// Session is one meeting with a client. Its date and time are the local
// date and time where it was held, in TimeZone (an IANA zone name), so the
// days after it count as the client lived them, whatever the zone of the
// laptop later on.
//
// The notes come in two parts: Summary, which the client may read, and
// PrivateNotes, the therapist's own. Once finalised (signed), a session
// cannot be edited; Addenda add dated notes beside the original, which
// stays readable as it was signed. Adverse events can be recorded at any
// time, finalised or not: safety comes before tidiness.
type Session struct {
	ID       int64       `json:"id" vis:"shared"`
	ClientID int64       `json:"clientId" vis:"shared"`
	Kind     SessionKind `json:"kind" vis:"shared"`
	Date     string      `json:"date" vis:"shared"`     // 2026-11-25, local to TimeZone
	Time     string      `json:"time" vis:"shared"`     // 14:30, optional
	TimeZone string      `json:"timeZone" vis:"shared"` // IANA name, e.g. Europe/Berlin
	Minutes  int         `json:"minutes" vis:"shared"`
	Modality Modality    `json:"modality" vis:"shared"`
	Place    string      `json:"place" vis:"shared"`
	// Summary is the part of the notes the client may read.
	Summary string `json:"summary" vis:"shared"`
	// PrivateNotes are the therapist's own and never shown to the client.
	PrivateNotes string `json:"privateNotes" vis:"private"`
	// Practice is the mindfulness or introspective practice used.
	Practice string `json:"practice" vis:"shared"`
	// Somatic observations reach the client unless the therapist keeps them
	// private (SomaticVisibility).
	Somatic           string     `json:"somatic" vis:"chosen" visby:"SomaticVisibility"`
	SomaticVisibility Visibility `json:"somaticVisibility" vis:"private"`
	Resourcing        string     `json:"resourcing" vis:"shared"` // resourcing done
	// IntentionIDs are the plan's intentions held for a medicine session.
	IntentionIDs []int64 `json:"intentionIds" vis:"shared"`
	// Setting is the setting plan of a medicine session, designed together.
	Setting []SettingElement `json:"setting" vis:"shared"`
	// Medicine is recorded only where the practice setting allows it.
	// Kept private: a client copy may travel, and a record of a substance
	// can expose the client where the law forbids it.
	Medicine      MedicineDetails `json:"medicine" vis:"private"`
	AdverseEvents []AdverseEvent  `json:"adverseEvents" vis:"shared"`
	// Prep and Log belong to a medicine session: its preparation beyond
	// the notes (support, way home, decisions) and the live log of the day.
	Prep        SessionPrep `json:"prep" vis:"shared"`
	Log         []LogEntry  `json:"log" vis:"shared"`
	FinalisedAt string      `json:"finalisedAt" vis:"shared"`
	Addenda     []Addendum  `json:"addenda" vis:"shared"`
	Created     string      `json:"created" vis:"shared"`
	Updated     string      `json:"updated" vis:"shared"`
}

// Finalised reports whether the session's notes are signed.
func (s Session) Finalised() bool { return s.FinalisedAt != "" }

// MedicineDetails are the substance, dose and times of a medicine session.
type MedicineDetails struct {
	Substance string `json:"substance" vis:"private"`
	Dose      string `json:"dose" vis:"private"`
	Times     string `json:"times" vis:"private"`
}

// AdverseEvent is something that went wrong or worried during or after a
// session, and what was done.
type AdverseEvent struct {
	ID          int64  `json:"id" vis:"shared"`
	SessionID   int64  `json:"sessionId" vis:"shared"`
	At          string `json:"at" vis:"shared"` // time or date as written
	Description string `json:"description" vis:"shared"`
	Response    string `json:"response" vis:"shared"`
	Created     string `json:"created" vis:"shared"`
	// Visibility: shared unless the therapist keeps the event private.
	Visibility Visibility `json:"visibility" vis:"shared"`
}

// Addendum is a dated note added to a finalised session. A private
// addendum is left out of the client's view.
type Addendum struct {
	ID         int64      `json:"id" vis:"shared"`
	SessionID  int64      `json:"sessionId" vis:"shared"`
	At         string     `json:"at" vis:"shared"`
	Text       string     `json:"text" vis:"shared"`
	Visibility Visibility `json:"visibility" vis:"shared"`
}

// SettingCategory groups the elements of a setting plan.
type SettingCategory string

// SettingCategories in the order a setting plan lists them.
var SettingCategories = []SettingCategory{"decor", "seating", "lighting", "music", "sensory", "objects", "practices", "people"}

// Valid reports whether c is a known category.
func (c SettingCategory) Valid() bool {
	for _, k := range SettingCategories {
		if c == k {
			return true
		}
	}
	return false
}

// Comfort is how the client feels about a setting element.
type Comfort string

const (
	Welcome   Comfort = "welcome"
	Unsure    Comfort = "unsure"
	NotWanted Comfort = "not_wanted"
)

// Valid reports whether c is a known comfort.
func (c Comfort) Valid() bool { return c == Welcome || c == Unsure || c == NotWanted }

// SettingElement is one element of a medicine session's setting, with who
// suggested it and the client's comfort with it. Its wording history is
// kept like a plan item's.
type SettingElement struct {
	ID         int64           `json:"id" vis:"shared"`
	SessionID  int64           `json:"sessionId" vis:"shared"`
	Category   SettingCategory `json:"category" vis:"shared"`
	Text       string          `json:"text" vis:"shared"`
	ProposedBy Actor           `json:"proposedBy" vis:"shared"`
	Comfort    Comfort         `json:"comfort" vis:"shared"`
	// TherapistComfort is the therapist's own comfort with the element:
	// the setting is meant to be comfortable for both.
	TherapistComfort Comfort    `json:"therapistComfort" vis:"shared"`
	Status           PlanStatus `json:"status" vis:"shared"`
	Position         int        `json:"position" vis:"shared"`
	Revisions        []Revision `json:"revisions" vis:"shared"`
}

// Validate checks and normalises s for saving. recordMedicine says
// whether the practice setting allows substance, dose and times; when it
// does not, they must be empty.
func (s *Session) Validate(recordMedicine bool) error {
	if err := cleanMeeting(s.Kind, &s.Date, &s.Time, &s.TimeZone, s.Minutes, &s.Modality, &s.Place, "The session's date", false); err != nil {
		return err
	}
	var err error
	fields := []struct {
		p            *string
		field, label string
		max          int
	}{
		{&s.Summary, "summary", "The summary", MaxLongText},
		{&s.PrivateNotes, "privateNotes", "Your private notes", MaxLongText},
		{&s.Practice, "practice", "The practice used", MaxLongText},
		{&s.Somatic, "somatic", "The somatic observations", MaxLongText},
		{&s.Resourcing, "resourcing", "The resourcing done", MaxLongText},
		{&s.Medicine.Substance, "substance", "The substance", MaxLineText},
		{&s.Medicine.Dose, "dose", "The dose", MaxLineText},
		{&s.Medicine.Times, "times", "The times", MaxLineText},
	}
	for _, f := range fields {
		if *f.p, err = CleanText(f.field, f.label, *f.p, f.max, false); err != nil {
			return err
		}
	}
	if s.Medicine != (MedicineDetails{}) {
		if s.Kind != MedicineSession {
			return FieldError("substance", "Substance, dose and times belong to a medicine session.")
		}
		if !recordMedicine {
			return FieldError("substance", "Recording substance, dose and times is turned off in Settings for this practice.")
		}
	}
	if s.SomaticVisibility, err = s.SomaticVisibility.Choice("somaticVisibility", "the somatic observations"); err != nil {
		return err
	}
	if s.Kind != MedicineSession && len(s.IntentionIDs) > 0 {
		return FieldError("intentionIds", "Intentions are held for a medicine session.")
	}
	return nil
}

// parseClock checks an optional time of day (15:04).
func parseClock(field, v string) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", nil
	}
	t, err := time.Parse("15:04", v)
	if err != nil {
		return "", FieldError(field, "The time is not a real time of day. Use hours and minutes, for example 14:30.")
	}
	return t.Format("15:04"), nil
}

// DayCount is the number of calendar days from a session's local date to a
// date after it: the session's own day is day 0, the next day day 1. It
// counts calendar days, not 24-hour periods, so a day of 23 or 25 hours
// around a daylight-saving change still counts as one, and the session's
// date is the one where it was held (see Session), so the laptop's time zone
// plays no part.
func DayCount(sessionDate, date string) (int, error) {
	a, err := time.Parse(time.DateOnly, sessionDate)
	if err != nil {
		return 0, FieldError("date", "The session's date is not a real date.")
	}
	b, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return 0, FieldError("noticedOn", "The date is not a real date.")
	}
	// Both parse as midnight UTC, where every day has 24 hours.
	return int(b.Sub(a).Hours() / 24), nil
}

// LocalDate is the calendar date of an instant in a time zone: the date a
// session started at t is dated, where it was held.
func LocalDate(t time.Time, zone string) (string, error) {
	loc, err := time.LoadLocation(zone)
	if err != nil {
		return "", FieldError("timeZone", "The time zone \""+zone+"\" is not one Tandem knows.")
	}
	return t.In(loc).Format(time.DateOnly), nil
}

// NewSettingElement is what is needed to add to a setting plan.
type NewSettingElement struct {
	SessionID  int64           `json:"sessionId"`
	Category   SettingCategory `json:"category"`
	Text       string          `json:"text"`
	ProposedBy Actor           `json:"proposedBy"`
	Comfort    Comfort         `json:"comfort"`
}

// Validate normalises n.
func (n *NewSettingElement) Validate() error {
	var err error
	if !n.Category.Valid() {
		return FieldError("category", "Choose what kind of element this is.")
	}
	if n.Text, err = CleanText("text", "The element", n.Text, MaxLineText*2, true); err != nil {
		return err
	}
	if !n.ProposedBy.Valid() {
		return FieldError("proposedBy", "Say who suggested this: the client, you, or the two of you together.")
	}
	if n.Comfort == "" {
		n.Comfort = Unsure
	}
	if !n.Comfort.Valid() {
		return FieldError("comfort", "Choose welcome, unsure or not wanted.")
	}
	return nil
}

// SessionSummary is a row of a client's session list.
type SessionSummary struct {
	ID        int64       `json:"id"`
	Kind      SessionKind `json:"kind"`
	Date      string      `json:"date"`
	Time      string      `json:"time"`
	Minutes   int         `json:"minutes"`
	Modality  Modality    `json:"modality"`
	Finalised bool        `json:"finalised"`
}
