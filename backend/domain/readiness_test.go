package domain

import (
	"slices"
	"strings"
	"testing"
)

// consentTerms are the parts of a consent written in the therapist's own
// words.
func consentTerms() []AgreementTerm {
	return []AgreementTerm{
		{Key: "substance", Text: "A fictional substance, taken by mouth; effects last about six hours."},
		{Key: "risks", Text: "Nausea, a raised heart rate, difficult feelings."},
		{Key: "legal", Text: "Held within a licensed fictional trial."},
		{Key: "right_to_stop", Text: "You may stop at any moment."},
		{Key: "emergency", Text: "We call the emergency number; the hospital is ten minutes away."},
	}
}

func TestAConsentTemplateNeedsATitleAndEveryPartInTheTherapistsWords(t *testing.T) {
	// Given out of order, returned in ConsentTermKeys' order.
	terms := consentTerms()
	slices.Reverse(terms)
	title, got, err := CleanConsentTemplate("  Informed consent  ", terms)
	if err != nil || title != "Informed consent" {
		t.Fatalf("%q %v", title, err)
	}
	if !slices.Equal(got, consentTerms()) {
		t.Fatalf("terms %+v; want every part in order", got)
	}
	without := func(key string) []AgreementTerm {
		var out []AgreementTerm
		for _, term := range consentTerms() {
			if term.Key != key {
				out = append(out, term)
			}
		}
		return out
	}
	replaced := func(key, text string) []AgreementTerm {
		out := consentTerms()
		for i := range out {
			if out[i].Key == key {
				out[i].Text = text
			}
		}
		return out
	}
	for _, c := range []struct {
		name, title, field string
		terms              []AgreementTerm
	}{
		{"no title", " ", "title", consentTerms()},
		{"a part left out", "Consent", "risks", without("risks")},
		{"a part left blank", "Consent", "legal", replaced("legal", "   ")},
		{"a part still the bracketed prompt", "Consent", "emergency", replaced("emergency", "[Say what happens in an emergency.]")},
		{"a part with a leading space before the prompt", "Consent", "substance", replaced("substance", "  [Name the substance.]")},
		{"a part the consent does not have", "Consent", "dosage", append(consentTerms(), AgreementTerm{Key: "dosage", Text: "x"})},
		{"no parts at all", "Consent", "substance", nil},
	} {
		if _, _, err := CleanConsentTemplate(c.title, c.terms); ErrorCode(err) != EINVALID || ErrorField(err) != c.field {
			t.Errorf("%s: got %v (field %q); want field %q", c.name, err, ErrorField(err), c.field)
		}
	}
	// Brackets inside a part are the therapist's own words.
	if _, _, err := CleanConsentTemplate("Consent", replaced("risks", "Nausea [common], a raised heart rate.")); err != nil {
		t.Fatalf("brackets inside a part: %v", err)
	}
}

func TestTheStartingConsentTemplateCannotBeSavedUntilRewritten(t *testing.T) {
	st := StartingConsentTemplate()
	if st.Version != 0 || st.Title == "" {
		t.Fatalf("starting template %+v", st)
	}
	keys := make([]string, len(st.Terms))
	prompts := 0
	for i, term := range st.Terms {
		keys[i] = term.Key
		if strings.HasPrefix(term.Text, "[") {
			prompts++
		}
	}
	if !slices.Equal(keys, ConsentTermKeys) {
		t.Fatalf("keys %v; want %v", keys, ConsentTermKeys)
	}
	if prompts != 4 {
		t.Fatalf("%d bracketed prompts; want 4 (all but the right to stop)", prompts)
	}
	if _, _, err := CleanConsentTemplate(st.Title, st.Terms); ErrorField(err) != "substance" {
		t.Fatalf("saving the starting template as it is: %v", err)
	}
}

func TestReadinessRulesAndSettings(t *testing.T) {
	for _, r := range ReadinessRules {
		if !r.Valid() {
			t.Errorf("%q is not valid", r)
		}
	}
	if len(ReadinessRules) != 9 {
		t.Fatalf("%d rules", len(ReadinessRules))
	}
	if ReadinessRule("flags").Valid() || ReadinessRule("").Valid() {
		t.Fatal("an unknown rule is valid")
	}
	for _, c := range []struct {
		s     ReadinessSettings
		field string
	}{
		{ReadinessSettings{ScreeningDays: DefaultScreeningDays}, ""},
		{ReadinessSettings{ScreeningDays: MinScreeningDays}, ""},
		{ReadinessSettings{ScreeningDays: MaxScreeningDays, Off: ReadinessRules}, ""},
		{ReadinessSettings{ScreeningDays: 0}, "screeningDays"},
		{ReadinessSettings{ScreeningDays: MaxScreeningDays + 1}, "screeningDays"},
		{ReadinessSettings{ScreeningDays: -3}, "screeningDays"},
		{ReadinessSettings{ScreeningDays: 30, Off: []ReadinessRule{RuleTouchConfirmed, "weather"}}, "off"},
	} {
		if err := c.s.Validate(); ErrorField(err) != c.field || (c.field == "") != (err == nil) {
			t.Errorf("%+v: got %v; want field %q", c.s, err, c.field)
		}
	}
	s := ReadinessSettings{ScreeningDays: 30, Off: []ReadinessRule{RuleTouchConfirmed}}
	if s.On(RuleTouchConfirmed) || !s.On(RuleSafetyConfirmed) {
		t.Fatal("On does not follow Off")
	}
}

func TestThePrepIsCleaned(t *testing.T) {
	p := SessionPrep{SupportPerson: "  Sam (partner)  ", WayHome: " Sam drives\r\nhome "}
	if err := CleanPrep(&p); err != nil || p.SupportPerson != "Sam (partner)" || p.WayHome != "Sam drives\nhome" {
		t.Fatalf("%+v %v", p, err)
	}
	for field, bad := range map[string]SessionPrep{
		"supportPerson": {SupportPerson: strings.Repeat("s", MaxLineText+1)},
		"wayHome":       {WayHome: "taxi\x07"},
	} {
		if err := CleanPrep(&bad); ErrorField(err) != field {
			t.Errorf("%s: got %v", field, err)
		}
	}
}

// readyInput is a medicine session on 2026-06-20 with everything on the
// readiness checklist met: a screening 19 days before with one flag
// decided on, the current consent and the three agreements confirmed, a
// support person and a way home, an agreed intention and a setting the
// client suggested.
func readyInput() ReadinessInput {
	confirmed := func(id int64, kind AgreementKind) Agreement {
		return Agreement{ID: id, ClientID: 4, Kind: kind, ConfirmedName: "Ilse", ConfirmedOn: "2026-06-02"}
	}
	consent := confirmed(20, MedicineConsent)
	consent.TemplateVersion = 2
	return ReadinessInput{
		Session: Session{ID: 9, ClientID: 4, Kind: MedicineSession, Date: "2026-06-20", IntentionIDs: []int64{31},
			Setting: []SettingElement{{ID: 1, Category: "music", ProposedBy: ByClient, Status: Proposed}}},
		Health: Health{Screenings: []Screening{{ID: 5, ScreenedOn: "2026-06-01", Answers: []ScreeningAnswer{
			{ItemID: 1, Item: "Takes lithium", Answer: AnswerNo},
			{ItemID: 2, Item: "Seizures or epilepsy", Answer: AnswerUnsure},
		}}}},
		Agreements:     []Agreement{confirmed(21, TouchConsent), confirmed(22, SafetyPlan), confirmed(23, RightToStop), consent},
		Plan:           []PlanItem{{ID: 30, Kind: Goal, Status: Agreed}, {ID: 31, Kind: Intention, Status: Agreed}},
		ConsentVersion: 2,
		Prep:           SessionPrep{SessionID: 9, SupportPerson: "Sam", WayHome: "Sam drives", FlagsDecision: "Discussed with the GP; going ahead.", FlagsScreeningID: 5},
		Settings:       ReadinessSettings{ScreeningDays: 30},
	}
}

// check finds a rule's result; ok is false when the rule is not on the
// checklist.
func check(r Readiness, rule ReadinessRule) (ReadinessCheck, bool) {
	for _, c := range r.Checks {
		if c.Rule == rule {
			return c, true
		}
	}
	return ReadinessCheck{}, false
}

func TestEveryReadinessRuleMetMakesTheSessionReady(t *testing.T) {
	in := readyInput()
	r := CheckReadiness(in)
	if !r.Ready {
		t.Fatalf("not ready: %+v", r.Checks)
	}
	rules := make([]ReadinessRule, len(r.Checks))
	for i, c := range r.Checks {
		rules[i] = c.Rule
		if !c.Met || c.Missing != "" {
			t.Errorf("%s: %+v", c.Rule, c)
		}
	}
	if !slices.Equal(rules, ReadinessRules) {
		t.Fatalf("checks %v; want every rule in order %v", rules, ReadinessRules)
	}
	if r.SessionID != 9 || r.Screening.ID != 5 || len(r.Flags) != 1 || r.Flags[0].ItemID != 2 || r.ConsentVersion != 2 || r.Prep != in.Prep {
		t.Fatalf("what the checklist reports: %+v", r)
	}
}

func TestEachReadinessRuleMissing(t *testing.T) {
	cases := []struct {
		name    string
		rule    ReadinessRule
		missing string // part of what the check says is missing
		edit    func(in *ReadinessInput)
	}{
		{"no screening", RuleScreeningRecent, "No health screening", func(in *ReadinessInput) { in.Health.Screenings = nil }},
		{"the screening a day too old", RuleScreeningRecent, "(2026-05-20) is more than 30 days", func(in *ReadinessInput) { in.Health.Screenings[0].ScreenedOn = "2026-05-20" }},
		{"a screening whose date cannot be read", RuleScreeningRecent, "No health screening", func(in *ReadinessInput) { in.Health.Screenings[0].ScreenedOn = "soon" }},
		{"only a screening after the session", RuleScreeningRecent, "No health screening", func(in *ReadinessInput) { in.Health.Screenings[0].ScreenedOn = "2026-07-01" }},
		{"a screening after the session does not replace the one before it", RuleScreeningRecent, "(2026-04-01)", func(in *ReadinessInput) {
			in.Health.Screenings = []Screening{{ID: 6, ScreenedOn: "2026-04-01"}, {ID: 7, ScreenedOn: "2026-07-01"}}
		}},
		{"an older screening recent but the newest too old", RuleScreeningRecent, "(2026-04-01)", func(in *ReadinessInput) {
			in.Health.Screenings = []Screening{in.Health.Screenings[0], {ID: 6, ScreenedOn: "2026-04-01"}}
		}},
		{"flags without a decision", RuleFlagsDecided, "1 flagged answers", func(in *ReadinessInput) { in.Prep.FlagsDecision, in.Prep.FlagsScreeningID = "", 0 }},
		{"flags decided on an older screening", RuleFlagsDecided, "2 flagged answers", func(in *ReadinessInput) {
			newer := Screening{ID: 8, ScreenedOn: "2026-06-10", Answers: []ScreeningAnswer{{ItemID: 1, Answer: AnswerYes}, {ItemID: 2, Answer: AnswerUnsure}}}
			in.Health.Screenings = append(in.Health.Screenings, newer)
		}},
		{"a decision with no screening named", RuleFlagsDecided, "without your decision", func(in *ReadinessInput) { in.Prep.FlagsScreeningID = 0 }},
		{"no consent template", RuleConsentCurrent, "No consent template", func(in *ReadinessInput) { in.ConsentVersion = 0 }},
		{"no consent written", RuleConsentCurrent, "No informed consent", func(in *ReadinessInput) { in.Agreements = in.Agreements[:3] }},
		{"a consent from an older template", RuleConsentCurrent, "template version 2; the current version is 3", func(in *ReadinessInput) { in.ConsentVersion = 3 }},
		{"the consent unconfirmed", RuleConsentCurrent, "not confirmed the current consent", func(in *ReadinessInput) { in.Agreements[3].ConfirmedName = "" }},
		{"no touch agreement", RuleTouchConfirmed, "No touch agreement", func(in *ReadinessInput) { in.Agreements = in.Agreements[1:] }},
		{"the touch agreement unconfirmed", RuleTouchConfirmed, "not confirmed the touch agreement", func(in *ReadinessInput) { in.Agreements[0].ConfirmedName = "" }},
		{"a newer touch agreement unconfirmed", RuleTouchConfirmed, "not confirmed the touch agreement", func(in *ReadinessInput) {
			in.Agreements = append(in.Agreements, Agreement{ID: 40, Kind: TouchConsent})
		}},
		{"no safety plan", RuleSafetyConfirmed, "No safety plan", func(in *ReadinessInput) { in.Agreements = slices.Delete(in.Agreements, 1, 2) }},
		{"the safety plan unconfirmed", RuleSafetyConfirmed, "not confirmed the safety plan", func(in *ReadinessInput) { in.Agreements[1].ConfirmedName = "" }},
		{"no right to stop", RuleRightToStop, "No right to stop", func(in *ReadinessInput) { in.Agreements = slices.Delete(in.Agreements, 2, 3) }},
		{"the right to stop unconfirmed", RuleRightToStop, "not confirmed the right to stop", func(in *ReadinessInput) { in.Agreements[2].ConfirmedName = "" }},
		{"neither support person nor way home", RuleSupportNamed, "No support person and no way home", func(in *ReadinessInput) { in.Prep.SupportPerson, in.Prep.WayHome = "", "" }},
		{"no support person", RuleSupportNamed, "No support person is named", func(in *ReadinessInput) { in.Prep.SupportPerson = "" }},
		{"no way home", RuleSupportNamed, "No way home", func(in *ReadinessInput) { in.Prep.WayHome = "" }},
		{"no intention held", RuleIntentionsAgreed, "No agreed intention", func(in *ReadinessInput) { in.Session.IntentionIDs = nil }},
		{"the intention only proposed", RuleIntentionsAgreed, "No agreed intention", func(in *ReadinessInput) { in.Plan[1].Status = Proposed }},
		{"the intention retired", RuleIntentionsAgreed, "No agreed intention", func(in *ReadinessInput) { in.Plan[1].Status = Retired }},
		{"an agreed item not held for this session", RuleIntentionsAgreed, "No agreed intention", func(in *ReadinessInput) { in.Session.IntentionIDs = []int64{99} }},
		{"no setting", RuleSettingCoCreated, "nothing the client suggested", func(in *ReadinessInput) { in.Session.Setting = nil }},
		{"a setting only the therapist proposed", RuleSettingCoCreated, "nothing the client suggested", func(in *ReadinessInput) { in.Session.Setting[0].ProposedBy = ByTherapist }},
		{"the client's suggestion retired", RuleSettingCoCreated, "nothing the client suggested", func(in *ReadinessInput) { in.Session.Setting[0].Status = Retired }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := readyInput()
			c.edit(&in)
			r := CheckReadiness(in)
			if r.Ready {
				t.Fatal("ready although something is missing")
			}
			for _, got := range r.Checks {
				if got.Rule != c.rule && !got.Met {
					t.Errorf("%s is missing too: %q", got.Rule, got.Missing)
				}
			}
			got, ok := check(r, c.rule)
			if !ok || got.Met || !strings.Contains(got.Missing, c.missing) {
				t.Fatalf("%s: %+v (on the checklist: %v); want missing %q", c.rule, got, ok, c.missing)
			}
			// Turned off, the rule leaves the checklist, and the session is ready.
			in.Settings.Off = []ReadinessRule{c.rule}
			r = CheckReadiness(in)
			if _, ok := check(r, c.rule); ok || !r.Ready {
				t.Fatalf("turned off: still checked (%v) or not ready: %+v", ok, r.Checks)
			}
		})
	}
}

func TestEachReadinessRuleMetAnotherWay(t *testing.T) {
	cases := []struct {
		name string
		edit func(in *ReadinessInput)
	}{
		{"a screening exactly ScreeningDays before", func(in *ReadinessInput) { in.Health.Screenings[0].ScreenedOn = "2026-05-21" }},
		{"a screening on the day, with one day allowed", func(in *ReadinessInput) {
			in.Settings.ScreeningDays = 1
			in.Health.Screenings[0].ScreenedOn = "2026-06-20"
		}},
		{"a screening the day before, with one day allowed", func(in *ReadinessInput) {
			in.Settings.ScreeningDays = 1
			in.Health.Screenings[0].ScreenedOn = "2026-06-19"
		}},
		{"an old screening within a longer allowance", func(in *ReadinessInput) {
			in.Settings.ScreeningDays = 365
			in.Health.Screenings[0].ScreenedOn = "2025-06-20"
		}},
		{"a newer screening answered no to everything: no flags to decide", func(in *ReadinessInput) {
			in.Health.Screenings = append(in.Health.Screenings, Screening{ID: 8, ScreenedOn: "2026-06-10", Answers: []ScreeningAnswer{{ItemID: 1, Answer: AnswerNo}}})
		}},
		{"a revised intention", func(in *ReadinessInput) { in.Plan[1].Status = Revised }},
		{"one of two intentions agreed", func(in *ReadinessInput) {
			in.Plan = append(in.Plan, PlanItem{ID: 32, Kind: Intention, Status: Proposed})
			in.Session.IntentionIDs = []int64{32, 31}
		}},
		{"a setting chosen together", func(in *ReadinessInput) { in.Session.Setting[0].ProposedBy = ByTogether }},
		{"a setting the client suggested beside a retired one", func(in *ReadinessInput) {
			in.Session.Setting = append([]SettingElement{{ID: 2, ProposedBy: ByClient, Status: Retired}}, in.Session.Setting...)
		}},
		{"a newer confirmed safety plan beside an older unconfirmed one", func(in *ReadinessInput) {
			in.Agreements[1].ConfirmedName = ""
			in.Agreements = append(in.Agreements, Agreement{ID: 41, Kind: SafetyPlan, ConfirmedName: "Ilse"})
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := readyInput()
			c.edit(&in)
			if r := CheckReadiness(in); !r.Ready {
				t.Fatalf("not ready: %+v", r.Checks)
			}
		})
	}
	t.Run("the newest screening is the one checked", func(t *testing.T) {
		in := readyInput()
		in.Health.Screenings = append(in.Health.Screenings, Screening{ID: 8, ScreenedOn: "2026-06-10", Answers: []ScreeningAnswer{{ItemID: 1, Answer: AnswerNo}}})
		r := CheckReadiness(in)
		if r.Screening.ID != 8 || len(r.Flags) != 0 {
			t.Fatalf("screening %d, flags %+v", r.Screening.ID, r.Flags)
		}
		if _, ok := check(r, RuleFlagsDecided); ok {
			t.Fatal("a screening without flags still asks for a decision")
		}
	})
}

func TestReadinessWithNothingRecordedAndWithEveryRuleTurnedOff(t *testing.T) {
	in := ReadinessInput{Session: Session{ID: 3, Kind: MedicineSession, Date: "2026-06-20"}, Settings: ReadinessSettings{ScreeningDays: 30}}
	r := CheckReadiness(in)
	if r.Ready || r.Screening.ID != 0 || len(r.Flags) != 0 {
		t.Fatalf("%+v", r)
	}
	var rules []ReadinessRule
	for _, c := range r.Checks {
		if c.Met || c.Missing == "" {
			t.Errorf("%s met with nothing recorded: %+v", c.Rule, c)
		}
		rules = append(rules, c.Rule)
	}
	// Without a screening there are no flags to decide on.
	want := slices.DeleteFunc(slices.Clone(ReadinessRules), func(r ReadinessRule) bool { return r == RuleFlagsDecided })
	if !slices.Equal(rules, want) {
		t.Fatalf("checks %v; want %v", rules, want)
	}
	in.Settings.Off = ReadinessRules
	if r := CheckReadiness(in); len(r.Checks) != 0 || !r.Ready {
		t.Fatalf("every rule off: %+v", r)
	}
	in.Settings.Off = []ReadinessRule{RuleScreeningRecent, RuleConsentCurrent}
	r = CheckReadiness(in)
	if _, ok := check(r, RuleScreeningRecent); ok || len(r.Checks) != len(want)-2 || r.Ready {
		t.Fatalf("two rules off: %+v", r.Checks)
	}
}
