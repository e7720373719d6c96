package packet

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"tandem/backend/domain"
)

// ClientRecord is the client's record for the client's eyes (a client
// copy: everything shared about them) or, as a therapist copy, with the
// therapist's private notes too.
func ClientRecord(p domain.Practice, full Journey, o Options) Document {
	j := o.view(full)
	rec := j.Record
	c := rec.Client
	therapist := o.copy() == TherapistCopy
	sub := "Everything shared with you in your record, as it stands today"
	if therapist {
		sub = "Therapist copy: the whole record, with private notes. Not for the client."
	}
	d := o.document(p, c.ChosenName, "Your record", sub)
	if therapist {
		d.Title = "Client record"
	}
	who := whoFor(o.copy(), p)
	b := []Block{
		Heading{Text: "About you", Level: 1},
		Fields{Rows: []Field{
			{"Chosen name", c.ChosenName},
			{"Pronouns", c.Pronouns},
			{"Legal name", c.LegalName},
			{"Date of birth", formatDay(c.DateOfBirth)},
			{"Email", c.Email},
			{"Phone", c.Phone},
			{"Address", c.Address},
			{"Emergency contact", c.EmergencyContact},
			{"Languages", c.Languages},
			{"Status", string(c.Status)},
			{"Record opened", formatMoment(c.Created, o.zone())},
		}},
	}
	if len(c.Identities) > 0 {
		b = append(b, Heading{Text: "In your own words", Level: 2})
		var rows []Field
		for _, id := range c.Identities {
			rows = append(rows, Field{id.Facet, id.Description})
		}
		b = append(b, Fields{Rows: rows})
	}
	b = append(b, Heading{Text: "Power and position", Level: 1})
	if len(rec.PowerMap) == 0 {
		b = append(b, Paragraph{Style: Muted, Text: "Nothing written here yet."})
	}
	for _, e := range rec.PowerMap {
		title := "Written " + formatDay(e.WrittenOn) + ", " + who(e.Author, "by")
		if e.Visibility == domain.Private {
			title += " (private to the therapist)"
		}
		b = append(b, Heading{Text: title, Level: 2}, Fields{Rows: []Field{
			{"The difference named", e.Difference},
			{"How it may show up", e.ShowsUp},
			{"What we agreed", e.Agreed},
		}})
	}
	b = append(b, planSection("Goals", "No goals written yet.", rec.Plan, domain.Goal, who, o.zone(), true)...)
	b = append(b, planSection("Intentions", "No intentions written yet.", rec.Plan, domain.Intention, who, o.zone(), true)...)
	b = append(b, Heading{Text: "Agreements", Level: 1})
	if len(rec.Agreements) == 0 {
		b = append(b, Paragraph{Style: Muted, Text: "No agreements written yet."})
	}
	for _, a := range sortedAgreements(rec.Agreements) {
		versions := ""
		if n := len(a.Versions); n > 1 {
			versions = fmt.Sprintf("This agreement has %d versions; this is the latest. Every earlier version is kept.", n)
		}
		b = append(b, agreementPrint(current(a), a.Kind, confirmation(a.Kind, current(a)), versions)...)
	}
	b = append(b, healthSection(rec.Health, o.copy(), who, o.zone())...)
	b = append(b, recordJourney(j, rec.Plan, o.copy(), who, o.zone())...)
	if therapist {
		b = append(b, Heading{Text: "Private to the therapist", Level: 1},
			Fields{Rows: []Field{{"Intake note", c.IntakeNote}, {"Archived", formatMoment(c.Archived, o.zone())}}})
		if len(rec.Reflections) > 0 {
			rows := make([][]string, 0, len(rec.Reflections))
			for _, r := range rec.Reflections {
				rows = append(rows, []string{formatDay(r.WrittenOn), r.Kind, r.Text})
			}
			b = append(b, Heading{Text: "Reflections", Level: 2},
				Table{Columns: []Column{{Title: "Date", Width: 1.2}, {Title: "Kind", Width: 1}, {Title: "Reflection", Width: 5}}, Rows: rows})
		}
	}
	d.Blocks = b
	return d
}

// recordJourney is the sessions, shifts, patterns and resources of a client's
// record; when notes were signed and addenda added is dated in loc.
func recordJourney(j Journey, plan []domain.PlanItem, c Copy, who func(domain.Actor, string) string, loc *time.Location) []Block {
	in := j.Integration
	therapist := c == TherapistCopy
	b := []Block{Heading{Text: "Sessions", Level: 1}}
	if len(in.Sessions) == 0 {
		b = append(b, Paragraph{Style: Muted, Text: "No sessions recorded yet."})
	}
	for _, s := range in.Sessions {
		b = append(b, Heading{Text: sessionKindNames[s.Kind] + ", " + formatDay(s.Date), Level: 2})
		rows := []Field{{"When", when(s)}, {"Where", where(s)}, {"How long", duration(s.Minutes)},
			{"Summary", s.Summary}, {"Practice used", s.Practice}, {"What the body showed", s.Somatic}, {"Resourcing", s.Resourcing}}
		if therapist && s.SomaticVisibility == domain.Private {
			rows[4].Label += " (private to the therapist)"
		}
		if therapist {
			rows = append(rows, Field{"Private notes", s.PrivateNotes}, Field{"Substance", s.Medicine.Substance}, Field{"Dose", s.Medicine.Dose}, Field{"Times", s.Medicine.Times})
		}
		if ints := intentionWords(s, plan); len(ints) > 0 {
			rows = append(rows, Field{"Intentions held", strings.Join(ints, "\n")})
		}
		rows = append(rows, prepFields(s.Prep, loc)...)
		b = append(b, Fields{Rows: rows})
		if len(activeSetting(s)) > 0 {
			b = append(b, Paragraph{Style: Small, Text: "The setting:"})
			b = append(b, settingPlan(s, c, false)...)
		}
		if log := sessionLog(s, c); log != nil {
			b = append(b, Paragraph{Style: Small, Text: "The session log, as it was kept on the day:"})
			b = append(b, log...)
		}
		if len(s.AdverseEvents) > 0 {
			rows := make([][]string, 0, len(s.AdverseEvents))
			for _, e := range s.AdverseEvents {
				at := e.At
				if e.Visibility == domain.Private {
					at = strings.TrimSpace(at + "\n(private to the therapist)")
				}
				rows = append(rows, []string{at, e.Description, e.Response})
			}
			b = append(b, Paragraph{Style: Small, Text: "What was difficult, and what was done:"},
				Table{Columns: []Column{{Title: "When", Width: 1.2}, {Title: "What happened", Width: 3}, {Title: "What was done", Width: 3}}, Rows: rows})
		}
		if s.Finalised() {
			b = append(b, Paragraph{Style: Small, Text: "These notes were signed on " + formatMoment(s.FinalisedAt, loc) + " and are kept as they were signed."})
		}
		for _, a := range s.Addenda {
			label := "Added on " + formatMoment(a.At, loc)
			if a.Visibility == domain.Private {
				label += " (private to the therapist)"
			}
			b = append(b, Paragraph{Style: Small, Text: label + ":"}, Paragraph{Text: a.Text})
		}
	}
	b = append(b, Heading{Text: "What you noticed afterwards", Level: 1})
	if therapist {
		b[len(b)-1] = Heading{Text: "Shifts noticed after sessions", Level: 1}
	}
	b = append(b, shiftsByArea(in.Shifts, in.Sessions, c, true)...)
	b = append(b, Heading{Text: "Patterns", Level: 1})
	b = append(b, patternBlocks(in.Patterns, c, who)...)
	b = append(b, Heading{Text: "Resources", Level: 1})
	b = append(b, resourcesTable(in.Resources, c, "No resources written yet.")...)
	b = append(b, Heading{Text: "Questionnaires", Level: 1})
	return append(b, measuresTable(in.Measures)...)
}

// measuresTable lists the questionnaires answered, oldest first: the
// score, its band, and the change from the first score on the same
// questionnaire. It holds no flag, note or follow-up (the therapist's).
func measuresTable(ms []domain.Measure) []Block {
	if len(ms) == 0 {
		return []Block{Paragraph{Style: Muted, Text: "No questionnaires answered yet."}}
	}
	sorted := slices.Clone(ms)
	slices.SortStableFunc(sorted, func(a, b domain.Measure) int { return strings.Compare(a.Date, b.Date) })
	first := map[string]float64{}
	rows := make([][]string, 0, len(sorted))
	for _, m := range sorted {
		name := m.Instrument.ShortName
		if name == "" {
			name = m.Instrument.Name
		}
		score, change := "No score: too many questions left blank", ""
		if r := m.Result; r.HasTotal {
			score = strconv.FormatFloat(r.Total, 'f', -1, 64)
			if r.Prorated {
				score += " (prorated)"
			}
			if base, ok := first[m.Instrument.Key]; ok {
				d := math.Round((r.Total-base)*100) / 100
				change = strconv.FormatFloat(d, 'f', -1, 64)
				if d > 0 {
					change = "+" + change
				}
			} else {
				first[m.Instrument.Key], change = r.Total, "first"
			}
		}
		rows = append(rows, []string{formatDay(m.Date), name, score, m.Result.Band, change})
	}
	return []Block{Table{Columns: []Column{{Title: "Date", Width: 2}, {Title: "Questionnaire", Width: 2.4}, {Title: "Score", Width: 1.6},
		{Title: "Band", Width: 2.4}, {Title: "Change from the first", Width: 1.6}}, Rows: rows}}
}
