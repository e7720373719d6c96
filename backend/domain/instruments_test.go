package domain

import (
	"reflect"
	"slices"
	"testing"
)

func builtIn(t *testing.T, key string) Instrument {
	t.Helper()
	in, ok := BuiltInInstrument(key)
	if !ok {
		t.Fatalf("no built-in %q", key)
	}
	return in
}

// Every edge of every band, worked from answers that add up to the total.
func TestBuiltInBandEdges(t *testing.T) {
	for _, c := range []struct {
		key        string
		items, max int
		edges      map[int]string
	}{
		{"phq9", 9, 3, map[int]string{
			0: "Minimal", 4: "Minimal", 5: "Mild", 9: "Mild", 10: "Moderate", 14: "Moderate",
			15: "Moderately severe", 19: "Moderately severe", 20: "Severe", 27: "Severe"}},
		{"gad7", 7, 3, map[int]string{
			0: "Minimal", 4: "Minimal", 5: "Mild", 9: "Mild", 10: "Moderate", 14: "Moderate", 15: "Severe", 21: "Severe"}},
		{"pcl5", 20, 4, map[int]string{
			0: "Below the provisional cut-point (33)", 31: "Below the provisional cut-point (33)",
			32: "Below the provisional cut-point (33)", 33: "At or above the provisional cut-point (33)",
			80: "At or above the provisional cut-point (33)"}},
	} {
		in := builtIn(t, c.key)
		for total, band := range c.edges {
			r := mustScore(t, in, answersTotalling(c.items, c.max, total))
			if !r.HasTotal || r.Total != float64(total) || r.Prorated || r.Band != band || r.Missing != 0 {
				t.Errorf("%s total %d: got %+v, want band %q", c.key, total, r, band)
			}
		}
	}
}

// The PHQ-9 and GAD-7 allow two unanswered questions (NHS Data
// Dictionary): the total is then sum × length ÷ answered, rounded to the
// nearest whole number, halves up. A third unanswered question leaves no
// total. The answers are kept by the caller either way.
func TestPHQ9AndGAD7ProrateUpToTwoMissingAnswers(t *testing.T) {
	phq, gad := builtIn(t, "phq9"), builtIn(t, "gad7")
	for _, c := range []struct {
		name    string
		in      Instrument
		answers []Answer
		total   float64
		band    string
		missing []int
	}{
		// 8 answered adding up to 4: 4 × 9 / 8 = 4.5 → 5, across the 4/5 edge.
		{"phq9 one missing, a half", phq, answers(1, 1, 1, 1, 0, 0, 0, 0, -1), 5, "Mild", []int{9}},
		// 7 answered adding up to 10: 10 × 9 / 7 = 12.857… → 13.
		{"phq9 two missing", phq, answers(3, 3, 3, 1, 0, -1, 0, -1, 0), 13, "Moderate", []int{6, 8}},
		// 7 answered adding up to 21 (all 3): 21 × 9 / 7 = 27, the top.
		{"phq9 two missing, all at the top", phq, answers(-1, 3, 3, 3, 3, 3, 3, 3, -1), 27, "Severe", []int{1, 9}},
		// 6 answered adding up to 3: 3 × 7 / 6 = 3.5 → 4, still below 5.
		{"gad7 one missing, a half", gad, answers(1, 1, 1, 0, 0, 0, -1), 4, "Minimal", []int{7}},
		// 5 answered adding up to 7: 7 × 7 / 5 = 9.8 → 10, across the 9/10 edge.
		{"gad7 two missing", gad, answers(3, 3, 1, -1, -1, 0, 0), 10, "Moderate", []int{4, 5}},
	} {
		r := mustScore(t, c.in, c.answers)
		if !r.HasTotal || !r.Prorated || r.Total != c.total || r.Band != c.band || !slices.Equal(r.MissingItems, c.missing) || r.Missing != len(c.missing) {
			t.Errorf("%s: got %+v, want total %v in %q, missing %v", c.name, r, c.total, c.band, c.missing)
		}
	}
	for _, c := range []struct {
		name    string
		in      Instrument
		answers []Answer
	}{
		{"phq9 three missing", phq, answers(3, 3, 3, 3, 3, 3, -1, -1, -1)},
		{"phq9 nothing answered", phq, nil},
		{"gad7 three missing", gad, answers(3, 3, 3, 3, -1, -1, -1)},
	} {
		r := mustScore(t, c.in, c.answers)
		if r.HasTotal || r.Total != 0 || r.Band != "" || r.Prorated {
			t.Errorf("%s: got %+v, want no total", c.name, r)
		}
	}
	if r := mustScore(t, phq, answers(3, 3, 3, 3, 3, 3, -1, -1, -1)); r.Missing != 3 || r.Answered != 6 {
		t.Errorf("phq9 three missing: counted %d missing, %d answered", r.Missing, r.Answered)
	}
}

// The PHQ-9's tenth question is kept but not scored: it never adds to the
// total and is never missing; its answers are its own four.
func TestPHQ9QuestionTenIsKeptButNotScored(t *testing.T) {
	phq := builtIn(t, "phq9")
	r := mustScore(t, phq, append(answers(1, 1, 1, 1, 1, 1, 1, 1, 1), Answer{Item: 10, Value: 3}))
	if r.Total != 9 || r.Missing != 0 || r.Answered != 9 || r.Prorated {
		t.Errorf("with question 10: %+v", r)
	}
	if r := mustScore(t, phq, answers(1, 1, 1, 1, 1, 1, 1, 1, 1)); r.Total != 9 || r.Missing != 0 {
		t.Errorf("without question 10: %+v", r)
	}
	if _, err := Score(phq, []Answer{{Item: 10, Value: 4}}); ErrorField(err) != "answers" {
		t.Errorf("question 10 answered 4: %v", err)
	}
}

func TestBuiltInsRefuseAnswersOffTheirScale(t *testing.T) {
	for _, c := range []struct {
		key  string
		a    Answer
		fine bool
	}{
		{"phq9", Answer{1, 3}, true}, {"phq9", Answer{1, 4}, false}, {"phq9", Answer{1, -1}, false},
		{"phq9", Answer{11, 0}, false}, {"phq9", Answer{0, 0}, false},
		{"gad7", Answer{7, 3}, true}, {"gad7", Answer{7, 4}, false}, {"gad7", Answer{8, 0}, false},
		{"pcl5", Answer{20, 4}, true}, {"pcl5", Answer{20, 5}, false}, {"pcl5", Answer{21, 0}, false},
	} {
		_, err := Score(builtIn(t, c.key), []Answer{c.a})
		if (err == nil) != c.fine || (err != nil && (ErrorCode(err) != EINVALID || ErrorField(err) != "answers")) {
			t.Errorf("%s %+v: err = %v, want accepted %v", c.key, c.a, err, c.fine)
		}
	}
}

func TestPHQ9QuestionNineAboveZeroIsFlagged(t *testing.T) {
	phq := builtIn(t, "phq9")
	for _, c := range []struct {
		name    string
		answers []Answer
		flagged int // the value flagged, or -1
	}{
		{"0", answers(3, 3, 3, 3, 3, 3, 3, 3, 0), -1},
		{"1", answers(0, 0, 0, 0, 0, 0, 0, 0, 1), 1},
		{"3", answers(0, 0, 0, 0, 0, 0, 0, 0, 3), 3},
		{"unanswered", answers(1, 1, 1, 1, 1, 1, 1, 1, -1), -1},
		// The flag does not wait for a total.
		{"1 with no total", answers(-1, -1, -1, 0, 0, 0, 0, 0, 1), 1},
	} {
		r := mustScore(t, phq, c.answers)
		switch {
		case c.flagged < 0 && len(r.Flags) != 0:
			t.Errorf("question 9 %s: flagged %+v", c.name, r.Flags)
		case c.flagged >= 0 && (len(r.Flags) != 1 || r.Flags[0].Item != 9 || r.Flags[0].Value != c.flagged || r.Flags[0].Note == ""):
			t.Errorf("question 9 %s: flags %+v", c.name, r.Flags)
		}
	}
	for _, key := range []string{"gad7", "pcl5"} {
		in := builtIn(t, key)
		if r := mustScore(t, in, answersTotalling(len(in.Items), in.ScaleMax, 21)); len(r.Flags) != 0 {
			t.Errorf("%s flagged %+v", key, r.Flags)
		}
	}
}

func TestPCL5ClusterScores(t *testing.T) {
	pcl := builtIn(t, "pcl5")
	// Question n answered n mod 5: 1 2 3 4 0 | 1 2 | 3 4 0 1 2 3 4 | 0 1 2 3 4 0.
	// B (1-5) = 10, C (6-7) = 3, D (8-14) = 17, E (15-20) = 10; total 40.
	var a []Answer
	for n := 1; n <= 20; n++ {
		a = append(a, Answer{Item: n, Value: n % 5})
	}
	r := mustScore(t, pcl, a)
	if r.Total != 40 || r.Band != "At or above the provisional cut-point (33)" {
		t.Errorf("total %v %q", r.Total, r.Band)
	}
	got := map[string]float64{}
	for _, s := range r.Subscales {
		if !s.HasScore || s.Prorated || s.Missing != 0 {
			t.Errorf("cluster %s: %+v", s.Key, s)
		}
		got[s.Key] = s.Score
	}
	if want := map[string]float64{"b": 10, "c": 3, "d": 17, "e": 10}; !reflect.DeepEqual(got, want) {
		t.Errorf("clusters %v, want %v", got, want)
	}

	// The NCPTSD gives no rule for missing answers, so none may be missing:
	// without question 7 there is no total and no cluster C; the other
	// clusters are whole and scored.
	r = mustScore(t, pcl, slices.Delete(slices.Clone(a), 6, 7))
	if r.HasTotal || r.Band != "" || r.Missing != 1 || !slices.Equal(r.MissingItems, []int{7}) {
		t.Errorf("question 7 missing: %+v", r)
	}
	for _, s := range r.Subscales {
		if s.HasScore == (s.Key == "c") {
			t.Errorf("question 7 missing, cluster %s: %+v", s.Key, s)
		}
	}
}

// Every built-in is a valid instrument as it stands (Validate changes
// nothing in it), with its wording, scale, source and licence filled in.
func TestEveryBuiltInIsValidAndComplete(t *testing.T) {
	want := map[string]struct{ items, scored, top int }{"phq9": {10, 9, 27}, "gad7": {7, 7, 21}, "pcl5": {20, 20, 80}}
	all := BuiltInInstruments()
	if len(all) != len(want) {
		t.Fatalf("%d built-ins", len(all))
	}
	for _, in := range all {
		w, ok := want[in.Key]
		if !ok {
			t.Fatalf("unexpected built-in %q", in.Key)
		}
		checked := builtIn(t, in.Key) // a copy sharing nothing with in
		if err := checked.Validate(); err != nil {
			t.Fatalf("%s: %v", in.Key, err)
		}
		if !reflect.DeepEqual(checked, in) {
			t.Errorf("%s: Validate changed it", in.Key)
		}
		if !in.BuiltIn || in.Version != 1 || in.Name == "" || in.ShortName == "" || in.Stem == "" || in.Licence == "" ||
			in.Source == "" || in.MissingNote == "" || in.BandNote == "" || len(in.Bands) == 0 {
			t.Errorf("%s: something is not filled in: %+v", in.Key, in)
		}
		if len(in.Items) != w.items || len(in.scoredItems()) != w.scored {
			t.Errorf("%s: %d items, %d scored", in.Key, len(in.Items), len(in.scoredItems()))
		}
		if r := mustScore(t, in, answersTotalling(w.scored, in.ScaleMax, 1000)); r.Total != float64(w.top) {
			t.Errorf("%s: highest total %v, want %d", in.Key, r.Total, w.top)
		}
	}
	// Spot checks of the published wording.
	for key, texts := range map[string][]string{
		"phq9": {1: "Little interest or pleasure in doing things", 9: "Thoughts that you would be better off dead or of hurting yourself in some way"},
		"gad7": {1: "Feeling nervous, anxious or on edge", 7: "Feeling afraid as if something awful might happen"},
		"pcl5": {1: "Repeated, disturbing, and unwanted memories of the stressful experience?", 20: "Trouble falling or staying asleep?"},
	} {
		in := builtIn(t, key)
		for n, text := range texts {
			if it, _ := in.item(n); text != "" && it.Text != text {
				t.Errorf("%s question %d: %q", key, n, it.Text)
			}
		}
	}
	if phq := builtIn(t, "phq9"); phq.Options[2].Label != "More than half the days" || phq.Stem != "Over the last 2 weeks, how often have you been bothered by any of the following problems?" {
		t.Errorf("phq9 scale or stem: %v %q", phq.Options, phq.Stem)
	}
	if pcl := builtIn(t, "pcl5"); pcl.Options[4].Label != "Extremely" || pcl.Stem != "In the past month, how much were you bothered by:" {
		t.Errorf("pcl5 scale or stem: %v %q", pcl.Options, pcl.Stem)
	}
}

func TestBuiltInInstrumentReturnsAFreshCopy(t *testing.T) {
	a := builtIn(t, "phq9")
	a.Items[0].Text, a.Bands[0].Label = "changed", "changed"
	if b := builtIn(t, "phq9"); b.Items[0].Text == "changed" || b.Bands[0].Label == "changed" {
		t.Error("a change to one copy reached the next")
	}
	if _, ok := BuiltInInstrument("bdi"); ok {
		t.Error("found an instrument that is not built in")
	}
}
