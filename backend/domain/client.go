package domain

import "strings"

// ClientStatus is where a client's work stands.
type ClientStatus string

const (
	StatusActive ClientStatus = "active"
	StatusPaused ClientStatus = "paused"
	StatusClosed ClientStatus = "closed"
)

// Valid reports whether s is a known status.
func (s ClientStatus) Valid() bool {
	return s == StatusActive || s == StatusPaused || s == StatusClosed
}

// Client is one client's own details. The chosen name and pronouns are how
// the client is addressed everywhere; the legal name is used only where a
// document requires it. Identities are self-described: the client chooses
// which facets to describe and writes them in their own words.
type Client struct {
	ID               int64        `json:"id" vis:"shared"`
	ChosenName       string       `json:"chosenName" vis:"shared"`
	Pronouns         string       `json:"pronouns" vis:"shared"`
	LegalName        string       `json:"legalName" vis:"shared"`
	DateOfBirth      string       `json:"dateOfBirth" vis:"shared"`
	Email            string       `json:"email" vis:"shared"`
	Phone            string       `json:"phone" vis:"shared"`
	Address          string       `json:"address" vis:"shared"`
	EmergencyContact string       `json:"emergencyContact" vis:"shared"`
	Languages        string       `json:"languages" vis:"shared"`
	Identities       []Identity   `json:"identities" vis:"shared"`
	Status           ClientStatus `json:"status" vis:"shared"`
	Created          string       `json:"created" vis:"shared"`
	Updated          string       `json:"updated" vis:"shared"`
	// SharePositionality is the therapist's choice to share their
	// positionality statement with this client (ClientRecord's
	// TherapistPositionality). It changes only through its own action.
	SharePositionality bool `json:"sharePositionality" vis:"shared"`
	// Agenda is what the two last chose to work on together: the sections
	// co-creation mode shows (AgendaSections; DefaultAgenda until chosen).
	// It changes only through its own action.
	Agenda []string `json:"agenda" vis:"shared"`
	// Archived is when the therapist archived (deleted) the record; it can
	// be restored until erased for good.
	Archived string `json:"archived" vis:"private"`
	// IntakeNote is the therapist's own note on how the client came and
	// what to keep in mind; never shown to the client.
	IntakeNote string `json:"intakeNote" vis:"private"`
}

// Identity is one facet of identity, named and described by the client.
type Identity struct {
	Facet       string `json:"facet" vis:"shared"`
	Description string `json:"description" vis:"shared"`
}

// SuggestedFacets are offered as starting points; the client may name any
// facet of their own instead.
var SuggestedFacets = []string{"Cultural background", "Gender", "Sexuality", "Class", "Disability", "Spirituality", "Ethnicity", "Age"}

// Validate normalises c and returns the first problem, naming the field.
func (c *Client) Validate() error {
	var err error
	if c.ChosenName, err = CleanLine("chosenName", "Chosen name", c.ChosenName, MaxShortText, true); err != nil {
		return err
	}
	if c.Pronouns, err = CleanLine("pronouns", "Pronouns", c.Pronouns, MaxShortText, false); err != nil {
		return err
	}
	if c.LegalName, err = CleanLine("legalName", "Legal name", c.LegalName, MaxShortText, false); err != nil {
		return err
	}
	if c.DateOfBirth, err = ParseDate("dateOfBirth", "Date of birth", c.DateOfBirth, false); err != nil {
		return err
	}
	if c.Email, err = CleanLine("email", "Email", c.Email, MaxLineText, false); err != nil {
		return err
	}
	if c.Email != "" && (!strings.Contains(c.Email, "@") || strings.ContainsAny(c.Email, " <>")) {
		return FieldError("email", "This email address does not look complete. It should look like name@example.org.")
	}
	if c.Phone, err = CleanLine("phone", "Phone", c.Phone, MaxShortText, false); err != nil {
		return err
	}
	if c.Address, err = CleanText("address", "Address", c.Address, MaxLineText*2, false); err != nil {
		return err
	}
	if c.EmergencyContact, err = CleanText("emergencyContact", "Emergency contact", c.EmergencyContact, MaxLineText*2, false); err != nil {
		return err
	}
	if c.Languages, err = CleanLine("languages", "Languages", c.Languages, MaxLineText, false); err != nil {
		return err
	}
	if c.IntakeNote, err = CleanText("intakeNote", "Intake note", c.IntakeNote, MaxLongText, false); err != nil {
		return err
	}
	if c.Status == "" {
		c.Status = StatusActive
	}
	if !c.Status.Valid() {
		return FieldError("status", "Choose active, paused or closed.")
	}
	if len(c.Identities) > 50 {
		return FieldError("identities", "A record keeps up to 50 facets of identity.")
	}
	kept := c.Identities[:0:0]
	for i := range c.Identities {
		id := c.Identities[i]
		if id.Facet, err = CleanLine("identities", "The name of a facet", id.Facet, MaxShortText, false); err != nil {
			return err
		}
		if id.Description, err = CleanText("identities", "A facet's description", id.Description, MaxLongText, false); err != nil {
			return err
		}
		if id.Facet == "" && id.Description == "" {
			continue
		}
		if id.Facet == "" {
			return FieldError("identities", "Give each description the name of its facet, in the client's words (for example \"Spirituality\").")
		}
		kept = append(kept, id)
	}
	c.Identities = kept
	return nil
}

// PowerMapEntry names a difference in position and power between therapist
// and client, how it may show up in the work, and what the two agree to do
// about it. Each entry is shared with the client or private to the
// therapist.
type PowerMapEntry struct {
	ID         int64      `json:"id" vis:"shared"`
	ClientID   int64      `json:"clientId" vis:"shared"`
	WrittenOn  string     `json:"writtenOn" vis:"shared"`
	Difference string     `json:"difference" vis:"shared"`
	ShowsUp    string     `json:"showsUp" vis:"shared"`
	Agreed     string     `json:"agreed" vis:"shared"`
	Visibility Visibility `json:"visibility" vis:"shared"`
	Author     Actor      `json:"author" vis:"shared"`
	Updated    string     `json:"updated" vis:"shared"`
}

// Validate normalises e.
func (e *PowerMapEntry) Validate() error {
	var err error
	if e.WrittenOn, err = ParseDate("writtenOn", "The date", e.WrittenOn, true); err != nil {
		return err
	}
	if e.Difference, err = CleanText("difference", "The difference named", e.Difference, MaxLongText, true); err != nil {
		return err
	}
	if e.ShowsUp, err = CleanText("showsUp", "How it may show up", e.ShowsUp, MaxLongText, false); err != nil {
		return err
	}
	if e.Agreed, err = CleanText("agreed", "What you agree to do", e.Agreed, MaxLongText, false); err != nil {
		return err
	}
	if !e.Visibility.Valid() {
		return FieldError("visibility", "Choose whether this entry is shared with the client or private to you.")
	}
	if !e.Author.Valid() {
		return FieldError("author", "Say who wrote this: the client, you, or the two of you together.")
	}
	return nil
}

// PlanKind separates the longer-term goals from the intentions held for
// one medicine session.
type PlanKind string

const (
	Goal      PlanKind = "goal"
	Intention PlanKind = "intention"
)

// PlanStatus is where a plan item stands.
type PlanStatus string

const (
	Proposed PlanStatus = "proposed"
	Agreed   PlanStatus = "agreed"
	Revised  PlanStatus = "revised"
	Retired  PlanStatus = "retired"
)

// PlanItem is a goal or an intention, in the exact words of whoever wrote
// it. Text is the current wording: the latest revision. Revising never
// overwrites: it adds a Revision, and every earlier wording stays readable.
type PlanItem struct {
	ID            int64      `json:"id" vis:"shared"`
	ClientID      int64      `json:"clientId" vis:"shared"`
	Kind          PlanKind   `json:"kind" vis:"shared"`
	Text          string     `json:"text" vis:"shared"`
	ProposedBy    Actor      `json:"proposedBy" vis:"shared"`
	Status        PlanStatus `json:"status" vis:"shared"`
	AgreedOn      string     `json:"agreedOn" vis:"shared"`
	RetiredReason string     `json:"retiredReason" vis:"shared"`
	Position      int        `json:"position" vis:"shared"`
	Created       string     `json:"created" vis:"shared"`
	Revisions     []Revision `json:"revisions" vis:"shared"`
}

// Revision is one wording of a plan item or agreement, by its author.
type Revision struct {
	At     string `json:"at" vis:"shared"`
	Author Actor  `json:"author" vis:"shared"`
	Text   string `json:"text" vis:"shared"`
	Note   string `json:"note" vis:"shared"`
}

// Agreement kinds.
type AgreementKind string

const (
	TouchConsent    AgreementKind = "touch"
	SafetyPlan      AgreementKind = "safety"
	RightToStop     AgreementKind = "right_to_stop"
	Confidentiality AgreementKind = "confidentiality"
	TopicGuidelines AgreementKind = "topics"
	CustomAgreement AgreementKind = "custom"
)

// Valid reports whether k is a known kind.
func (k AgreementKind) Valid() bool {
	switch k {
	case TouchConsent, SafetyPlan, RightToStop, Confidentiality, TopicGuidelines, CustomAgreement, MedicineConsent:
		return true
	}
	return false
}

// Agreement is an agreement made with the client. Its terms are kept as
// labelled parts (for touch consent: which touch is welcome, which is not,
// how consent is asked during a session, the signal to stop). It is
// confirmed by the client, who types their name; any change after that
// clears the confirmation until the client confirms again. Every version is
// kept in Versions.
type Agreement struct {
	ID            int64           `json:"id" vis:"shared"`
	ClientID      int64           `json:"clientId" vis:"shared"`
	Kind          AgreementKind   `json:"kind" vis:"shared"`
	Title         string          `json:"title" vis:"shared"`
	Terms         []AgreementTerm `json:"terms" vis:"shared"`
	ConfirmedName string          `json:"confirmedName" vis:"shared"`
	ConfirmedOn   string          `json:"confirmedOn" vis:"shared"`
	Updated       string          `json:"updated" vis:"shared"`
	// TemplateVersion is, for a medicine consent, the version of the
	// practice's consent template its wording in force was written from.
	TemplateVersion int                `json:"templateVersion" vis:"shared"`
	Versions        []AgreementVersion `json:"versions" vis:"shared"`
}

// AgreementTerm is one labelled part of an agreement's wording.
type AgreementTerm struct {
	Key  string `json:"key" vis:"shared"`
	Text string `json:"text" vis:"shared"`
}

// AgreementVersion is one past or present wording of an agreement with its
// confirmation, if it was confirmed.
type AgreementVersion struct {
	At            string          `json:"at" vis:"shared"`
	Author        Actor           `json:"author" vis:"shared"`
	Title         string          `json:"title" vis:"shared"`
	Terms         []AgreementTerm `json:"terms" vis:"shared"`
	ConfirmedName string          `json:"confirmedName" vis:"shared"`
	ConfirmedOn   string          `json:"confirmedOn" vis:"shared"`
	// TemplateVersion: see Agreement.
	TemplateVersion int `json:"templateVersion" vis:"shared"`
}

// AgreementTermKeys are the parts each kind of agreement is written in.
var AgreementTermKeys = map[AgreementKind][]string{
	TouchConsent:    {"welcome", "not_welcome", "how_asked", "stop_signal"},
	SafetyPlan:      {"text"},
	RightToStop:     {"text"},
	Confidentiality: {"text"},
	TopicGuidelines: {"text"},
	CustomAgreement: {"text"},
	MedicineConsent: ConsentTermKeys,
}

// Reflection is the therapist's private journal: reactions, biases noticed,
// shadow work, consultation. About one client or general (ClientID 0).
// It is private as a whole and never part of a client's record view.
type Reflection struct {
	ID        int64  `json:"id" vis:"private"`
	ClientID  int64  `json:"clientId" vis:"private"`
	WrittenOn string `json:"writtenOn" vis:"private"`
	Kind      string `json:"kind" vis:"private"`
	Text      string `json:"text" vis:"private"`
	Updated   string `json:"updated" vis:"private"`
}

// ReflectionKinds are the journal's headings.
var ReflectionKinds = []string{"reaction", "bias", "shadow", "consultation", "other"}

// HistoryEntry records one change: when, who, what, before and after (as
// JSON of the entity). The history is the therapist's and private.
type HistoryEntry struct {
	ID       int64  `json:"id" vis:"private"`
	At       string `json:"at" vis:"private"`
	Actor    Actor  `json:"actor" vis:"private"`
	ClientID int64  `json:"clientId" vis:"private"`
	Entity   string `json:"entity" vis:"private"`
	EntityID int64  `json:"entityId" vis:"private"`
	Action   string `json:"action" vis:"private"`
	Before   string `json:"before" vis:"private"`
	After    string `json:"after" vis:"private"`
}

// ClientRecord is everything about one client. ClientView filters it for
// the client's eyes.
type ClientRecord struct {
	Client   Client          `json:"client" vis:"shared"`
	PowerMap []PowerMapEntry `json:"powerMap" vis:"shared"`
	// TherapistPositionality is the therapist's positionality statement,
	// when they share it with this client (Client.SharePositionality) and
	// have written one; else empty. Social location is explored by both.
	TherapistPositionality SharedStatement `json:"therapistPositionality" vis:"shared"`
	Plan                   []PlanItem      `json:"plan" vis:"shared"`
	Agreements             []Agreement     `json:"agreements" vis:"shared"`
	// Health is the health and medication screening.
	Health      Health         `json:"health" vis:"shared"`
	Reflections []Reflection   `json:"reflections" vis:"private"`
	History     []HistoryEntry `json:"history" vis:"private"`
}

// SharedStatement is a dated statement the therapist shares with a client.
type SharedStatement struct {
	Text  string `json:"text" vis:"shared"`
	Dated string `json:"dated" vis:"shared"` // YYYY-MM-DD of its latest entry
}

// ClientSummary is a row of the client list.
type ClientSummary struct {
	ID         int64        `json:"id"`
	ChosenName string       `json:"chosenName"`
	Pronouns   string       `json:"pronouns"`
	Status     ClientStatus `json:"status"`
	Updated    string       `json:"updated"`
	Archived   bool         `json:"archived"`
	// PowerMapRevisited is the date (YYYY-MM-DD) of the newest power map
	// entry the two wrote together: shared, written by the client or by
	// both. "" when there is none. A private note of the therapist's is no
	// revisit, so it never counts.
	PowerMapRevisited string `json:"powerMapRevisited"`
}

// ClientFilter narrows the client list.
type ClientFilter struct {
	Query    string       `json:"query"`    // accent- and case-insensitive, on names
	Status   ClientStatus `json:"status"`   // "" for every status
	Archived bool         `json:"archived"` // list archived records instead
}
