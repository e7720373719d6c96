package app

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"tandem/backend/clock/clocktest"
	"tandem/backend/domain"
	"tandem/backend/vault"
	"tandem/backend/vault/vaulttest"
)

const pass = vaulttest.Passphrase

// newShell returns a shell over a new, unlocked test vault (vaulttest). No
// window exists: bindings that need the Wails runtime (dialogs, clipboard,
// events) are not called here.
func newShell(t *testing.T) *Shell {
	t.Helper()
	return newShellAt(t, clocktest.Now())
}

// newShellAt is newShell with the vault's clock reading now.
func newShellAt(t *testing.T, now func() time.Time) *Shell {
	t.Helper()
	opts := vaulttest.Options()
	opts.Now = now
	v, _ := vaulttest.Create(t, filepath.Join(t.TempDir(), "vault"), opts)
	s := NewShell(v, nil, "test")
	s.prints = testPrintFolder(t)
	return s
}

// errCode decodes the JSON error a binding returns.
func errCode(t *testing.T, err error) (code, field string) {
	t.Helper()
	if err == nil {
		return "", ""
	}
	var e struct{ Code, Message, Field string }
	if jerr := json.Unmarshal([]byte(err.Error()), &e); jerr != nil {
		t.Fatalf("error is not JSON: %q", err.Error())
	}
	if e.Message == "" {
		t.Fatalf("error without a message: %q", err.Error())
	}
	return e.Code, e.Field
}

func TestCoCreationModeShowsOnlySharedContentAndLocksEverythingElse(t *testing.T) {
	s := newShell(t)
	clients, co, practice := NewClients(s), NewCoCreation(s), NewPractice(s)
	zoe, err := clients.Create(domain.Client{ChosenName: "Zoë Ñúñez-Øvergård", Pronouns: "they/them", IntakeNote: "PRIVATE-INTAKE-NOTE"})
	if err != nil {
		t.Fatal(err)
	}
	other, _ := clients.Create(domain.Client{ChosenName: "محمد"})
	clients.AddReflection(domain.Reflection{ClientID: zoe.ID, Kind: "shadow", Text: "PRIVATE-REFLECTION-PHRASE"})
	clients.AddPowerMapEntry(domain.PowerMapEntry{ClientID: zoe.ID, Difference: "PRIVATE-POWER-ENTRY", Visibility: domain.Private, Author: domain.ByTherapist})
	clients.AddPowerMapEntry(domain.PowerMapEntry{ClientID: zoe.ID, Difference: "We differ in age", Visibility: domain.Shared, Author: domain.ByTogether})
	goal, _ := clients.AddPlanItem(domain.NewPlanItem{ClientID: zoe.ID, Kind: domain.Goal, Text: "Rest more", ProposedBy: domain.ByClient})
	otherGoal, _ := clients.AddPlanItem(domain.NewPlanItem{ClientID: other.ID, Kind: domain.Goal, Text: "Another client's goal", ProposedBy: domain.ByClient})

	view, err := co.Enter(zoe.ID)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(view)
	for _, secret := range []string{"PRIVATE-INTAKE-NOTE", "PRIVATE-REFLECTION-PHRASE", "PRIVATE-POWER-ENTRY", "Another client"} {
		if strings.Contains(string(b), secret) {
			t.Errorf("co-creation view contains %q", secret)
		}
	}
	if len(view.PowerMap) != 1 || len(view.Plan) != 1 || view.Client.ChosenName != "Zoë Ñúñez-Øvergård" {
		t.Fatalf("shared content missing: %+v", view)
	}

	t.Run("nothing else is reachable", func(t *testing.T) {
		for name, call := range map[string]func() error{
			"client list":       func() error { _, err := clients.List(domain.ClientFilter{}); return err },
			"another record":    func() error { _, err := clients.Record(other.ID); return err },
			"history":           func() error { _, err := clients.History(zoe.ID); return err },
			"reflections":       func() error { _, err := clients.Reflections(zoe.ID); return err },
			"practice":          func() error { _, err := practice.Get(); return err },
			"settings":          func() error { _, err := NewSettings(s).Get(); return err },
			"change passphrase": func() error { return NewVault(s).ChangePassphrase(pass, "amber quartz willow drum") },
			"new recovery key":  func() error { _, err := NewVault(s).BeginNewRecoveryKey(pass); return err },
			"enter again":       func() error { _, err := co.Enter(other.ID); return err },
		} {
			if code, _ := errCode(t, call()); code != ECOCREATION {
				t.Errorf("%s: code %q, want %q", name, code, ECOCREATION)
			}
		}
		if _, err := co.RevisePlanItem(otherGoal.ID, "changed by the wrong client", "", domain.ByClient); err == nil {
			t.Error("revised another client's goal")
		}
	})

	t.Run("writes are the client's, the two's together, or the therapist's offered openly", func(t *testing.T) {
		if _, err := co.AddPlanItem(domain.Goal, "Written by nobody", domain.Actor("someone")); err == nil {
			t.Fatal("an unknown author accepted in co-creation mode")
		}
		offered, err := co.AddPlanItem(domain.Goal, "Offered by the therapist in the room", domain.ByTherapist)
		if err != nil || offered.ProposedBy != domain.ByTherapist {
			t.Fatalf("the therapist's offer in the room: %+v %v", offered, err)
		}
		if e, err := co.AddPowerMapEntry(domain.PowerMapEntry{Difference: "I hold the licence", Visibility: domain.Private, Author: domain.ByTherapist}); err != nil ||
			e.Visibility != domain.Shared || e.Author != domain.ByTherapist {
			t.Fatalf("the therapist's entry in the room must be shared and theirs: %+v %v", e, err)
		}
		it, err := co.AddPlanItem(domain.Intention, "Let the music carry me", domain.ByClient)
		if err != nil || it.ProposedBy != domain.ByClient {
			t.Fatalf("%+v %v", it, err)
		}
		if _, err := co.RevisePlanItem(goal.ID, "Rest more, without guilt", "", domain.ByTogether); err != nil {
			t.Fatal(err)
		}
		e, err := co.AddPowerMapEntry(domain.PowerMapEntry{Difference: "You are paid, I pay", Visibility: domain.Private, Author: domain.ByClient})
		if err != nil || e.Visibility != domain.Shared {
			t.Fatalf("power-map entry from co-creation mode must be shared: %+v %v", e, err)
		}
	})

	t.Run("leaving needs the passphrase or the PIN", func(t *testing.T) {
		if code, field := errCode(t, func() error { _, err := co.Leave("wrong"); return err }()); code != domain.EWRONGSECRET || field != "secret" {
			t.Fatalf("wrong secret: %s %s", code, field)
		}
		if _, err := co.Leave(pass); err != nil {
			t.Fatal(err)
		}
		if _, err := clients.List(domain.ClientFilter{}); err != nil {
			t.Fatalf("therapist calls after leaving: %v", err)
		}
		if _, err := NewSettings(s).SetPIN("not the passphrase", "2468"); err == nil {
			t.Fatal("PIN set without the passphrase")
		}
		if st, err := NewSettings(s).SetPIN(pass, "2468"); err != nil || !st.HasPIN {
			t.Fatalf("set PIN: %+v %v", st, err)
		}
		co.Enter(zoe.ID)
		if _, err := co.Leave("2468"); err != nil {
			t.Fatalf("leave with PIN: %v", err)
		}
		co.Enter(zoe.ID)
		for i := 0; i < maxPINTries; i++ {
			co.Leave("0000")
		}
		if _, err := co.Leave("2468"); err == nil {
			t.Fatal("the right PIN still worked after too many wrong ones")
		}
		if _, err := co.Leave(pass); err != nil {
			t.Fatal(err)
		}

		// Tries made at the same moment are counted as they are made:
		// no more PINs are checked than the limit allows.
		co.Enter(zoe.ID)
		var wg sync.WaitGroup
		var mu sync.Mutex
		checked := 0
		for i := 0; i < 40; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, err := co.Leave(fmt.Sprintf("%04d", 1000+i))
				var e struct{ Message string }
				json.Unmarshal([]byte(err.Error()), &e)
				if !strings.Contains(e.Message, "Too many") {
					mu.Lock()
					checked++
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		if checked != maxPINTries {
			t.Fatalf("%d PINs were checked at once, the limit is %d", checked, maxPINTries)
		}
		if _, err := co.Leave(pass); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("locking ends co-creation mode", func(t *testing.T) {
		co.Enter(zoe.ID)
		s.lock("manual")
		if err := s.vault.Unlock(context.Background(), pass); err != nil {
			t.Fatal(err)
		}
		if _, err := clients.List(domain.ClientFilter{}); err != nil {
			t.Fatalf("co-creation mode survived the lock: %v", err)
		}
	})
}

func TestBindingErrorsAreJSONWithFields(t *testing.T) {
	s := newShell(t)
	_, err := NewClients(s).Create(domain.Client{ChosenName: "Ok", DateOfBirth: "2026-02-30"})
	if code, field := errCode(t, err); code != domain.EINVALID || field != "dateOfBirth" {
		t.Fatalf("%s %s", code, field)
	}
	s.vault.Lock()
	if code, _ := errCode(t, func() error { _, err := NewPractice(s).Get(); return err }()); code != domain.ELOCKED {
		t.Fatalf("locked: %s", code)
	}
}

func TestRecoveryKeyGroups(t *testing.T) {
	key := "AGE-SECRET-KEY-1QQQQWWWWEEEERRRRTTTTYYYYUUUUIIIIOOOOPPPPAAAASSSSDDDDFFFFGGGGHH"
	g := groupKey(key)
	if g[0] != "AGE-SECRET-KEY-1" || strings.Join(g, "") != key || len(g[len(g)-1]) > 4 {
		t.Fatalf("%v", g)
	}
}

func TestAutoLockAfterIdleMinutes(t *testing.T) {
	s := newShell(t)
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	s.now = func() time.Time { return now }
	st, err := NewSettings(s).Save(domain.Settings{AutoLockMinutes: 3})
	if err != nil || st.AutoLockMinutes != 3 {
		t.Fatal(st, err)
	}
	now = now.Add(2*time.Minute + 59*time.Second)
	s.checkIdle()
	if s.vault.State() != vault.StateUnlocked {
		t.Fatal("locked before the idle time was up")
	}
	NewVault(s).Activity()
	now = now.Add(2 * time.Minute)
	s.checkIdle()
	if s.vault.State() != vault.StateUnlocked {
		t.Fatal("activity did not restart the countdown")
	}
	now = now.Add(time.Minute + time.Second)
	s.checkIdle()
	if s.vault.State() != vault.StateLocked {
		t.Fatal("not locked after the idle time")
	}
	// An unlock after a long idle spell starts a fresh countdown.
	now = now.Add(time.Hour)
	if _, err := NewVault(s).Unlock(pass); err != nil {
		t.Fatal(err)
	}
	s.checkIdle()
	if s.vault.State() != vault.StateUnlocked {
		t.Fatal("locked again right after unlocking")
	}
}

// In co-creation mode the client agrees and confirms "today": the
// therapist's day, even in the evening west of UTC, when UTC's date is
// already tomorrow's.
func TestCoCreationAgreesTodayLateOnNewYearsEveInLosAngeles(t *testing.T) {
	s := newShellAt(t, clocktest.At(t, "2026-12-31T23:50", "America/Los_Angeles"))
	co := NewCoCreation(s)
	wren, err := NewClients(s).Create(domain.Client{ChosenName: "Wren Example (fictional)"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := co.Enter(wren.ID); err != nil {
		t.Fatal(err)
	}
	goal, err := co.AddPlanItem(domain.Goal, "To rest without earning it", domain.ByClient)
	if err != nil {
		t.Fatal(err)
	}
	if it, err := co.AgreePlanItem(goal.ID); err != nil || it.AgreedOn != "2026-12-31" {
		t.Fatalf("a goal proposed and agreed at 23:50: %+v, %v", it, err)
	}
	a, err := co.AddAgreement(domain.NewAgreement{Kind: domain.RightToStop, Terms: []domain.AgreementTerm{{Key: "text", Text: "I can stop at any time."}}}, domain.ByTogether)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := co.ConfirmAgreement(a.ID, "Wren"); err != nil || got.ConfirmedOn != "2026-12-31" {
		t.Fatalf("an agreement written and confirmed at 23:50: %+v, %v", got, err)
	}
}

func TestCoCreationShowsTheJourneyWithoutPrivateContentAndNeverSearches(t *testing.T) {
	s := newShell(t)
	clients, co, sessions := NewClients(s), NewCoCreation(s), NewSessions(s)
	ilse, _ := clients.Create(domain.Client{ChosenName: "Ilse Fictional"})
	other, _ := clients.Create(domain.Client{ChosenName: "Someone Else"})
	med, err := sessions.Add(domain.Session{ClientID: ilse.ID, Kind: domain.MedicineSession, Date: "2026-05-01", TimeZone: "Europe/Berlin",
		Summary: "A quiet session.", PrivateNotes: "PRIVATE-SESSION-NOTE"})
	if err != nil {
		t.Fatal(err)
	}
	othersMed, _ := sessions.Add(domain.Session{ClientID: other.ID, Kind: domain.MedicineSession, Date: "2026-05-01", TimeZone: "UTC", Summary: "ANOTHER-CLIENT-SESSION"})
	if _, err := sessions.AddShift(domain.Shift{ClientID: ilse.ID, SessionID: med.ID, NoticedOn: "2026-05-03", Area: "body", Description: "Lighter", Intensity: 2, RecordedBy: domain.ByClient}); err != nil {
		t.Fatal(err)
	}
	if _, err := sessions.Finalise(med.ID); err != nil {
		t.Fatal(err)
	}
	sessions.AddAddendum(med.ID, "PRIVATE-ADDENDUM", domain.Private)
	if found, err := sessions.Search("private session note"); err != nil || len(found.Hits) != 1 {
		t.Fatalf("the therapist's search misses private notes: %+v %v", found, err)
	}

	if _, err := co.Enter(ilse.ID); err != nil {
		t.Fatal(err)
	}
	journey, err := co.Journey()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(journey)
	for _, secret := range []string{"PRIVATE-SESSION-NOTE", "PRIVATE-ADDENDUM", "ANOTHER-CLIENT-SESSION"} {
		if strings.Contains(string(b), secret) {
			t.Errorf("the client's journey contains %q", secret)
		}
	}
	if len(journey.Sessions) != 1 || len(journey.Shifts) != 1 || journey.Sessions[0].Summary != "A quiet session." {
		t.Fatalf("shared content missing: %+v", journey)
	}
	if code, _ := errCode(t, func() error { _, err := sessions.Search("note"); return err }()); code != ECOCREATION {
		t.Fatalf("search in co-creation mode: code %q", code)
	}
	if code, _ := errCode(t, func() error { _, err := sessions.Integration(ilse.ID); return err }()); code != ECOCREATION {
		t.Fatalf("the therapist's record in co-creation mode: code %q", code)
	}
	if _, err := co.AddShift(domain.Shift{SessionID: med.ID, NoticedOn: "2026-05-04", Area: "self", Description: "Kinder to myself", Intensity: 3, RecordedBy: domain.Actor("nobody")}); err == nil {
		t.Fatal("a shift by an unknown author in co-creation mode")
	}
	if _, err := co.AddShift(domain.Shift{SessionID: othersMed.ID, NoticedOn: "2026-05-04", Area: "self", Description: "x", Intensity: 3, RecordedBy: domain.ByClient}); err == nil {
		t.Fatal("a shift added after another client's session")
	}
	sh, err := co.AddShift(domain.Shift{SessionID: med.ID, NoticedOn: "2026-05-04", Area: "self", Description: "Kinder to myself", Intensity: 3, RecordedBy: domain.ByClient})
	if err != nil || sh.ClientID != ilse.ID || sh.DayCount != 3 {
		t.Fatalf("%+v %v", sh, err)
	}
}

func TestTheClientPageReadsItsHistoryApart(t *testing.T) {
	s := newShell(t)
	clients := NewClients(s)
	c, err := clients.Create(domain.Client{ChosenName: "Ines Fictional"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := clients.AddPlanItem(domain.NewPlanItem{ClientID: c.ID, Kind: domain.Goal, Text: "Rest", ProposedBy: domain.ByClient}); err != nil {
		t.Fatal(err)
	}
	rec, err := clients.Record(c.ID)
	if err != nil || rec.History != nil || len(rec.Plan) != 1 {
		t.Fatalf("the page's record: %d history entries, %d plan items, %v", len(rec.History), len(rec.Plan), err)
	}
	h, err := clients.History(c.ID)
	if err != nil || len(h) != 2 || h[0].Entity != "client" || h[1].Entity != "plan_item" {
		t.Fatalf("history: %+v %v", h, err)
	}
}

func TestANewRecoveryKeyReplacesTheOldOnlyOnceKept(t *testing.T) {
	s := newShell(t)
	b := NewVault(s)
	if _, err := b.BeginNewRecoveryKey("not the passphrase at all"); err == nil {
		t.Fatal("a wrong passphrase made a new key")
	} else if _, field := errCode(t, err); field != "passphrase" {
		t.Fatalf("field %q", field)
	}
	view, err := b.BeginNewRecoveryKey(pass)
	if err != nil {
		t.Fatal(err)
	}
	if _, field := errCode(t, b.FinishNewRecoveryKey()); field != "confirm" {
		t.Fatalf("replaced before the key was kept (field %q)", field)
	}
	if s.vault.CheckRecoveryKey(view.Key) == nil {
		t.Fatal("the new key opens the vault before it was put in place")
	}
	if err := b.ConfirmRecoveryKey("ZZZZZZ"); err == nil {
		t.Fatal("wrong last characters accepted")
	}
	if err := b.ConfirmRecoveryKey(view.Key[len(view.Key)-view.ConfirmLength:]); err != nil {
		t.Fatal(err)
	}
	if err := b.FinishNewRecoveryKey(); err != nil {
		t.Fatal(err)
	}
	if err := s.vault.CheckRecoveryKey(view.Key); err != nil {
		t.Fatalf("the new key does not open the vault: %v", err)
	}
	if b.FinishNewRecoveryKey() == nil {
		t.Fatal("finished twice")
	}

	t.Run("locking forgets a key not yet kept", func(t *testing.T) {
		next, err := b.BeginNewRecoveryKey(pass)
		if err != nil {
			t.Fatal(err)
		}
		if err := b.ConfirmRecoveryKey(next.Key[len(next.Key)-next.ConfirmLength:]); err != nil {
			t.Fatal(err)
		}
		s.lock("manual")
		if b.FinishNewRecoveryKey() == nil {
			t.Fatal("a key survived the lock")
		}
		if err := s.vault.CheckRecoveryKey(view.Key); err != nil {
			t.Fatal("the key in place changed")
		}
	})
	t.Run("cancelling changes nothing", func(t *testing.T) {
		if _, err := b.Unlock(pass); err != nil {
			t.Fatal(err)
		}
		next, err := b.BeginNewRecoveryKey(pass)
		if err != nil {
			t.Fatal(err)
		}
		b.CancelNewRecoveryKey()
		if b.FinishNewRecoveryKey() == nil || s.vault.CheckRecoveryKey(next.Key) == nil {
			t.Fatal("a cancelled key was put in place")
		}
	})
}

// fakeClipboard is a clipboard for tests.
type fakeClipboard struct {
	mu  sync.Mutex
	got string
}

func (c *fakeClipboard) text() (string, error) { c.mu.Lock(); defer c.mu.Unlock(); return c.got, nil }
func (c *fakeClipboard) setText(t string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.got = t
	return nil
}

// A recovery key copied to the clipboard and not yet put in place leaves
// the clipboard when Tandem quits; anything copied after it stays.
func TestQuittingTakesACopiedRecoveryKeyOffTheClipboard(t *testing.T) {
	for _, later := range []string{"", "the therapist copied something else"} {
		s := newShell(t)
		clip := &fakeClipboard{}
		s.clip = clip
		v := NewVault(s)
		if _, err := v.BeginNewRecoveryKey(pass); err != nil {
			t.Fatal(err)
		}
		if err := v.CopyRecoveryKey(); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(clip.got, "AGE-SECRET-KEY-1") {
			t.Fatalf("clipboard %q", clip.got)
		}
		if later != "" {
			clip.setText(later)
		}
		s.Shutdown(context.Background())
		if clip.got != later {
			t.Fatalf("after quitting the clipboard holds %q, want %q", clip.got, later)
		}
	}
}
