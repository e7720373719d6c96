package packet

import (
	"fmt"
	"strings"
	"time"

	"tandem/backend/domain"
)

// This file holds what more than one packet prints: the names of
// categories, areas, statuses and kinds, who wrote what, dates and
// durations, and the sections built from them (a setting plan, a plan,
// resources, shifts by area, patterns). Agreements are printed by
// agreements.go, a medicine session's log and preparation by sessionlog.go,
// health and screening by health.go. Each packet's own builder is in the
// file named after it.

var categoryNames = map[domain.SettingCategory]string{
	"decor": "Décor", "seating": "Seating", "lighting": "Light", "music": "Music", "sensory": "Sensory",
	"objects": "Objects that matter", "practices": "Practices", "people": "People present",
}

var areaNames = map[domain.Area]string{
	"self": "Self", "relationships": "Relationships", "body": "Body", "emotions": "Emotions", "beliefs": "Beliefs",
	"habits": "Habits", "meaning": "Meaning and spirituality", "nature": "Nature and the world", "other": "Other",
}

var areaHints = map[domain.Area]string{
	"self":          "how you see yourself, speak to yourself, treat yourself",
	"relationships": "partners, family, friends, colleagues, strangers",
	"body":          "sensations, sleep, appetite, energy, movement, breath",
	"emotions":      "feelings that arrive, linger, soften or change",
	"beliefs":       "what you take to be true about yourself, others or the world",
	"habits":        "what you do without deciding to, or find you have stopped doing",
	"meaning":       "what matters to you, what feels sacred or larger than you",
	"nature":        "the living world, places, seasons, your place among them",
	"other":         "anything that fits nowhere else",
}

var patternStatusWords = map[domain.PatternStatus]string{
	domain.PatternNoticed: "noticed", domain.PatternExploring: "being explored", domain.PatternLoosening: "loosening", domain.PatternUpdated: "updated",
}

var resourceKindNames = map[domain.ResourceKind]string{
	"somatic": "Body", "breath": "Breath", "relational": "People", "creative": "Creative", "nature": "Nature", "practice": "Practice",
}

var helpsWords = []string{"not known yet", "a little", "somewhat", "fairly well", "well", "a great deal"}

var sessionKindNames = map[domain.SessionKind]string{
	domain.PreparationSession: "Preparation session", domain.MedicineSession: "Medicine session",
	domain.IntegrationSession: "Integration session", domain.OtherSession: "Session",
}

var intensityWords = []string{"", "faint", "light", "clear", "strong", "very strong"}

// actorName names an actor on its own, as a table cell.
func actorName(c Copy, a domain.Actor) string {
	switch a {
	case domain.ByClient:
		if c == TherapistCopy {
			return "The client"
		}
		return "You"
	case domain.ByTherapist:
		if c == TherapistCopy {
			return "The therapist"
		}
		return "Your therapist"
	case domain.ByTogether:
		return "Together"
	}
	return ""
}

func comfortWords(c Copy, comfort domain.Comfort) string {
	switch comfort {
	case domain.Welcome:
		return "Welcome"
	case domain.Unsure:
		return "Not sure yet"
	case domain.NotWanted:
		if c == TherapistCopy {
			return "NOT WANTED: keep it out"
		}
		return "Not wanted: it will not be there"
	}
	return ""
}

func duration(minutes int) string {
	switch {
	case minutes <= 0:
		return ""
	case minutes < 60:
		return fmt.Sprintf("%d minutes", minutes)
	case minutes%60 == 0 && minutes == 60:
		return "1 hour"
	case minutes%60 == 0:
		return fmt.Sprintf("%d hours", minutes/60)
	}
	return fmt.Sprintf("%d h %02d min", minutes/60, minutes%60)
}

// when is a session's date and time, as written where it is held.
func when(s domain.Session) string {
	out := formatDay(s.Date)
	if d, err := time.Parse(time.DateOnly, s.Date); err == nil {
		out = d.Format("Monday ") + out
	}
	if s.Time != "" {
		out += " at " + s.Time
	}
	return out
}

func where(s domain.Session) string {
	place := s.Place
	if s.Modality == domain.Online {
		if place == "" {
			return "Online"
		}
		return "Online: " + place
	}
	return place
}

// activeSetting is a session's setting plan without retired elements,
// in category order.
func activeSetting(s domain.Session) map[domain.SettingCategory][]domain.SettingElement {
	out := map[domain.SettingCategory][]domain.SettingElement{}
	for _, e := range s.Setting {
		if e.Status == domain.Retired {
			continue
		}
		out[e.Category] = append(out[e.Category], e)
	}
	return out
}

// ownComfortWords says how an element feels to the therapist.
func ownComfortWords(comfort domain.Comfort) string {
	switch comfort {
	case domain.Welcome:
		return "Welcome"
	case domain.Unsure:
		return "Not sure yet"
	case domain.NotWanted:
		return "Not wanted"
	}
	return ""
}

// settingPlan lists a session's setting by category: each element, who
// suggested it, the client's comfort with it and the therapist's own (the
// setting is meant to suit both); retired elements are left out. With
// headings, each category has its own heading and table; else one table
// has a column for the category.
func settingPlan(s domain.Session, c Copy, headings bool) []Block {
	byCat := activeSetting(s)
	comfort, own := "How you feel about it", "How it feels to your therapist"
	if c == TherapistCopy {
		comfort, own = "The client's comfort", "Your own comfort"
	}
	var b []Block
	var all [][]string
	for _, cat := range domain.SettingCategories {
		els := byCat[cat]
		if len(els) == 0 {
			continue
		}
		rows := make([][]string, 0, len(els))
		for _, e := range els {
			rows = append(rows, []string{e.Text, actorName(c, e.ProposedBy), comfortWords(c, e.Comfort), ownComfortWords(e.TherapistComfort)})
			all = append(all, []string{categoryNames[cat], e.Text, actorName(c, e.ProposedBy), comfortWords(c, e.Comfort), ownComfortWords(e.TherapistComfort)})
		}
		b = append(b, Heading{Text: categoryNames[cat], Level: 2},
			Table{Columns: []Column{{Title: "Element", Width: 3.4}, {Title: "Suggested by", Width: 1.4}, {Title: comfort, Width: 1.8}, {Title: own, Width: 1.6}}, Rows: rows})
	}
	if len(all) == 0 {
		return []Block{Paragraph{Style: Muted, Text: "No setting elements written yet."}}
	}
	if !headings {
		return []Block{Table{Columns: []Column{{Title: "Category", Width: 1.4}, {Title: "Element", Width: 3.4}, {Title: "Suggested by", Width: 1.3}, {Title: comfort, Width: 1.7}, {Title: own, Width: 1.5}}, Rows: all}}
	}
	return b
}

// resourcesTable lists the client's resources.
func resourcesTable(rs []domain.Resource, c Copy, empty string) []Block {
	if len(rs) == 0 {
		return []Block{Paragraph{Style: Muted, Text: empty}}
	}
	rows := make([][]string, 0, len(rs))
	for _, r := range rs {
		helps := ""
		if r.Helps >= 0 && r.Helps < len(helpsWords) {
			helps = helpsWords[r.Helps]
		}
		rows = append(rows, []string{resourceKindNames[r.Kind], r.Name, r.WhenHelped, helps})
	}
	return []Block{Table{Columns: []Column{{Title: "Kind", Width: 1.2}, {Title: "Resource", Width: 3}, {Title: "When it helped", Width: 3}, {Title: "How well it helps", Width: 1.5}}, Rows: rows}}
}

// shiftsByArea lists shifts grouped by area, each with its day count.
// allSessions says the shifts come after more than one session, so each
// row names its session.
func shiftsByArea(shifts []domain.Shift, sessions []domain.Session, c Copy, allSessions bool) []Block {
	if len(shifts) == 0 {
		return []Block{Paragraph{Style: Muted, Text: "Nothing recorded yet."}}
	}
	dates := map[int64]string{}
	medicine := 0
	for _, s := range sessions {
		dates[s.ID] = s.Date
		if s.Kind == domain.MedicineSession {
			medicine++
		}
	}
	var b []Block
	for _, area := range domain.Areas {
		var rows [][]string
		for _, sh := range shifts {
			if sh.Area != area {
				continue
			}
			day := fmt.Sprintf("Day %d", sh.DayCount)
			if allSessions && medicine > 1 {
				day += "\nafter " + formatDay(dates[sh.SessionID])
			}
			words := sh.Description
			if sh.JustNoticing {
				words += "\n(just noticing)"
			}
			if sh.Meaning != "" {
				words += "\nWhat it came to mean, later: " + sh.Meaning
			}
			strength := ""
			if sh.Intensity > 0 && sh.Intensity < len(intensityWords) {
				strength = fmt.Sprintf("%d (%s)", sh.Intensity, intensityWords[sh.Intensity])
			}
			rows = append(rows, []string{day, formatDay(sh.NoticedOn), words, strength})
		}
		if len(rows) == 0 {
			continue
		}
		words := "In your words"
		if c == TherapistCopy {
			words = "In the client's words"
		}
		b = append(b, Heading{Text: areaNames[area], Level: 2},
			Table{Columns: []Column{{Title: "Day", Width: 1.1}, {Title: "Noticed on", Width: 1.6}, {Title: words, Width: 5}, {Title: "Strength", Width: 1.3}}, Rows: rows})
	}
	return b
}

// patternBlocks lists patterns: the name in the client's words, examples,
// who named it, where it stands and since when.
func patternBlocks(ps []domain.Pattern, c Copy, who func(domain.Actor, string) string) []Block {
	if len(ps) == 0 {
		return []Block{Paragraph{Style: Muted, Text: "No patterns named yet."}}
	}
	var b []Block
	for _, p := range ps {
		b = append(b, Paragraph{Style: Quote, Text: p.Name})
		if p.Examples != "" {
			// A client copy never holds private examples (domain.View); the therapist's marks them.
			label := "For example: "
			if c == TherapistCopy && p.ExamplesVisibility == domain.Private {
				label = "For example (private to the therapist): "
			}
			b = append(b, Paragraph{Text: label + p.Examples})
		}
		note := "Named " + who(p.ProposedBy, "by") + " · " + patternStatusWords[p.Status]
		if n := len(p.Statuses); n > 0 && p.Statuses[n-1].On != "" {
			note += " since " + formatDay(p.Statuses[n-1].On)
		}
		if n := len(p.Statuses); n > 0 && p.Statuses[n-1].Note != "" {
			note += ": " + p.Statuses[n-1].Note
		}
		b = append(b, Paragraph{Style: Small, Text: note})
	}
	return b
}

// whoFor names an actor for the reader of a copy: the client reads "you".
func whoFor(c Copy, p domain.Practice) func(a domain.Actor, prep string) string {
	therapist := "your therapist"
	if c == TherapistCopy {
		therapist = "the therapist"
	}
	return func(a domain.Actor, prep string) string {
		switch a {
		case domain.ByClient:
			if c == TherapistCopy {
				return prep + " the client"
			}
			return prep + " you"
		case domain.ByTherapist:
			return prep + " " + therapist
		case domain.ByTogether:
			return "together"
		}
		return ""
	}
}

var statusWords = map[domain.PlanStatus]string{
	domain.Proposed: "proposed", domain.Agreed: "agreed", domain.Revised: "reworded, to be agreed again", domain.Retired: "set aside",
}

// planSection lists the plan items of one kind: the wording as a quote, who
// proposed it and where it stands; with history, the earlier wordings too,
// each dated in loc. Retired items are listed only with history.
func planSection(title, empty string, plan []domain.PlanItem, kind domain.PlanKind, who func(domain.Actor, string) string, loc *time.Location, history bool) []Block {
	b := []Block{Heading{Text: title, Level: 1}}
	n := 0
	for _, it := range plan {
		if it.Kind != kind || (!history && it.Status == domain.Retired) {
			continue
		}
		n++
		b = append(b, Paragraph{Style: Quote, Text: it.Text})
		note := "Proposed " + who(it.ProposedBy, "by") + " · " + statusWords[it.Status]
		if it.Status == domain.Agreed && it.AgreedOn != "" {
			note += " on " + formatDay(it.AgreedOn)
		}
		if it.Status == domain.Retired && it.RetiredReason != "" {
			note += ": " + it.RetiredReason
		}
		b = append(b, Paragraph{Style: Small, Text: note})
		if history && len(it.Revisions) > 1 {
			rows := make([][]string, 0, len(it.Revisions))
			for _, r := range it.Revisions {
				words := r.Text
				if r.Note != "" {
					words += "\n(" + r.Note + ")"
				}
				rows = append(rows, []string{formatMoment(r.At, loc), strings.TrimSpace(who(r.Author, "")), words})
			}
			b = append(b, Paragraph{Style: Small, Text: "Every wording, oldest first:"}, Table{Columns: []Column{{Title: "Date", Width: 1.3}, {Title: "Written by", Width: 1.3}, {Title: "Wording", Width: 5}}, Rows: rows})
		}
	}
	if n == 0 {
		b = append(b, Paragraph{Style: Muted, Text: empty})
	}
	return b
}

// formatDay prints a stored calendar date (2006-01-02) as a day; anything
// else as it is. A calendar date belongs to no time zone: it is the day it
// names wherever it is read.
func formatDay(s string) string {
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		return formatDate(t)
	}
	return s
}

// formatMoment prints a stored moment (RFC 3339, as the records keep it in
// UTC) as its day in loc, the packet's zone (Options.zone); a calendar
// date as that day; anything else as it is.
func formatMoment(s string, loc *time.Location) string {
	for _, layout := range []string{time.RFC3339, time.RFC3339Nano} {
		if t, err := time.Parse(layout, s); err == nil {
			return formatDate(t.In(loc))
		}
	}
	return formatDay(s)
}

// intentionWords are the current wordings of the intentions a session
// holds, in the order chosen.
func intentionWords(s domain.Session, plan []domain.PlanItem) []string {
	var out []string
	for _, id := range s.IntentionIDs {
		for _, it := range plan {
			if it.ID == id {
				out = append(out, it.Text)
			}
		}
	}
	return out
}
