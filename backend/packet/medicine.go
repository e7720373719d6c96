package packet

import "tandem/backend/domain"

// MedicineSessionPacket is the therapist's packet for a medicine session:
// the setting checklist, the music plan, the intentions, the agreements
// that hold the session (topics, touch, safety, the right to stop) with
// the client's emergency contact and the informed consent (with lines for
// both signatures), the support person, the way home and the therapist's
// decisions when written, and the session's log: the entries made in
// Tandem when there are any, and a sheet to log by hand. sessionID must be
// a medicine session of the client (Make checks).
func MedicineSessionPacket(p domain.Practice, full Journey, sessionID int64, o Options) Document {
	j := o.view(full)
	rec := j.Record
	c := rec.Client
	s, _ := findSession(j.Integration, sessionID)
	d := o.document(p, c.ChosenName, "Medicine session", when(s))
	cp := o.copy()
	b := []Block{
		Fields{Rows: []Field{{"Client", c.ChosenName}, {"Pronouns", c.Pronouns}, {"When", when(s)}, {"Where", where(s)}, {"Planned length", duration(s.Minutes)},
			{"Emergency contact", c.EmergencyContact}}},
	}
	if cp == TherapistCopy && s.Medicine != (domain.MedicineDetails{}) {
		b = append(b, Fields{Rows: []Field{{"Substance", s.Medicine.Substance}, {"Dose", s.Medicine.Dose}, {"Times", s.Medicine.Times}}})
	}
	if prep := prepFields(s.Prep, o.zone()); len(prep) > 0 {
		b = append(b, Heading{Text: "Decided beforehand", Level: 2}, Fields{Rows: prep})
	}
	b = append(b, Heading{Text: "Intentions", Level: 1})
	if ints := intentionWords(s, rec.Plan); len(ints) > 0 {
		for _, w := range ints {
			b = append(b, Paragraph{Style: Quote, Text: w})
		}
	} else {
		b = append(b, Paragraph{Style: Muted, Text: "No intentions are held for this session yet."})
	}

	byCat := activeSetting(s)
	var items, music, notWanted []string
	for _, cat := range domain.SettingCategories {
		for _, e := range byCat[cat] {
			label := e.Text
			if e.Comfort == domain.Unsure {
				label += " (the client is not sure yet: check)"
			}
			switch {
			case e.Comfort == domain.NotWanted:
				notWanted = append(notWanted, categoryNames[cat]+": "+e.Text)
			case cat == "music":
				music = append(music, label)
			default:
				items = append(items, categoryNames[cat]+": "+label)
			}
		}
	}
	b = append(b, Heading{Text: "Setting checklist", Level: 1})
	if len(items) == 0 {
		b = append(b, Paragraph{Style: Muted, Text: "No setting elements written yet."})
	} else {
		b = append(b, Checklist{Items: items})
	}
	if len(notWanted) > 0 {
		b = append(b, Heading{Text: "Not wanted: keep out of the room", Level: 2}, Checklist{Items: notWanted})
	}
	b = append(b, Heading{Text: "Music plan", Level: 1})
	if len(music) == 0 {
		b = append(b, Paragraph{Style: Muted, Text: "No music planned."})
	} else {
		b = append(b, Checklist{Items: music})
	}

	b = append(b, Heading{Text: "Agreements that hold the session", Level: 1})
	for _, k := range []domain.AgreementKind{domain.MedicineConsent, domain.TopicGuidelines, domain.TouchConsent, domain.RightToStop, domain.SafetyPlan} {
		blocks, ok := agreementOf(rec, k)
		if !ok {
			blocks = []Block{Heading{Text: agreementNames[k], Level: 2}, Paragraph{Style: Muted, Text: "Not written yet."}}
		}
		b = append(b, blocks...)
	}
	b = append(b, Fields{Rows: []Field{{"Emergency contact", c.EmergencyContact}}})

	sheet := func(rows int) Block {
		return LogSheet{Columns: []Column{{Title: "Time", Width: 1}, {Title: "Observation", Width: 6}, {Title: "Initials", Width: 1}}, Rows: rows}
	}
	b = append(b, PageBreak{})
	if log := sessionLog(s, cp); log != nil {
		b = append(b, Heading{Text: "The session log", Level: 1},
			Paragraph{Style: Small, Text: "Every entry made in Tandem during the session, in time order."})
		b = append(b, log...)
		b = append(b, Heading{Text: "For the rest of the day", Level: 2},
			Paragraph{Style: Small, Text: "Anything noted by hand from here on, to add to the log afterwards."},
			sheet(8))
	} else {
		b = append(b, Heading{Text: "Log", Level: 1},
			Paragraph{Style: Small, Text: "Times and observations as the session goes: what you see and hear, what is said, any touch and how it was asked, water, rest, changes in the setting."},
			sheet(18))
	}
	b = append(b, Lines{Label: "After the session: how the client left, and with whom", Count: 4})
	d.Blocks = b
	return d
}
