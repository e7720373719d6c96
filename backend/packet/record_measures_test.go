package packet

import (
	"strings"
	"testing"

	"tandem/backend/domain"
)

func TestTheRecordListsTheQuestionnairesWithTheChangeFromTheFirst(t *testing.T) {
	phq9, _ := domain.BuiltInInstrument("phq9")
	gad7, _ := domain.BuiltInInstrument("gad7")
	answered := func(in domain.Instrument, date string, values ...int) domain.Measure {
		var answers []domain.Answer
		for i, v := range values {
			if v >= 0 {
				answers = append(answers, domain.Answer{Item: i + 1, Value: v})
			}
		}
		r, err := domain.Score(in, answers)
		if err != nil {
			t.Fatal(err)
		}
		return domain.Measure{ClientID: 7, Date: date, Instrument: in, Answers: answers, Result: r, Notes: "PRIVATE-NOTE", FollowUp: "PRIVATE-FOLLOW-UP"}
	}
	j := fullJourney()
	j.Integration.Measures = []domain.Measure{
		answered(phq9, "2026-04-01", 1, 1, 1, 1, 1, 1, 1, 0, 0, 0), // 7, Mild
		answered(phq9, "2026-03-01", 2, 2, 2, 1, 1, 1, 1, 1, 1, 1), // 12, Moderate (question 9 flagged)
		answered(gad7, "2026-03-02", 0, -1, -1, -1, 1, 1, 1),       // three left blank: no score
	}
	text := strings.Join(strings.Fields(pdfText(t, render(t, ClientRecord(practice(), j, Options{Date: testDate})))), " ")
	for _, want := range []string{"Questionnaires", "1 March 2026 PHQ-9 12 Moderate first", "2 March 2026 GAD-7 No score: too many questions left blank",
		"1 April 2026 PHQ-9 7 Mild -5"} {
		if !strings.Contains(text, want) {
			t.Errorf("the record lacks %q:\n%s", want, text)
		}
	}
	for _, never := range []string{"PRIVATE-NOTE", "PRIVATE-FOLLOW-UP", "Question 9"} {
		if strings.Contains(text, never) {
			t.Errorf("the client's record shows %q", never)
		}
	}
	empty := pdfText(t, render(t, ClientRecord(practice(), fullJourney(), Options{Date: testDate})))
	if !strings.Contains(empty, "No questionnaires answered yet.") {
		t.Error("a record without questionnaires does not say so")
	}
}
