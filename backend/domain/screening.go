package domain

import "strings"

// Health is a client's health and medication screening: what they take,
// their allergies and health history in a few lines, and every screening
// against the practice's contraindications checklist, oldest first. It is
// the client's own information and shared with them. Tandem records it
// for the therapist's judgement; it never decides whether a medicine
// session is safe and gives no medical advice.
type Health struct {
	Medications []Medication `json:"medications" vis:"shared"`
	Allergies   string       `json:"allergies" vis:"shared"`
	History     string       `json:"history" vis:"shared"`
	// Updated is when allergies or history last changed ("" when never
	// written).
	Updated    string      `json:"updated" vis:"shared"`
	Screenings []Screening `json:"screenings" vis:"shared"`
}

// Latest is the newest screening, and whether there is one.
func (h Health) Latest() (Screening, bool) {
	if len(h.Screenings) == 0 {
		return Screening{}, false
	}
	return h.Screenings[len(h.Screenings)-1], true
}

// LatestOn is the newest screening dated on or before date (YYYY-MM-DD):
// the one a session on that day was prepared with, whatever was screened
// after it.
func (h Health) LatestOn(date string) (Screening, bool) {
	for i := len(h.Screenings) - 1; i >= 0; i-- {
		if h.Screenings[i].ScreenedOn <= date {
			return h.Screenings[i], true
		}
	}
	return Screening{}, false
}

// Current are the medications not stopped.
func (h Health) Current() []Medication {
	var out []Medication
	for _, m := range h.Medications {
		if m.StoppedOn == "" {
			out = append(out, m)
		}
	}
	return out
}

// Medication is one medicine, supplement or remedy the client takes or
// took: stopping keeps the row, dated.
type Medication struct {
	ID         int64  `json:"id" vis:"shared"`
	ClientID   int64  `json:"clientId" vis:"shared"`
	Name       string `json:"name" vis:"shared"`
	Dose       string `json:"dose" vis:"shared"`
	Since      string `json:"since" vis:"shared"` // as the client says it: "2019", "March"
	Prescriber string `json:"prescriber" vis:"shared"`
	Notes      string `json:"notes" vis:"shared"`
	StoppedOn  string `json:"stoppedOn" vis:"shared"` // YYYY-MM-DD, "" while taken
	Author     Actor  `json:"author" vis:"shared"`
	Created    string `json:"created" vis:"shared"`
	Updated    string `json:"updated" vis:"shared"`
}

// Validate normalises m.
func (m *Medication) Validate() error {
	var err error
	lines := []struct {
		p            *string
		field, label string
		required     bool
	}{
		{&m.Name, "name", "The medication's name", true},
		{&m.Dose, "dose", "The dose", false},
		{&m.Since, "since", "Since when", false},
		{&m.Prescriber, "prescriber", "The prescriber", false},
	}
	for _, f := range lines {
		if *f.p, err = CleanLine(f.field, f.label, *f.p, MaxShortText, f.required); err != nil {
			return err
		}
	}
	if m.Notes, err = CleanText("notes", "The notes", m.Notes, MaxLongText, false); err != nil {
		return err
	}
	if m.StoppedOn, err = ParseDate("stoppedOn", "The date it was stopped", m.StoppedOn, false); err != nil {
		return err
	}
	if m.Author == "" {
		m.Author = ByTherapist
	}
	if !m.Author.Valid() {
		return FieldError("author", "Say who wrote this: the client, you, or the two of you together.")
	}
	return nil
}

// CleanHealthNotes checks the allergies and health history.
func CleanHealthNotes(allergies, history string) (string, string, error) {
	a, err := CleanText("allergies", "The allergies", allergies, MaxLongText, false)
	if err != nil {
		return "", "", err
	}
	h, err := CleanText("history", "The health history", history, MaxLongText, false)
	return a, h, err
}

// ScreeningItem is one line of the practice's contraindications checklist,
// which the therapist owns and edits in Settings. Retiring an item keeps
// the answers already given to it.
type ScreeningItem struct {
	ID       int64  `json:"id"`
	Text     string `json:"text"`
	Position int    `json:"position"`
	Retired  string `json:"retired"` // when retired, "" while asked
}

// CleanScreeningItem checks an item's wording.
func CleanScreeningItem(text string) (string, error) {
	return CleanLine("text", "The item", text, MaxLineText, true)
}

// ScreenAnswer is the answer to one screening item.
type ScreenAnswer string

const (
	AnswerNo     ScreenAnswer = "no"
	AnswerYes    ScreenAnswer = "yes"
	AnswerUnsure ScreenAnswer = "unsure"
)

// Valid reports whether a is a known answer.
func (a ScreenAnswer) Valid() bool { return a == AnswerNo || a == AnswerYes || a == AnswerUnsure }

// Flagged reports whether the answer asks for the therapist's attention:
// yes, or not sure.
func (a ScreenAnswer) Flagged() bool { return a == AnswerYes || a == AnswerUnsure }

// Screening is one round of the contraindications checklist, answered on a
// date by the client, the therapist or the two together. A re-screening is
// a new round; earlier rounds stay as they were answered. Each answer
// keeps the item's wording as it was asked.
type Screening struct {
	ID         int64             `json:"id" vis:"shared"`
	ClientID   int64             `json:"clientId" vis:"shared"`
	ScreenedOn string            `json:"screenedOn" vis:"shared"`
	AnsweredBy Actor             `json:"answeredBy" vis:"shared"`
	Note       string            `json:"note" vis:"shared"`
	Answers    []ScreeningAnswer `json:"answers" vis:"shared"`
	Created    string            `json:"created" vis:"shared"`
}

// ScreeningAnswer is one item's answer with its note.
type ScreeningAnswer struct {
	ItemID int64        `json:"itemId" vis:"shared"`
	Item   string       `json:"item" vis:"shared"`
	Answer ScreenAnswer `json:"answer" vis:"shared"`
	Note   string       `json:"note" vis:"shared"`
}

// Flags are the answers yes or not sure, in the checklist's order.
func (s Screening) Flags() []ScreeningAnswer {
	var out []ScreeningAnswer
	for _, a := range s.Answers {
		if a.Answer.Flagged() {
			out = append(out, a)
		}
	}
	return out
}

// NewScreening is a round of answers to record.
type NewScreening struct {
	ClientID   int64             `json:"clientId"`
	ScreenedOn string            `json:"screenedOn"`
	AnsweredBy Actor             `json:"answeredBy"`
	Note       string            `json:"note"`
	Answers    []ScreeningAnswer `json:"answers"`
}

// Validate checks n against the items being asked (the checklist's items
// not retired): every item answered once, and nothing else.
func (n *NewScreening) Validate(items []ScreeningItem) error {
	var err error
	if n.ScreenedOn, err = ParseDate("screenedOn", "The date of the screening", n.ScreenedOn, true); err != nil {
		return err
	}
	if !n.AnsweredBy.Valid() {
		return FieldError("answeredBy", "Say who answered: the client, you, or the two of you together.")
	}
	if n.Note, err = CleanText("note", "The note", n.Note, MaxLongText, false); err != nil {
		return err
	}
	given := map[int64]ScreeningAnswer{}
	for _, a := range n.Answers {
		if _, dup := given[a.ItemID]; dup {
			return FieldError("answers", "An item is answered twice.")
		}
		given[a.ItemID] = a
	}
	out := make([]ScreeningAnswer, 0, len(items))
	var unanswered []string
	for _, it := range items {
		a, ok := given[it.ID]
		delete(given, it.ID)
		if !ok || a.Answer == "" {
			unanswered = append(unanswered, it.Text)
			continue
		}
		if !a.Answer.Valid() {
			return FieldError("answers", "Answer each item no, yes or not sure.")
		}
		if a.Note, err = CleanText("answers", "A note on an answer", a.Note, MaxLongText, false); err != nil {
			return err
		}
		out = append(out, ScreeningAnswer{ItemID: it.ID, Item: it.Text, Answer: a.Answer, Note: a.Note})
	}
	if len(given) > 0 {
		return FieldError("answers", "An answer is for an item no longer on the checklist. Open the screening again.")
	}
	if len(items) == 0 {
		return FieldError("answers", "The checklist has no items. Add them in Settings first.")
	}
	if len(unanswered) > 0 {
		return FieldError("answers", "Answer every item, if only with \"not sure\": "+strings.Join(unanswered, "; ")+".")
	}
	n.Answers = out
	return nil
}

// StartingChecklist is the contraindications checklist a new vault starts
// with: a starting point for the therapist's own clinical judgement, to be
// changed to fit their practice, the substances they work with and the law
// where they work. Migration 0016 writes the same lines.
var StartingChecklist = []string{
	"Takes lithium",
	"Takes an MAOI (for example phenelzine, tranylcypromine, moclobemide, selegiline)",
	"Takes an SSRI, SNRI or tricyclic antidepressant",
	"Takes tramadol",
	"Takes St John's wort",
	"Heart disease, or blood pressure that is not under control",
	"A personal or family history of psychosis, schizophrenia or bipolar I",
	"Seizures or epilepsy",
	"Pregnant or breastfeeding",
	"A suicidal crisis in the last year",
}
