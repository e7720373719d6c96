package storage

import (
	"context"
	"crypto/rand"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tandem/backend/clock/clocktest"
	"tandem/backend/domain"
)

// ownConsent is a consent template in the therapist's own words; risks
// varies between versions.
func ownConsent(risks string) []domain.AgreementTerm {
	return []domain.AgreementTerm{
		{Key: "substance", Text: "A fictional substance, taken by mouth; effects last about six hours."},
		{Key: "risks", Text: risks},
		{Key: "legal", Text: "Held within a licensed fictional trial."},
		{Key: "right_to_stop", Text: "You may stop at any moment."},
		{Key: "emergency", Text: "We call the emergency number; the hospital is ten minutes away."},
	}
}

// readinessCheck is one rule's result in a session's readiness.
func readinessCheck(t *testing.T, db *DB, sessionID int64, rule domain.ReadinessRule) domain.ReadinessCheck {
	t.Helper()
	r, err := db.Readiness(context.Background(), sessionID)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range r.Checks {
		if c.Rule == rule {
			return c
		}
	}
	t.Fatalf("%s is not on the checklist: %+v", rule, r.Checks)
	return domain.ReadinessCheck{}
}

func TestAConsentIsWrittenFromTheTemplateAndANewVersionMustBeConfirmedAgain(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "Ilse Fictional")
	s := mustSession(t, db, c.ID, domain.MedicineSession, dayOffset(7))
	consent := func() domain.ReadinessCheck { return readinessCheck(t, db, s.ID, domain.RuleConsentCurrent) }

	if tpl, err := db.ConsentTemplate(ctx); err != nil || tpl.Version != 0 {
		t.Fatalf("before any template: %+v %v", tpl, err)
	}
	if _, err := db.WriteConsent(ctx, c.ID); domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(domain.ErrorMessage(err), "consent template") {
		t.Fatalf("a consent without a template: %v", err)
	}
	if got := consent(); got.Met || !strings.Contains(got.Missing, "No consent template") {
		t.Fatalf("%+v", got)
	}

	start := domain.StartingConsentTemplate()
	blank := ownConsent("")
	for field, save := range map[string]func() error{
		"substance": func() error { _, err := db.SaveConsentTemplate(ctx, start.Title, start.Terms); return err },
		"risks":     func() error { _, err := db.SaveConsentTemplate(ctx, "Consent", blank); return err },
		"title":     func() error { _, err := db.SaveConsentTemplate(ctx, "", ownConsent("Nausea.")); return err },
	} {
		if err := save(); domain.ErrorCode(err) != domain.EINVALID || domain.ErrorField(err) != field {
			t.Errorf("%s: %v", field, err)
		}
	}
	if n := countRows(t, db, "consent_templates"); n != 0 {
		t.Fatalf("a refused template was saved: %d", n)
	}

	v1, err := db.SaveConsentTemplate(ctx, " Informed consent ", ownConsent("Nausea, a raised heart rate."))
	if err != nil || v1.Version != 1 || v1.Title != "Informed consent" || v1.Created == "" {
		t.Fatalf("%+v %v", v1, err)
	}
	if _, err := db.SaveConsentTemplate(ctx, "Informed consent", ownConsent(" Nausea, a raised heart rate. ")); domain.ErrorCode(err) != domain.EINVALID {
		t.Fatalf("an unchanged template: %v", err)
	}
	if hs := historyOf(t, db, 0, "consent_template", "create"); len(hs) != 1 || hs[0].EntityID != 1 || hs[0].Before != "" || hs[0].Actor != domain.ByTherapist {
		t.Fatalf("history %+v", hs)
	}
	if got := consent(); got.Met || !strings.Contains(got.Missing, "No informed consent") {
		t.Fatalf("%+v", got)
	}

	a, err := db.WriteConsent(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.Kind != domain.MedicineConsent || a.TemplateVersion != 1 || a.Title != v1.Title || !slices.Equal(a.Terms, v1.Terms) || a.ConfirmedName != "" ||
		len(a.Versions) != 1 || a.Versions[0].TemplateVersion != 1 || a.Versions[0].Author != domain.ByTherapist {
		t.Fatalf("%+v", a)
	}
	if h := lastHistory(t, db, c.ID); h.Entity != "agreement" || h.Action != "create" || h.EntityID != a.ID || h.Actor != domain.ByTherapist {
		t.Fatalf("history %+v", h)
	}
	if _, err := db.WriteConsent(ctx, c.ID); domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(domain.ErrorMessage(err), "version 1") {
		t.Fatalf("writing it again from the same version: %v", err)
	}
	if got := consent(); got.Met || !strings.Contains(got.Missing, "not confirmed") {
		t.Fatalf("%+v", got)
	}
	if a, err = db.ConfirmAgreement(ctx, a.ID, "Ilse", ""); err != nil {
		t.Fatal(err)
	}
	if got := consent(); !got.Met {
		t.Fatalf("confirmed: %+v", got)
	}

	v2, err := db.SaveConsentTemplate(ctx, "Informed consent", ownConsent("Nausea, a raised heart rate, difficult feelings for days."))
	if err != nil || v2.Version != 2 {
		t.Fatalf("%+v %v", v2, err)
	}
	if hs := historyOf(t, db, 0, "consent_template", "create"); len(hs) != 2 || hs[1].EntityID != 2 || !strings.Contains(hs[1].Before, `"version":1`) {
		t.Fatalf("history %+v", hs)
	}
	got := consent()
	if got.Met || !strings.Contains(got.Missing, "template version 1") || !strings.Contains(got.Missing, "current version is 2") {
		t.Fatalf("a consent from the older template: %+v", got)
	}

	b, err := db.WriteConsent(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if b.ID != a.ID || b.TemplateVersion != 2 || b.ConfirmedName != "" || !slices.Equal(b.Terms, v2.Terms) || len(b.Versions) != 2 {
		t.Fatalf("the consent brought up to date: %+v", b)
	}
	if old := b.Versions[0]; old.TemplateVersion != 1 || old.ConfirmedName != "Ilse" || !slices.Equal(old.Terms, v1.Terms) {
		t.Fatalf("the version the client confirmed: %+v", old)
	}
	if h := lastHistory(t, db, c.ID); h.Entity != "agreement" || h.Action != "revise" || h.EntityID != a.ID || h.Actor != domain.ByTherapist ||
		!strings.Contains(h.Before, `"templateVersion":1`) || !strings.Contains(h.After, `"templateVersion":2`) {
		t.Fatalf("history %+v", h)
	}
	if got := consent(); got.Met || !strings.Contains(got.Missing, "not confirmed") {
		t.Fatalf("%+v", got)
	}
	if _, err := db.ConfirmAgreement(ctx, a.ID, "Ilse", ""); err != nil {
		t.Fatal(err)
	}
	if got := consent(); !got.Met {
		t.Fatalf("confirmed again: %+v", got)
	}
	// Revising the wording by hand keeps the version it was written from,
	// and every part the client must be told, in the therapist's words.
	prompt := ownConsent("Nausea.")
	prompt[4].Text = "[Say what happens in an emergency.]"
	for field, terms := range map[string][]domain.AgreementTerm{"risks": ownConsent("  "), "emergency": prompt} {
		if _, err := db.ReviseAgreement(ctx, a.ID, b.Title, terms, domain.ByTherapist); domain.ErrorCode(err) != domain.EINVALID || domain.ErrorField(err) != field {
			t.Errorf("a consent revised without its %s: %v", field, err)
		}
	}
	if got := consent(); !got.Met {
		t.Fatalf("a refused revision changed the consent: %+v", got)
	}
	revised, err := db.ReviseAgreement(ctx, a.ID, b.Title, ownConsent("Nausea, for this client also migraine."), domain.ByTherapist)
	if err != nil || revised.TemplateVersion != 2 || revised.ConfirmedName != "" || len(revised.Versions) != 3 {
		t.Fatalf("%+v %v", revised, err)
	}

	all, err := db.ConsentTemplates(ctx)
	if err != nil || len(all) != 2 || all[0].Version != 1 || all[1].Version != 2 || all[0].Terms[1].Text != "Nausea, a raised heart rate." {
		t.Fatalf("every version is kept: %+v %v", all, err)
	}
	if cur, _ := db.ConsentTemplate(ctx); cur.Version != 2 {
		t.Fatalf("the template in use: %+v", cur)
	}
}

func TestAMedicineConsentIsOnlyWrittenFromTheTemplate(t *testing.T) {
	ctx := context.Background()
	db, _, _ := mustOpen(t)
	c := mustClient(t, db, "Ilse Fictional")
	if _, err := db.AddAgreement(ctx, domain.NewAgreement{ClientID: c.ID, Kind: domain.MedicineConsent, Title: "Consent", Terms: ownConsent("Nausea.")}, domain.ByTherapist); domain.ErrorField(err) != "kind" {
		t.Fatalf("a medicine consent added directly: %v", err)
	}
	if n := countRows(t, db, "agreements"); n != 0 {
		t.Fatalf("%d agreements", n)
	}
	touch, err := db.AddAgreement(ctx, domain.NewAgreement{ClientID: c.ID, Kind: domain.TouchConsent, Terms: []domain.AgreementTerm{{Key: "welcome", Text: "A hand on the shoulder"}}}, domain.ByTogether)
	if err != nil || touch.TemplateVersion != 0 || touch.Versions[0].TemplateVersion != 0 {
		t.Fatalf("%+v %v", touch, err)
	}
	if _, err := db.SaveConsentTemplate(ctx, "Consent", ownConsent("Nausea.")); err != nil {
		t.Fatal(err)
	}
	if _, err := db.WriteConsent(ctx, 9999); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("an unknown client: %v", err)
	}
	if err := db.ArchiveClient(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.WriteConsent(ctx, c.ID); domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(domain.ErrorMessage(err), "archived") {
		t.Fatalf("an archived client: %v", err)
	}
}

// Migration 0016 rebuilds the agreements to allow the new kind: the
// agreements written before it keep every version, their confirmations
// and template version 0, and their versions still belong to them.
func TestAgreementsWrittenBeforeTheMigrationKeepTemplateVersionZero(t *testing.T) {
	ctx := context.Background()
	key := make([]byte, KeySize)
	rand.Read(key)
	db, err := open(ctx, filepath.Join(t.TempDir(), "test.db"), key, clocktest.Now(), 15)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	c := mustClient(t, db, "Ilse Fictional")
	mustExec(t, db, `INSERT INTO agreements (id, client_id, kind, created_at) VALUES (7, ?, 'safety', '2026-01-05T10:00:00Z')`, c.ID)
	mustExec(t, db, `INSERT INTO agreement_versions (agreement_id, at, author, title, terms_json, confirmed_name, confirmed_on) VALUES
		(7, '2026-01-05T10:00:00Z', 'therapist', '', '[{"key":"text","text":"Call Sam."}]', 'Ilse', '2026-01-05'),
		(7, '2026-02-01T10:00:00Z', 'together', '', '[{"key":"text","text":"Call Sam, then the crisis line."}]', '', '')`)
	if _, err := db.sql.Exec(`INSERT INTO agreements (client_id, kind, created_at) VALUES (?, 'medicine_consent', 'x')`, c.ID); err == nil {
		t.Fatal("the old schema took the new kind")
	}

	if err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	a, err := db.Agreement(ctx, 7)
	if err != nil {
		t.Fatal(err)
	}
	if a.ClientID != c.ID || a.Kind != domain.SafetyPlan || a.TemplateVersion != 0 || len(a.Versions) != 2 || a.Terms[0].Text != "Call Sam, then the crisis line." {
		t.Fatalf("%+v", a)
	}
	if v := a.Versions[0]; v.ConfirmedName != "Ilse" || v.ConfirmedOn != "2026-01-05" || v.TemplateVersion != 0 || v.Terms[0].Text != "Call Sam." || v.Author != domain.ByTherapist {
		t.Fatalf("the first version: %+v", v)
	}
	if items, _ := db.ScreeningItems(ctx, false); len(items) != 10 {
		t.Fatalf("%d checklist items after migrating", len(items))
	}
	var parent string
	if err := db.sql.QueryRow(`SELECT "table" FROM pragma_foreign_key_list('agreement_versions')`).Scan(&parent); err != nil || parent != "agreements" {
		t.Fatalf("the versions refer to %q (%v)", parent, err)
	}
	if _, err := db.sql.Exec(`INSERT INTO agreements (client_id, kind, created_at) VALUES (?, 'bogus', 'x')`, c.ID); err == nil {
		t.Fatal("the rebuilt table lost its check of the kind")
	}
	// The versions still go with their agreement.
	if err := db.ArchiveClient(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.EraseClient(ctx, c.ID, c.ChosenName); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, db, "agreement_versions"); n != 0 {
		t.Fatalf("%d versions left after erasing their client", n)
	}
}
