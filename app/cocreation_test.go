package app

import (
	"slices"
	"testing"

	"tandem/backend/domain"
)

// In co-creation the two design the setting plan of the client's own
// medicine sessions: adding, rewording, saying how each element feels and
// taking one out, by whoever is writing; never another client's plan, and
// never a finalised session's.
func TestCoCreationDesignsTheSettingTogether(t *testing.T) {
	s := newShell(t)
	clients, co, sessions := NewClients(s), NewCoCreation(s), NewSessions(s)
	mira, _ := clients.Create(domain.Client{ChosenName: "Mira Fictional"})
	other, _ := clients.Create(domain.Client{ChosenName: "Other Fictional"})
	med, err := sessions.Add(domain.Session{ClientID: mira.ID, Kind: domain.MedicineSession, Date: "2026-07-01", TimeZone: "Europe/Berlin"})
	if err != nil {
		t.Fatal(err)
	}
	othersMed, _ := sessions.Add(domain.Session{ClientID: other.ID, Kind: domain.MedicineSession, Date: "2026-07-02", TimeZone: "UTC"})
	othersEl, err := sessions.AddSettingElement(domain.NewSettingElement{SessionID: othersMed.ID, Category: domain.SettingCategory("music"), Text: "ANOTHER-CLIENT-MUSIC", ProposedBy: domain.ByClient, Comfort: domain.Comfort("unsure")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := co.Enter(mira.ID); err != nil {
		t.Fatal(err)
	}
	lamp, err := co.AddSettingElement(domain.NewSettingElement{SessionID: med.ID, Category: domain.SettingCategory("lighting"), Text: "A low lamp", ProposedBy: domain.ByClient, Comfort: domain.Comfort("unsure")})
	if err != nil || lamp.ProposedBy != domain.ByClient {
		t.Fatalf("%+v %v", lamp, err)
	}
	offered, err := co.AddSettingElement(domain.NewSettingElement{SessionID: med.ID, Category: domain.SettingCategory("music"), Text: "Cello, quietly", ProposedBy: domain.ByTherapist, Comfort: domain.Comfort("unsure")})
	if err != nil || offered.ProposedBy != domain.ByTherapist {
		t.Fatalf("the therapist's offer: %+v %v", offered, err)
	}
	if got, err := co.SetSettingComfort(lamp.ID, domain.Welcome); err != nil || got.Comfort != domain.Welcome {
		t.Fatalf("%+v %v", got, err)
	}
	// Comfortable for both: the therapist's own comfort, beside the client's, which it leaves as it is.
	if got, err := co.SetTherapistComfort(lamp.ID, domain.NotWanted); err != nil || got.TherapistComfort != domain.NotWanted || got.Comfort != domain.Welcome {
		t.Fatalf("the therapist's comfort: %+v %v", got, err)
	}
	if got, err := co.ReviseSettingElement(lamp.ID, "A low amber lamp", domain.ByTogether); err != nil || got.Text != "A low amber lamp" {
		t.Fatalf("%+v %v", got, err)
	}
	if got, err := co.RetireSettingElement(offered.ID, domain.ByClient); err != nil || got.Status != domain.Retired {
		t.Fatalf("%+v %v", got, err)
	}
	// Another client's plan cannot be reached, in any way.
	if _, err := co.AddSettingElement(domain.NewSettingElement{SessionID: othersMed.ID, Category: domain.SettingCategory("lighting"), Text: "x", ProposedBy: domain.ByClient, Comfort: domain.Comfort("unsure")}); err == nil {
		t.Error("added to another client's setting plan")
	}
	for name, call := range map[string]func() error{
		"comfort":             func() error { _, err := co.SetSettingComfort(othersEl.ID, domain.Welcome); return err },
		"therapist's comfort": func() error { _, err := co.SetTherapistComfort(othersEl.ID, domain.Welcome); return err },
		"revise":              func() error { _, err := co.ReviseSettingElement(othersEl.ID, "changed", domain.ByClient); return err },
		"retire":              func() error { _, err := co.RetireSettingElement(othersEl.ID, domain.ByClient); return err },
	} {
		if code, _ := errCode(t, call()); code != domain.ENOTFOUND {
			t.Errorf("%s on another client's element: code %q", name, code)
		}
	}
	if _, err := co.AddSettingElement(domain.NewSettingElement{SessionID: med.ID, Category: domain.SettingCategory("lighting"), Text: "x", ProposedBy: domain.Actor("nobody"), Comfort: domain.Comfort("unsure")}); err == nil {
		t.Error("an unknown author accepted")
	}
	// The client's view shows the plan as designed.
	j, err := co.Journey()
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, se := range j.Sessions {
		for _, e := range se.Setting {
			texts = append(texts, e.Text)
		}
	}
	if !slices.Contains(texts, "A low amber lamp") || slices.Contains(texts, "ANOTHER-CLIENT-MUSIC") {
		t.Fatalf("the client's journey shows %v", texts)
	}
}

// In co-creation the client enters shifts from their paper worksheet, in
// their own words, and the two write the meaning they make of one beside
// it; another client's entries cannot be reached.
func TestCoCreationReviewsTheWorksheetTogether(t *testing.T) {
	s := newShell(t)
	clients, co, sessions := NewClients(s), NewCoCreation(s), NewSessions(s)
	ana, _ := clients.Create(domain.Client{ChosenName: "Ana Fictional"})
	other, _ := clients.Create(domain.Client{ChosenName: "Other Fictional"})
	med, _ := sessions.Add(domain.Session{ClientID: ana.ID, Kind: domain.MedicineSession, Date: "2026-05-01", TimeZone: "UTC"})
	othersMed, _ := sessions.Add(domain.Session{ClientID: other.ID, Kind: domain.MedicineSession, Date: "2026-05-01", TimeZone: "UTC"})
	othersShift, err := sessions.AddShift(domain.Shift{ClientID: other.ID, SessionID: othersMed.ID, NoticedOn: "2026-05-02", Area: "body", Description: "ANOTHER-CLIENT-SHIFT", Intensity: 2, RecordedBy: domain.ByClient})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := co.Enter(ana.ID); err != nil {
		t.Fatal(err)
	}
	sh, err := co.AddShift(domain.Shift{SessionID: med.ID, NoticedOn: "2026-05-03", Area: "relationships", Description: "Called my sister", Intensity: 3, RecordedBy: domain.ByClient})
	if err != nil || sh.RecordedBy != domain.ByClient {
		t.Fatalf("%+v %v", sh, err)
	}
	got, err := co.AddMeaning(sh.ID, "Reaching out feels allowed", domain.ByTogether)
	if err != nil || got.Meaning != "Reaching out feels allowed" || got.MeaningBy != domain.ByTogether || got.Description != "Called my sister" {
		t.Fatalf("%+v %v", got, err)
	}
	if code, _ := errCode(t, func() error { _, err := co.AddMeaning(othersShift.ID, "x", domain.ByClient); return err }()); code != domain.ENOTFOUND {
		t.Fatalf("meaning on another client's shift: %q", code)
	}
	if _, err := co.AddMeaning(sh.ID, "x", domain.Actor("nobody")); err == nil {
		t.Fatal("an unknown author accepted")
	}
}

// In co-creation the two name patterns, reword them, say where they stand
// and add resources, each by whoever is writing; another client's cannot
// be reached.
func TestCoCreationWorksOnPatternsAndResourcesTogether(t *testing.T) {
	s := newShell(t)
	clients, co, sessions := NewClients(s), NewCoCreation(s), NewSessions(s)
	ana, _ := clients.Create(domain.Client{ChosenName: "Ana Fictional"})
	other, _ := clients.Create(domain.Client{ChosenName: "Other Fictional"})
	othersPattern, err := sessions.AddPattern(domain.NewPattern{ClientID: other.ID, Name: "ANOTHER-CLIENT-PATTERN", ProposedBy: domain.ByClient})
	if err != nil {
		t.Fatal(err)
	}
	othersResource, err := sessions.AddResource(domain.Resource{ClientID: other.ID, Kind: domain.ResourceKinds[0], Name: "ANOTHER-CLIENT-RESOURCE", ProposedBy: domain.ByClient})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := co.Enter(ana.ID); err != nil {
		t.Fatal(err)
	}
	p, err := co.AddPattern(domain.NewPattern{Name: "If I rest, I fall behind", ProposedBy: domain.ByClient})
	if err != nil || p.ClientID != ana.ID || p.ProposedBy != domain.ByClient {
		t.Fatalf("%+v %v", p, err)
	}
	if p, err = co.RenamePattern(p.ID, "If I rest, I might fall behind", domain.ByTogether); err != nil || p.Name != "If I rest, I might fall behind" {
		t.Fatalf("%+v %v", p, err)
	}
	if p, err = co.SetPatternStatus(p.ID, domain.PatternChange{Status: domain.PatternExploring, Note: "Noticed it twice this week", By: domain.ByTherapist}); err != nil || p.Status != domain.PatternExploring {
		t.Fatalf("%+v %v", p, err)
	}
	r, err := co.AddResource(domain.Resource{Kind: domain.ResourceKinds[0], Name: "Long out-breaths", ProposedBy: domain.ByClient})
	if err != nil || r.ClientID != ana.ID {
		t.Fatalf("%+v %v", r, err)
	}
	r.WhenHelped = "Before hard calls"
	if r, err = co.UpdateResource(r, domain.ByClient); err != nil || r.WhenHelped != "Before hard calls" {
		t.Fatalf("%+v %v", r, err)
	}
	for name, call := range map[string]func() error{
		"rename": func() error { _, err := co.RenamePattern(othersPattern.ID, "x", domain.ByClient); return err },
		"status": func() error {
			_, err := co.SetPatternStatus(othersPattern.ID, domain.PatternChange{Status: domain.PatternExploring, By: domain.ByClient})
			return err
		},
		"link": func() error { _, err := co.LinkPattern(othersPattern.ID, nil, nil, domain.ByClient); return err },
		"resource": func() error {
			othersResource.Name = "x"
			_, err := co.UpdateResource(othersResource, domain.ByClient)
			return err
		},
	} {
		if code, _ := errCode(t, call()); code != domain.ENOTFOUND {
			t.Errorf("%s on another client's: code %q", name, code)
		}
	}
	if _, err := co.AddPattern(domain.NewPattern{Name: "x", ProposedBy: domain.Actor("nobody")}); err == nil {
		t.Error("an unknown author accepted")
	}
}

// In co-creation the client describes their own identities, in their own
// words; nothing else of the record changes, and the private note stays.
func TestCoCreationIdentitiesInTheClientsWords(t *testing.T) {
	s := newShell(t)
	clients, co := NewClients(s), NewCoCreation(s)
	ana, _ := clients.Create(domain.Client{ChosenName: "Ana Fictional", Pronouns: "she/her", IntakeNote: "PRIVATE-INTAKE-NOTE"})
	if _, err := co.Enter(ana.ID); err != nil {
		t.Fatal(err)
	}
	got, err := co.SaveIdentities([]domain.Identity{{Facet: "Spirituality", Description: "Raised Catholic, now my own"}}, domain.ByClient)
	if err != nil || len(got.Identities) != 1 || got.IntakeNote != "" {
		t.Fatalf("the client's view after saving: %+v %v", got, err)
	}
	if _, err := co.SaveIdentities([]domain.Identity{{Facet: "", Description: "no facet"}}, domain.ByClient); err == nil {
		t.Fatal("an identity without a facet was saved")
	}
	s.mu.Lock()
	s.coClient = 0
	s.mu.Unlock()
	rec, err := clients.Record(ana.ID)
	c := rec.Client
	if err != nil || c.IntakeNote != "PRIVATE-INTAKE-NOTE" || c.Pronouns != "she/her" || c.Identities[0].Description != "Raised Catholic, now my own" {
		t.Fatalf("the record after the client's change: %+v %v", c, err)
	}
}
