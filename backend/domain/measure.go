package domain

import (
	"fmt"
	"math"
	"slices"
)

// Measures are standardised questionnaires a client answers: the PHQ-9,
// GAD-7 and PCL-5 are built in (instruments.go), and the therapist can
// define others they hold a licence for. Both kinds are one type,
// Instrument, checked by Instrument.Validate (in instruments.go, beside the
// built-ins) and scored by one function, Score; docs/measures.md gives the
// sources and the rules.
//
// A recorded Measure keeps a full copy of the instrument it was answered
// on (its wording, scale, bands and rules, with their Version) beside the
// answers and the Result worked out from them. Changing a definition later
// makes a new version for new measures; the ones already recorded keep the
// definition they were scored with, so their scores never shift.
//
// Every answer the client gave is kept, scored or not, whether or not a
// total could be worked out.

// Scoring says how item values become a score: added up, or averaged.
type Scoring string

const (
	SumScoring  Scoring = "sum"
	MeanScoring Scoring = "mean"
)

// Valid reports whether s is a known way of scoring.
func (s Scoring) Valid() bool { return s == SumScoring || s == MeanScoring }

// Limits on a therapist-defined instrument, wide enough for any published
// questionnaire.
const (
	MaxItems      = 200 // questions in one instrument
	MaxScaleValue = 100 // highest answer value on a scale
)

// Option is one labelled answer on a scale: its value and its wording.
type Option struct {
	Value int    `json:"value" vis:"shared"`
	Label string `json:"label" vis:"shared"`
}

// Item is one question. Reverse items are scored ScaleMin+ScaleMax-value.
// An Unscored item is asked and its answer kept, but it counts toward no
// score and is never "missing" (the PHQ-9's question on how difficult the
// problems made daily life); only an unscored item may have Options of its
// own, used in place of the instrument's scale.
type Item struct {
	Number   int      `json:"number" vis:"shared"`
	Text     string   `json:"text" vis:"shared"`
	Reverse  bool     `json:"reverse" vis:"shared"`
	Unscored bool     `json:"unscored" vis:"shared"`
	Options  []Option `json:"options" vis:"shared"`
}

// Band names a range of scores, Min and Max included. A sum-scored
// instrument's bands are whole numbers; a mean-scored one's are in
// hundredths, as its scores are.
type Band struct {
	Min   float64 `json:"min" vis:"shared"`
	Max   float64 `json:"max" vis:"shared"`
	Label string  `json:"label" vis:"shared"`
}

// Subscale is a score over some of the items, with its own way of scoring,
// its own limit on missing answers and, optionally, its own bands.
type Subscale struct {
	Key        string  `json:"key" vis:"shared"`
	Name       string  `json:"name" vis:"shared"`
	Items      []int   `json:"items" vis:"shared"`
	Scoring    Scoring `json:"scoring" vis:"shared"`
	MaxMissing int     `json:"maxMissing" vis:"shared"`
	Bands      []Band  `json:"bands" vis:"shared"`
}

// SafetyItem is a question whose answer the therapist must see when it is
// above Above (PHQ-9 question 9 above 0), whatever the total. Note is the
// sentence shown with it.
type SafetyItem struct {
	Item  int    `json:"item" vis:"shared"`
	Above int    `json:"above" vis:"shared"`
	Note  string `json:"note" vis:"shared"`
}

// Instrument is the definition of a questionnaire, built in or the
// therapist's own. Every scored item is answered on one scale,
// ScaleMin..ScaleMax, whose Options label some or all of its values.
//
// MaxMissing is how many scored items may be left unanswered with the
// total still worked out: the total is then prorated to the full length
// (a sum is multiplied by items/answered and rounded to the nearest whole
// number, halves up; a mean is the mean of the answered items). With more
// missing there is no total. 0 means every scored item must be answered.
// MissingNote says where the rule comes from.
type Instrument struct {
	Key          string       `json:"key" vis:"shared"` // stable, e.g. "phq9"
	Name         string       `json:"name" vis:"shared"`
	ShortName    string       `json:"shortName" vis:"shared"`
	Version      int          `json:"version" vis:"shared"` // from 1, one more at each change
	BuiltIn      bool         `json:"builtIn" vis:"shared"`
	Instructions string       `json:"instructions" vis:"shared"`
	Stem         string       `json:"stem" vis:"shared"` // the question every item completes
	ScaleMin     int          `json:"scaleMin" vis:"shared"`
	ScaleMax     int          `json:"scaleMax" vis:"shared"`
	Options      []Option     `json:"options" vis:"shared"`
	Items        []Item       `json:"items" vis:"shared"`
	Scoring      Scoring      `json:"scoring" vis:"shared"`
	MaxMissing   int          `json:"maxMissing" vis:"shared"`
	MissingNote  string       `json:"missingNote" vis:"shared"`
	Bands        []Band       `json:"bands" vis:"shared"`
	BandNote     string       `json:"bandNote" vis:"shared"`
	Subscales    []Subscale   `json:"subscales" vis:"shared"`
	Safety       []SafetyItem `json:"safety" vis:"shared"`
	Licence      string       `json:"licence" vis:"shared"`
	Source       string       `json:"source" vis:"shared"`
	// ReliableChange is the smallest change in the total, either way,
	// that the instrument's published reliability and spread say is
	// unlikely to be measurement error alone (a reliable change index);
	// 0: none is given. ReliableChangeSource says where it comes from,
	// and must be given with it.
	ReliableChange       float64 `json:"reliableChange" vis:"shared"`
	ReliableChangeSource string  `json:"reliableChangeSource" vis:"shared"`
}

// Clone returns a deep copy of in: changing one never changes the other.
func (in Instrument) Clone() Instrument {
	out := in
	out.Options = slices.Clone(in.Options)
	out.Items = slices.Clone(in.Items)
	for i := range out.Items {
		out.Items[i].Options = slices.Clone(in.Items[i].Options)
	}
	out.Bands = slices.Clone(in.Bands)
	out.Subscales = slices.Clone(in.Subscales)
	for i := range out.Subscales {
		out.Subscales[i].Items = slices.Clone(in.Subscales[i].Items)
		out.Subscales[i].Bands = slices.Clone(in.Subscales[i].Bands)
	}
	out.Safety = slices.Clone(in.Safety)
	return out
}

// label is how messages name the instrument.
func (in Instrument) label() string {
	if in.ShortName != "" {
		return in.ShortName
	}
	return in.Name
}

// item returns the item numbered n.
func (in Instrument) item(n int) (Item, bool) {
	i := slices.IndexFunc(in.Items, func(it Item) bool { return it.Number == n })
	if i < 0 {
		return Item{}, false
	}
	return in.Items[i], true
}

// scoredItems are the numbers of the items that count toward scores.
func (in Instrument) scoredItems() []int {
	var out []int
	for _, it := range in.Items {
		if !it.Unscored {
			out = append(out, it.Number)
		}
	}
	return out
}

// Answer is the value given to one question. A question with no Answer is
// missing.
type Answer struct {
	Item  int `json:"item" vis:"shared"`
	Value int `json:"value" vis:"shared"`
}

// SubscaleResult is one subscale's score, when it could be worked out.
type SubscaleResult struct {
	Key      string  `json:"key" vis:"shared"`
	Name     string  `json:"name" vis:"shared"`
	HasScore bool    `json:"hasScore" vis:"shared"`
	Score    float64 `json:"score" vis:"shared"`
	Prorated bool    `json:"prorated" vis:"shared"`
	Missing  int     `json:"missing" vis:"shared"`
	Band     string  `json:"band" vis:"shared"`
}

// Flag is a safety item whose answer the therapist must see.
type Flag struct {
	Item  int    `json:"item" vis:"shared"`
	Value int    `json:"value" vis:"shared"`
	Note  string `json:"note" vis:"shared"`
}

// Result is what Score works out from one set of answers. HasTotal is
// false when more answers are missing than the instrument allows; Total is
// then 0 and Band empty. Prorated says the total stands in for answers
// that are missing. The flags are for the therapist (vis:"private"); the
// answers behind them are the client's own and stay visible to them.
type Result struct {
	InstrumentKey     string           `json:"instrumentKey" vis:"shared"`
	InstrumentVersion int              `json:"instrumentVersion" vis:"shared"`
	Answered          int              `json:"answered" vis:"shared"` // scored questions answered
	Missing           int              `json:"missing" vis:"shared"`
	MissingItems      []int            `json:"missingItems" vis:"shared"`
	HasTotal          bool             `json:"hasTotal" vis:"shared"`
	Total             float64          `json:"total" vis:"shared"`
	Prorated          bool             `json:"prorated" vis:"shared"`
	Band              string           `json:"band" vis:"shared"`
	Subscales         []SubscaleResult `json:"subscales" vis:"shared"`
	Flags             []Flag           `json:"flags" vis:"private"`
}

// Score works out in's scores from answers, which it does not change. It
// refuses (EINVALID, Field "answers") an answer to a question in does not
// have, a question answered twice, and a value outside the question's
// scale or options; the caller keeps the answers either way. in is
// assumed valid (Validate).
func Score(in Instrument, answers []Answer) (Result, error) {
	given := map[int]int{}
	for _, a := range answers {
		it, ok := in.item(a.Item)
		if !ok {
			return Result{}, FieldError("answers", fmt.Sprintf("%s has no question %d.", in.label(), a.Item))
		}
		if _, twice := given[a.Item]; twice {
			return Result{}, FieldError("answers", fmt.Sprintf("Question %d is answered twice.", a.Item))
		}
		if !in.accepts(it, a.Value) {
			return Result{}, FieldError("answers", fmt.Sprintf("%d is not one of the answers to question %d.", a.Value, a.Item))
		}
		given[a.Item] = a.Value
	}
	r := Result{InstrumentKey: in.Key, InstrumentVersion: in.Version, MissingItems: []int{}, Subscales: []SubscaleResult{}, Flags: []Flag{}}
	scored := in.scoredItems()
	for _, n := range scored {
		if _, ok := given[n]; !ok {
			r.MissingItems = append(r.MissingItems, n)
		}
	}
	r.Missing = len(r.MissingItems)
	r.Answered = len(scored) - r.Missing
	r.HasTotal, r.Total, r.Prorated = in.combine(scored, given, in.Scoring, in.MaxMissing)
	if r.HasTotal {
		r.Band = bandOf(in.Bands, r.Total)
	}
	for _, sub := range in.Subscales {
		s := SubscaleResult{Key: sub.Key, Name: sub.Name}
		for _, n := range sub.Items {
			if _, ok := given[n]; !ok {
				s.Missing++
			}
		}
		if s.HasScore, s.Score, s.Prorated = in.combine(sub.Items, given, sub.Scoring, sub.MaxMissing); s.HasScore {
			s.Band = bandOf(sub.Bands, s.Score)
		}
		r.Subscales = append(r.Subscales, s)
	}
	for _, s := range in.Safety {
		if v, ok := given[s.Item]; ok && v > s.Above {
			note := s.Note
			if note == "" {
				note = fmt.Sprintf("Question %d was answered above %d.", s.Item, s.Above)
			}
			r.Flags = append(r.Flags, Flag{Item: s.Item, Value: v, Note: note})
		}
	}
	return r, nil
}

// accepts reports whether v is an answer to it: one of its own options,
// or a value on the instrument's scale.
func (in Instrument) accepts(it Item, v int) bool {
	if len(it.Options) > 0 {
		return slices.ContainsFunc(it.Options, func(o Option) bool { return o.Value == v })
	}
	return v >= in.ScaleMin && v <= in.ScaleMax
}

// combine scores items (reverse-scored where marked) as s, allowing up to
// maxMissing of them unanswered. A sum with answers missing is prorated,
// sum×items/answered, rounded to the nearest whole number with halves up
// (integer arithmetic: values are never negative); a mean is of the
// answered items, rounded to hundredths with halves up.
func (in Instrument) combine(items []int, given map[int]int, s Scoring, maxMissing int) (ok bool, score float64, prorated bool) {
	var sum, answered int64
	for _, n := range items {
		v, ok := given[n]
		if !ok {
			continue
		}
		if it, _ := in.item(n); it.Reverse {
			v = in.ScaleMin + in.ScaleMax - v
		}
		sum += int64(v)
		answered++
	}
	n := int64(len(items))
	if answered == 0 || n-answered > int64(maxMissing) {
		return false, 0, false
	}
	if s == MeanScoring {
		return true, float64((200*sum+answered)/(2*answered)) / 100, answered < n
	}
	if answered == n {
		return true, float64(sum), false
	}
	return true, float64((2*sum*n + answered) / (2 * answered)), true
}

// hundredths is x in hundredths, the unit scores and bands are compared in.
func hundredths(x float64) int64 { return int64(math.Round(x * 100)) }

// bandOf is the label of the band score falls in, or "".
func bandOf(bands []Band, score float64) string {
	h := hundredths(score)
	for _, b := range bands {
		if h >= hundredths(b.Min) && h <= hundredths(b.Max) {
			return b.Label
		}
	}
	return ""
}

// Measure is one completed instrument: a client's answers on a date,
// optionally linked to a session, with the copy of the instrument they
// were given on and the result worked out from them.
//
// EnteredBy says who put the answers into Tandem: the client in
// co-creation mode, the therapist transcribing a paper form, or the two
// together. FollowUp is what the therapist did about a flagged answer
// (Result.Flags), written on FollowUpOn; like the flags, it is the
// therapist's.
type Measure struct {
	ID         int64      `json:"id" vis:"shared"`
	ClientID   int64      `json:"clientId" vis:"shared"`
	SessionID  int64      `json:"sessionId" vis:"shared"` // 0 when not linked
	Date       string     `json:"date" vis:"shared"`
	Instrument Instrument `json:"instrument" vis:"shared"`
	Answers    []Answer   `json:"answers" vis:"shared"`
	Result     Result     `json:"result" vis:"shared"`
	EnteredBy  Actor      `json:"enteredBy" vis:"shared"`
	Notes      string     `json:"notes" vis:"private"`
	FollowUp   string     `json:"followUp" vis:"private"`
	FollowUpOn string     `json:"followUpOn" vis:"private"`
	Created    string     `json:"created" vis:"shared"`
	Updated    string     `json:"updated" vis:"shared"`
}

// Flagged reports whether an answer of m is one the therapist must see.
func (m Measure) Flagged() bool { return len(m.Result.Flags) > 0 }

// Validate checks and normalises m for saving: its date, notes and who
// entered it (empty: the therapist), its copy of the instrument, and its
// answers (at least one), put in question order; then it sets Result from
// them, so a saved result always follows from the saved answers and
// definition. The follow-up is not checked here: it has its own action.
func (m *Measure) Validate() error { return m.validate(true) }

// ValidateAnswers is Validate for a measure whose Instrument has passed
// Instrument.Validate already and is unchanged since: everything but the
// definition is checked, and Result set. It is for reading many measures
// answered on one definition, which is checked once.
func (m *Measure) ValidateAnswers() error { return m.validate(false) }

func (m *Measure) validate(definition bool) error {
	var err error
	if m.Date, err = ParseDate("date", "The date it was answered", m.Date, true); err != nil {
		return err
	}
	if m.EnteredBy == "" {
		m.EnteredBy = ByTherapist
	}
	if !m.EnteredBy.Valid() {
		return FieldError("enteredBy", "Say who entered the answers: the client, you, or the two of you together.")
	}
	if m.Notes, err = CleanText("notes", "Your notes", m.Notes, MaxLongText, false); err != nil {
		return err
	}
	if definition {
		if err := m.Instrument.Validate(); err != nil {
			return err
		}
	}
	if len(m.Answers) == 0 {
		return FieldError("answers", "Give the answer to at least one question.")
	}
	m.Answers = slices.Clone(m.Answers)
	slices.SortStableFunc(m.Answers, func(a, b Answer) int { return a.Item - b.Item })
	m.Result, err = Score(m.Instrument, m.Answers)
	return err
}
