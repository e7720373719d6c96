package packet

import (
	"strings"

	"tandem/backend/domain"
)

// EmergencyCard is one page for the therapist to reach for in an
// emergency, in large type: who the client is (chosen name and pronouns),
// whom to call (their emergency contact; the practice's name and contact),
// the safety plan as agreed, and the medications they take now with their
// doses and their allergies, as recorded. It is a therapist copy: everything on it is shared
// with the client, but it is printed for the therapist's hand.
func EmergencyCard(p domain.Practice, full Journey, o Options) Document {
	j := o.view(full)
	rec := j.Record
	c := rec.Client
	d := o.document(p, c.ChosenName, "Emergency card", "For the therapist's use in an emergency")
	contact := joinNonEmpty("\n", p.Name, joinNonEmpty(" · ", p.Phone, p.Email), p.Address)
	b := []Block{
		Paragraph{Style: Small, Text: "As recorded in Tandem on " + formatDate(o.Date) + ". Check the record for anything newer, and show this card to emergency staff if it helps them."},
		Fields{Large: true, Rows: []Field{{"Name", c.ChosenName}, {"Pronouns", c.Pronouns}, {"Emergency contact", c.EmergencyContact}, {"Practice", contact}}},
		Heading{Text: "Safety plan", Level: 1},
	}
	b = append(b, safetyPlanFields(rec)...)

	b = append(b, Heading{Text: "Medications and allergies", Level: 1})
	var meds []Field
	for _, m := range rec.Health.Current() {
		meds = append(meds, Field{m.Name, m.Dose})
	}
	if len(meds) == 0 {
		meds = []Field{{"Medications", "None recorded"}}
	}
	allergies := rec.Health.Allergies
	if strings.TrimSpace(allergies) == "" {
		allergies = "None recorded"
	}
	b = append(b, Fields{Large: true, Rows: append(meds, Field{"Allergies", allergies})},
		Paragraph{Style: Small, Text: "As the client reported them; a dose left blank was not written down."})
	d.Blocks = b
	return d
}

// safetyPlanFields is the safety plan to act on, in large type: its latest
// confirmed wording, or the current one marked as not confirmed yet.
func safetyPlanFields(rec domain.ClientRecord) []Block {
	for _, a := range sortedAgreements(rec.Agreements) {
		if a.Kind != domain.SafetyPlan {
			continue
		}
		v, ok := lastConfirmed(a)
		note := confirmation(a.Kind, v)
		if !ok {
			v, note = current(a), "Not confirmed by the client yet."
		}
		var rows []Field
		for _, t := range v.Terms {
			label := termLabels[t.Key]
			if t.Key == "text" || label == "" {
				label = "What was agreed"
			}
			rows = append(rows, Field{label, t.Text})
		}
		return []Block{Fields{Large: true, Rows: rows}, Paragraph{Style: Small, Text: note}}
	}
	return []Block{Paragraph{Style: Muted, Text: "No safety plan is written yet."}}
}
