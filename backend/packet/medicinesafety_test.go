package packet

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"tandem/backend/domain"
)

// safetyJourney is fullJourney with a medicine session's log and
// preparation, the client's health and screenings, a confirmed informed
// consent and a confirmed safety plan. Everything in it is fictional.
func safetyJourney() Journey {
	j := fullJourney()
	log := func(id int64, at, clock string, kind domain.LogKind, text string) domain.LogEntry {
		return domain.LogEntry{ID: id, SessionID: 12, At: "2026-03-01T" + at + ":00Z", Clock: clock, Kind: kind, Text: text, Author: domain.ByTherapist, Visibility: domain.Shared}
	}
	dose := log(1, "08:35", "09:35", domain.LogDose, "Taken with a little water")
	dose.Substance, dose.Amount, dose.Route = "Fictionalin", "2.5 g", "oral"
	booster := log(7, "10:30", "11:30", domain.LogBooster, "")
	booster.Substance, booster.Amount, booster.Route = "Fictionalin", "1 g", "oral"
	checkin := log(2, "09:10", "10:10", domain.LogCheckIn, "I feel warm and a bit wobbly")
	checkin.Author = domain.ByClient
	vitals := log(3, "09:20", "10:20", domain.LogVitals, "")
	vitals.Systolic, vitals.Diastolic, vitals.Pulse, vitals.SpO2, vitals.Temperature = 128, 82, 84, 98, 36.9
	pulse := log(4, "09:45", "10:45", domain.LogVitals, "After a walk to the bathroom")
	pulse.Pulse = 90
	asked := log(5, "10:00", "11:00", domain.LogTouch, "Asked for a hand on the shoulder")
	asked.Touch = domain.TouchAsked
	given := log(6, "10:05", "11:05", domain.LogTouch, "Held the client's hand for a few minutes")
	given.Touch, given.OutsideAgreement = domain.TouchGiven, true
	adverse := log(9, "12:10", "13:10", domain.LogAdverse, "Felt cold and shaky for a while")
	adverse.AdverseEventID = 1
	private := log(10, "12:40", "13:40", domain.LogNote, "PRIVATE-LOG-NOTE a worry of my own")
	private.Visibility = domain.Private
	// Out of order, as entries back-dated later would be.
	j.Integration.Sessions[1].Log = []domain.LogEntry{adverse, dose, given, checkin, log(8, "11:00", "12:00", domain.LogSetting, "Switched to rain sounds"),
		vitals, private, pulse, asked, booster, log(11, "13:00", "14:00", domain.LogNote, "Resting quietly under the shawl")}
	j.Integration.Sessions[1].Prep = domain.SessionPrep{SessionID: 12, SupportPerson: "Ana (sister), staying the night", WayHome: "Ana drives her home at six",
		FlagsDecision: "PRIVATE-FLAGS-DECISION spoke it through; going ahead", FlagsScreeningID: 2, FlagsDecidedAt: "2026-02-25T10:00:00Z",
		GoAheadReason: "PRIVATE-GO-AHEAD the support person is confirmed by phone", GoAheadAt: "2026-02-28T10:00:00Z"}

	rec := &j.Record
	rec.Agreements = append(rec.Agreements, domain.Agreement{ID: 3, Kind: domain.MedicineConsent, Title: "Informed consent for a medicine session",
		Terms: []domain.AgreementTerm{{Key: "substance", Text: "Fictionalin, by mouth; effects last about six hours."}, {Key: "risks", Text: "Nausea, fear, a raised pulse (fictional wording)."},
			{Key: "legal", Text: "This is a fictional practice."}, {Key: "right_to_stop", Text: "You may stop at any moment."}, {Key: "emergency", Text: "We call the emergency number and Ana."}},
		ConfirmedName: "Zoë Example", ConfirmedOn: "2026-02-26", TemplateVersion: 2})
	rec.Agreements[1].ConfirmedName, rec.Agreements[1].ConfirmedOn = "Zoë", "2026-02-26" // the safety plan
	rec.Health = domain.Health{
		Medications: []domain.Medication{
			{ID: 1, Name: "Calmodine (fictional)", Dose: "10 mg each morning", Since: "2021", Prescriber: "Dr Example"},
			{ID: 2, Name: "Oldrin (fictional)", Dose: "5 mg", StoppedOn: "2025-11-01", Notes: "Stopped with the prescriber"},
			{ID: 3, Name: "Sleepwell tea", Since: "last winter"},
		},
		Allergies: "Penicillin (fictional example)", History: "Broke a wrist in 2010.", Updated: "2026-02-20T10:00:00Z",
		Screenings: []domain.Screening{
			{ID: 1, ScreenedOn: "2025-12-01", AnsweredBy: domain.ByClient, Answers: []domain.ScreeningAnswer{{ItemID: 1, Item: "Takes lithium", Answer: domain.AnswerNo}}},
			{ID: 2, ScreenedOn: "2026-02-20", AnsweredBy: domain.ByTogether, Note: "Answered at the second preparation session.", Answers: []domain.ScreeningAnswer{
				{ItemID: 1, Item: "Takes lithium", Answer: domain.AnswerNo},
				{ItemID: 2, Item: "Takes an SSRI, SNRI or tricyclic antidepressant", Answer: domain.AnswerYes, Note: "Calmodine"},
				{ItemID: 3, Item: "Seizures or epilepsy", Answer: domain.AnswerUnsure, Note: "Once as a child, perhaps"},
			}},
		},
	}
	return j
}

// requireOrder checks that each of want appears in text after the one
// before it.
func requireOrder(t *testing.T, what, text string, want ...string) {
	t.Helper()
	at := 0
	for _, w := range want {
		i := strings.Index(text[at:], w)
		if i < 0 {
			t.Fatalf("the %s lacks %q after %q:\n%s", what, w, text[:at], text)
		}
		at += i + len(w)
	}
}

// The medicine session packet prints the log in time order, each entry in
// words; a dose with its substance, amount and route; the touch outside the
// agreement marked; the support, the way home and the therapist's
// decisions; the informed consent with lines for both signatures.
func TestTheMedicinePacketPrintsTheSessionLog(t *testing.T) {
	d, err := Make(practice(), safetyJourney(), Request{Kind: MedicinePacket, SessionID: 12}, Options{Date: testDate, Copy: TherapistCopy})
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, render(t, d))
	requireText(t, "medicine session packet", text,
		"Decided beforehand", "Support person afterwards", "Ana (sister), staying the night", "The way home", "Ana drives her home at six",
		"Your decision on the screening's flags", "PRIVATE-FLAGS-DECISION spoke it through; going ahead (written 25 February 2026)",
		"Why you went ahead with something missing", "PRIVATE-GO-AHEAD",
		"Informed consent for a medicine session", "The medicine and what to expect", "Fictionalin, by mouth", "In an emergency",
		"Written from version 2 of the practice's consent template.", "Confirmed on 26 February 2026 with the name typed as \u201cZo\u00eb Example\u201d.",
		"Client signature", "Therapist signature", "The session log", "Time What Entry", "(private to the therapist)", "PRIVATE-LOG-NOTE",
		"OUTSIDE WHAT THE TOUCH AGREEMENT WELCOMES", "For the rest of the day", "Observation")
	requireOrder(t, "medicine session packet's log", text,
		"09:35 Dose Dose given: Fictionalin 2.5 g oral Taken with a little water",
		"10:10 Check-in, in the client's words \u201cI feel warm and a bit wobbly\u201d",
		"10:20 Vital signs BP 128/82 · pulse 84 · SpO2 98% · 36.9 °C",
		"10:45 Vital signs Pulse 90 After a walk to the bathroom",
		"11:00 Touch Touch asked: Asked for a hand on the shoulder",
		"11:05 Touch Touch given: Held the client's hand for a few minutes",
		"11:30 Booster Booster given: Fictionalin 1 g oral",
		"12:00 Music or setting Switched to rain sounds",
		"13:10 Adverse event Felt cold and shaky for a while What was done: Blanket and warm tea",
		"13:40", "14:00 Note Resting quietly under the shawl")
	// Only the vital signs taken are printed.
	refuseText(t, "medicine session packet", text, "0/0", "SpO2 0", " 0 °C")
	// Each signature line has its date.
	requireOrder(t, "medicine session packet's signatures", text, "Client signature", "Date", "Therapist signature", "Date")

	// Without entries the packet keeps the blank sheet only.
	j := safetyJourney()
	j.Integration.Sessions[1].Log = nil
	text = pdfText(t, render(t, MedicineSessionPacket(practice(), j, 12, Options{Date: testDate, Copy: TherapistCopy})))
	requireText(t, "medicine session packet without a log", text, "Log", "Times and observations as the session goes", "Observation")
	refuseText(t, "medicine session packet without a log", text, "The session log", "For the rest of the day")
}

// The record carries each medicine session's log, the same table as the
// medicine packet's, and the health and screening. The client's copy
// shows what domain.ClientView leaves: doses without substance, amount
// or route, no private entry, no decision of the therapist's.
func TestTheRecordCarriesTheSessionLogAndHealth(t *testing.T) {
	j := safetyJourney()
	therapist := pdfText(t, render(t, ClientRecord(practice(), j, Options{Date: testDate, Copy: TherapistCopy})))
	client := pdfText(t, render(t, ClientRecord(practice(), j, Options{Date: testDate})))
	both := []string{"The session log, as it was kept on the day", "Dose given", "Booster given", "BP 128/82 · pulse 84 · SpO2 98% · 36.9 °C",
		"Touch given: Held the client's hand for a few minutes", "Adverse event", "Felt cold and shaky for a while", "Resting quietly under the shawl",
		"Support person afterwards", "Ana drives her home at six",
		"Health and screening", "Medications taken now", "Calmodine (fictional)", "10 mg each morning", "Dr Example", "Sleepwell tea",
		"Medications stopped", "Oldrin (fictional)", "1 November 2025", "Penicillin (fictional example)", "Broke a wrist in 2010.",
		"The latest screening, on 20 February 2026, answered together.", "Answered yes or not sure (2 of 3 questions)",
		"Takes an SSRI, SNRI or tricyclic antidepressant", "Once as a child, perhaps", "Not sure", "Answered at the second preparation session.",
		"One earlier screening is kept as it was answered.",
		"Informed consent for a medicine session", "Client signature", "Therapist signature"}
	requireText(t, "therapist's record", therapist, both...)
	requireText(t, "therapist's record", therapist, "Dose given: Fictionalin 2.5 g oral", "Booster given: Fictionalin 1 g oral",
		"Check-in, in the client's words", "OUTSIDE WHAT THE TOUCH AGREEMENT WELCOMES", "PRIVATE-LOG-NOTE", "PRIVATE-FLAGS-DECISION", "PRIVATE-GO-AHEAD")
	requireText(t, "client's record", client, both...)
	requireText(t, "client's record", client, "Check-in, in your words", "\u201cI feel warm and a bit wobbly\u201d", "Outside what the touch agreement welcomes.")
	refuseText(t, "client's record", client, "Fictionalin 2.5 g", "2.5 g", "Fictionalin 1 g", "oral", "PRIVATE-", "(private to the therapist)")
	refuseText(t, "both records", client+therapist, "Takes lithium") // answered no: not a flag

	// One function prints the log: the record's table is the packet's.
	table := func(d Document) Table {
		for _, b := range d.Blocks {
			if tb, ok := b.(Table); ok && len(tb.Columns) == 3 && tb.Columns[2].Title == "Entry" {
				return tb
			}
		}
		t.Fatalf("%s has no log table", d.Title)
		return Table{}
	}
	o := Options{Date: testDate, Copy: TherapistCopy}
	if a, b := table(ClientRecord(practice(), j, o)), table(MedicineSessionPacket(practice(), j, 12, o)); !reflect.DeepEqual(a, b) {
		t.Errorf("the record's log differs from the packet's:\n%v\n%v", a, b)
	}

	// A record with no health recorded says so.
	j.Record.Health = domain.Health{}
	text := pdfText(t, render(t, ClientRecord(practice(), j, Options{Date: testDate})))
	requireText(t, "record without health", text, "Health and screening", "None recorded.", "No screening recorded yet.")
}

// The emergency card is one page in large type: the client's name,
// pronouns and emergency contact, the safety plan as confirmed, the
// medications taken now with their doses, the allergies and the practice.
func TestEmergencyCard(t *testing.T) {
	p := practice()
	p.Phone, p.Email = "+44 20 7946 0000", "hello@willow.example"
	j := safetyJourney()
	for _, paper := range []Paper{A4, Letter} {
		d, err := Make(p, j, Request{Kind: EmergencyPacket}, Options{Date: testDate, Copy: TherapistCopy, Paper: paper})
		if err != nil {
			t.Fatal(err)
		}
		pdf := render(t, d)
		checkPDF(t, pdf)
		if n := pageCount(t, pdf); n != 1 {
			t.Errorf("the card takes %d pages on %s", n, paper)
		}
		text := pdfText(t, pdf)
		requireText(t, "emergency card", text, "Emergency card", "Name Zoë", "Pronouns she/her", "Emergency contact Ana (sister)",
			"Safety plan", "Ana will drive me home", "Confirmed by Zoë on 26 February 2026",
			"Medications and allergies", "Calmodine (fictional) 10 mg each morning", "Sleepwell tea", "Allergies Penicillin (fictional example)",
			"Practice Willow Room Practice +44 20 7946 0000 · hello@willow.example", "As recorded in Tandem on 14 March 2026")
		refuseText(t, "emergency card", text, "Oldrin", "Heliotrope", "PRIVATE-", "Fictionalin", "Broke a wrist", "Takes an SSRI")
	}
	// A long safety plan and four medications still fit one page.
	long := safetyJourney()
	long.Record.Agreements[1].Terms[0].Text = "If I panic: sit with me, breathe slowly with me, remind me where I am. If I want to leave, Ana comes to fetch me; " +
		"I do not drive. If I am in danger, call the emergency number first, then Ana on +44 7700 900123 (fictional). Stay with me until help arrives."
	long.Record.Health.Medications = append(long.Record.Health.Medications, long.Record.Health.Medications...)
	for _, paper := range []Paper{A4, Letter} {
		if n := pageCount(t, render(t, EmergencyCard(p, long, Options{Date: testDate, Copy: TherapistCopy, Paper: paper}))); n != 1 {
			t.Errorf("a card with a long safety plan takes %d pages on %s", n, paper)
		}
	}
	if _, err := Make(p, j, Request{Kind: EmergencyPacket}, Options{Date: testDate, Copy: ClientCopy}); err == nil {
		t.Error("a client copy of the emergency card was made")
	}
	// With nothing recorded the card says so rather than leaving gaps.
	text := pdfText(t, render(t, EmergencyCard(practice(), Journey{Record: domain.ClientRecord{Client: domain.Client{ChosenName: "Sam"}}}, Options{Date: testDate, Copy: TherapistCopy})))
	requireText(t, "empty emergency card", text, "Name Sam", "No safety plan is written yet.", "Medications None recorded", "Allergies None recorded")
}

// A signature is previewed as a ruled line with its label.
func TestSignatureOutline(t *testing.T) {
	o := Outline(Document{Blocks: []Block{Signature{Label: "Client signature"}}})
	if got := fmt.Sprint(o[0].Kind, " ", o[0].Text, " ", o[0].Count); got != "lines Client signature, and date 1" {
		t.Errorf("got %q", got)
	}
}
