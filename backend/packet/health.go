package packet

import (
	"fmt"
	"strings"
	"time"

	"tandem/backend/domain"
)

// answerWords say a screening answer.
var answerWords = map[domain.ScreenAnswer]string{domain.AnswerNo: "No", domain.AnswerYes: "Yes", domain.AnswerUnsure: "Not sure"}

// healthSection is the record's health and screening: the medications
// taken now and those stopped, allergies, health history, and the newest
// screening with its flagged answers (yes or not sure), its date and who
// answered, and how many earlier screenings are kept; when allergies and
// history were last written is dated in loc. It records what was said; it
// judges nothing.
func healthSection(h domain.Health, c Copy, who func(domain.Actor, string) string, loc *time.Location) []Block {
	b := []Block{Heading{Text: "Health and screening", Level: 1}}
	if c == TherapistCopy {
		b = append(b, Paragraph{Style: Small, Text: "As the client and you recorded it, for your own judgement. Tandem marks the answers yes or not sure; it decides nothing."})
	} else {
		b = append(b, Paragraph{Style: Small, Text: "What you have shared about your health, as written down together. It is kept so your therapist can take care with you; nothing here is a judgement about you."})
	}
	current := h.Current()
	var stopped []domain.Medication
	for _, m := range h.Medications {
		if m.StoppedOn != "" {
			stopped = append(stopped, m)
		}
	}
	b = append(b, Heading{Text: "Medications taken now", Level: 2})
	if len(current) == 0 {
		b = append(b, Paragraph{Style: Muted, Text: "None recorded."})
	} else {
		rows := make([][]string, 0, len(current))
		for _, m := range current {
			rows = append(rows, []string{m.Name, m.Dose, m.Since, m.Prescriber, m.Notes})
		}
		b = append(b, Table{Columns: []Column{{Title: "Medication", Width: 2}, {Title: "Dose", Width: 1.5}, {Title: "Since", Width: 1.1},
			{Title: "Prescribed by", Width: 1.5}, {Title: "Notes", Width: 2.4}}, Rows: rows})
	}
	if len(stopped) > 0 {
		rows := make([][]string, 0, len(stopped))
		for _, m := range stopped {
			rows = append(rows, []string{m.Name, m.Dose, formatDay(m.StoppedOn), m.Notes})
		}
		b = append(b, Heading{Text: "Medications stopped", Level: 2},
			Table{Columns: []Column{{Title: "Medication", Width: 2}, {Title: "Dose", Width: 1.5}, {Title: "Stopped on", Width: 1.6}, {Title: "Notes", Width: 3.4}}, Rows: rows})
	}
	b = append(b, Fields{Rows: []Field{{"Allergies", h.Allergies}, {"Health history", h.History}, {"Last written", formatMoment(h.Updated, loc)}}})

	b = append(b, Heading{Text: "Screening", Level: 2})
	latest, ok := h.Latest()
	if !ok {
		return append(b, Paragraph{Style: Muted, Text: "No screening recorded yet."})
	}
	answered := strings.TrimSpace(who(latest.AnsweredBy, "by"))
	b = append(b, Paragraph{Text: "The latest screening, on " + formatDay(latest.ScreenedOn) + ", answered " + answered + "."})
	if flags := latest.Flags(); len(flags) == 0 {
		b = append(b, Paragraph{Text: fmt.Sprintf("Every one of its %d questions was answered no.", len(latest.Answers))})
	} else {
		rows := make([][]string, 0, len(flags))
		for _, a := range flags {
			rows = append(rows, []string{a.Item, answerWords[a.Answer], a.Note})
		}
		b = append(b, Paragraph{Style: Small, Text: fmt.Sprintf("Answered yes or not sure (%d of %d questions):", len(flags), len(latest.Answers))},
			Table{Columns: []Column{{Title: "Question", Width: 4}, {Title: "Answer", Width: 1.2}, {Title: "Note", Width: 3}}, Rows: rows})
	}
	if latest.Note != "" {
		b = append(b, Paragraph{Style: Small, Text: "Note on this screening:"}, Paragraph{Text: latest.Note})
	}
	switch n := len(h.Screenings) - 1; n {
	case 0:
	case 1:
		b = append(b, Paragraph{Style: Small, Text: "One earlier screening is kept as it was answered."})
	default:
		b = append(b, Paragraph{Style: Small, Text: fmt.Sprintf("%d earlier screenings are kept as they were answered.", n)})
	}
	return b
}
