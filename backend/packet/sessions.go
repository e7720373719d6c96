package packet

import (
	"fmt"
	"strings"
	"time"

	"tandem/backend/domain"
)

// Kind is a kind of client packet.
type Kind string

const (
	PreparationPacket Kind = "preparation"
	MedicinePacket    Kind = "medicine"
	WorksheetPacket   Kind = "worksheet"
	SummaryPacket     Kind = "summary"
	RecordPacket      Kind = "record"
)

// Kinds are the client packets, in the order they are offered.
var Kinds = []Kind{PreparationPacket, MedicinePacket, WorksheetPacket, SummaryPacket, RecordPacket}

// Titles of the packets, as the therapist chooses among them.
var kindTitles = map[Kind]string{
	PreparationPacket: "Preparation packet",
	MedicinePacket:    "Medicine session packet",
	WorksheetPacket:   "Integration worksheet",
	SummaryPacket:     "Integration summary",
	RecordPacket:      "The client's record",
}

// Title is k's name as the therapist reads it.
func (k Kind) Title() string { return kindTitles[k] }

// Copies are the copies a kind of packet is made as, the usual one first:
// the medicine session packet is the therapist's; the worksheet and the
// summary are the client's.
func (k Kind) Copies() []Copy {
	switch k {
	case PreparationPacket, RecordPacket:
		return []Copy{ClientCopy, TherapistCopy}
	case MedicinePacket:
		return []Copy{TherapistCopy}
	case WorksheetPacket, SummaryPacket:
		return []Copy{ClientCopy}
	}
	return nil
}

// NeedsMedicineSession reports whether k is made for one medicine session.
func (k Kind) NeedsMedicineSession() bool { return k == MedicinePacket || k == WorksheetPacket }

// WorksheetDays are the lengths of an integration worksheet, in days.
var WorksheetDays = []int{7, 14, 30}

// DefaultWorksheetDays is the length of a worksheet when none is chosen.
const DefaultWorksheetDays = 14

// Request says which packet to make for a client.
type Request struct {
	Kind Kind
	// SessionID is the session the packet is made from or for: required
	// for the medicine session packet and the worksheet (a medicine
	// session); for the summary, it keeps to the shifts after that
	// medicine session; for the preparation packet, it chooses the medicine
	// session being prepared. The record is always the whole record.
	SessionID int64
	Days      int // worksheet only: 7, 14 or 30; 0 is DefaultWorksheetDays
}

// Offer is a packet that fits a client (and session), with its copies.
type Offer struct {
	Kind   Kind
	Title  string
	Copies []Copy
}

// Available lists the packets that fit a client's journey and, when
// sessionID is not 0, one of their sessions: the medicine session packet
// and the worksheet need a medicine session.
func Available(j Journey, sessionID int64) ([]Offer, error) {
	var s *domain.Session
	if sessionID != 0 {
		found, err := findSession(j.Integration, sessionID)
		if err != nil {
			return nil, err
		}
		s = &found
	}
	var out []Offer
	for _, k := range Kinds {
		if k.NeedsMedicineSession() && (s == nil || s.Kind != domain.MedicineSession) {
			continue
		}
		out = append(out, Offer{Kind: k, Title: k.Title(), Copies: k.Copies()})
	}
	return out, nil
}

// Make builds the packet r asks for. It refuses a copy the kind is not
// made as, a session that is not the client's, a session of the wrong
// kind, and a worksheet length other than 7, 14 or 30 days.
func Make(p domain.Practice, j Journey, r Request, o Options) (Document, error) {
	if kindTitles[r.Kind] == "" {
		return Document{}, domain.Errorf(domain.EINVALID, "There is no packet called %q.", r.Kind)
	}
	allowed := false
	for _, c := range r.Kind.Copies() {
		allowed = allowed || c == o.copy()
	}
	if !allowed {
		return Document{}, domain.Errorf(domain.EINVALID, "The %s is made only as a %s copy.", strings.ToLower(r.Kind.Title()), r.Kind.Copies()[0])
	}
	var s domain.Session
	if r.SessionID != 0 {
		var err error
		if s, err = findSession(j.Integration, r.SessionID); err != nil {
			return Document{}, err
		}
	}
	if r.Kind.NeedsMedicineSession() {
		if r.SessionID == 0 {
			return Document{}, domain.FieldError("session", "Choose the medicine session this packet is for.")
		}
		if s.Kind != domain.MedicineSession {
			return Document{}, domain.FieldError("session", "The "+strings.ToLower(r.Kind.Title())+" is made for a medicine session; this is a "+string(s.Kind)+" session.")
		}
	}
	if r.Kind != WorksheetPacket && r.Days != 0 {
		return Document{}, domain.FieldError("days", "Only the integration worksheet has a number of days.")
	}
	switch r.Kind {
	case PreparationPacket:
		return Preparation(p, j, r.SessionID, o), nil
	case RecordPacket:
		return ClientRecord(p, j, o), nil
	case MedicinePacket:
		return MedicineSessionPacket(p, j, r.SessionID, o), nil
	case WorksheetPacket:
		days := r.Days
		if days == 0 {
			days = DefaultWorksheetDays
		}
		if days != 7 && days != 14 && days != 30 {
			return Document{}, domain.FieldError("days", "A worksheet covers 7, 14 or 30 days.")
		}
		return Worksheet(p, j, r.SessionID, days, o), nil
	case SummaryPacket:
		return IntegrationSummary(p, j, r.SessionID, o), nil
	}
	return Document{}, domain.Errorf(domain.EINVALID, "There is no packet called %q.", r.Kind)
}

// findSession finds a session of the journey's client.
func findSession(in domain.IntegrationRecord, id int64) (domain.Session, error) {
	for _, s := range in.Sessions {
		if s.ID == id {
			return s, nil
		}
	}
	return domain.Session{}, domain.Errorf(domain.ENOTFOUND, "This session is not one of this client's sessions, or it no longer exists.")
}

// preparedSession is the medicine session a preparation packet is for:
// sessionID when it is a medicine session, else the earliest medicine
// session whose notes are not signed.
func preparedSession(in domain.IntegrationRecord, sessionID int64) (domain.Session, bool) {
	for _, s := range in.Sessions {
		if s.ID == sessionID && s.Kind == domain.MedicineSession {
			return s, true
		}
	}
	for _, s := range in.Sessions { // oldest first
		if s.Kind == domain.MedicineSession && !s.Finalised() {
			return s, true
		}
	}
	return domain.Session{}, false
}

// ---- words ----

var categoryNames = map[domain.SettingCategory]string{
	"decor": "Décor", "seating": "Seating", "lighting": "Light", "music": "Music", "sensory": "Sensory",
	"objects": "Objects that matter", "practices": "Practices", "people": "People present",
}

var areaNames = map[domain.Area]string{
	"self": "Self", "relationships": "Relationships", "body": "Body", "emotions": "Emotions", "beliefs": "Beliefs",
	"habits": "Habits", "meaning": "Meaning and spirituality", "nature": "Nature and the world", "other": "Other",
}

var areaHints = map[domain.Area]string{
	"self":          "how you see yourself, speak to yourself, treat yourself",
	"relationships": "partners, family, friends, colleagues, strangers",
	"body":          "sensations, sleep, appetite, energy, movement, breath",
	"emotions":      "feelings that arrive, linger, soften or change",
	"beliefs":       "what you take to be true about yourself, others or the world",
	"habits":        "what you do without deciding to, or find you have stopped doing",
	"meaning":       "what matters to you, what feels sacred or larger than you",
	"nature":        "the living world, places, seasons, your place among them",
	"other":         "anything that fits nowhere else",
}

var patternStatusWords = map[domain.PatternStatus]string{
	domain.PatternNoticed: "noticed", domain.PatternExploring: "being explored", domain.PatternLoosening: "loosening", domain.PatternUpdated: "updated",
}

var resourceKindNames = map[domain.ResourceKind]string{
	"somatic": "Body", "breath": "Breath", "relational": "People", "creative": "Creative", "nature": "Nature", "practice": "Practice",
}

var helpsWords = []string{"not known yet", "a little", "somewhat", "fairly well", "well", "a great deal"}

var sessionKindNames = map[domain.SessionKind]string{
	domain.PreparationSession: "Preparation session", domain.MedicineSession: "Medicine session",
	domain.IntegrationSession: "Integration session", domain.OtherSession: "Session",
}

var intensityWords = []string{"", "faint", "light", "clear", "strong", "very strong"}

// actorName names an actor on its own, as a table cell.
func actorName(c Copy, a domain.Actor) string {
	switch a {
	case domain.ByClient:
		if c == TherapistCopy {
			return "The client"
		}
		return "You"
	case domain.ByTherapist:
		if c == TherapistCopy {
			return "The therapist"
		}
		return "Your therapist"
	case domain.ByTogether:
		return "Together"
	}
	return ""
}

func comfortWords(c Copy, comfort domain.Comfort) string {
	switch comfort {
	case domain.Welcome:
		return "Welcome"
	case domain.Unsure:
		return "Not sure yet"
	case domain.NotWanted:
		if c == TherapistCopy {
			return "NOT WANTED: keep it out"
		}
		return "Not wanted: it will not be there"
	}
	return ""
}

func duration(minutes int) string {
	switch {
	case minutes <= 0:
		return ""
	case minutes < 60:
		return fmt.Sprintf("%d minutes", minutes)
	case minutes%60 == 0 && minutes == 60:
		return "1 hour"
	case minutes%60 == 0:
		return fmt.Sprintf("%d hours", minutes/60)
	}
	return fmt.Sprintf("%d h %02d min", minutes/60, minutes%60)
}

// when is a session's date and time, as written where it is held.
func when(s domain.Session) string {
	out := formatDay(s.Date)
	if d, err := time.Parse(time.DateOnly, s.Date); err == nil {
		out = d.Format("Monday ") + out
	}
	if s.Time != "" {
		out += " at " + s.Time
	}
	return out
}

func where(s domain.Session) string {
	place := s.Place
	if s.Modality == domain.Online {
		if place == "" {
			return "Online"
		}
		return "Online: " + place
	}
	return place
}

// activeSetting is a session's setting plan without retired elements,
// in category order.
func activeSetting(s domain.Session) map[domain.SettingCategory][]domain.SettingElement {
	out := map[domain.SettingCategory][]domain.SettingElement{}
	for _, e := range s.Setting {
		if e.Status == domain.Retired {
			continue
		}
		out[e.Category] = append(out[e.Category], e)
	}
	return out
}

// settingPlan lists a session's setting by category: each element, who
// suggested it and the client's comfort with it; retired elements are left
// out. With headings, each category has its own heading and table; else
// one table has a column for the category.
func settingPlan(s domain.Session, c Copy, headings bool) []Block {
	byCat := activeSetting(s)
	comfort := "How you feel about it"
	if c == TherapistCopy {
		comfort = "The client's comfort"
	}
	var b []Block
	var all [][]string
	for _, cat := range domain.SettingCategories {
		els := byCat[cat]
		if len(els) == 0 {
			continue
		}
		rows := make([][]string, 0, len(els))
		for _, e := range els {
			rows = append(rows, []string{e.Text, actorName(c, e.ProposedBy), comfortWords(c, e.Comfort)})
			all = append(all, []string{categoryNames[cat], e.Text, actorName(c, e.ProposedBy), comfortWords(c, e.Comfort)})
		}
		b = append(b, Heading{Text: categoryNames[cat], Level: 2},
			Table{Columns: []Column{{Title: "Element", Width: 4}, {Title: "Suggested by", Width: 1.5}, {Title: comfort, Width: 2}}, Rows: rows})
	}
	if len(all) == 0 {
		return []Block{Paragraph{Style: Muted, Text: "No setting elements written yet."}}
	}
	if !headings {
		return []Block{Table{Columns: []Column{{Title: "Category", Width: 1.5}, {Title: "Element", Width: 4}, {Title: "Suggested by", Width: 1.5}, {Title: comfort, Width: 2}}, Rows: all}}
	}
	return b
}

// agreementOf returns the agreement of a kind to act on: its latest
// confirmed wording, or the current one with a note that it is not
// confirmed.
func agreementOf(rec domain.ClientRecord, kind domain.AgreementKind) ([]Block, bool) {
	var b []Block
	for _, a := range sortedAgreements(rec.Agreements) {
		if a.Kind != kind {
			continue
		}
		if v, ok := lastConfirmed(a); ok {
			b = append(b, agreementBlocks(v.Title, a.Kind, v.Terms)...)
			note := confirmation(v.ConfirmedName, v.ConfirmedOn)
			if a.ConfirmedOn == "" {
				note += " A newer wording is not confirmed yet; this is the confirmed one."
			}
			b = append(b, Paragraph{Style: Small, Text: note})
			continue
		}
		b = append(b, agreementBlocks(a.Title, a.Kind, a.Terms)...)
		b = append(b, Paragraph{Style: Small, Text: "Not confirmed by the client yet: confirm it together before the session."})
	}
	return b, len(b) > 0
}

// resourcesTable lists the client's resources.
func resourcesTable(rs []domain.Resource, c Copy, empty string) []Block {
	if len(rs) == 0 {
		return []Block{Paragraph{Style: Muted, Text: empty}}
	}
	rows := make([][]string, 0, len(rs))
	for _, r := range rs {
		helps := ""
		if r.Helps >= 0 && r.Helps < len(helpsWords) {
			helps = helpsWords[r.Helps]
		}
		rows = append(rows, []string{resourceKindNames[r.Kind], r.Name, r.WhenHelped, helps})
	}
	return []Block{Table{Columns: []Column{{Title: "Kind", Width: 1.2}, {Title: "Resource", Width: 3}, {Title: "When it helped", Width: 3}, {Title: "How well it helps", Width: 1.5}}, Rows: rows}}
}

// ---- the preparation packet's part from the sessions ----

func preparationExtras(j Journey, sessionID int64, c Copy) []Block {
	var b []Block
	s, ok := preparedSession(j.Integration, sessionID)
	b = append(b, Heading{Text: "The setting we are designing", Level: 1})
	if !ok {
		b = append(b, Paragraph{Style: Muted, Text: "The medicine session is not planned yet. We will design its setting together: the room, the seating, the light, the music, what you would like near you, and who is there."})
	} else {
		b = append(b, Paragraph{Text: "For the medicine session on " + when(s) + ". Each element, who suggested it, and how you feel about it as we last wrote it down. What you do not want will not be there; anything can still change."})
		b = append(b, settingPlan(s, c, true)...)
		b = append(b, Heading{Text: "Practical notes for the day", Level: 1})
		rows := []Field{{"When", when(s)}, {"Where", where(s)}, {"How long", duration(s.Minutes)}}
		b = append(b, Fields{Rows: rows})
		b = append(b, Paragraph{Text: "Keep the rest of the day free, and the day after if you can. Arrange your way home as your safety plan says, wear clothes you are comfortable lying down in, and bring anything from the setting plan you offered to bring. If something changes, or you want to stop or postpone, tell your therapist: that is always allowed."})
	}
	b = append(b, Heading{Text: "What helps you", Level: 1})
	b = append(b, resourcesTable(j.Integration.Resources, c, "No resources written yet. We will gather the things that help you feel steady: in the body, the breath, people, creative work, nature or a practice.")...)
	return b
}

// ---- the client's record: sessions and integration ----

// recordJourney is the sessions, shifts, patterns and resources of a client's
// record; when notes were signed and addenda added is dated in loc.
func recordJourney(j Journey, plan []domain.PlanItem, c Copy, who func(domain.Actor, string) string, loc *time.Location) []Block {
	in := j.Integration
	therapist := c == TherapistCopy
	b := []Block{Heading{Text: "Sessions", Level: 1}}
	if len(in.Sessions) == 0 {
		b = append(b, Paragraph{Style: Muted, Text: "No sessions recorded yet."})
	}
	for _, s := range in.Sessions {
		b = append(b, Heading{Text: sessionKindNames[s.Kind] + ", " + formatDay(s.Date), Level: 2})
		rows := []Field{{"When", when(s)}, {"Where", where(s)}, {"How long", duration(s.Minutes)},
			{"Summary", s.Summary}, {"Practice used", s.Practice}, {"What the body showed", s.Somatic}, {"Resourcing", s.Resourcing}}
		if therapist {
			rows = append(rows, Field{"Private notes", s.PrivateNotes}, Field{"Substance", s.Medicine.Substance}, Field{"Dose", s.Medicine.Dose}, Field{"Times", s.Medicine.Times})
		}
		if ints := intentionWords(s, plan); len(ints) > 0 {
			rows = append(rows, Field{"Intentions held", strings.Join(ints, "\n")})
		}
		b = append(b, Fields{Rows: rows})
		if len(activeSetting(s)) > 0 {
			b = append(b, Paragraph{Style: Small, Text: "The setting:"})
			b = append(b, settingPlan(s, c, false)...)
		}
		if len(s.AdverseEvents) > 0 {
			rows := make([][]string, 0, len(s.AdverseEvents))
			for _, e := range s.AdverseEvents {
				rows = append(rows, []string{e.At, e.Description, e.Response})
			}
			b = append(b, Paragraph{Style: Small, Text: "What was difficult, and what was done:"},
				Table{Columns: []Column{{Title: "When", Width: 1.2}, {Title: "What happened", Width: 3}, {Title: "What was done", Width: 3}}, Rows: rows})
		}
		if s.Finalised() {
			b = append(b, Paragraph{Style: Small, Text: "These notes were signed on " + formatMoment(s.FinalisedAt, loc) + " and are kept as they were signed."})
		}
		for _, a := range s.Addenda {
			label := "Added on " + formatMoment(a.At, loc)
			if a.Visibility == domain.Private {
				label += " (private to the therapist)"
			}
			b = append(b, Paragraph{Style: Small, Text: label + ":"}, Paragraph{Text: a.Text})
		}
	}
	b = append(b, Heading{Text: "What you noticed afterwards", Level: 1})
	if therapist {
		b[len(b)-1] = Heading{Text: "Shifts noticed after sessions", Level: 1}
	}
	b = append(b, shiftsByArea(in.Shifts, in.Sessions, c, true)...)
	b = append(b, Heading{Text: "Patterns", Level: 1})
	b = append(b, patternBlocks(in.Patterns, c, who)...)
	b = append(b, Heading{Text: "Resources", Level: 1})
	b = append(b, resourcesTable(in.Resources, c, "No resources written yet.")...)
	return b
}

// intentionWords are the current wordings of the intentions a session
// holds, in the order chosen.
func intentionWords(s domain.Session, plan []domain.PlanItem) []string {
	var out []string
	for _, id := range s.IntentionIDs {
		for _, it := range plan {
			if it.ID == id {
				out = append(out, it.Text)
			}
		}
	}
	return out
}

// shiftsByArea lists shifts grouped by area, each with its day count.
// allSessions says the shifts come after more than one session, so each
// row names its session.
func shiftsByArea(shifts []domain.Shift, sessions []domain.Session, c Copy, allSessions bool) []Block {
	if len(shifts) == 0 {
		return []Block{Paragraph{Style: Muted, Text: "Nothing recorded yet."}}
	}
	dates := map[int64]string{}
	medicine := 0
	for _, s := range sessions {
		dates[s.ID] = s.Date
		if s.Kind == domain.MedicineSession {
			medicine++
		}
	}
	var b []Block
	for _, area := range domain.Areas {
		var rows [][]string
		for _, sh := range shifts {
			if sh.Area != area {
				continue
			}
			day := fmt.Sprintf("Day %d", sh.DayCount)
			if allSessions && medicine > 1 {
				day += "\nafter " + formatDay(dates[sh.SessionID])
			}
			words := sh.Description
			if sh.JustNoticing {
				words += "\n(just noticing)"
			}
			if sh.Meaning != "" {
				words += "\nWhat it came to mean, later: " + sh.Meaning
			}
			strength := ""
			if sh.Intensity > 0 && sh.Intensity < len(intensityWords) {
				strength = fmt.Sprintf("%d (%s)", sh.Intensity, intensityWords[sh.Intensity])
			}
			rows = append(rows, []string{day, formatDay(sh.NoticedOn), words, strength})
		}
		if len(rows) == 0 {
			continue
		}
		words := "In your words"
		if c == TherapistCopy {
			words = "In the client's words"
		}
		b = append(b, Heading{Text: areaNames[area], Level: 2},
			Table{Columns: []Column{{Title: "Day", Width: 1.1}, {Title: "Noticed on", Width: 1.6}, {Title: words, Width: 5}, {Title: "Strength", Width: 1.3}}, Rows: rows})
	}
	return b
}

// patternBlocks lists patterns: the name in the client's words, examples,
// who named it, where it stands and since when.
func patternBlocks(ps []domain.Pattern, c Copy, who func(domain.Actor, string) string) []Block {
	if len(ps) == 0 {
		return []Block{Paragraph{Style: Muted, Text: "No patterns named yet."}}
	}
	var b []Block
	for _, p := range ps {
		b = append(b, Paragraph{Style: Quote, Text: p.Name})
		if p.Examples != "" {
			b = append(b, Paragraph{Text: "For example: " + p.Examples})
		}
		note := "Named " + who(p.ProposedBy, "by") + " · " + patternStatusWords[p.Status]
		if n := len(p.Statuses); n > 0 && p.Statuses[n-1].On != "" {
			note += " since " + formatDay(p.Statuses[n-1].On)
		}
		if n := len(p.Statuses); n > 0 && p.Statuses[n-1].Note != "" {
			note += ": " + p.Statuses[n-1].Note
		}
		b = append(b, Paragraph{Style: Small, Text: note})
	}
	return b
}

// ---- the medicine session packet ----

// MedicineSessionPacket is the therapist's packet for a medicine session:
// the setting checklist, the music plan, the intentions, the agreements
// that hold the session (topics, touch, safety, the right to stop) with
// the client's emergency contact, and a log sheet. sessionID must be a
// medicine session of the client (Make checks).
func MedicineSessionPacket(p domain.Practice, full Journey, sessionID int64, o Options) Document {
	j := o.view(full)
	rec := j.Record
	c := rec.Client
	s, _ := findSession(j.Integration, sessionID)
	d := o.document(p, c.ChosenName, "Medicine session", when(s))
	cp := o.copy()
	b := []Block{
		Fields{Rows: []Field{{"Client", c.ChosenName}, {"Pronouns", c.Pronouns}, {"When", when(s)}, {"Where", where(s)}, {"Planned length", duration(s.Minutes)},
			{"Emergency contact", c.EmergencyContact}}},
	}
	if cp == TherapistCopy && s.Medicine != (domain.MedicineDetails{}) {
		b = append(b, Fields{Rows: []Field{{"Substance", s.Medicine.Substance}, {"Dose", s.Medicine.Dose}, {"Times", s.Medicine.Times}}})
	}
	b = append(b, Heading{Text: "Intentions", Level: 1})
	if ints := intentionWords(s, rec.Plan); len(ints) > 0 {
		for _, w := range ints {
			b = append(b, Paragraph{Style: Quote, Text: w})
		}
	} else {
		b = append(b, Paragraph{Style: Muted, Text: "No intentions are held for this session yet."})
	}

	byCat := activeSetting(s)
	var items, music, notWanted []string
	for _, cat := range domain.SettingCategories {
		for _, e := range byCat[cat] {
			label := e.Text
			if e.Comfort == domain.Unsure {
				label += " (the client is not sure yet: check)"
			}
			switch {
			case e.Comfort == domain.NotWanted:
				notWanted = append(notWanted, categoryNames[cat]+": "+e.Text)
			case cat == "music":
				music = append(music, label)
			default:
				items = append(items, categoryNames[cat]+": "+label)
			}
		}
	}
	b = append(b, Heading{Text: "Setting checklist", Level: 1})
	if len(items) == 0 {
		b = append(b, Paragraph{Style: Muted, Text: "No setting elements written yet."})
	} else {
		b = append(b, Checklist{Items: items})
	}
	if len(notWanted) > 0 {
		b = append(b, Heading{Text: "Not wanted: keep out of the room", Level: 2}, Checklist{Items: notWanted})
	}
	b = append(b, Heading{Text: "Music plan", Level: 1})
	if len(music) == 0 {
		b = append(b, Paragraph{Style: Muted, Text: "No music planned."})
	} else {
		b = append(b, Checklist{Items: music})
	}

	b = append(b, Heading{Text: "Agreements that hold the session", Level: 1})
	for _, k := range []domain.AgreementKind{domain.TopicGuidelines, domain.TouchConsent, domain.RightToStop, domain.SafetyPlan} {
		blocks, ok := agreementOf(rec, k)
		if !ok {
			blocks = []Block{Heading{Text: agreementNames[k], Level: 2}, Paragraph{Style: Muted, Text: "Not written yet."}}
		}
		b = append(b, blocks...)
	}
	b = append(b, Fields{Rows: []Field{{"Emergency contact", c.EmergencyContact}}})

	b = append(b, PageBreak{}, Heading{Text: "Log", Level: 1},
		Paragraph{Style: Small, Text: "Times and observations as the session goes: what you see and hear, what is said, any touch and how it was asked, water, rest, changes in the setting."},
		LogSheet{Columns: []Column{{Title: "Time", Width: 1}, {Title: "Observation", Width: 6}, {Title: "Initials", Width: 1}}, Rows: 18},
		Lines{Label: "After the session: how the client left, and with whom", Count: 4})
	d.Blocks = b
	return d
}

// ---- the integration worksheet ----

// Worksheet is a blank integration worksheet for the days after a
// medicine session: one row for each day, dated and numbered (the session
// day is day 0), with the areas of life as a legend and room to write by
// hand. It asks for noticing, not explaining.
func Worksheet(p domain.Practice, full Journey, sessionID int64, days int, o Options) Document {
	j := o.view(full)
	c := j.Record.Client
	s, _ := findSession(j.Integration, sessionID)
	d := o.document(p, c.ChosenName, "What I notice", fmt.Sprintf("The %d days after the session on %s", days, formatDay(s.Date)))
	b := []Block{
		Paragraph{Text: "In the days after a medicine session, things may shift: in how you see yourself, in your body, in your relationships, in your habits. Some shifts are loud, some very quiet. This sheet is a place to notice them as they come, without having to explain them or know yet what they mean. A word or two is enough; so is a blank day."},
		Paragraph{Text: "Write what you noticed in your own words. If you like, add the area of life it touched (see below) and how strong it felt, from 1 (faint) to 5 (strong). Bring the sheet to our next meeting; what it means can wait until then, or longer."},
		Heading{Text: "Areas of life", Level: 2},
	}
	legend := make([]Field, 0, len(domain.Areas))
	for _, a := range domain.Areas {
		legend = append(legend, Field{areaNames[a], areaHints[a]})
	}
	b = append(b, Fields{Rows: legend})
	start, err := time.Parse(time.DateOnly, s.Date)
	rows := make([][]string, 0, days)
	for i := 1; i <= days; i++ {
		day := fmt.Sprintf("Day %d", i)
		if err == nil {
			day += "\n" + start.AddDate(0, 0, i).Format("Mon 2 Jan")
		}
		rows = append(rows, []string{day, "", "", ""})
	}
	height := map[int]float64{7: 96, 14: 72, 30: 60}[days]
	if height == 0 {
		height = 60
	}
	b = append(b, Table{Columns: []Column{{Title: "Day", Width: 1.5}, {Title: "What I noticed", Width: 6}, {Title: "Area", Width: 1.6}, {Title: "1–5", Width: 0.7}}, Rows: rows, MinRowHeight: height},
		Lines{Label: "Anything else you would like to bring", Count: 6})
	d.Blocks = b
	return d
}

// ---- the integration summary ----

// IntegrationSummary gathers what has been noticed so far: the shifts by
// area with their day counts (after one medicine session when sessionID
// is one, else after all of them), the patterns in the client's words
// with where each stands, and the resources.
func IntegrationSummary(p domain.Practice, full Journey, sessionID int64, o Options) Document {
	j := o.view(full)
	c := j.Record.Client
	cp := o.copy()
	who := whoFor(cp, p)
	sub := "What you have noticed so far, the patterns we have named and what helps you"
	shifts := j.Integration.Shifts
	all := true
	if s, err := findSession(j.Integration, sessionID); err == nil && s.Kind == domain.MedicineSession {
		sub = "After the medicine session on " + formatDay(s.Date)
		all = false
		var kept []domain.Shift
		for _, sh := range shifts {
			if sh.SessionID == s.ID {
				kept = append(kept, sh)
			}
		}
		shifts = kept
	}
	d := o.document(p, c.ChosenName, "Integration so far", sub)
	b := []Block{
		Paragraph{Text: "This is a gathering of what you have noticed and what we have named together, in your words. It is a picture of a moment, not a verdict: patterns loosen, meanings change, and anything here can be worded again."},
		Heading{Text: "What you noticed", Level: 1},
	}
	if len(shifts) > 0 {
		b = append(b, Paragraph{Style: Small, Text: fmt.Sprintf("%d %s, by area of life. The day counts from the session: the day after it is day 1.", len(shifts), plural(len(shifts), "entry", "entries"))})
	}
	b = append(b, shiftsByArea(shifts, j.Integration.Sessions, cp, all)...)
	b = append(b, Heading{Text: "Patterns we have named", Level: 1})
	b = append(b, patternBlocks(j.Integration.Patterns, cp, who)...)
	b = append(b, Heading{Text: "What helps you", Level: 1})
	b = append(b, resourcesTable(j.Integration.Resources, cp, "No resources written yet.")...)
	b = append(b, Heading{Text: "Your notes", Level: 1}, Lines{Label: "Anything you would like to add, change or bring next time", Count: 6})
	d.Blocks = b
	return d
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
