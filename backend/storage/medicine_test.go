package storage

import (
	"context"
	"slices"
	"strings"
	"testing"

	"tandem/backend/domain"
)

// missingRules are the rules a readiness finds not met, in order.
func missingRules(r domain.Readiness) []domain.ReadinessRule {
	var out []domain.ReadinessRule
	for _, c := range r.Checks {
		if !c.Met {
			out = append(out, c.Rule)
		}
	}
	return out
}

func mustReadiness(t *testing.T, db *DB, sessionID int64) domain.Readiness {
	t.Helper()
	r, err := db.Readiness(context.Background(), sessionID)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// mustConfirmedAgreement writes an agreement of kind and has the client
// confirm it.
func mustConfirmedAgreement(t *testing.T, db *DB, clientID int64, kind domain.AgreementKind) domain.Agreement {
	t.Helper()
	ctx := context.Background()
	key := domain.AgreementTermKeys[kind][0]
	a, err := db.AddAgreement(ctx, domain.NewAgreement{ClientID: clientID, Kind: kind, Terms: []domain.AgreementTerm{{Key: key, Text: "Written together (fictional)."}}}, domain.ByTogether)
	if err != nil {
		t.Fatal(err)
	}
	if a, err = db.ConfirmAgreement(ctx, a.ID, "Ilse", ""); err != nil {
		t.Fatal(err)
	}
	return a
}

// sessionHistory asserts that the newest history entry is the session's
// action by the therapist, and returns it.
func sessionHistory(t *testing.T, db *DB, clientID, sessionID int64, action string) domain.HistoryEntry {
	t.Helper()
	h := lastHistory(t, db, clientID)
	if h.Entity != "session" || h.EntityID != sessionID || h.Action != action || h.Actor != domain.ByTherapist {
		t.Fatalf("history %+v; want the therapist's %q of session %d", h, action, sessionID)
	}
	return h
}

func TestAMedicineSessionGoesFromMissingToReady(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "Ilse Fictional")
	intent, err := db.AddPlanItem(ctx, domain.NewPlanItem{ClientID: c.ID, Kind: domain.Intention, Text: "To meet my grief with kindness", ProposedBy: domain.ByClient}, domain.ByClient)
	if err != nil {
		t.Fatal(err)
	}
	s, err := db.AddSession(ctx, domain.Session{ClientID: c.ID, Kind: domain.MedicineSession, Date: dayOffset(10), Time: "09:00", TimeZone: "Europe/Berlin",
		Minutes: 420, IntentionIDs: []int64{intent.ID}}, domain.ByTherapist)
	if err != nil {
		t.Fatal(err)
	}

	r := mustReadiness(t, db, s.ID)
	want := slices.DeleteFunc(slices.Clone(domain.ReadinessRules), func(r domain.ReadinessRule) bool { return r == domain.RuleFlagsDecided })
	if r.Ready || r.SessionID != s.ID || r.Screening.ID != 0 || r.ConsentVersion != 0 || !slices.Equal(missingRules(r), want) {
		t.Fatalf("with nothing prepared: %+v", r)
	}

	// A screening with a flag: recent, and the flag asks for a decision.
	items, _ := db.ScreeningItems(ctx, false)
	first := mustScreen(t, db, c.ID, dayOffset(0), domain.ByClient, map[int64]domain.ScreenAnswer{items[0].ID: domain.AnswerYes})
	r = mustReadiness(t, db, s.ID)
	if r.Screening.ID != first.ID || len(r.Flags) != 1 || r.Flags[0].ItemID != items[0].ID || missingRules(r)[0] != domain.RuleFlagsDecided {
		t.Fatalf("after the screening: %+v", r)
	}
	decided, err := db.DecideFlags(ctx, s.ID, "  Lithium stopped in March, confirmed with the GP.  ")
	if err != nil {
		t.Fatal(err)
	}
	if p := decided.Prep; p.SessionID != s.ID || p.FlagsDecision != "Lithium stopped in March, confirmed with the GP." || p.FlagsScreeningID != first.ID || p.FlagsDecidedAt == "" {
		t.Fatalf("prep %+v", p)
	}
	h := sessionHistory(t, db, c.ID, s.ID, "decide_flags")
	if !strings.Contains(h.After, "Lithium stopped") || strings.Contains(h.Before, "Lithium stopped") {
		t.Fatalf("the decision's before and after: %s → %s", h.Before, h.After)
	}

	if _, err := db.SaveConsentTemplate(ctx, "Informed consent", ownConsent("Nausea.")); err != nil {
		t.Fatal(err)
	}
	consent, err := db.WriteConsent(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ConfirmAgreement(ctx, consent.ID, "Ilse", ""); err != nil {
		t.Fatal(err)
	}
	for _, kind := range []domain.AgreementKind{domain.TouchConsent, domain.SafetyPlan, domain.RightToStop} {
		mustConfirmedAgreement(t, db, c.ID, kind)
	}
	r = mustReadiness(t, db, s.ID)
	if got := missingRules(r); !slices.Equal(got, []domain.ReadinessRule{domain.RuleSupportNamed, domain.RuleIntentionsAgreed, domain.RuleSettingCoCreated}) || r.ConsentVersion != 1 {
		t.Fatalf("missing %v (consent version %d)", got, r.ConsentVersion)
	}

	if _, err := db.SavePrep(ctx, s.ID, " Sam (partner) ", ""); err != nil {
		t.Fatal(err)
	}
	if c := readinessCheck(t, db, s.ID, domain.RuleSupportNamed); c.Met || !strings.Contains(c.Missing, "way home") {
		t.Fatalf("a support person without a way home: %+v", c)
	}
	prepped, err := db.SavePrep(ctx, s.ID, "Sam (partner)", "Sam drives")
	if err != nil || prepped.Prep.SupportPerson != "Sam (partner)" || prepped.Prep.WayHome != "Sam drives" || prepped.Prep.FlagsScreeningID != first.ID {
		t.Fatalf("%+v %v", prepped.Prep, err)
	}
	sessionHistory(t, db, c.ID, s.ID, "prep")
	if _, err := db.SavePrep(ctx, s.ID, " Sam (partner)", "Sam drives "); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("nothing changed: %v", err)
	}
	if _, err := db.AgreePlanItem(ctx, intent.ID, "", domain.ByClient); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddSettingElement(ctx, domain.NewSettingElement{SessionID: s.ID, Category: "music", Text: "Quiet piano", ProposedBy: domain.ByClient}, domain.ByClient); err != nil {
		t.Fatal(err)
	}
	r = mustReadiness(t, db, s.ID)
	if !r.Ready || len(r.Checks) != len(domain.ReadinessRules) || r.Prep.SupportPerson != "Sam (partner)" {
		t.Fatalf("everything prepared: %+v", r)
	}

	// The practice's settings decide how recent the screening must be:
	// taken today, ten days before the session.
	for days, ready := range map[int]bool{10: true, 9: false} {
		if _, err := db.SaveReadinessSettings(ctx, domain.ReadinessSettings{ScreeningDays: days}); err != nil {
			t.Fatal(err)
		}
		if r = mustReadiness(t, db, s.ID); r.Ready != ready || (!ready && !slices.Equal(missingRules(r), []domain.ReadinessRule{domain.RuleScreeningRecent})) {
			t.Errorf("%d days allowed: ready %v, missing %v", days, r.Ready, missingRules(r))
		}
	}
	if _, err := db.SaveReadinessSettings(ctx, domain.ReadinessSettings{ScreeningDays: 9, Off: []domain.ReadinessRule{domain.RuleScreeningRecent}}); err != nil {
		t.Fatal(err)
	}
	if r = mustReadiness(t, db, s.ID); !r.Ready || len(r.Checks) != len(domain.ReadinessRules)-1 {
		t.Fatalf("the screening rule turned off: %+v", r.Checks)
	}

	// A re-screening with a flag needs a decision of its own.
	second := mustScreen(t, db, c.ID, dayOffset(0), domain.ByTogether, map[int64]domain.ScreenAnswer{items[1].ID: domain.AnswerUnsure})
	r = mustReadiness(t, db, s.ID)
	if r.Ready || r.Screening.ID != second.ID || !slices.Equal(missingRules(r), []domain.ReadinessRule{domain.RuleFlagsDecided}) {
		t.Fatalf("after re-screening: %+v", r)
	}

	// The therapist may go ahead regardless, with a recorded reason.
	if _, err := db.GoAhead(ctx, s.ID, "  "); domain.ErrorField(err) != "goAheadReason" {
		t.Fatalf("no reason: %v", err)
	}
	went, err := db.GoAhead(ctx, s.ID, "Unsure answer discussed in person; the client's GP agrees.")
	if err != nil || went.Prep.GoAheadReason == "" || went.Prep.GoAheadAt == "" || went.Prep.SupportPerson != "Sam (partner)" {
		t.Fatalf("%+v %v", went.Prep, err)
	}
	sessionHistory(t, db, c.ID, s.ID, "go_ahead")
	if r = mustReadiness(t, db, s.ID); r.Ready || r.Prep.GoAheadReason != went.Prep.GoAheadReason {
		t.Fatalf("going ahead is recorded, not counted as ready: %+v", r)
	}
	if _, err := db.DecideFlags(ctx, s.ID, "Unsure about seizures: none since childhood."); err != nil {
		t.Fatal(err)
	}
	if r = mustReadiness(t, db, s.ID); !r.Ready || r.Prep.FlagsScreeningID != second.ID {
		t.Fatalf("decided again: %+v", r)
	}
	// The prep is read with the session, alone or with the client's others.
	all, err := db.Sessions(ctx, c.ID)
	if err != nil || len(all) != 1 || all[0].Prep != r.Prep {
		t.Fatalf("%+v %v", all, err)
	}
}

func TestReadinessAndPrepBelongToAnOpenMedicineSession(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "Ilse Fictional")
	other := mustSession(t, db, c.ID, domain.IntegrationSession, dayOffset(-3))
	med := mustSession(t, db, c.ID, domain.MedicineSession, dayOffset(7))

	if _, err := db.Readiness(ctx, other.ID); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("readiness of an integration session: %v", err)
	}
	for name, write := range map[string]func(id int64) error{
		"prep":         func(id int64) error { _, err := db.SavePrep(ctx, id, "Sam", "Sam drives"); return err },
		"decide flags": func(id int64) error { _, err := db.DecideFlags(ctx, id, "Fine."); return err },
		"go ahead":     func(id int64) error { _, err := db.GoAhead(ctx, id, "Because."); return err },
	} {
		if err := write(other.ID); domain.ErrorCode(err) != domain.EINVALID {
			t.Errorf("%s on an integration session: %v", name, err)
		}
		if err := write(9999); domain.ErrorCode(err) != domain.ENOTFOUND {
			t.Errorf("%s on an unknown session: %v", name, err)
		}
	}
	if n := countRows(t, db, "session_prep"); n != 0 {
		t.Fatalf("%d prep rows written by refused changes", n)
	}
	if _, err := db.Readiness(ctx, 9999); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("an unknown session: %v", err)
	}
	if got, _ := db.Session(ctx, med.ID); got.Prep != (domain.SessionPrep{}) || got.Log == nil || len(got.Log) != 0 {
		t.Fatalf("a session with nothing prepared: %+v %+v", got.Prep, got.Log)
	}

	if _, err := db.DecideFlags(ctx, med.ID, "  "); domain.ErrorField(err) != "flagsDecision" {
		t.Fatalf("no decision: %v", err)
	}
	if _, err := db.DecideFlags(ctx, med.ID, "Fine."); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("a decision with no screening: %v", err)
	}
	mustScreen(t, db, c.ID, dayOffset(0), domain.ByClient, nil)
	if _, err := db.DecideFlags(ctx, med.ID, "Fine."); domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(domain.ErrorMessage(err), "no flagged") {
		t.Fatalf("a decision with nothing flagged: %v", err)
	}
	if _, err := db.SavePrep(ctx, med.ID, strings.Repeat("s", domain.MaxLineText+1), ""); domain.ErrorField(err) != "supportPerson" {
		t.Fatalf("too long: %v", err)
	}

	if _, err := db.FinaliseSession(ctx, med.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SavePrep(ctx, med.ID, "Sam", ""); domain.ErrorCode(err) != domain.EFINALISED {
		t.Fatalf("prep of a finalised session: %v", err)
	}
	if _, err := db.GoAhead(ctx, med.ID, "Because."); domain.ErrorCode(err) != domain.EFINALISED {
		t.Fatalf("going ahead with a finalised session: %v", err)
	}
	if _, err := db.Readiness(ctx, med.ID); err != nil {
		t.Fatalf("a finalised session's readiness can still be read: %v", err)
	}
	open := mustSession(t, db, c.ID, domain.MedicineSession, dayOffset(14))
	if err := db.ArchiveClient(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SavePrep(ctx, open.ID, "Sam", ""); domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(domain.ErrorMessage(err), "archived") {
		t.Fatalf("an archived client: %v", err)
	}
}

func TestReadinessSettingsAreCheckedStoredAndHeldToTheirRange(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	r, err := db.ReadinessSettings(ctx)
	if err != nil || r.ScreeningDays != domain.DefaultScreeningDays || r.Off == nil || len(r.Off) != 0 {
		t.Fatalf("defaults %+v %v", r, err)
	}
	for _, c := range []struct {
		s     domain.ReadinessSettings
		field string
	}{
		{domain.ReadinessSettings{ScreeningDays: 0}, "screeningDays"},
		{domain.ReadinessSettings{ScreeningDays: 366}, "screeningDays"},
		{domain.ReadinessSettings{ScreeningDays: 30, Off: []domain.ReadinessRule{"weather"}}, "off"},
	} {
		if _, err := db.SaveReadinessSettings(ctx, c.s); domain.ErrorCode(err) != domain.EINVALID || domain.ErrorField(err) != c.field {
			t.Errorf("%+v: %v", c.s, err)
		}
	}
	if hs := historyOf(t, db, 0, "readiness_settings", "update"); len(hs) != 0 {
		t.Fatalf("refused settings were recorded: %+v", hs)
	}

	want := domain.ReadinessSettings{ScreeningDays: 14, Off: []domain.ReadinessRule{domain.RuleTouchConfirmed, domain.RuleSettingCoCreated}}
	saved, err := db.SaveReadinessSettings(ctx, want)
	if err != nil || saved.ScreeningDays != 14 || !slices.Equal(saved.Off, want.Off) {
		t.Fatalf("%+v %v", saved, err)
	}
	if read, _ := db.ReadinessSettings(ctx); read.ScreeningDays != 14 || !slices.Equal(read.Off, want.Off) {
		t.Fatalf("read back %+v", read)
	}
	hs := historyOf(t, db, 0, "readiness_settings", "update")
	if len(hs) != 1 || hs[0].Actor != domain.ByTherapist || !strings.Contains(hs[0].Before, `"screeningDays":30`) || !strings.Contains(hs[0].After, "touch_confirmed") {
		t.Fatalf("history %+v", hs)
	}
	if s, err := db.Settings(ctx); err != nil || s.AutoLockMinutes != domain.DefaultAutoLockMinutes {
		t.Fatalf("the other settings: %+v %v", s, err)
	}
	if saved, err = db.SaveReadinessSettings(ctx, domain.ReadinessSettings{ScreeningDays: domain.MaxScreeningDays}); err != nil || saved.Off == nil || len(saved.Off) != 0 {
		t.Fatalf("every rule back on: %+v %v", saved, err)
	}

	// Values written outside Tandem are read back within range.
	for stored, days := range map[string]int{"0": domain.MinScreeningDays, "-5": domain.MinScreeningDays, "1000": domain.MaxScreeningDays, "soon": domain.DefaultScreeningDays, "7": 7} {
		mustExec(t, db, `UPDATE settings SET value = ? WHERE key = 'readiness_screening_days'`, stored)
		if r, err := db.ReadinessSettings(ctx); err != nil || r.ScreeningDays != days {
			t.Errorf("stored %q: read %d (%v); want %d", stored, r.ScreeningDays, err, days)
		}
	}
	mustExec(t, db, `UPDATE settings SET value = 'touch_confirmed,weather,,setting_cocreated' WHERE key = 'readiness_off'`)
	if r, _ := db.ReadinessSettings(ctx); !slices.Equal(r.Off, []domain.ReadinessRule{domain.RuleTouchConfirmed, domain.RuleSettingCoCreated}) {
		t.Fatalf("unknown rules stored: read %v", r.Off)
	}
}
