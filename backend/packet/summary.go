package packet

import (
	"fmt"

	"tandem/backend/domain"
)

// IntegrationSummary gathers what has been noticed so far: the shifts by
// area with their day counts (after one medicine session when sessionID
// is one, else after all of them), the patterns in the client's words
// with where each stands, and the resources.
func IntegrationSummary(p domain.Practice, full Journey, sessionID int64, o Options) Document {
	j := o.view(full)
	c := j.Record.Client
	cp := o.copy()
	who := whoFor(cp, p)
	sub := "What you have noticed so far, the patterns we have named and what helps you"
	shifts := j.Integration.Shifts
	all := true
	if s, err := findSession(j.Integration, sessionID); err == nil && s.Kind == domain.MedicineSession {
		sub = "After the medicine session on " + formatDay(s.Date)
		all = false
		var kept []domain.Shift
		for _, sh := range shifts {
			if sh.SessionID == s.ID {
				kept = append(kept, sh)
			}
		}
		shifts = kept
	}
	d := o.document(p, c.ChosenName, "Integration so far", sub)
	b := []Block{
		Paragraph{Text: "This is a gathering of what you have noticed and what we have named together, in your words. It is a picture of a moment, not a verdict: patterns loosen, meanings change, and anything here can be worded again."},
		Heading{Text: "What you noticed", Level: 1},
	}
	if len(shifts) > 0 {
		b = append(b, Paragraph{Style: Small, Text: fmt.Sprintf("%d %s, by area of life. The day counts from the session: the day after it is day 1.", len(shifts), plural(len(shifts), "entry", "entries"))})
	}
	b = append(b, shiftsByArea(shifts, j.Integration.Sessions, cp, all)...)
	b = append(b, Heading{Text: "Patterns we have named", Level: 1})
	b = append(b, patternBlocks(j.Integration.Patterns, cp, who)...)
	b = append(b, Heading{Text: "What helps you", Level: 1})
	b = append(b, resourcesTable(j.Integration.Resources, cp, "No resources written yet.")...)
	b = append(b, Heading{Text: "Your notes", Level: 1}, Lines{Label: "Anything you would like to add, change or bring next time", Count: 6})
	d.Blocks = b
	return d
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
