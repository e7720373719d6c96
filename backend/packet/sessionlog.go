package packet

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"tandem/backend/domain"
)

// This file prints what a medicine session holds besides its notes: the
// live log of the day (the medicine session packet and the record print it
// the same way) and its preparation (who supports the client afterwards,
// the way home, and the therapist's decisions).

// logKindNames say what kind of entry a log row is.
var logKindNames = map[domain.LogKind]string{
	domain.LogDose: "Dose", domain.LogBooster: "Booster", domain.LogCheckIn: "Check-in", domain.LogVitals: "Vital signs",
	domain.LogSetting: "Music or setting", domain.LogTouch: "Touch", domain.LogAdverse: "Adverse event", domain.LogNote: "Note",
}

// outsideTouch marks touch outside what the touch agreement welcomes.
const outsideTouch = "Outside what the touch agreement welcomes"

// sessionLog is a medicine session's log as a table, in time order: the
// clock time where the session is held, the kind of entry in words and
// what it records. A client copy's session holds no private entry and no
// substance, amount or route (domain.View clears them), so its doses read
// "Dose given". A therapist copy marks the private entries and prints the
// touch outside the agreement in capitals. Nil when the session has no
// entries.
func sessionLog(s domain.Session, c Copy) []Block {
	if len(s.Log) == 0 {
		return nil
	}
	therapist := c == TherapistCopy
	entries := slices.Clone(s.Log)
	slices.SortStableFunc(entries, func(a, b domain.LogEntry) int { return logMoment(a).Compare(logMoment(b)) })
	rows := make([][]string, 0, len(entries))
	for _, e := range entries {
		clock := e.Clock
		if clock == "" {
			clock = domain.LogClock(e.At, s.TimeZone)
		}
		kind := logKindNames[e.Kind]
		if kind == "" {
			kind = "Entry"
		}
		if e.Kind == domain.LogCheckIn {
			kind += therapistOr(c, ", in the client's words", ", in your words")
		}
		words := logWords(e, therapist)
		if e.Kind == domain.LogAdverse {
			// What was done, written afterwards on the adverse event the
			// entry opened (the client's copy has it only when shared).
			for _, ae := range s.AdverseEvents {
				if ae.ID == e.AdverseEventID && ae.Response != "" {
					words = joinNonEmpty("\n", words, "What was done: "+ae.Response)
				}
			}
		}
		if therapist && e.Visibility == domain.Private {
			words = joinNonEmpty("\n", words, "(private to the therapist)")
		}
		rows = append(rows, []string{clock, kind, words})
	}
	return []Block{Table{Columns: []Column{{Title: "Time", Width: 1.1}, {Title: "What", Width: 1.9}, {Title: "Entry", Width: 5}}, Rows: rows}}
}

// logWords is what one entry records, as its row prints it.
func logWords(e domain.LogEntry, therapist bool) string {
	var first string
	text := e.Text
	switch e.Kind {
	case domain.LogDose, domain.LogBooster:
		first = "Dose given"
		if e.Kind == domain.LogBooster {
			first = "Booster given"
		}
		if dose := joinNonEmpty(" ", e.Substance, e.Amount, e.Route); dose != "" {
			first += ": " + dose
		}
	case domain.LogVitals:
		first = vitalsWords(e)
	case domain.LogCheckIn:
		first, text = "\u201c"+e.Text+"\u201d", ""
	case domain.LogTouch:
		first, text = "Touch "+e.Touch+": "+e.Text, ""
		if e.Touch != domain.TouchAsked && e.Touch != domain.TouchGiven {
			first = "Touch: " + e.Text
		}
		if e.OutsideAgreement {
			mark := outsideTouch + "."
			if therapist {
				mark = strings.ToUpper(outsideTouch)
			}
			first += "\n" + mark
		}
	}
	return joinNonEmpty("\n", first, text)
}

// vitalsWords are the vital signs taken, as "BP 128/82 · pulse 84 ·
// SpO2 98% · 36.9 °C"; a sign not taken (0) is left out ("Pulse 90").
func vitalsWords(e domain.LogEntry) string {
	var parts []string
	if e.Systolic != 0 || e.Diastolic != 0 {
		parts = append(parts, fmt.Sprintf("BP %d/%d", e.Systolic, e.Diastolic))
	}
	if e.Pulse != 0 {
		parts = append(parts, fmt.Sprintf("pulse %d", e.Pulse))
	}
	if e.SpO2 != 0 {
		parts = append(parts, fmt.Sprintf("SpO2 %d%%", e.SpO2))
	}
	if e.Temperature != 0 {
		parts = append(parts, strconv.FormatFloat(e.Temperature, 'f', -1, 64)+" °C")
	}
	out := strings.Join(parts, " · ")
	if rest, ok := strings.CutPrefix(out, "pulse"); ok {
		out = "Pulse" + rest // at the start of the line
	}
	return out
}

// logMoment is when an entry happened, for ordering; an entry whose time
// cannot be read sorts first, as recorded.
func logMoment(e domain.LogEntry) time.Time {
	t, _ := time.Parse(time.RFC3339, e.At)
	return t
}

// prepFields are what was decided for a medicine session beyond its
// notes, each only when written: the support person and the way home, and
// (private, so on the therapist's copy only: domain.View clears them) the
// decision on the screening's flags and the reason for going ahead with
// something missing, each dated in loc.
func prepFields(p domain.SessionPrep, loc *time.Location) []Field {
	var rows []Field
	add := func(label, value, at string) {
		if strings.TrimSpace(value) == "" {
			return
		}
		if d := formatMoment(at, loc); d != "" {
			value += "\n(written " + d + ")"
		}
		rows = append(rows, Field{label, value})
	}
	add("Support person afterwards", p.SupportPerson, "")
	add("The way home", p.WayHome, "")
	add("Your decision on the screening's flags", p.FlagsDecision, p.FlagsDecidedAt)
	add("Why you went ahead with something missing", p.GoAheadReason, p.GoAheadAt)
	return rows
}

func therapistOr(c Copy, therapist, client string) string {
	if c == TherapistCopy {
		return therapist
	}
	return client
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
