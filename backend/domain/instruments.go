package domain

import (
	"fmt"
	"math"
	"regexp"
	"strings"
)

// The built-in instruments, with their published English wording,
// response options, scoring and bands; docs/measures.md cites the sources
// and says where each missing-answer rule comes from. Their wording must
// never be edited: a correction is a new Version.

// BuiltInInstruments returns the PHQ-9, GAD-7 and PCL-5, each a fresh
// copy the caller may change.
func BuiltInInstruments() []Instrument { return []Instrument{phq9(), gad7(), pcl5()} }

// BuiltInInstrument returns the built-in instrument with key, and whether
// there is one.
func BuiltInInstrument(key string) (Instrument, bool) {
	for _, in := range BuiltInInstruments() {
		if in.Key == key {
			return in, true
		}
	}
	return Instrument{}, false
}

// numbered makes scored items numbered from 1 in the order given.
func numbered(texts ...string) []Item {
	items := make([]Item, len(texts))
	for i, t := range texts {
		items[i] = Item{Number: i + 1, Text: t}
	}
	return items
}

// oftenOptions is the PHQ-9's and GAD-7's scale.
func oftenOptions() []Option {
	return []Option{{0, "Not at all"}, {1, "Several days"}, {2, "More than half the days"}, {3, "Nearly every day"}}
}

const phqLicence = "Free to use. Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues with an educational grant from Pfizer Inc., which states that no permission is needed to reproduce, translate, display or distribute it."

func phq9() Instrument {
	items := numbered(
		"Little interest or pleasure in doing things",
		"Feeling down, depressed, or hopeless",
		"Trouble falling or staying asleep, or sleeping too much",
		"Feeling tired or having little energy",
		"Poor appetite or overeating",
		"Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
		"Trouble concentrating on things, such as reading the newspaper or watching television",
		"Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual",
		"Thoughts that you would be better off dead or of hurting yourself in some way",
	)
	items = append(items, Item{Number: 10, Unscored: true,
		Text:    "If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?",
		Options: []Option{{0, "Not difficult at all"}, {1, "Somewhat difficult"}, {2, "Very difficult"}, {3, "Extremely difficult"}}})
	return Instrument{
		Key: "phq9", Name: "Patient Health Questionnaire-9", ShortName: "PHQ-9", Version: 1, BuiltIn: true,
		Stem:     "Over the last 2 weeks, how often have you been bothered by any of the following problems?",
		ScaleMin: 0, ScaleMax: 3, Options: oftenOptions(), Items: items, Scoring: SumScoring,
		MaxMissing: 2,
		MissingNote: "With one or two of questions 1 to 9 unanswered, the total is prorated: the answered questions' sum × 9 ÷ the number answered, " +
			"rounded to the nearest whole number (halves up). With three or more unanswered there is no total. " +
			"Rule: NHS Data Dictionary (PHQ-9) and the American Psychiatric Association's adaptation of the PHQ-9; the authors' manual gives none. " +
			"Question 10 is not scored.",
		Bands: []Band{{0, 4, "Minimal"}, {5, 9, "Mild"}, {10, 14, "Moderate"}, {15, 19, "Moderately severe"}, {20, 27, "Severe"}},
		BandNote: "Severity bands of Kroenke, Spitzer and Williams (2001): 5, 10, 15 and 20 mark mild, moderate, moderately severe and severe. " +
			"A band describes the total, not a diagnosis.",
		Safety: []SafetyItem{{Item: 9, Above: 0,
			Note: "Question 9 was answered above “Not at all”. Tandem shows this whatever the total."}},
		Licence: phqLicence,
		Source: "Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. " +
			"Journal of General Internal Medicine 2001;16(9):606–613. Form: Pfizer Inc., https://www.phqscreeners.com",
	}
}

func gad7() Instrument {
	return Instrument{
		Key: "gad7", Name: "Generalized Anxiety Disorder 7-item scale", ShortName: "GAD-7", Version: 1, BuiltIn: true,
		Stem:     "Over the last 2 weeks, how often have you been bothered by the following problems?",
		ScaleMin: 0, ScaleMax: 3, Options: oftenOptions(), Scoring: SumScoring,
		Items: numbered(
			"Feeling nervous, anxious or on edge",
			"Not being able to stop or control worrying",
			"Worrying too much about different things",
			"Trouble relaxing",
			"Being so restless that it is hard to sit still",
			"Becoming easily annoyed or irritable",
			"Feeling afraid as if something awful might happen",
		),
		MaxMissing: 2,
		MissingNote: "With one or two questions unanswered, the total is prorated: the answered questions' sum × 7 ÷ the number answered, " +
			"rounded to the nearest whole number (halves up). With three or more unanswered there is no total. " +
			"Rule: NHS Data Dictionary (GAD-7); the authors' manual gives none.",
		Bands: []Band{{0, 4, "Minimal"}, {5, 9, "Mild"}, {10, 14, "Moderate"}, {15, 21, "Severe"}},
		BandNote: "Cut-points of Spitzer, Kroenke, Williams and Löwe (2006): 5, 10 and 15 mark mild, moderate and severe anxiety. " +
			"A band describes the total, not a diagnosis.",
		Licence: phqLicence,
		Source: "Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. " +
			"Archives of Internal Medicine 2006;166(10):1092–1097. Form: Pfizer Inc., https://www.phqscreeners.com",
	}
}

// pclCutPoint is the PCL-5 total Tandem's bands divide at: the top of the
// 31–33 range the National Center for PTSD gives.
const pclCutPoint = 33

func pcl5() Instrument {
	cluster := func(key, name string, from, to int) Subscale {
		s := Subscale{Key: key, Name: name, Scoring: SumScoring}
		for n := from; n <= to; n++ {
			s.Items = append(s.Items, n)
		}
		return s
	}
	return Instrument{
		Key: "pcl5", Name: "PTSD Checklist for DSM-5", ShortName: "PCL-5", Version: 1, BuiltIn: true,
		Instructions: "Below is a list of problems that people sometimes have in response to a very stressful experience. " +
			"Please read each problem carefully and then circle one of the numbers to the right to indicate how much you have been bothered by that problem in the past month.",
		Stem:     "In the past month, how much were you bothered by:",
		ScaleMin: 0, ScaleMax: 4, Scoring: SumScoring,
		Options: []Option{{0, "Not at all"}, {1, "A little bit"}, {2, "Moderately"}, {3, "Quite a bit"}, {4, "Extremely"}},
		Items: numbered(
			"Repeated, disturbing, and unwanted memories of the stressful experience?",
			"Repeated, disturbing dreams of the stressful experience?",
			"Suddenly feeling or acting as if the stressful experience were actually happening again (as if you were actually back there reliving it)?",
			"Feeling very upset when something reminded you of the stressful experience?",
			"Having strong physical reactions when something reminded you of the stressful experience (for example, heart pounding, trouble breathing, sweating)?",
			"Avoiding memories, thoughts, or feelings related to the stressful experience?",
			"Avoiding external reminders of the stressful experience (for example, people, places, conversations, activities, objects, or situations)?",
			"Trouble remembering important parts of the stressful experience?",
			"Having strong negative beliefs about yourself, other people, or the world (for example, having thoughts such as: I am bad, there is something seriously wrong with me, no one can be trusted, the world is completely dangerous)?",
			"Blaming yourself or someone else for the stressful experience or what happened after it?",
			"Having strong negative feelings such as fear, horror, anger, guilt, or shame?",
			"Loss of interest in activities that you used to enjoy?",
			"Feeling distant or cut off from other people?",
			"Trouble experiencing positive feelings (for example, being unable to feel happiness or have loving feelings for people close to you)?",
			"Irritable behavior, angry outbursts, or acting aggressively?",
			"Taking too many risks or doing things that could cause you harm?",
			"Being “superalert” or watchful or on guard?",
			"Feeling jumpy or easily startled?",
			"Having difficulty concentrating?",
			"Trouble falling or staying asleep?",
		),
		MaxMissing: 0,
		MissingNote: "The National Center for PTSD gives no rule for unanswered questions, so Tandem takes the cautious course: " +
			"no total while any question is unanswered, and no cluster score while any of its questions is. The answers given are kept.",
		Bands: []Band{
			{0, pclCutPoint - 1, fmt.Sprintf("Below the provisional cut-point (%d)", pclCutPoint)},
			{pclCutPoint, 80, fmt.Sprintf("At or above the provisional cut-point (%d)", pclCutPoint)},
		},
		BandNote: fmt.Sprintf("The PCL-5 has no severity bands. The National Center for PTSD gives 31 to 33 as a provisional cut-point; "+
			"these bands divide at %d, the top of that range, so a total of 31 or 32 is within it and calls for your judgement. "+
			"Neither band is a diagnosis.", pclCutPoint),
		Subscales: []Subscale{
			cluster("b", "Cluster B: intrusion", 1, 5),
			cluster("c", "Cluster C: avoidance", 6, 7),
			cluster("d", "Cluster D: negative changes in thinking and mood", 8, 14),
			cluster("e", "Cluster E: changes in arousal and reactivity", 15, 20),
		},
		Licence: "Public domain: made by the US Department of Veterans Affairs' National Center for PTSD. No permission is needed to use it.",
		Source: "Weathers FW, Litz BT, Keane TM, Palmieri PA, Marx BP, Schnurr PP. The PTSD Checklist for DSM-5 (PCL-5), 2013. " +
			"National Center for PTSD, https://www.ptsd.va.gov/professional/assessment/adult-sr/ptsd-checklist.asp",
	}
}

// Checking a definition: what a therapist-defined instrument (and every
// built-in one) must be before it is used.

var instrumentKey = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{0,39}$`)

// Validate checks and normalises in, a therapist's instrument or a
// built-in one. It refuses, as EINVALID with Field naming the part: a bad
// key (for the therapist's own, also a built-in's key), BuiltIn set on an
// instrument Tandem does not ship, no name, version or licence note, no
// scored question, repeated or unordered question numbers, a
// reverse-scored question without a scale, a scale or options out of
// bounds, a subscale or safety item naming an unknown or unscored
// question, a missing-answer limit that leaves nothing to score, and bands
// that overlap, leave a gap, or reach outside the possible scores.
func (in *Instrument) Validate() error {
	var err error
	if in.Key = strings.TrimSpace(in.Key); !instrumentKey.MatchString(in.Key) {
		return FieldError("key", "Give the instrument a short key of lower-case letters, digits and hyphens, for example \"sleep-diary\".")
	}
	if _, taken := BuiltInInstrument(in.Key); taken != in.BuiltIn {
		if in.BuiltIn {
			return FieldError("builtIn", "Only the instruments that come with Tandem are built in.")
		}
		return FieldError("key", "The key \""+in.Key+"\" belongs to a built-in instrument. Choose another.")
	}
	if in.Name, err = CleanLine("name", "The name", in.Name, MaxShortText, true); err != nil {
		return err
	}
	if in.ShortName, err = CleanLine("shortName", "The short name", in.ShortName, MaxShortText, false); err != nil {
		return err
	}
	if in.Version < 1 {
		return FieldError("version", "An instrument's version is counted from 1.")
	}
	for _, t := range []struct {
		field, label string
		v            *string
		required     bool
	}{
		{"instructions", "The instructions", &in.Instructions, false},
		{"stem", "The question stem", &in.Stem, false},
		{"missingNote", "The note on missing answers", &in.MissingNote, false},
		{"bandNote", "The note on the bands", &in.BandNote, false},
		{"licence", "The licence note", &in.Licence, true},
		{"source", "The source", &in.Source, false},
	} {
		if *t.v, err = CleanText(t.field, t.label, *t.v, MaxLongText, t.required); err != nil {
			return err
		}
	}
	if err := in.validateItems(); err != nil {
		return err
	}
	if !in.Scoring.Valid() {
		return FieldError("scoring", "Choose whether the answers are added up or averaged.")
	}
	scored := in.scoredItems()
	if in.MaxMissing < 0 || in.MaxMissing >= len(scored) {
		return FieldError("maxMissing", fmt.Sprintf("Up to %d questions may be allowed to go unanswered, so that at least one is scored.", len(scored)-1))
	}
	if err := in.validateBands("bands", "The bands", in.Bands, in.Scoring, len(scored)); err != nil {
		return err
	}
	if err := in.validateSubscales(); err != nil {
		return err
	}
	if err := in.validateSafety(); err != nil {
		return err
	}
	return in.validateReliableChange(len(scored))
}

// validateReliableChange checks the reliable change: none, or a positive
// change the total can make (whole for a sum, hundredths for a mean),
// with its source.
func (in *Instrument) validateReliableChange(scored int) error {
	var err error
	if in.ReliableChangeSource, err = CleanText("reliableChange", "The source of the reliable change", in.ReliableChangeSource, MaxLongText, false); err != nil {
		return err
	}
	if in.ReliableChange == 0 {
		if in.ReliableChangeSource != "" {
			return FieldError("reliableChange", "Give the reliable change its source gives, or remove the source.")
		}
		return nil
	}
	lo, hi, step := in.scoreRange(in.Scoring, scored)
	rc := hundredths(in.ReliableChange)
	switch {
	case math.IsNaN(in.ReliableChange) || math.IsInf(in.ReliableChange, 0) || rc <= 0 || rc > hi-lo:
		return FieldError("reliableChange", fmt.Sprintf("A reliable change is more than 0 and at most %g, the whole range of the total.", float64(hi-lo)/100))
	case rc%step != 0:
		return FieldError("reliableChange", "The total of added-up answers changes by whole numbers: give the reliable change as one.")
	case in.ReliableChangeSource == "":
		return FieldError("reliableChange", "Say where the reliable change comes from: the manual or study that gives it.")
	}
	return nil
}

func (in *Instrument) validateItems() error {
	if len(in.Items) == 0 {
		return FieldError("items", "Add at least one question.")
	}
	if len(in.Items) > MaxItems {
		return FieldError("items", fmt.Sprintf("An instrument can have at most %d questions.", MaxItems))
	}
	seen, prev, scored, reverse := map[int]bool{}, 0, 0, 0
	for i := range in.Items {
		it := &in.Items[i]
		switch {
		case it.Number < 1:
			return FieldError("items", "Number the questions from 1.")
		case seen[it.Number]:
			return FieldError("items", fmt.Sprintf("Question number %d is used twice.", it.Number))
		case it.Number < prev:
			return FieldError("items", "List the questions in the order of their numbers.")
		}
		seen[it.Number], prev = true, it.Number
		var err error
		if it.Text, err = CleanText("items", fmt.Sprintf("The wording of question %d", it.Number), it.Text, MaxLongText, true); err != nil {
			return err
		}
		if it.Unscored && it.Reverse {
			return FieldError("items", fmt.Sprintf("Question %d is not scored, so it cannot be reverse-scored.", it.Number))
		}
		if !it.Unscored && len(it.Options) > 0 {
			return FieldError("items", fmt.Sprintf("Question %d is scored, so it is answered on the instrument's scale and cannot have answers of its own.", it.Number))
		}
		if len(it.Options) > 0 {
			if err := cleanOptions(it.Options, 0, MaxScaleValue, fmt.Sprintf("question %d", it.Number), false); err != nil {
				return err
			}
		}
		if !it.Unscored {
			scored++
		}
		if it.Reverse {
			reverse = it.Number
		}
	}
	if scored == 0 {
		return FieldError("items", "At least one question must be scored.")
	}
	if in.ScaleMin >= in.ScaleMax {
		if reverse > 0 {
			return FieldError("items", fmt.Sprintf("Question %d is reverse-scored, which needs a scale: give the lowest and highest answer values first.", reverse))
		}
		return FieldError("scaleMax", "Give the scale's lowest and highest answer values, the highest above the lowest.")
	}
	if in.ScaleMin < 0 || in.ScaleMax > MaxScaleValue {
		return FieldError("scaleMax", fmt.Sprintf("Answer values run from 0 to at most %d.", MaxScaleValue))
	}
	return cleanOptions(in.Options, in.ScaleMin, in.ScaleMax, "the scale", true)
}

// cleanOptions checks options with values within lo..hi: each label given,
// values in order, none twice, at least two, and with ends, lo and hi
// both labelled.
func cleanOptions(opts []Option, lo, hi int, what string, ends bool) error {
	for i := range opts {
		o := &opts[i]
		if o.Value < lo || o.Value > hi {
			return FieldError("options", fmt.Sprintf("The answer values of %s run from %d to %d; %d is outside.", what, lo, hi, o.Value))
		}
		if i > 0 && o.Value <= opts[i-1].Value {
			return FieldError("options", fmt.Sprintf("List the answers of %s in order of their values, each value once.", what))
		}
		var err error
		if o.Label, err = CleanLine("options", fmt.Sprintf("The wording of answer %d of %s", o.Value, what), o.Label, MaxShortText, true); err != nil {
			return err
		}
	}
	if len(opts) < 2 || ends && (opts[0].Value != lo || opts[len(opts)-1].Value != hi) {
		return FieldError("options", fmt.Sprintf("Give the wording of at least the lowest and the highest answers of %s.", what))
	}
	return nil
}

// scoreRange is the lowest and highest score n items can give, in
// hundredths, and the step between scores.
func (in Instrument) scoreRange(s Scoring, n int) (lo, hi, step int64) {
	if s == MeanScoring {
		return int64(in.ScaleMin) * 100, int64(in.ScaleMax) * 100, 1
	}
	return int64(n*in.ScaleMin) * 100, int64(n*in.ScaleMax) * 100, 100
}

// validateBands checks that bands, if any, cover every possible score of
// n items scored as s exactly once, in order.
func (in Instrument) validateBands(field, what string, bands []Band, s Scoring, n int) error {
	if len(bands) == 0 {
		return nil
	}
	lo, hi, step := in.scoreRange(s, n)
	span := fmt.Sprintf("%g to %g", float64(lo)/100, float64(hi)/100)
	for i := range bands {
		b := &bands[i]
		bmin, bmax := hundredths(b.Min), hundredths(b.Max)
		var err error
		if b.Label, err = CleanLine(field, "A band's name", b.Label, MaxShortText, true); err != nil {
			return err
		}
		switch {
		case bmin < lo || bmax > hi:
			return FieldError(field, fmt.Sprintf("%s must lie within the possible scores, %s; \"%s\" does not.", what, span, b.Label))
		case bmin%step != 0 || bmax%step != 0:
			return FieldError(field, what+" of added-up answers start and end on whole numbers.")
		case bmin > bmax:
			return FieldError(field, fmt.Sprintf("The band \"%s\" ends before it starts.", b.Label))
		case i == 0 && bmin != lo:
			return FieldError(field, fmt.Sprintf("%s must start at the lowest possible score, %g.", what, float64(lo)/100))
		case i > 0 && bmin <= hundredths(bands[i-1].Max):
			return FieldError(field, fmt.Sprintf("The bands \"%s\" and \"%s\" overlap; list them from the lowest scores up.", bands[i-1].Label, b.Label))
		case i > 0 && bmin > hundredths(bands[i-1].Max)+step:
			return FieldError(field, fmt.Sprintf("Some scores between \"%s\" and \"%s\" fall in no band.", bands[i-1].Label, b.Label))
		}
	}
	if hundredths(bands[len(bands)-1].Max) != hi {
		return FieldError(field, fmt.Sprintf("%s must reach the highest possible score, %g.", what, float64(hi)/100))
	}
	return nil
}

func (in *Instrument) validateSubscales() error {
	keys := map[string]bool{}
	for i := range in.Subscales {
		sub := &in.Subscales[i]
		if sub.Key = strings.TrimSpace(sub.Key); !instrumentKey.MatchString(sub.Key) || keys[sub.Key] {
			return FieldError("subscales", "Give each subscale its own short key of lower-case letters, digits and hyphens.")
		}
		keys[sub.Key] = true
		var err error
		if sub.Name, err = CleanLine("subscales", "A subscale's name", sub.Name, MaxShortText, true); err != nil {
			return err
		}
		if len(sub.Items) == 0 {
			return FieldError("subscales", fmt.Sprintf("The subscale \"%s\" has no questions.", sub.Name))
		}
		seen := map[int]bool{}
		for _, n := range sub.Items {
			if it, ok := in.item(n); !ok || it.Unscored || seen[n] {
				return FieldError("subscales", fmt.Sprintf("The subscale \"%s\" names question %d, which is not a scored question of this instrument, or names it twice.", sub.Name, n))
			}
			seen[n] = true
		}
		if sub.Scoring == "" {
			sub.Scoring = in.Scoring
		}
		if !sub.Scoring.Valid() {
			return FieldError("subscales", fmt.Sprintf("Choose whether the subscale \"%s\" adds up or averages its answers.", sub.Name))
		}
		if sub.MaxMissing < 0 || sub.MaxMissing >= len(sub.Items) {
			return FieldError("subscales", fmt.Sprintf("The subscale \"%s\" can allow at most %d unanswered questions.", sub.Name, len(sub.Items)-1))
		}
		if err := in.validateBands("subscales", "The bands of \""+sub.Name+"\"", sub.Bands, sub.Scoring, len(sub.Items)); err != nil {
			return err
		}
	}
	return nil
}

func (in *Instrument) validateSafety() error {
	for i := range in.Safety {
		s := &in.Safety[i]
		if it, ok := in.item(s.Item); !ok || it.Unscored {
			return FieldError("safety", fmt.Sprintf("Question %d is not a scored question of this instrument.", s.Item))
		}
		if s.Above < in.ScaleMin || s.Above >= in.ScaleMax {
			return FieldError("safety", fmt.Sprintf("Question %d is shown to you when its answer is above a value from %d to %d.", s.Item, in.ScaleMin, in.ScaleMax-1))
		}
		var err error
		if s.Note, err = CleanLine("safety", "The note", s.Note, MaxLineText, false); err != nil {
			return err
		}
	}
	return nil
}
