package domain

import (
	"slices"
	"strings"
	"testing"
)

// checklist is a small contraindications checklist, in the order asked.
func checklist() []ScreeningItem {
	return []ScreeningItem{
		{ID: 11, Text: "Takes lithium", Position: 1},
		{ID: 12, Text: "Seizures or epilepsy", Position: 2},
		{ID: 13, Text: "Pregnant or breastfeeding", Position: 3},
	}
}

func TestAScreenAnswerIsNoYesOrNotSureAndYesAndNotSureAreFlagged(t *testing.T) {
	for _, c := range []struct {
		a              ScreenAnswer
		valid, flagged bool
	}{
		{AnswerNo, true, false},
		{AnswerYes, true, true},
		{AnswerUnsure, true, true},
		{"", false, false},
		{"maybe", false, false},
		{"YES", false, false},
	} {
		if c.a.Valid() != c.valid || c.a.Flagged() != c.flagged {
			t.Errorf("%q: valid %v flagged %v; want %v %v", c.a, c.a.Valid(), c.a.Flagged(), c.valid, c.flagged)
		}
	}
}

func TestAScreeningsFlagsAreItsYesAndNotSureAnswersInTheChecklistsOrder(t *testing.T) {
	s := Screening{Answers: []ScreeningAnswer{
		{ItemID: 1, Item: "a", Answer: AnswerNo},
		{ItemID: 2, Item: "b", Answer: AnswerUnsure, Note: "asks their GP"},
		{ItemID: 3, Item: "c", Answer: AnswerNo},
		{ItemID: 4, Item: "d", Answer: AnswerYes},
	}}
	got := s.Flags()
	if len(got) != 2 || got[0].ItemID != 2 || got[0].Note != "asks their GP" || got[1].ItemID != 4 {
		t.Fatalf("flags %+v; want items 2 (with its note) and 4", got)
	}
	if f := (Screening{Answers: []ScreeningAnswer{{ItemID: 1, Answer: AnswerNo}}}).Flags(); len(f) != 0 {
		t.Fatalf("all answered no: flags %+v", f)
	}
}

func TestHealthsLatestScreeningAndCurrentMedications(t *testing.T) {
	var h Health
	if _, ok := h.Latest(); ok {
		t.Fatal("no screenings, yet a latest one")
	}
	if len(h.Current()) != 0 {
		t.Fatal("no medications, yet current ones")
	}
	h = Health{
		Screenings: []Screening{{ID: 1, ScreenedOn: "2026-01-05"}, {ID: 7, ScreenedOn: "2026-05-30"}},
		Medications: []Medication{
			{ID: 1, Name: "Sertraline", StoppedOn: "2026-02-01"},
			{ID: 2, Name: "Ibuprofen"},
			{ID: 3, Name: "Melatonin"},
		},
	}
	if l, ok := h.Latest(); !ok || l.ID != 7 {
		t.Fatalf("latest %+v %v; want the last one (id 7)", l, ok)
	}
	cur := h.Current()
	if len(cur) != 2 || cur[0].Name != "Ibuprofen" || cur[1].Name != "Melatonin" {
		t.Fatalf("current %+v; want the two not stopped, in order", cur)
	}
}

func TestAMedicationIsCheckedAndNormalised(t *testing.T) {
	m := Medication{Name: "  Sertraline ", Dose: " 50 mg ", Since: " 2019 ", Prescriber: " Dr Fictional ", Notes: " Morning\r\nwith food ", StoppedOn: " 2026-03-01 "}
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	if m.Name != "Sertraline" || m.Dose != "50 mg" || m.Since != "2019" || m.Prescriber != "Dr Fictional" || m.Notes != "Morning\nwith food" || m.StoppedOn != "2026-03-01" {
		t.Fatalf("not normalised: %+v", m)
	}
	if m.Author != ByTherapist {
		t.Fatalf("author %q; want the therapist when unsaid", m.Author)
	}
	byClient := Medication{Name: "St John's wort", Author: ByClient}
	if err := byClient.Validate(); err != nil || byClient.Author != ByClient {
		t.Fatalf("%v %q", err, byClient.Author)
	}
	for field, bad := range map[string]Medication{
		"name":       {Name: "   "},
		"dose":       {Name: "x", Dose: "50 mg\ntwice"},
		"since":      {Name: "x", Since: strings.Repeat("y", MaxShortText+1)},
		"prescriber": {Name: "x", Prescriber: "Dr\x07"},
		"notes":      {Name: "x", Notes: strings.Repeat("n", MaxLongText+1)},
		"stoppedOn":  {Name: "x", StoppedOn: "last March"},
		"author":     {Name: "x", Author: "nurse"},
	} {
		if err := bad.Validate(); ErrorCode(err) != EINVALID || ErrorField(err) != field {
			t.Errorf("%s: got %v", field, err)
		}
	}
}

func TestAllergiesAndHealthHistoryAreCleaned(t *testing.T) {
	a, h, err := CleanHealthNotes("  Penicillin\r\n", "\tAsthma as a child.\n")
	if err != nil || a != "Penicillin" || h != "Asthma as a child." {
		t.Fatalf("%q %q %v", a, h, err)
	}
	if a, h, err := CleanHealthNotes("", ""); err != nil || a != "" || h != "" {
		t.Fatalf("both empty is allowed: %q %q %v", a, h, err)
	}
	if _, _, err := CleanHealthNotes("x\x00", ""); ErrorField(err) != "allergies" {
		t.Fatalf("allergies: %v", err)
	}
	if _, _, err := CleanHealthNotes("", strings.Repeat("h", MaxLongText+1)); ErrorField(err) != "history" {
		t.Fatalf("history: %v", err)
	}
}

func TestAChecklistItemIsOneLineOfText(t *testing.T) {
	if got, err := CleanScreeningItem("  Takes lithium  "); err != nil || got != "Takes lithium" {
		t.Fatalf("%q %v", got, err)
	}
	for _, bad := range []string{"", "   ", "Two\nlines", strings.Repeat("x", MaxLineText+1)} {
		if _, err := CleanScreeningItem(bad); ErrorField(err) != "text" {
			t.Errorf("%q: got %v", bad, err)
		}
	}
}

func TestANewScreeningAnswersEveryItemOnceInTheChecklistsOrder(t *testing.T) {
	items := checklist()
	n := NewScreening{ClientID: 4, ScreenedOn: " 2026-06-01 ", AnsweredBy: ByClient, Note: " Read together. ", Answers: []ScreeningAnswer{
		// Out of order, with a stale wording the checklist's replaces.
		{ItemID: 13, Item: "old wording", Answer: AnswerNo},
		{ItemID: 11, Answer: AnswerUnsure, Note: "  asks the GP\r\n"},
		{ItemID: 12, Answer: AnswerYes},
	}}
	if err := n.Validate(items); err != nil {
		t.Fatal(err)
	}
	if n.ScreenedOn != "2026-06-01" || n.Note != "Read together." {
		t.Fatalf("not normalised: %+v", n)
	}
	want := []ScreeningAnswer{
		{ItemID: 11, Item: "Takes lithium", Answer: AnswerUnsure, Note: "asks the GP"},
		{ItemID: 12, Item: "Seizures or epilepsy", Answer: AnswerYes},
		{ItemID: 13, Item: "Pregnant or breastfeeding", Answer: AnswerNo},
	}
	if !slices.Equal(n.Answers, want) {
		t.Fatalf("answers %+v\nwant %+v", n.Answers, want)
	}
}

func TestANewScreeningIsRefused(t *testing.T) {
	all := func() []ScreeningAnswer {
		return []ScreeningAnswer{{ItemID: 11, Answer: AnswerNo}, {ItemID: 12, Answer: AnswerNo}, {ItemID: 13, Answer: AnswerNo}}
	}
	cases := []struct {
		name, field, says string
		items             []ScreeningItem
		edit              func(n *NewScreening)
	}{
		{"an item unanswered", "answers", "Seizures or epilepsy", checklist(), func(n *NewScreening) { n.Answers = slices.Delete(n.Answers, 1, 2) }},
		{"an item answered with nothing", "answers", "Pregnant or breastfeeding", checklist(), func(n *NewScreening) { n.Answers[2].Answer = "" }},
		{"no answers at all", "answers", "Takes lithium; Seizures or epilepsy; Pregnant or breastfeeding", checklist(), func(n *NewScreening) { n.Answers = nil }},
		{"an answer to an unknown item", "answers", "no longer on the checklist", checklist(), func(n *NewScreening) {
			n.Answers = append(n.Answers, ScreeningAnswer{ItemID: 99, Answer: AnswerNo})
		}},
		{"an answer to a retired item (not among those asked)", "answers", "no longer on the checklist", checklist()[:2], func(n *NewScreening) {}},
		{"an item answered twice", "answers", "twice", checklist(), func(n *NewScreening) {
			n.Answers = append(n.Answers, ScreeningAnswer{ItemID: 12, Answer: AnswerYes})
		}},
		{"an answer that is not no, yes or not sure", "answers", "not sure", checklist(), func(n *NewScreening) { n.Answers[0].Answer = "maybe" }},
		{"a note with a control character", "answers", "", checklist(), func(n *NewScreening) { n.Answers[0].Note = "a\x07b" }},
		{"a checklist with no items", "answers", "Settings", nil, func(n *NewScreening) { n.Answers = nil }},
		{"no date", "screenedOn", "", checklist(), func(n *NewScreening) { n.ScreenedOn = "" }},
		{"a date that is not one", "screenedOn", "", checklist(), func(n *NewScreening) { n.ScreenedOn = "2026-02-30" }},
		{"no one answering", "answeredBy", "", checklist(), func(n *NewScreening) { n.AnsweredBy = "" }},
		{"an unknown answerer", "answeredBy", "", checklist(), func(n *NewScreening) { n.AnsweredBy = "nurse" }},
		{"a note too long", "note", "", checklist(), func(n *NewScreening) { n.Note = strings.Repeat("x", MaxLongText+1) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n := NewScreening{ScreenedOn: "2026-06-01", AnsweredBy: ByTogether, Answers: all()}
			c.edit(&n)
			err := n.Validate(c.items)
			if ErrorCode(err) != EINVALID || ErrorField(err) != c.field {
				t.Fatalf("got %v (field %q); want field %q", err, ErrorField(err), c.field)
			}
			if !strings.Contains(ErrorMessage(err), c.says) {
				t.Fatalf("message %q does not say %q", ErrorMessage(err), c.says)
			}
		})
	}
}

func TestTheStartingChecklistIsTenDistinctValidItems(t *testing.T) {
	if len(StartingChecklist) != 10 {
		t.Fatalf("%d items; want 10", len(StartingChecklist))
	}
	seen := map[string]bool{}
	for _, s := range StartingChecklist {
		got, err := CleanScreeningItem(s)
		if err != nil || got != s {
			t.Errorf("%q does not pass as an item: %q %v", s, got, err)
		}
		if seen[s] {
			t.Errorf("%q twice", s)
		}
		seen[s] = true
	}
}
