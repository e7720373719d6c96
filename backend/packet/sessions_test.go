package packet

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"tandem/backend/domain"
)

func makePDF(t *testing.T, r Request, c Copy) []byte {
	t.Helper()
	d, err := Make(practice(), fullJourney(), r, Options{Date: testDate, Copy: c})
	if err != nil {
		t.Fatal(err)
	}
	return render(t, d)
}

func requireText(t *testing.T, what, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("the %s lacks %q", what, w)
		}
	}
	if t.Failed() {
		t.Logf("%s:\n%s", what, text)
	}
}

func refuseText(t *testing.T, what, text string, unwanted ...string) {
	t.Helper()
	for _, w := range unwanted {
		if strings.Contains(text, w) {
			t.Errorf("the %s shows %q", what, w)
		}
	}
}

func TestEveryKindPassesQPDFWithFontsEmbedded(t *testing.T) {
	for _, k := range Kinds {
		for _, c := range k.Copies() {
			for _, paper := range []Paper{A4, Letter} {
				t.Run(fmt.Sprintf("%s %s %s", k, c, paper), func(t *testing.T) {
					r := Request{Kind: k}
					if k != RecordPacket {
						r.SessionID = 12
					}
					d, err := Make(practice(), fullJourney(), r, Options{Date: testDate, Copy: c, Paper: paper})
					if err != nil {
						t.Fatal(err)
					}
					pdf := render(t, d)
					if fonts := checkPDF(t, pdf); len(fonts) == 0 {
						t.Fatal("no fonts")
					}
					n := pageCount(t, pdf)
					last := pdfText(t, pdf, "-f", fmt.Sprint(n), "-l", fmt.Sprint(n))
					requireText(t, "last page", last, "Willow Room Practice", "Zoë", "14 March 2026", "Confidential", fmt.Sprintf("Page %d of %d", n, n))
				})
			}
		}
	}
}

func TestPreparationShowsTheSettingPlanPracticalNotesAndResources(t *testing.T) {
	text := pdfText(t, makePDF(t, Request{Kind: PreparationPacket}, ClientCopy))
	requireText(t, "preparation packet", text,
		"The setting we are designing", "Sunday 1 March 2026 at 09:30",
		"Light", "Low amber lamp", "Music", "Cello suites, quietly", "Your therapist", "Not sure yet",
		"Objects that matter", "Grandmother's shawl", "Welcome",
		"Sensory", "Incense", "Not wanted: it will not be there",
		"Practical notes for the day", "The garden room", "7 hours",
		"What helps you", "Long out-breaths", "Before hard calls", "How it feels to your", "therapist")
	refuseText(t, "preparation packet", text, "A retired bowl of stones", "Heliotrope")

	// With no medicine session planned, the packet says so.
	j := fullJourney()
	j.Integration.Sessions = j.Integration.Sessions[:1]
	text = pdfText(t, render(t, Preparation(practice(), j, 0, Options{Date: testDate})))
	requireText(t, "preparation packet without a medicine session", text, "The medicine session is not planned yet")
}

func TestMedicineSessionPacket(t *testing.T) {
	text := pdfText(t, makePDF(t, Request{Kind: MedicinePacket, SessionID: 12}, TherapistCopy))
	requireText(t, "medicine session packet", text,
		"Medicine session", "Sunday 1 March 2026 at 09:30", "The garden room",
		"Intentions", "To meet what comes with curiosity",
		"Setting checklist", "Light: Low amber lamp", "Objects that matter: Grandmother's shawl",
		"Not wanted: keep out of the room", "Sensory: Incense",
		"Music plan", "Cello suites, quietly (the client is not sure yet: check)", "Rain sounds at the end",
		"Topics and how we hold them", "Touch", "A hand on the shoulder", "Confirmed by Zoë on 21 January 2025",
		"Safety plan", "Ana will drive me home", "Not confirmed by the client yet",
		"Emergency contact", "Ana (sister)",
		"The session log", "For the rest of the day", "Time", "Observation", "Initials", "After the session")
	refuseText(t, "medicine session packet", text, "A retired bowl of stones", "Goal") // goals are not intentions
	// The therapist's copy carries the medicine details, recorded privately.
	if !strings.Contains(text, privatePhrase) {
		t.Error("the therapist copy lacks the medicine details")
	}
	// The log sheet has its own page.
	pdf := makePDF(t, Request{Kind: MedicinePacket, SessionID: 12}, TherapistCopy)
	n := pageCount(t, pdf)
	if page := pdfText(t, pdf, "-f", fmt.Sprint(n), "-l", fmt.Sprint(n)); !strings.Contains(page, "Observation") {
		t.Errorf("the last page is not the log sheet: %s", page)
	}
}

func TestWorksheet(t *testing.T) {
	for _, days := range WorksheetDays {
		t.Run(fmt.Sprint(days), func(t *testing.T) {
			pdf := makePDF(t, Request{Kind: WorksheetPacket, SessionID: 12, Days: days}, ClientCopy)
			text := pdfText(t, pdf)
			requireText(t, "worksheet", text, "What I notice", "Zoë", fmt.Sprintf("The %d days after the session on 1 March 2026", days),
				"without having to explain", "Areas of life", "Self", "Relationships", "Body", "Emotions", "Beliefs", "Habits",
				"Meaning and spirituality", "Nature and the world", "Other",
				"Day 1 Mon 2 Mar", fmt.Sprintf("Day %d", days), "What I noticed", "Tick \u201cJust noticing\u201d", "Just")
			if strings.Contains(text, fmt.Sprintf("Day %d ", days+1)) {
				t.Errorf("the worksheet goes past day %d", days)
			}
			// Nothing recorded is printed on a blank sheet.
			refuseText(t, "worksheet", text, "My jaw unclenched", "Called my sister")
			if n, max := pageCount(t, pdf), map[int]int{7: 2, 14: 3, 30: 5}[days]; n > max {
				t.Errorf("%d days take %d pages, more than %d", days, n, max)
			}
		})
	}
	text := pdfText(t, makePDF(t, Request{Kind: WorksheetPacket, SessionID: 12, Days: 30}, ClientCopy))
	// Day 30 after 1 March 2026 is 31 March; day 29 is 30 March.
	requireText(t, "30-day worksheet", text, "Day 29 Mon 30 Mar", "Day 30 Tue 31 Mar")
}

func TestIntegrationSummary(t *testing.T) {
	text := pdfText(t, makePDF(t, Request{Kind: SummaryPacket, SessionID: 12}, ClientCopy))
	requireText(t, "integration summary", text,
		"Integration so far", "After the medicine session on 1 March 2026",
		"Body", "Day 2", "3 March 2026", "My jaw unclenched at dinner", "(just noticing)", "3 (clear)",
		"Relationships", "Day 4", "Called my sister first", "Reaching out feels allowed",
		"If I rest, I fall behind", "Working through lunch", "Named by you", "loosening since 10 March 2026",
		"Long out-breaths", "well")
	// Areas come in the worksheet's order: relationships before body.
	if strings.Index(text, "Called my sister") > strings.Index(text, "My jaw") {
		t.Error("the areas are out of order")
	}
}

func TestRecordShowsSessionsAndIntegration(t *testing.T) {
	text := pdfText(t, render(t, ClientRecord(practice(), fullJourney(), Options{Date: testDate})))
	requireText(t, "record", text,
		"Sessions", "Preparation session, 20 February 2026", "Online", "We talked about the room", "Box breathing", "Shoulders dropped", "Named the sister as support",
		"A shared afterthought", "signed on 20 February 2026",
		"Medicine session, 1 March 2026", "A long quiet day", "To meet what comes with curiosity", "Low amber lamp",
		"Felt cold and shaky", "Blanket and warm tea",
		"What you noticed afterwards", "My jaw unclenched at dinner", "Patterns", "If I rest, I fall behind", "Resources", "Long out-breaths")
	refuseText(t, "record", text, "A retired bowl of stones", "private to the therapist", "Private notes", "Substance")

	therapist := pdfText(t, render(t, ClientRecord(practice(), fullJourney(), Options{Date: testDate, Copy: TherapistCopy})))
	requireText(t, "therapist record", therapist, "Private notes", "Substance", "Dose", "(private to the therapist)")
}

func TestMakeRefusesWhatDoesNotFit(t *testing.T) {
	cases := []struct {
		name string
		r    Request
		c    Copy
		code string
	}{
		{"an unknown kind", Request{Kind: "leaflet"}, ClientCopy, domain.EINVALID},
		{"a client copy of the medicine packet", Request{Kind: MedicinePacket, SessionID: 12}, ClientCopy, domain.EINVALID},
		{"a therapist copy of the worksheet", Request{Kind: WorksheetPacket, SessionID: 12}, TherapistCopy, domain.EINVALID},
		{"a medicine packet without a session", Request{Kind: MedicinePacket}, TherapistCopy, domain.EINVALID},
		{"a worksheet for a preparation session", Request{Kind: WorksheetPacket, SessionID: 11}, ClientCopy, domain.EINVALID},
		{"another client's session", Request{Kind: SummaryPacket, SessionID: 99}, ClientCopy, domain.ENOTFOUND},
		{"a worksheet of 10 days", Request{Kind: WorksheetPacket, SessionID: 12, Days: 10}, ClientCopy, domain.EINVALID},
		{"days on a summary", Request{Kind: SummaryPacket, Days: 7}, ClientCopy, domain.EINVALID},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Make(practice(), fullJourney(), c.r, Options{Date: testDate, Copy: c.c})
			var de *domain.Error
			if !errors.As(err, &de) || de.Code != c.code {
				t.Fatalf("got %v, want code %s", err, c.code)
			}
		})
	}
}

func TestAvailable(t *testing.T) {
	kinds := func(sessionID int64) string {
		offers, err := Available(fullJourney(), sessionID)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, o := range offers {
			out = append(out, fmt.Sprintf("%s%v", o.Kind, o.Copies))
		}
		return strings.Join(out, " ")
	}
	if got, want := kinds(0), "preparation[client therapist] summary[client] record[client therapist] emergency[therapist]"; got != want {
		t.Errorf("for the client: %s, want %s", got, want)
	}
	if got, want := kinds(11), "preparation[client therapist] summary[client] record[client therapist] emergency[therapist]"; got != want {
		t.Errorf("for a preparation session: %s, want %s", got, want)
	}
	if got, want := kinds(12), "preparation[client therapist] medicine[therapist] worksheet[client] summary[client] record[client therapist] emergency[therapist]"; got != want {
		t.Errorf("for a medicine session: %s, want %s", got, want)
	}
	if _, err := Available(fullJourney(), 99); err == nil {
		t.Error("a session of no one was accepted")
	}
}
