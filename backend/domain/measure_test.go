package domain

import (
	"encoding/json"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// answers numbers values from question 1; a negative value leaves that
// question unanswered.
func answers(values ...int) []Answer {
	var out []Answer
	for i, v := range values {
		if v >= 0 {
			out = append(out, Answer{Item: i + 1, Value: v})
		}
	}
	return out
}

// answersTotalling answers n questions on a 0..max scale so that they add
// up to total, filling the first questions first.
func answersTotalling(n, max, total int) []Answer {
	out := make([]Answer, n)
	for i := range out {
		v := min(max, total)
		total -= v
		out[i] = Answer{Item: i + 1, Value: v}
	}
	return out
}

func mustScore(t *testing.T, in Instrument, a []Answer) Result {
	t.Helper()
	r, err := Score(in, a)
	if err != nil {
		t.Fatalf("Score(%s, %v): %v", in.Key, a, err)
	}
	return r
}

// wellbeing is a therapist's own instrument: six questions answered 1 to
// 5, the 2nd and 5th reverse-scored, averaged, with two averaged subscales
// and one unanswered question allowed in each and in the total.
func wellbeing() Instrument {
	return Instrument{
		Key: "wellbeing", Name: "My wellbeing check", Version: 1,
		Stem:     "In the past week:",
		ScaleMin: 1, ScaleMax: 5,
		Options: []Option{{1, "Never"}, {3, "Sometimes"}, {5, "Always"}},
		Items: []Item{
			{Number: 1, Text: "I felt calm."},
			{Number: 2, Text: "I felt on edge.", Reverse: true},
			{Number: 3, Text: "I slept well."},
			{Number: 4, Text: "I felt close to someone."},
			{Number: 5, Text: "I felt alone.", Reverse: true},
			{Number: 6, Text: "I spent time with friends."},
		},
		Scoring: MeanScoring, MaxMissing: 1,
		Bands: []Band{{1, 2.99, "Lower"}, {3, 5, "Higher"}},
		Subscales: []Subscale{
			{Key: "calm", Name: "Calm", Items: []int{1, 2, 3}, Scoring: MeanScoring, MaxMissing: 1},
			{Key: "connection", Name: "Connection", Items: []int{4, 5, 6}, Scoring: MeanScoring, MaxMissing: 1},
		},
		Licence: "Written by me; free to use.",
	}
}

func TestACustomInstrumentReverseScoresAndAveragesItsSubscales(t *testing.T) {
	in := wellbeing()
	if err := in.Validate(); err != nil {
		t.Fatal(err)
	}
	// Answers 4, 2, 3, 5, 1, 2. Reversed on 1..5, 2 counts as 1+5-2 = 4 and
	// 1 counts as 1+5-1 = 5, so the values are 4, 4, 3, 5, 5, 2.
	// Calm (1-3): (4+4+3)/3 = 3.666… → 3.67. Connection (4-6): (5+5+2)/3 = 4.
	// Total: 23/6 = 3.833… → 3.83, in "Higher" (3 to 5).
	r := mustScore(t, in, answers(4, 2, 3, 5, 1, 2))
	if !r.HasTotal || r.Total != 3.83 || r.Prorated || r.Band != "Higher" || r.Missing != 0 || r.Answered != 6 {
		t.Errorf("total: %+v", r)
	}
	want := []SubscaleResult{{Key: "calm", Name: "Calm", HasScore: true, Score: 3.67}, {Key: "connection", Name: "Connection", HasScore: true, Score: 4}}
	if !slices.Equal(r.Subscales, want) {
		t.Errorf("subscales = %+v, want %+v", r.Subscales, want)
	}

	// Question 3 unanswered (one allowed): Calm is the mean of 4 and 4 = 4;
	// the total the mean of 4, 4, 5, 5, 2 = 20/5 = 4; both marked prorated.
	r = mustScore(t, in, answers(4, 2, -1, 5, 1, 2))
	if !r.HasTotal || r.Total != 4 || !r.Prorated || r.Missing != 1 || !slices.Equal(r.MissingItems, []int{3}) {
		t.Errorf("one missing: %+v", r)
	}
	if s := r.Subscales[0]; !s.HasScore || s.Score != 4 || !s.Prorated || s.Missing != 1 {
		t.Errorf("calm with one missing: %+v", s)
	}
	// Questions 1 and 3 unanswered: one beyond the limit for Calm and for the
	// total; Connection is whole.
	r = mustScore(t, in, answers(-1, 2, -1, 5, 1, 2))
	if r.HasTotal || r.Total != 0 || r.Band != "" || r.Missing != 2 || r.Subscales[0].HasScore || !r.Subscales[1].HasScore {
		t.Errorf("two missing: %+v", r)
	}

	// A reversed lowest answer counts as the highest.
	r = mustScore(t, in, answers(5, 1, 5, 5, 1, 5))
	if r.Total != 5 {
		t.Errorf("all at the top, reversed ones at the bottom: total %v, want 5", r.Total)
	}
}

func TestSumScoringProratesAndRoundsHalvesUp(t *testing.T) {
	in := wellbeing()
	in.Scoring, in.Bands, in.Subscales, in.MaxMissing = SumScoring, nil, nil, 2
	if err := in.Validate(); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		answers []Answer
		want    float64
	}{
		// 4 answered, values 1+1+1+2 = 5 (question 2 reversed: 1+5-5 = 1):
		// 5 × 6 / 4 = 7.5 → 8.
		{answers(1, 5, 1, 2, -1, -1), 8},
		// 5 answered, 1+1+1+1+1 = 5: 5 × 6 / 5 = 6 exactly.
		{answers(1, 5, 1, 1, 5, -1), 6},
		// 4 answered, 1+1+1+1 = 4: 4 × 6 / 4 = 6.
		{answers(1, 5, -1, 1, 5, -1), 6},
		// 4 answered, 2+1+1+3 = 7: 7 × 6 / 4 = 10.5 → 11.
		{answers(2, 5, 1, 3, -1, -1), 11},
	} {
		r := mustScore(t, in, c.answers)
		if !r.HasTotal || !r.Prorated || r.Total != c.want {
			t.Errorf("%v: total %v (prorated %v), want %v", c.answers, r.Total, r.Prorated, c.want)
		}
	}
}

func TestScoreRefusesAnswersOutsideTheInstrument(t *testing.T) {
	in := wellbeing()
	for name, a := range map[string][]Answer{
		"below the scale":   {{Item: 1, Value: 0}},
		"above the scale":   {{Item: 1, Value: 6}},
		"unknown question":  {{Item: 7, Value: 3}},
		"question zero":     {{Item: 0, Value: 3}},
		"answered twice":    {{Item: 1, Value: 3}, {Item: 1, Value: 4}},
		"negative question": {{Item: -1, Value: 3}},
	} {
		if _, err := Score(in, a); ErrorCode(err) != EINVALID || ErrorField(err) != "answers" {
			t.Errorf("%s: err = %v, want EINVALID on answers", name, err)
		}
	}
	// An unlabelled value inside the scale is an answer.
	if _, err := Score(in, []Answer{{Item: 1, Value: 2}}); err != nil {
		t.Errorf("value 2 on a 1..5 scale labelled at 1, 3 and 5: %v", err)
	}
}

func TestValidateRefusesABadDefinition(t *testing.T) {
	for _, c := range []struct {
		name, field string
		change      func(*Instrument)
	}{
		{"no items", "items", func(in *Instrument) { in.Items = nil }},
		{"duplicate item numbers", "items", func(in *Instrument) { in.Items[3].Number = 3 }},
		{"items out of order", "items", func(in *Instrument) { in.Items[0].Number = 9 }},
		{"item without wording", "items", func(in *Instrument) { in.Items[2].Text = "  " }},
		{"only unscored items", "items", func(in *Instrument) {
			in.Items = []Item{{Number: 1, Text: "How was it?", Unscored: true}}
			in.Subscales, in.MaxMissing = nil, 0
		}},
		{"subscale names an unknown item", "subscales", func(in *Instrument) { in.Subscales[1].Items = []int{4, 5, 9} }},
		{"subscale names an item twice", "subscales", func(in *Instrument) { in.Subscales[1].Items = []int{4, 4} }},
		{"subscale without items", "subscales", func(in *Instrument) { in.Subscales[0].Items = nil }},
		{"two subscales with one key", "subscales", func(in *Instrument) { in.Subscales[1].Key = "calm" }},
		{"bands overlap", "bands", func(in *Instrument) { in.Bands = []Band{{1, 3, "Lower"}, {3, 5, "Higher"}} }},
		{"bands leave a gap", "bands", func(in *Instrument) { in.Bands = []Band{{1, 2.5, "Lower"}, {3, 5, "Higher"}} }},
		{"band below the scale", "bands", func(in *Instrument) { in.Bands = []Band{{0, 2.99, "Lower"}, {3, 5, "Higher"}} }},
		{"bands stop short of the top", "bands", func(in *Instrument) { in.Bands = []Band{{1, 2.99, "Lower"}, {3, 4, "Higher"}} }},
		{"band above the scale", "bands", func(in *Instrument) { in.Bands = []Band{{1, 2.99, "Lower"}, {3, 6, "Higher"}} }},
		{"band starts above the lowest score", "bands", func(in *Instrument) { in.Bands = []Band{{2, 5, "All"}} }},
		{"band without a name", "bands", func(in *Instrument) { in.Bands[0].Label = "" }},
		{"sum bands on fractions", "bands", func(in *Instrument) {
			in.Scoring, in.Subscales = SumScoring, nil
			in.Bands = []Band{{6, 17.5, "Lower"}, {18, 30, "Higher"}}
		}},
		{"subscale band gap", "subscales", func(in *Instrument) { in.Subscales[0].Bands = []Band{{1, 2, "Low"}, {4, 5, "High"}} }},
		{"reverse on an instrument without a scale", "items", func(in *Instrument) { in.ScaleMin, in.ScaleMax, in.Options = 0, 0, nil }},
		{"no scale", "scaleMax", func(in *Instrument) {
			in.ScaleMin, in.ScaleMax, in.Options = 0, 0, nil
			in.Items[1].Reverse, in.Items[4].Reverse = false, false
		}},
		{"scale too long", "scaleMax", func(in *Instrument) { in.ScaleMax = MaxScaleValue + 1 }},
		{"option outside the scale", "options", func(in *Instrument) { in.Options = append(in.Options, Option{6, "More"}) }},
		{"top of the scale unlabelled", "options", func(in *Instrument) { in.Options = in.Options[:2] }},
		{"options out of order", "options", func(in *Instrument) { in.Options[1], in.Options[2] = in.Options[2], in.Options[1] }},
		{"scored item with its own answers", "items", func(in *Instrument) { in.Items[0].Options = []Option{{0, "No"}, {1, "Yes"}} }},
		{"unscored item reverse-scored", "items", func(in *Instrument) { in.Items[1].Unscored = true }},
		{"no scoring", "scoring", func(in *Instrument) { in.Scoring = "" }},
		{"every item allowed missing", "maxMissing", func(in *Instrument) { in.MaxMissing = 6 }},
		{"subscale allows every item missing", "subscales", func(in *Instrument) { in.Subscales[0].MaxMissing = 3 }},
		{"safety item unknown", "safety", func(in *Instrument) { in.Safety = []SafetyItem{{Item: 7, Above: 1}} }},
		{"safety threshold at the top", "safety", func(in *Instrument) { in.Safety = []SafetyItem{{Item: 1, Above: 5}} }},
		{"no licence note", "licence", func(in *Instrument) { in.Licence = " " }},
		{"no name", "name", func(in *Instrument) { in.Name = "" }},
		{"bad key", "key", func(in *Instrument) { in.Key = "My Scale" }},
		{"a built-in's key", "key", func(in *Instrument) { in.Key = "phq9" }},
		{"claims to be built in", "builtIn", func(in *Instrument) { in.BuiltIn = true }},
		{"version 0", "version", func(in *Instrument) { in.Version = 0 }},
		{"reliable change without its source", "reliableChange", func(in *Instrument) { in.ReliableChange = 0.8 }},
		{"a source without a reliable change", "reliableChange", func(in *Instrument) { in.ReliableChangeSource = "A manual" }},
		{"reliable change below zero", "reliableChange", func(in *Instrument) { in.ReliableChange, in.ReliableChangeSource = -1, "A manual" }},
		{"reliable change beyond the range", "reliableChange", func(in *Instrument) { in.ReliableChange, in.ReliableChangeSource = 4.01, "A manual" }},
		{"reliable change not a number", "reliableChange", func(in *Instrument) { in.ReliableChange, in.ReliableChangeSource = math.NaN(), "A manual" }},
		{"reliable change infinite", "reliableChange", func(in *Instrument) { in.ReliableChange, in.ReliableChangeSource = math.Inf(1), "A manual" }},
		{"sum reliable change on a fraction", "reliableChange", func(in *Instrument) {
			in.Scoring, in.Subscales, in.Bands = SumScoring, nil, nil
			in.ReliableChange, in.ReliableChangeSource = 2.5, "A manual"
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := wellbeing()
			c.change(&in)
			err := in.Validate()
			if ErrorCode(err) != EINVALID || ErrorField(err) != c.field {
				t.Fatalf("err = %v (field %q), want EINVALID on %q", err, ErrorField(err), c.field)
			}
			if c.name == "reverse on an instrument without a scale" && !strings.Contains(ErrorMessage(err), "reverse-scored") {
				t.Errorf("message %q does not say why", ErrorMessage(err))
			}
		})
	}
}

func TestAReliableChangeWithinTheRangeAndWithItsSourceIsKept(t *testing.T) {
	in := wellbeing()
	in.ReliableChange, in.ReliableChangeSource = 0.75, "  The questionnaire's manual, table 3  "
	if err := in.Validate(); err != nil {
		t.Fatal(err)
	}
	if in.ReliableChange != 0.75 || in.ReliableChangeSource != "The questionnaire's manual, table 3" {
		t.Fatalf("kept %v %q", in.ReliableChange, in.ReliableChangeSource)
	}
	in.Scoring, in.Subscales, in.Bands, in.ReliableChange = SumScoring, nil, nil, 24
	if err := in.Validate(); err != nil {
		t.Fatalf("a change of the whole range (6 to 30) is refused: %v", err)
	}
}

func TestValidateNormalisesACustomInstrument(t *testing.T) {
	in := wellbeing()
	in.Key, in.Name, in.Items[0].Text = " wellbeing ", " My wellbeing check ", "I felt calm.\r\n"
	in.Subscales[0].Scoring = ""
	if err := in.Validate(); err != nil {
		t.Fatal(err)
	}
	if in.Key != "wellbeing" || in.Name != "My wellbeing check" || in.Items[0].Text != "I felt calm." || in.Subscales[0].Scoring != MeanScoring {
		t.Errorf("not normalised: %+v", in)
	}
}

// A recorded measure holds the definition it was answered on, so changing
// the instrument later (a new version with other bands) leaves its result
// as it was, through saving and reading back.
func TestARecordedMeasureKeepsTheDefinitionItWasScoredWith(t *testing.T) {
	m := Measure{ClientID: 1, Date: "2026-06-10", Instrument: wellbeing(), Answers: []Answer{{6, 2}, {1, 4}, {2, 2}, {3, 3}, {4, 5}, {5, 1}}}
	if err := m.Validate(); err != nil {
		t.Fatal(err)
	}
	if m.Answers[0].Item != 1 || m.Result.Band != "Higher" || m.Result.Total != 3.83 || m.Result.InstrumentVersion != 1 {
		t.Fatalf("measure: %+v", m)
	}
	saved, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}

	changed := wellbeing()
	changed.Version, changed.Bands = 2, []Band{{1, 3.99, "Lower"}, {4, 5, "Higher"}}
	if err := changed.Validate(); err != nil {
		t.Fatal(err)
	}
	if r := mustScore(t, changed, m.Answers); r.Band != "Lower" {
		t.Fatalf("the new version should band these answers differently, got %q", r.Band)
	}

	var read Measure
	if err := json.Unmarshal(saved, &read); err != nil {
		t.Fatal(err)
	}
	if err := read.Validate(); err != nil {
		t.Fatal(err)
	}
	if read.Result.Band != "Higher" || read.Result.Total != 3.83 || read.Instrument.Version != 1 {
		t.Errorf("read back: %+v", read.Result)
	}
}

func TestAMeasureNeedsADateAndValidAnswers(t *testing.T) {
	m := Measure{ClientID: 1, Instrument: wellbeing(), Answers: answers(4)}
	if err := m.Validate(); ErrorField(err) != "date" {
		t.Errorf("no date: %v", err)
	}
	m.Date, m.Answers = "2026-06-10", answers(9)
	if err := m.Validate(); ErrorField(err) != "answers" {
		t.Errorf("answer off the scale: %v", err)
	}
	m.Answers = nil
	if err := m.Validate(); ErrorField(err) != "answers" {
		t.Errorf("no answer at all: %v", err)
	}
}

func TestTheFlagsAreTheTherapists(t *testing.T) {
	in, _ := BuiltInInstrument("phq9")
	m := Measure{ClientID: 1, Date: "2026-06-10", Instrument: in, Answers: answers(0, 0, 0, 0, 0, 0, 0, 0, 1)}
	if err := m.Validate(); err != nil || len(m.Result.Flags) != 1 {
		t.Fatalf("flags %v, err %v", m.Result.Flags, err)
	}
	if v := View(m); len(v.Result.Flags) != 0 || v.Notes != "" || len(v.Answers) != 9 || v.Result.Total != 1 {
		t.Errorf("the client's view: flags %v, notes %q, answers %v, total %v", v.Result.Flags, v.Notes, v.Answers, v.Result.Total)
	}
}

func TestAMeasureSaysWhoEnteredIt(t *testing.T) {
	in, _ := BuiltInInstrument("gad7")
	m := Measure{ClientID: 1, Date: "2026-06-10", Instrument: in, Answers: answers(1, 1, 1, 1, 1, 1, 1)}
	if err := m.Validate(); err != nil || m.EnteredBy != ByTherapist {
		t.Fatalf("no one named: entered by %q, err %v", m.EnteredBy, err)
	}
	m.EnteredBy = "assistant"
	if err := m.Validate(); ErrorField(err) != "enteredBy" {
		t.Errorf("an unknown actor: %v", err)
	}
	m.EnteredBy = ByClient
	if err := m.Validate(); err != nil || m.EnteredBy != ByClient {
		t.Errorf("the client: %q, %v", m.EnteredBy, err)
	}
}

func TestTheFollowUpToAFlagIsTheTherapists(t *testing.T) {
	in, _ := BuiltInInstrument("phq9")
	m := Measure{ClientID: 1, Date: "2026-06-10", Instrument: in, Answers: answers(1, 1, 0, 0, 0, 0, 0, 0, 2), EnteredBy: ByClient,
		FollowUp: "Called the same afternoon; safety plan reviewed together (fictional).", FollowUpOn: "2026-06-10"}
	if err := m.Validate(); err != nil || !m.Flagged() {
		t.Fatalf("flagged %v, err %v", m.Flagged(), err)
	}
	v := View(m)
	if v.FollowUp != "" || v.FollowUpOn != "" || v.Flagged() || v.EnteredBy != ByClient || v.Result.Total != 4 {
		t.Errorf("the client's view: %+v", v)
	}
}

// Clone copies every slice, however deep, so that changing anything in
// the copy leaves the original as it was. The test reaches every field by
// reflection, so a slice added to Instrument later is checked too.
func TestCloneSharesNothingWithTheOriginal(t *testing.T) {
	var in Instrument
	fill(reflect.ValueOf(&in).Elem(), "Instrument")
	before, _ := json.Marshal(in)
	c := in.Clone()
	if after, _ := json.Marshal(c); string(after) != string(before) {
		t.Fatal("the clone differs from the original")
	}
	var change func(v reflect.Value)
	change = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				change(v.Field(i))
			}
		case reflect.Slice:
			for i := 0; i < v.Len(); i++ {
				change(v.Index(i))
			}
		case reflect.String:
			v.SetString(v.String() + " changed")
		case reflect.Int, reflect.Int64:
			v.SetInt(v.Int() + 1000)
		case reflect.Float64:
			v.SetFloat(v.Float() + 1000)
		case reflect.Bool:
			v.SetBool(!v.Bool())
		}
	}
	change(reflect.ValueOf(&c).Elem())
	if after, _ := json.Marshal(in); string(after) != string(before) {
		t.Errorf("changing the clone changed the original:\n%s\n%s", before, after)
	}
}

// ValidateAnswers checks all but the definition, and scores.
func TestValidateAnswersTrustsTheDefinition(t *testing.T) {
	in, _ := BuiltInInstrument("gad7")
	in.Name = "" // would fail Instrument.Validate
	m := Measure{ClientID: 1, Date: "2026-06-10", Instrument: in, Answers: []Answer{{2, 3}, {1, 2}}}
	if err := m.ValidateAnswers(); err != nil || m.Answers[0].Item != 1 || m.Result.Missing != 5 || m.Result.HasTotal {
		t.Fatalf("%+v %v", m, err)
	}
	if err := m.Validate(); ErrorField(err) != "name" {
		t.Errorf("Validate: %v", err)
	}
	m.Date = "yesterday"
	if err := m.ValidateAnswers(); ErrorField(err) != "date" {
		t.Errorf("a bad date: %v", err)
	}
}
