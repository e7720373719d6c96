package domain

import (
	"strings"
	"unicode/utf8"
)

// Area is the area of life a shift belongs to.
type Area string

// Areas in the order the worksheet lists them.
var Areas = []Area{"self", "relationships", "body", "emotions", "beliefs", "habits", "meaning", "nature", "other"}

// Valid reports whether a is a known area.
func (a Area) Valid() bool {
	for _, k := range Areas {
		if a == k {
			return true
		}
	}
	return false
}

// Intensity bounds of a shift.
const (
	MinIntensity = 1
	MaxIntensity = 5
)

// Shift is one entry of the integration worksheet: something the client
// noticed in the days after a medicine session, in their own words.
// Description is kept word for word; the meaning made later, together, sits
// beside it (Meaning) and never replaces it. JustNoticing marks an entry
// the client does not want to explain yet.
type Shift struct {
	ID        int64  `json:"id" vis:"shared"`
	ClientID  int64  `json:"clientId" vis:"shared"`
	SessionID int64  `json:"sessionId" vis:"shared"` // the medicine session
	NoticedOn string `json:"noticedOn" vis:"shared"`
	// DayCount is computed: calendar days since the session (see DayCount).
	DayCount     int    `json:"dayCount" vis:"shared"`
	Area         Area   `json:"area" vis:"shared"`
	Description  string `json:"description" vis:"shared"`
	JustNoticing bool   `json:"justNoticing" vis:"shared"`
	Intensity    int    `json:"intensity" vis:"shared"`
	RecordedBy   Actor  `json:"recordedBy" vis:"shared"`
	Meaning      string `json:"meaning" vis:"shared"`
	MeaningOn    string `json:"meaningOn" vis:"shared"`
	MeaningBy    Actor  `json:"meaningBy" vis:"shared"`
	Created      string `json:"created" vis:"shared"`
	Updated      string `json:"updated" vis:"shared"`
}

// Validate normalises a new or corrected shift (not its meaning).
func (s *Shift) Validate() error {
	var err error
	if s.SessionID == 0 {
		return FieldError("sessionId", "Choose the medicine session this shift came after.")
	}
	if s.NoticedOn, err = ParseDate("noticedOn", "The date it was noticed", s.NoticedOn, true); err != nil {
		return err
	}
	if !s.Area.Valid() {
		return FieldError("area", "Choose the area of life: self, relationships, body, emotions, beliefs, habits, meaning, nature or other.")
	}
	if s.Description, err = CleanText("description", "The client's description", s.Description, MaxLongText, true); err != nil {
		return err
	}
	if s.Intensity < MinIntensity || s.Intensity > MaxIntensity {
		return FieldError("intensity", "Intensity goes from 1 (faint) to 5 (strong).")
	}
	if s.RecordedBy == "" {
		s.RecordedBy = ByClient
	}
	if !s.RecordedBy.Valid() {
		return FieldError("recordedBy", "Say who wrote this: the client, you, or the two of you together.")
	}
	return nil
}

// PatternStatus is where a pattern of meaning-making stands.
type PatternStatus string

const (
	PatternNoticed   PatternStatus = "noticed"
	PatternExploring PatternStatus = "exploring"
	PatternLoosening PatternStatus = "loosening"
	PatternUpdated   PatternStatus = "updated"
)

// Valid reports whether s is a known pattern status.
func (s PatternStatus) Valid() bool {
	switch s {
	case PatternNoticed, PatternExploring, PatternLoosening, PatternUpdated:
		return true
	}
	return false
}

// Pattern is a habitual way of making meaning, named in the client's words.
// Its name keeps its wording history; its status changes over time, each
// change dated (Statuses, oldest first); it links to the shifts and
// sessions where it showed up.
type Pattern struct {
	ID       int64  `json:"id" vis:"shared"`
	ClientID int64  `json:"clientId" vis:"shared"`
	Name     string `json:"name" vis:"shared"`
	// Examples reach the client unless the therapist keeps them private.
	Examples           string          `json:"examples" vis:"chosen" visby:"ExamplesVisibility"`
	ExamplesVisibility Visibility      `json:"examplesVisibility" vis:"private"`
	ProposedBy         Actor           `json:"proposedBy" vis:"shared"`
	Status             PatternStatus   `json:"status" vis:"shared"`
	Statuses           []PatternChange `json:"statuses" vis:"shared"`
	ShiftIDs           []int64         `json:"shiftIds" vis:"shared"`
	SessionIDs         []int64         `json:"sessionIds" vis:"shared"`
	Revisions          []Revision      `json:"revisions" vis:"shared"`
	Created            string          `json:"created" vis:"shared"`
	Updated            string          `json:"updated" vis:"shared"`
}

// PatternChange is one dated status of a pattern.
type PatternChange struct {
	On     string        `json:"on" vis:"shared"`
	Status PatternStatus `json:"status" vis:"shared"`
	Note   string        `json:"note" vis:"shared"`
	By     Actor         `json:"by" vis:"shared"`
}

// NewPattern is what is needed to name a pattern.
type NewPattern struct {
	ClientID int64  `json:"clientId"`
	Name     string `json:"name"`
	Examples string `json:"examples"`
	// ExamplesVisibility: empty or shared, unless the therapist keeps the
	// examples private.
	ExamplesVisibility Visibility `json:"examplesVisibility"`
	ProposedBy         Actor      `json:"proposedBy"`
	NoticedOn          string     `json:"noticedOn"`
}

// Validate normalises n.
func (n *NewPattern) Validate() error {
	var err error
	if n.Name, err = CleanText("name", "The pattern's name", n.Name, MaxLineText, true); err != nil {
		return err
	}
	if n.Examples, err = CleanText("examples", "The examples", n.Examples, MaxLongText, false); err != nil {
		return err
	}
	if n.ExamplesVisibility, err = n.ExamplesVisibility.Choice("examplesVisibility", "the examples"); err != nil {
		return err
	}
	if !n.ProposedBy.Valid() {
		return FieldError("proposedBy", "Say who named this: the client, you, or the two of you together.")
	}
	if n.NoticedOn, err = ParseDate("noticedOn", "The date", n.NoticedOn, true); err != nil {
		return err
	}
	return nil
}

// ResourceKind is the kind of a resourcing strategy.
type ResourceKind string

// ResourceKinds in the order they are listed.
var ResourceKinds = []ResourceKind{"somatic", "breath", "relational", "creative", "nature", "practice"}

// Valid reports whether k is a known kind.
func (k ResourceKind) Valid() bool {
	for _, r := range ResourceKinds {
		if k == r {
			return true
		}
	}
	return false
}

// Resource is one of the client's personal resourcing strategies, with
// notes on when it helped and how well (Helps: 0 not yet known, 1 a little
// to 5 a great deal).
type Resource struct {
	ID         int64        `json:"id" vis:"shared"`
	ClientID   int64        `json:"clientId" vis:"shared"`
	Kind       ResourceKind `json:"kind" vis:"shared"`
	Name       string       `json:"name" vis:"shared"`
	WhenHelped string       `json:"whenHelped" vis:"shared"`
	Helps      int          `json:"helps" vis:"shared"`
	ProposedBy Actor        `json:"proposedBy" vis:"shared"`
	Revisions  []Revision   `json:"revisions" vis:"shared"`
	Created    string       `json:"created" vis:"shared"`
	Updated    string       `json:"updated" vis:"shared"`
}

// Validate normalises r.
func (r *Resource) Validate() error {
	var err error
	if !r.Kind.Valid() {
		return FieldError("kind", "Choose somatic, breath, relational, creative, nature or practice.")
	}
	if r.Name, err = CleanText("name", "The resource", r.Name, MaxLineText, true); err != nil {
		return err
	}
	if r.WhenHelped, err = CleanText("whenHelped", "When it helped", r.WhenHelped, MaxLongText, false); err != nil {
		return err
	}
	if r.Helps < 0 || r.Helps > 5 {
		return FieldError("helps", "How well it helps goes from 1 (a little) to 5 (a great deal); leave it empty when not yet known.")
	}
	if !r.ProposedBy.Valid() {
		return FieldError("proposedBy", "Say who proposed this: the client, you, or the two of you together.")
	}
	return nil
}

// IntegrationRecord is a client's sessions, worksheet, patterns,
// resources and measures: the material of their journey. View filters it
// for the client's eyes like a ClientRecord.
type IntegrationRecord struct {
	ClientID  int64      `json:"clientId" vis:"shared"`
	Sessions  []Session  `json:"sessions" vis:"shared"`
	Shifts    []Shift    `json:"shifts" vis:"shared"`
	Patterns  []Pattern  `json:"patterns" vis:"shared"`
	Resources []Resource `json:"resources" vis:"shared"`
	Measures  []Measure  `json:"measures" vis:"shared"`
}

// SearchKind is what a search hit is.
type SearchKind string

const (
	HitClient     SearchKind = "client"
	HitSession    SearchKind = "session"
	HitPlan       SearchKind = "plan"
	HitShift      SearchKind = "shift"
	HitPattern    SearchKind = "pattern"
	HitResource   SearchKind = "resource"
	HitReflection SearchKind = "reflection"
	// HitHealth is a client's health and medication screening, one hit
	// per client (ID is the client's): medications, allergies, health
	// history and the screenings' notes.
	HitHealth SearchKind = "health"
)

// SearchHit is one result: what it is, whose, and a short excerpt with the
// matched words between Mark and EndMark.
type SearchHit struct {
	Kind       SearchKind `json:"kind"`
	ID         int64      `json:"id"`
	ClientID   int64      `json:"clientId"`
	ClientName string     `json:"clientName"`
	Date       string     `json:"date"`
	Excerpt    string     `json:"excerpt"`
}

// Marks around matched words in an excerpt: private-use characters, which
// never occur in what a therapist types.
const (
	Mark    = "\uE000"
	EndMark = "\uE001"
)

// SearchResult is what a search found, grouped by kind in SearchKinds
// order, best first within each group.
type SearchResult struct {
	Query  string      `json:"query"`
	Hits   []SearchHit `json:"hits"`
	Capped bool        `json:"capped"` // more hits exist than were returned
}

// SearchKinds is the order of result groups.
var SearchKinds = []SearchKind{HitClient, HitSession, HitShift, HitPattern, HitPlan, HitResource, HitHealth, HitReflection}

// SearchTerms splits a query into folded words (see Fold): the words a
// search looks for, each as a prefix.
func SearchTerms(q string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(Fold(q), func(r rune) bool { return !isWordRune(r) }) {
		out = append(out, w)
		if len(out) == 8 {
			break
		}
	}
	return out
}

// Excerpt returns up to about width characters of text around the first
// word that starts with one of the (folded) terms, with every such word
// between Mark and EndMark, and an ellipsis where text was cut. It returns
// "" when no word matches.
func Excerpt(text string, terms []string, width int) string {
	type span struct{ start, end int }
	var words []span
	start := -1
	for i, r := range text {
		if isWordRune(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			words = append(words, span{start, i})
			start = -1
		}
	}
	if start >= 0 {
		words = append(words, span{start, len(text)})
	}
	var hits []span
	for _, w := range words {
		f := Fold(text[w.start:w.end])
		for _, t := range terms {
			if strings.HasPrefix(f, t) {
				hits = append(hits, w)
				break
			}
		}
	}
	if len(hits) == 0 {
		return ""
	}
	// A window of width runes, starting a little before the first hit.
	from := hits[0].start
	for n := 0; from > 0 && n < width/4; n++ {
		_, size := utf8.DecodeLastRuneInString(text[:from])
		from -= size
	}
	if from > 0 {
		if i := strings.IndexAny(text[from:hits[0].start], " \n"); i >= 0 {
			from += i + 1
		}
	}
	to := from
	for n := 0; to < len(text) && n < width; n++ {
		_, size := utf8.DecodeRuneInString(text[to:])
		to += size
	}
	if to < hits[0].end {
		to = hits[0].end
	}
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	at := from
	for _, h := range hits {
		if h.start < from || h.end > to {
			continue
		}
		b.WriteString(text[at:h.start])
		b.WriteString(Mark + text[h.start:h.end] + EndMark)
		at = h.end
	}
	b.WriteString(text[at:to])
	if to < len(text) {
		b.WriteString("…")
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
