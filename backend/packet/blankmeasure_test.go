package packet

import (
	"strings"
	"testing"

	"tandem/backend/domain"
)

func TestABlankQuestionnaireCarriesEveryQuestionAndAnswer(t *testing.T) {
	p := domain.Practice{Name: "Example Practice (fictional)"}
	phq9, _ := domain.BuiltInInstrument("phq9")
	pdf := render(t, BlankMeasure(p, phq9, "Zoë Ñúñez-Øvergård", Options{Paper: A4, Date: testDate}))
	checkPDF(t, pdf)
	text := strings.Join(strings.Fields(pdfText(t, pdf)), " ")
	for _, want := range []string{"PHQ-9", "To answer by hand", "Zoë Ñúñez-Øvergård", "Date answered", "Over the last 2 weeks",
		"1. Little interest or pleasure in doing things", "0 Not at all", "3 Nearly every day", "9. Thoughts that you would be better off dead",
		"10. If you checked off any problems", "Extremely difficult", "Source:"} {
		if !strings.Contains(text, want) {
			t.Errorf("the blank PHQ-9 lacks %q:\n%s", want, text)
		}
	}

	// A long scale is a list of boxes under each question; a questionnaire of the therapist's says
	// under which licence it is used and which version it is, and a blank for no one names no one.
	own := domain.Instrument{Key: "own-1", Name: "Evening Calm Check (fictional)", Version: 2, ScaleMin: 0, ScaleMax: 10,
		Options: []domain.Option{{Value: 0, Label: "Not at all"}, {Value: 10, Label: "Completely"}},
		Items:   []domain.Item{{Number: 1, Text: "I felt settled"}, {Number: 2, Text: "I was on edge", Reverse: true}},
		Scoring: domain.SumScoring, Licence: "Written for this test (fictional)."}
	if err := own.Validate(); err != nil {
		t.Fatal(err)
	}
	pdf = render(t, BlankMeasure(p, own, "", Options{Paper: Letter, Date: testDate}))
	checkPDF(t, pdf)
	text = strings.Join(strings.Fields(pdfText(t, pdf)), " ")
	for _, want := range []string{"Evening Calm Check (fictional)", "1. I felt settled", "2. I was on edge", "0 Not at all", "10 Completely",
		"Used under: Written for this test (fictional).", "Version 2 of this questionnaire"} {
		if !strings.Contains(text, want) {
			t.Errorf("the blank questionnaire of the therapist's lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Zoë") {
		t.Error("a blank for no client names one")
	}

	// Five to seven answers: the columns are headed with the values, the wording given once above.
	five := own
	five.ScaleMax, five.Options = 4, []domain.Option{{Value: 0, Label: "Not at all"}, {Value: 2, Label: "Somewhat"}, {Value: 4, Label: "Very much"}}
	if err := five.Validate(); err != nil {
		t.Fatal(err)
	}
	text = strings.Join(strings.Fields(pdfText(t, render(t, BlankMeasure(p, five, "", Options{Paper: A4, Date: testDate})))), " ")
	if !strings.Contains(text, "Answers: 0 Not at all · 1 · 2 Somewhat · 3 · 4 Very much") || !strings.Contains(text, "Question 0 1 2 3 4") {
		t.Errorf("the five-answer blank reads:\n%s", text)
	}
}
