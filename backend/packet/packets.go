package packet

import (
	"fmt"
	"strings"
	"time"

	"tandem/backend/domain"
)

// Copy says who a packet is for. A client copy holds only what
// domain.ClientView lets the client see; a therapist copy holds everything.
type Copy string

const (
	ClientCopy    Copy = "client"
	TherapistCopy Copy = "therapist"
)

// Valid reports whether c is a known copy.
func (c Copy) Valid() bool { return c == ClientCopy || c == TherapistCopy }

// Options are what every packet needs besides its content.
type Options struct {
	Paper Paper
	// Date is the packet's date, printed on every page, read from the
	// app's clock. Its zone is the therapist's: the moments the records
	// keep (in UTC) are dated in it, so notes signed at 23:50 are dated
	// that day wherever the practice is. A zero Date dates them in UTC.
	Date time.Time
	Copy Copy // "" is a client copy
}

// zone is where the packet dates moments: the zone of its Date.
func (o Options) zone() *time.Location { return o.Date.Location() }

func (o Options) copy() Copy {
	if o.Copy == "" {
		return ClientCopy
	}
	return o.Copy
}

// Journey is what a client's packets are made from: the record (plan,
// agreements, power map, reflections) and the sessions, worksheet,
// patterns and resources, both in full.
type Journey struct {
	Record      domain.ClientRecord
	Integration domain.IntegrationRecord
}

// view returns the journey as the packet's reader may see it. Every client
// copy goes through here, so through domain.ClientView and domain.View,
// the one visibility filter.
func (o Options) view(j Journey) Journey {
	if o.copy() == TherapistCopy {
		return j
	}
	return Journey{Record: domain.ClientView(j.Record), Integration: domain.View(j.Integration)}
}

func (o Options) document(p domain.Practice, client, title, subtitle string) Document {
	return Document{Title: title, Subtitle: subtitle, Practice: p.Name, Client: client, Date: o.Date, Paper: o.Paper}
}

// RecoveryKit is the printed page that keeps a vault's recovery key, with
// what it opens, where to keep it and how to use it. made is when the key
// was made (zero if unknown).
func RecoveryKit(p domain.Practice, recoveryKey string, made time.Time, o Options) Document {
	key := strings.ToUpper(strings.TrimSpace(recoveryKey))
	shown := key
	if rest, ok := strings.CutPrefix(key, "AGE-SECRET-KEY-1"); ok {
		shown = "AGE-SECRET-KEY-1 " + groups(rest, 4)
	}
	name := p.Name
	sub := "The recovery key of the Tandem vault of " + name
	if p.Name == "" {
		sub = "The recovery key of your Tandem vault"
	}
	if !made.IsZero() {
		sub += ", made " + formatDate(made.In(o.zone()))
	}
	d := o.document(p, "", "Recovery Kit", sub)
	d.Blocks = []Block{
		Paragraph{Text: "This page holds the recovery key of your Tandem vault: the way back into your records if the passphrase is forgotten, and a key to your backups. Tandem keeps no copy of it. This page is the copy."},
		Secret{Label: "Recovery key", Text: shown},
		Paragraph{Style: Small, Text: "Spaces and capital letters do not matter when you type the key into Tandem. After the first group there is no letter B, I or O and no digit 1: a round sign is the digit 0, an upright stroke is the letter L."},
		Heading{Text: "What it opens", Level: 2},
		Paragraph{Text: "The vault on this computer, if the passphrase is forgotten; and every backup made while this key was in force, wherever the backup file is kept (each backup also opens with the passphrase in force when it was made). Anyone who holds this page and the vault or a backup can read every record in it."},
		Heading{Text: "Where to keep it", Level: 2},
		Paragraph{Text: "Away from the laptop and away from the backup drive: a locked drawer or a safe, or a sealed envelope with someone you trust. Do not photograph it, email it or keep it in cloud storage."},
		Heading{Text: "Using it in Tandem", Level: 2},
		Paragraph{Text: "On the unlock screen, choose to unlock with the recovery key, type the key as printed above, then choose a new passphrase. Your records, your backups and this key stay as they are."},
		Heading{Text: "Opening a backup without Tandem", Level: 2},
		Paragraph{Text: "Backups are files in the open age format: the standard age tool opens them with this key, on any computer. Make a text file named recovery-key.txt holding the key on one line, as printed but without the spaces, then run this (FILE is the backup file; backup.tar then holds the records in an open form, as Tandem's backup format document describes):"},
		Secret{Text: "age -d -i recovery-key.txt FILE > backup.tar"},
		Heading{Text: "If this page is lost", Level: 2},
		Paragraph{Text: "Make a new recovery key in Tandem's settings and print its kit. The old key then stops opening the vault; backups made before still open with it, or with their passphrase."},
	}
	return d
}

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
		b = append(b, agreementBlocks(a.Title, a.Kind, a.Terms)...)
		b = append(b, Paragraph{Style: Small, Text: confirmation(a.ConfirmedName, a.ConfirmedOn)})
		if n := len(a.Versions); n > 1 {
			b = append(b, Paragraph{Style: Small, Text: fmt.Sprintf("This agreement has %d versions; this is the latest. Every earlier version is kept.", n)})
		}
	}
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
		b = append(b, agreementBlocks(v.Title, a.Kind, v.Terms)...)
		note := confirmation(v.ConfirmedName, v.ConfirmedOn)
		if a.ConfirmedOn == "" {
			note += " A newer wording is waiting for your confirmation."
		}
		b = append(b, Paragraph{Style: Small, Text: note})
	}
	if shown == 0 {
		b = append(b, Paragraph{Style: Muted, Text: "No agreement has been confirmed yet."})
	}
	if len(pending) > 0 {
		b = append(b, Paragraph{Style: Small, Text: "Still to be confirmed together: " + strings.Join(pending, ", ") + "."})
	}
	b = append(b, preparationExtras(j, sessionID, o.copy())...)
	b = append(b, Heading{Text: "Your notes", Level: 1},
		Lines{Label: "Questions, changes or anything you would like to bring", Count: 8})
	d.Blocks = b
	return d
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

var agreementOrder = map[domain.AgreementKind]int{
	domain.TouchConsent: 0, domain.SafetyPlan: 1, domain.RightToStop: 2, domain.TopicGuidelines: 3, domain.Confidentiality: 4, domain.CustomAgreement: 5,
}

var agreementNames = map[domain.AgreementKind]string{
	domain.TouchConsent: "Touch", domain.SafetyPlan: "Safety plan", domain.RightToStop: "The right to stop",
	domain.TopicGuidelines: "Topics and how we hold them", domain.Confidentiality: "Confidentiality and its limits", domain.CustomAgreement: "Agreement",
}

var termLabels = map[string]string{
	"welcome": "Touch that is welcome", "not_welcome": "Touch that is not welcome",
	"how_asked": "How consent is asked during a session", "stop_signal": "The signal to stop",
}

func agreementTitle(title string, kind domain.AgreementKind) string {
	if title != "" {
		return title
	}
	return agreementNames[kind]
}

func sortedAgreements(as []domain.Agreement) []domain.Agreement {
	out := append([]domain.Agreement(nil), as...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && agreementOrder[out[j].Kind] < agreementOrder[out[j-1].Kind]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func agreementBlocks(title string, kind domain.AgreementKind, terms []domain.AgreementTerm) []Block {
	b := []Block{Heading{Text: agreementTitle(title, kind), Level: 2}}
	if len(terms) == 1 && terms[0].Key == "text" {
		return append(b, Paragraph{Text: terms[0].Text})
	}
	var rows []Field
	for _, t := range terms {
		label := termLabels[t.Key]
		if label == "" {
			label = t.Key
		}
		rows = append(rows, Field{label, t.Text})
	}
	return append(b, Fields{Rows: rows})
}

// lastConfirmed returns the latest confirmed version of a.
func lastConfirmed(a domain.Agreement) (domain.AgreementVersion, bool) {
	if a.ConfirmedOn != "" {
		return domain.AgreementVersion{Title: a.Title, Terms: a.Terms, ConfirmedName: a.ConfirmedName, ConfirmedOn: a.ConfirmedOn}, true
	}
	for i := len(a.Versions) - 1; i >= 0; i-- {
		if a.Versions[i].ConfirmedOn != "" {
			return a.Versions[i], true
		}
	}
	return domain.AgreementVersion{}, false
}

func confirmation(name, on string) string {
	if on == "" {
		return "Not confirmed yet."
	}
	return fmt.Sprintf("Confirmed by %s on %s.", name, formatDay(on))
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
