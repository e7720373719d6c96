package packet

import (
	"strings"

	"tandem/backend/domain"
)

// Preparation is the preparation packet: the goals and intentions in the
// client's words with who proposed each, the agreements as confirmed, the
// setting plan and practical notes of the medicine session being prepared
// (sessionID, or when it is 0 or not a medicine session, the next medicine
// session whose notes are not signed), and the client's resources.
func Preparation(p domain.Practice, full Journey, sessionID int64, o Options) Document {
	j := o.view(full)
	rec := j.Record
	c := rec.Client
	d := o.document(p, c.ChosenName, "Preparing together", "Preparation packet for "+c.ChosenName)
	if o.copy() == TherapistCopy {
		d.Subtitle += " (therapist copy)"
	}
	who := whoFor(o.copy(), p)
	b := []Block{
		Paragraph{Text: "This packet gathers what we have prepared together so far: what you hope for, in your own words, the agreements you have confirmed, the setting we are designing for the medicine session, and what helps you. Read it at your own pace, bring it to our next meeting, and mark anything you would like to change. Nothing here is fixed until it feels right to you."},
	}
	b = append(b, planSection("What you hope for", "No goals written yet.", rec.Plan, domain.Goal, who, o.zone(), false)...)
	b = append(b, planSection("Intentions", "No intentions written yet.", rec.Plan, domain.Intention, who, o.zone(), false)...)
	b = append(b, Heading{Text: "Our agreements", Level: 1})
	var pending []string
	shown := 0
	for _, a := range sortedAgreements(rec.Agreements) {
		v, ok := lastConfirmed(a)
		if !ok {
			pending = append(pending, agreementTitle(a.Title, a.Kind))
			continue
		}
		shown++
		note := confirmation(a.Kind, v)
		if a.ConfirmedOn == "" {
			note += " A newer wording is waiting for your confirmation."
		}
		b = append(b, agreementPrint(v, a.Kind, note)...)
	}
	if shown == 0 {
		b = append(b, Paragraph{Style: Muted, Text: "No agreement has been confirmed yet."})
	}
	if len(pending) > 0 {
		b = append(b, Paragraph{Style: Small, Text: "Still to be confirmed together: " + strings.Join(pending, ", ") + "."})
	}
	if st := rec.TherapistPositionality; st.Text != "" {
		b = append(b, Heading{Text: "Where I stand", Level: 1},
			Paragraph{Text: "Differences of position and power between us are part of this work, and exploring them is for both of us. This is my own positionality statement, in my words, which I chose to share with you:"},
			Paragraph{Text: st.Text})
		if st.Dated != "" {
			b = append(b, Paragraph{Style: Small, Text: "Last written on " + formatDay(st.Dated) + "."})
		}
	}
	b = append(b, preparationExtras(j, sessionID, o.copy())...)
	b = append(b, Heading{Text: "Your notes", Level: 1},
		Lines{Label: "Questions, changes or anything you would like to bring", Count: 8})
	d.Blocks = b
	return d
}

func preparationExtras(j Journey, sessionID int64, c Copy) []Block {
	var b []Block
	s, ok := preparedSession(j.Integration, sessionID)
	b = append(b, Heading{Text: "The setting we are designing", Level: 1})
	if !ok {
		b = append(b, Paragraph{Style: Muted, Text: "The medicine session is not planned yet. We will design its setting together: the room, the seating, the light, the music, what you would like near you, and who is there."})
	} else {
		b = append(b, Paragraph{Text: "For the medicine session on " + when(s) + ". Each element, who suggested it, and how you feel about it as we last wrote it down. What you do not want will not be there; anything can still change."})
		b = append(b, settingPlan(s, c, true)...)
		b = append(b, Heading{Text: "Practical notes for the day", Level: 1})
		rows := []Field{{"When", when(s)}, {"Where", where(s)}, {"How long", duration(s.Minutes)}}
		b = append(b, Fields{Rows: rows})
		b = append(b, Paragraph{Text: "Keep the rest of the day free, and the day after if you can. Arrange your way home as your safety plan says, wear clothes you are comfortable lying down in, and bring anything from the setting plan you offered to bring. If something changes, or you want to stop or postpone, tell your therapist: that is always allowed."})
	}
	b = append(b, Heading{Text: "What helps you", Level: 1})
	b = append(b, resourcesTable(j.Integration.Resources, c, "No resources written yet. We will gather the things that help you feel steady: in the body, the breath, people, creative work, nature or a practice.")...)
	return b
}
