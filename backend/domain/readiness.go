package domain

import (
	"fmt"
	"strings"
)

// MedicineConsent is informed consent for a medicine session: an agreement
// written from the practice's consent template (ConsentTemplate), whose
// version it keeps, and confirmed by the client like every agreement.
const MedicineConsent AgreementKind = "medicine_consent"

// ConsentTermKeys are the parts of a medicine consent, in order.
var ConsentTermKeys = []string{"substance", "risks", "legal", "right_to_stop", "emergency"}

// ConsentTemplate is one version of the practice's informed consent for
// medicine sessions, written by the therapist in Settings. Every version
// is kept; a client's consent names the version it was written from, and
// a consent from an older version is no longer current.
type ConsentTemplate struct {
	Version int             `json:"version"`
	Title   string          `json:"title"`
	Terms   []AgreementTerm `json:"terms"`
	Created string          `json:"created"`
}

// CleanConsentTemplate checks a template's title and parts: every part is
// needed, as each is something the client must be told.
func CleanConsentTemplate(title string, terms []AgreementTerm) (string, []AgreementTerm, error) {
	t, cleaned, err := CleanAgreement(MedicineConsent, title, terms)
	if err != nil {
		return "", nil, err
	}
	if t == "" {
		return "", nil, FieldError("title", "The title is needed.")
	}
	for _, term := range cleaned {
		if term.Text == "" {
			return "", nil, FieldError(term.Key, "Every part of the consent is needed: the client is told each of them.")
		}
		if strings.HasPrefix(term.Text, "[") {
			return "", nil, FieldError(term.Key, "Rewrite this part in your own words: the text in brackets is only a prompt.")
		}
	}
	return t, cleaned, nil
}

// ReadinessRule is one check on the readiness checklist of a medicine
// session.
type ReadinessRule string

const (
	RuleScreeningRecent  ReadinessRule = "screening_recent"
	RuleFlagsDecided     ReadinessRule = "flags_decided"
	RuleConsentCurrent   ReadinessRule = "consent_current"
	RuleTouchConfirmed   ReadinessRule = "touch_confirmed"
	RuleSafetyConfirmed  ReadinessRule = "safety_confirmed"
	RuleRightToStop      ReadinessRule = "right_to_stop_confirmed"
	RuleSupportNamed     ReadinessRule = "support_named"
	RuleIntentionsAgreed ReadinessRule = "intentions_agreed"
	RuleSettingCoCreated ReadinessRule = "setting_cocreated"
)

// ReadinessRules in the order the checklist shows them.
var ReadinessRules = []ReadinessRule{RuleScreeningRecent, RuleFlagsDecided, RuleConsentCurrent, RuleTouchConfirmed,
	RuleSafetyConfirmed, RuleRightToStop, RuleSupportNamed, RuleIntentionsAgreed, RuleSettingCoCreated}

// Valid reports whether r is a known rule.
func (r ReadinessRule) Valid() bool {
	for _, k := range ReadinessRules {
		if r == k {
			return true
		}
	}
	return false
}

// ReadinessSettings is the therapist's readiness checklist: every rule is
// on unless turned off, and the screening must be no older than
// ScreeningDays before the session.
type ReadinessSettings struct {
	ScreeningDays int             `json:"screeningDays"`
	Off           []ReadinessRule `json:"off"`
}

// Screening age bounds in days.
const (
	DefaultScreeningDays = 30
	MinScreeningDays     = 1
	MaxScreeningDays     = 365
)

// Validate checks r.
func (r ReadinessSettings) Validate() error {
	if r.ScreeningDays < MinScreeningDays || r.ScreeningDays > MaxScreeningDays {
		return FieldError("screeningDays", fmt.Sprintf("Choose between %d and %d days for how recent a screening must be.", MinScreeningDays, MaxScreeningDays))
	}
	for _, k := range r.Off {
		if !k.Valid() {
			return FieldError("off", "A readiness check Tandem does not know was turned off.")
		}
	}
	return nil
}

// On reports whether rule is on the checklist.
func (r ReadinessSettings) On(rule ReadinessRule) bool {
	for _, k := range r.Off {
		if k == rule {
			return false
		}
	}
	return true
}

// SessionPrep is what is decided for one medicine session outside its
// notes: who supports the client afterwards and how they get home (shared),
// the therapist's decision on the screening's flags, and a decision to go
// ahead although something on the checklist is missing (the therapist's,
// private).
type SessionPrep struct {
	SessionID     int64  `json:"sessionId" vis:"shared"`
	SupportPerson string `json:"supportPerson" vis:"shared"`
	WayHome       string `json:"wayHome" vis:"shared"`
	// FlagsDecision is the therapist's decision and reasoning on the flags
	// of screening FlagsScreeningID, recorded at FlagsDecidedAt.
	FlagsDecision    string `json:"flagsDecision" vis:"private"`
	FlagsScreeningID int64  `json:"flagsScreeningId" vis:"private"`
	FlagsDecidedAt   string `json:"flagsDecidedAt" vis:"private"`
	// GoAheadReason is why the therapist goes ahead with something missing.
	GoAheadReason string `json:"goAheadReason" vis:"private"`
	GoAheadAt     string `json:"goAheadAt" vis:"private"`
}

// ReadinessCheck is one rule's result: met, or what is missing.
type ReadinessCheck struct {
	Rule    ReadinessRule `json:"rule"`
	Met     bool          `json:"met"`
	Missing string        `json:"missing"`
}

// Readiness is a medicine session's checklist: Ready when every rule on
// it is met. Tandem only reports; the therapist decides, and may go ahead
// with a recorded reason (Prep.GoAheadReason).
type Readiness struct {
	SessionID int64            `json:"sessionId"`
	Checks    []ReadinessCheck `json:"checks"`
	Ready     bool             `json:"ready"`
	// Screening is the newest screening on or before the session's date
	// (ID 0 when none), and Flags its answers yes or not sure.
	Screening Screening         `json:"screening"`
	Flags     []ScreeningAnswer `json:"flags"`
	// ConsentVersion is the practice's current consent template version
	// (0 when none is written).
	ConsentVersion int         `json:"consentVersion"`
	Prep           SessionPrep `json:"prep"`
}

// ReadinessInput is what a readiness check reads.
type ReadinessInput struct {
	Session        Session
	Health         Health
	Agreements     []Agreement
	Plan           []PlanItem
	ConsentVersion int
	Prep           SessionPrep
	Settings       ReadinessSettings
}

// CheckReadiness works out a medicine session's readiness. It is a pure
// function of what was recorded; nothing in it is a clinical judgement.
func CheckReadiness(in ReadinessInput) Readiness {
	r := Readiness{SessionID: in.Session.ID, ConsentVersion: in.ConsentVersion, Prep: in.Prep}
	latest, screened := in.Health.LatestOn(in.Session.Date)
	if screened {
		r.Screening, r.Flags = latest, latest.Flags()
	}
	add := func(rule ReadinessRule, met bool, missing string) {
		if !in.Settings.On(rule) {
			return
		}
		c := ReadinessCheck{Rule: rule, Met: met}
		if !met {
			c.Missing = missing
		}
		r.Checks = append(r.Checks, c)
	}

	days := in.Settings.ScreeningDays
	switch {
	case !screened:
		add(RuleScreeningRecent, false, "No health screening is recorded.")
	default:
		age, err := DayCount(latest.ScreenedOn, in.Session.Date)
		recent := err == nil && age <= days
		add(RuleScreeningRecent, recent, fmt.Sprintf("The last screening (%s) is more than %d days before the session.", latest.ScreenedOn, days))
	}
	if len(r.Flags) > 0 {
		decided := in.Prep.FlagsDecision != "" && in.Prep.FlagsScreeningID == latest.ID
		add(RuleFlagsDecided, decided, fmt.Sprintf("The screening has %d flagged answers without your decision for this session.", len(r.Flags)))
	}

	consent, ok := agreementOf(in.Agreements, MedicineConsent)
	switch {
	case in.ConsentVersion == 0:
		add(RuleConsentCurrent, false, "No consent template is written yet (Settings).")
	case !ok:
		add(RuleConsentCurrent, false, "No informed consent for the medicine session is written.")
	case consent.TemplateVersion != in.ConsentVersion:
		add(RuleConsentCurrent, false, fmt.Sprintf("The consent is from template version %d; the current version is %d.", consent.TemplateVersion, in.ConsentVersion))
	default:
		add(RuleConsentCurrent, consent.ConfirmedName != "", "The client has not confirmed the current consent.")
	}
	confirmed := func(rule ReadinessRule, kind AgreementKind, what string) {
		a, ok := agreementOf(in.Agreements, kind)
		switch {
		case !ok:
			add(rule, false, "No "+what+" is written.")
		default:
			add(rule, a.ConfirmedName != "", "The client has not confirmed the "+what+".")
		}
	}
	confirmed(RuleTouchConfirmed, TouchConsent, "touch agreement")
	confirmed(RuleSafetyConfirmed, SafetyPlan, "safety plan")
	confirmed(RuleRightToStop, RightToStop, "right to stop")

	switch {
	case in.Prep.SupportPerson == "" && in.Prep.WayHome == "":
		add(RuleSupportNamed, false, "No support person and no way home are named.")
	case in.Prep.SupportPerson == "":
		add(RuleSupportNamed, false, "No support person is named.")
	default:
		add(RuleSupportNamed, in.Prep.WayHome != "", "No way home is named.")
	}

	agreed := 0
	for _, id := range in.Session.IntentionIDs {
		for _, p := range in.Plan {
			if p.ID == id && (p.Status == Agreed || p.Status == Revised) {
				agreed++
			}
		}
	}
	add(RuleIntentionsAgreed, agreed > 0, "No agreed intention is held for this session.")

	together := false
	for _, e := range in.Session.Setting {
		if e.Status != Retired && (e.ProposedBy == ByClient || e.ProposedBy == ByTogether) {
			together = true
		}
	}
	add(RuleSettingCoCreated, together, "The setting plan has nothing the client suggested or the two of you chose together.")

	r.Ready = true
	for _, c := range r.Checks {
		if !c.Met {
			r.Ready = false
		}
	}
	return r
}

// agreementOf is the client's newest agreement of a kind.
func agreementOf(as []Agreement, kind AgreementKind) (Agreement, bool) {
	var out Agreement
	found := false
	for _, a := range as {
		if a.Kind == kind && (!found || a.ID > out.ID) {
			out, found = a, true
		}
	}
	return out, found
}

// CleanPrep checks the support person and the way home.
func CleanPrep(p *SessionPrep) error {
	var err error
	if p.SupportPerson, err = CleanText("supportPerson", "The support person", p.SupportPerson, MaxLineText, false); err != nil {
		return err
	}
	p.WayHome, err = CleanText("wayHome", "The way home", p.WayHome, MaxLineText, false)
	return err
}

// StartingConsentTemplate is offered to a therapist who has not written
// their consent template: a draft to rewrite in their own words, for their
// substances, their setting and the law where they practise. It is never
// used until they save it.
func StartingConsentTemplate() ConsentTemplate {
	return ConsentTemplate{Title: "Informed consent for a medicine session", Terms: []AgreementTerm{
		{Key: "substance", Text: "[Name the substance, how it is taken, how long its effects usually last, and what people commonly experience.]"},
		{Key: "risks", Text: "[Describe the physical and psychological risks, including difficult experiences during the session and in the days after, and interactions with medications.]"},
		{Key: "legal", Text: "[State the legal standing of this work where you practise, and what that means for the client.]"},
		{Key: "right_to_stop", Text: "You may stop or pause at any moment, for any reason, and you will not be asked to explain. Stopping does not end our work together."},
		{Key: "emergency", Text: "[Say what happens in a medical or psychological emergency: who is called, where the nearest emergency care is, and who your emergency contact is.]"},
	}}
}
