package cli

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"tandem/backend/clock/clocktest"
	"tandem/backend/domain"
	"tandem/backend/vault"
)

const secretPhrase = "Marigold Ledger Seventeen"

// pdfText extracts a PDF's text; pdftotext is installed by
// scripts/install-deps.sh test, and its absence fails the test.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Fatal("pdftotext is required (Debian: poppler-utils); run scripts/install-deps.sh test")
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").CombinedOutput()
	if err != nil {
		t.Fatalf("pdftotext: %v %s", err, out)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// packetVault makes a vault with one client whose private fields hold
// secretPhrase, and returns the vault folder, passphrase file, recovery key
// file and the client's ID.
func packetVault(t *testing.T) (dir, pass, keyFile string) {
	t.Helper()
	tmp := t.TempDir()
	dir = filepath.Join(tmp, "vault")
	pass = writeFile(t, tmp, "pass", "lantern orbit cello meadow\n")
	keyFile = filepath.Join(tmp, "recovery.txt")
	if code, out, errs := run(t, "vault", "init", "--vault", dir, "--passphrase-file", pass, "--recovery-key-out", keyFile); code != 0 {
		t.Fatalf("init: %s %s", out, errs)
	}
	ctx := context.Background()
	v, err := vault.Open(dir, false, vault.Options{Now: clocktest.Now()})
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	if err := v.Unlock(ctx, "lantern orbit cello meadow"); err != nil {
		t.Fatal(err)
	}
	db, _ := v.DB()
	if _, err := db.SavePractice(ctx, domain.Practice{Name: "Willow Room Practice"}); err != nil {
		t.Fatal(err)
	}
	c, err := db.CreateClient(ctx, domain.Client{ChosenName: "Zoë", Pronouns: "she/her", IntakeNote: secretPhrase}, domain.ByTherapist)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddPowerMapEntry(ctx, domain.PowerMapEntry{ClientID: c.ID, Difference: secretPhrase, ShowsUp: secretPhrase, Agreed: secretPhrase, Visibility: domain.Private, Author: domain.ByTherapist}, domain.ByTherapist); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddPowerMapEntry(ctx, domain.PowerMapEntry{ClientID: c.ID, Difference: "Age", Visibility: domain.Shared, Author: domain.ByTogether}, domain.ByTogether); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddReflection(ctx, domain.Reflection{ClientID: c.ID, Kind: "bias", Text: secretPhrase}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddPlanItem(ctx, domain.NewPlanItem{ClientID: c.ID, Kind: domain.Goal, Text: "To rest", ProposedBy: domain.ByClient}, domain.ByClient); err != nil {
		t.Fatal(err)
	}
	// Session 1, a medicine session with every private field filled;
	// session 2, an integration session.
	if _, err := db.SaveSettings(ctx, domain.Settings{AutoLockMinutes: 10, RecordMedicine: true}); err != nil {
		t.Fatal(err)
	}
	m, err := db.AddSession(ctx, domain.Session{ClientID: c.ID, Kind: domain.MedicineSession, Date: "2026-03-01", TimeZone: "Europe/Berlin", Minutes: 360,
		Summary: "A quiet day", PrivateNotes: secretPhrase, Medicine: domain.MedicineDetails{Substance: secretPhrase, Dose: secretPhrase, Times: secretPhrase}}, domain.ByTherapist)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddSettingElement(ctx, domain.NewSettingElement{SessionID: m.ID, Category: "lighting", Text: "A low lamp", ProposedBy: domain.ByClient, Comfort: domain.Welcome}, domain.ByClient); err != nil {
		t.Fatal(err)
	}
	if _, err := db.FinaliseSession(ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddAddendum(ctx, m.ID, secretPhrase, domain.Private); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddShift(ctx, domain.Shift{ClientID: c.ID, SessionID: m.ID, NoticedOn: "2026-03-03", Area: "body", Description: "Slept through the night", Intensity: 3}, domain.ByClient); err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddSession(ctx, domain.Session{ClientID: c.ID, Kind: domain.IntegrationSession, Date: "2026-03-08", TimeZone: "Europe/Berlin", PrivateNotes: secretPhrase}, domain.ByTherapist); err != nil {
		t.Fatal(err)
	}
	return dir, pass, keyFile
}

func TestPacketCommand(t *testing.T) {
	dir, pass, _ := packetVault(t)
	tmp := t.TempDir()
	for _, args := range [][]string{{"record"}, {"preparation"}, {"summary"}, {"summary", "--session", "1"}, {"worksheet", "--session", "1"}, {"worksheet", "--session", "1", "--days", "30"}} {
		kind := args[0]
		t.Run(strings.Join(args, " ")+" client copy holds no private content", func(t *testing.T) {
			out := filepath.Join(tmp, strings.Join(args, "-")+".pdf")
			code, stdout, errs := run(t, append(append([]string{"packet"}, args...), "--vault", dir, "--passphrase-file", pass, "--client", "1", "--out", out)...)
			if code != 0 {
				t.Fatalf("%d %s %s", code, stdout, errs)
			}
			if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o600 {
				t.Fatalf("%v %v", fi, err)
			}
			text := pdfText(t, out)
			if strings.Contains(text, "Marigold") || !strings.Contains(text, "Zoë") {
				t.Fatalf("%s", text)
			}
			want := map[string]string{"record": "A quiet day", "preparation": "To rest", "summary": "Slept through the night", "worksheet": "Day 7"}[kind]
			if !strings.Contains(text, want) {
				t.Fatalf("the %s packet lacks %q: %s", kind, want, text)
			}
		})
	}
	t.Run("the medicine session packet is the therapist's, with the medicine details", func(t *testing.T) {
		out := filepath.Join(tmp, "medicine.pdf")
		code, stdout, errs := run(t, "packet", "medicine", "--session", "1", "--vault", dir, "--passphrase-file", pass, "--client", "1", "--out", out)
		if code != 0 || !strings.Contains(stdout, "therapist copy") {
			t.Fatalf("%d %s %s", code, stdout, errs)
		}
		text := pdfText(t, out)
		for _, want := range []string{"Setting checklist", "A low lamp", "Log", secretPhrase} {
			if !strings.Contains(text, want) {
				t.Errorf("the medicine packet lacks %q", want)
			}
		}
	})
	t.Run("the therapist copy of the record has the private notes", func(t *testing.T) {
		out := filepath.Join(tmp, "therapist.pdf")
		if code, _, errs := run(t, "packet", "record", "--vault", dir, "--passphrase-file", pass, "--client", "1", "--copy", "therapist", "--paper", "letter", "--out", out); code != 0 {
			t.Fatal(errs)
		}
		if !strings.Contains(pdfText(t, out), secretPhrase) {
			t.Fatal("no private notes")
		}
	})
	t.Run("an existing file is never overwritten", func(t *testing.T) {
		out := writeFile(t, tmp, "taken.pdf", "keep me")
		code, _, errs := run(t, "packet", "record", "--vault", dir, "--passphrase-file", pass, "--client", "1", "--out", out)
		if b, _ := os.ReadFile(out); code != 1 || string(b) != "keep me" || !strings.Contains(errs, "already exists") {
			t.Fatalf("%d %s", code, errs)
		}
	})
	t.Run("an unknown client fails plainly", func(t *testing.T) {
		code, _, errs := run(t, "packet", "record", "--vault", dir, "--passphrase-file", pass, "--client", "99", "--out", filepath.Join(tmp, "none.pdf"))
		if code != 1 || !strings.Contains(errs, "no longer exists") {
			t.Fatalf("%d %s", code, errs)
		}
		if _, err := os.Stat(filepath.Join(tmp, "none.pdf")); err == nil {
			t.Fatal("a file was written")
		}
	})
	t.Run("a worksheet for a session that is not a medicine session is refused", func(t *testing.T) {
		code, _, errs := run(t, "packet", "worksheet", "--session", "2", "--vault", dir, "--passphrase-file", pass, "--client", "1", "--out", filepath.Join(tmp, "w.pdf"))
		if code != 1 || !strings.Contains(errs, "medicine session") {
			t.Fatalf("%d %s", code, errs)
		}
	})
	t.Run("a client copy of the medicine packet is refused", func(t *testing.T) {
		code, _, errs := run(t, "packet", "medicine", "--session", "1", "--copy", "client", "--vault", dir, "--passphrase-file", pass, "--client", "1", "--out", filepath.Join(tmp, "mc.pdf"))
		if code != 1 || !strings.Contains(errs, "therapist copy") {
			t.Fatalf("%d %s", code, errs)
		}
	})
	for name, args := range map[string][]string{
		"no kind":        {"packet"},
		"unknown kind":   {"packet", "leaflet", "--client", "1", "--out", "x.pdf"},
		"no client":      {"packet", "record", "--out", "x.pdf"},
		"no out":         {"packet", "record", "--client", "1"},
		"bad copy":       {"packet", "record", "--client", "1", "--out", "x.pdf", "--copy", "both"},
		"bad paper":      {"packet", "record", "--client", "1", "--out", "x.pdf", "--paper", "a5"},
		"no session":     {"packet", "medicine", "--client", "1", "--out", "x.pdf"},
		"bad session":    {"packet", "summary", "--client", "1", "--session", "x", "--out", "x.pdf"},
		"bad days":       {"packet", "worksheet", "--client", "1", "--session", "1", "--days", "10", "--out", "x.pdf"},
		"days on record": {"packet", "record", "--client", "1", "--days", "7", "--out", "x.pdf"},
	} {
		t.Run("usage: "+name, func(t *testing.T) {
			if code, _, _ := run(t, args...); code != 2 {
				t.Fatalf("exit %d, want 2", code)
			}
		})
	}
}

func TestRecoveryKitAndNewRecoveryKey(t *testing.T) {
	dir, pass, oldKey := packetVault(t)
	otherDir, _, otherKey := packetVault(t)
	_ = otherDir
	tmp := t.TempDir()
	kit := func(key, name string) (int, string) {
		code, _, errs := run(t, "vault", "recovery-kit", "--vault", dir, "--recovery-key-file", key, "--out", filepath.Join(tmp, name))
		return code, errs
	}
	if code, errs := kit(oldKey, "kit.pdf"); code != 0 {
		t.Fatal(errs)
	}
	b, _ := os.ReadFile(oldKey)
	id, _ := vault.ParseRecoveryKey(string(b))
	if !strings.Contains(strings.ReplaceAll(pdfText(t, filepath.Join(tmp, "kit.pdf")), " ", ""), id.String()) {
		t.Fatal("the kit does not hold the key")
	}
	if code, errs := kit(otherKey, "other.pdf"); code != 1 || !strings.Contains(errs, "does not open this vault") {
		t.Fatalf("another vault's key: %d %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(tmp, "other.pdf")); err == nil {
		t.Fatal("a kit was written for a key that does not open the vault")
	}

	wrong := writeFile(t, tmp, "wrong", "not the passphrase of this vault\n")
	newKey := filepath.Join(tmp, "new.txt")
	if code, _, errs := run(t, "vault", "new-recovery-key", "--vault", dir, "--passphrase-file", wrong, "--recovery-key-out", newKey); code != 1 || !strings.Contains(errs, "passphrase") {
		t.Fatalf("wrong passphrase: %d %s", code, errs)
	}
	if _, err := os.Stat(newKey); err == nil {
		t.Fatal("a key file was left after a refused change")
	}
	if code, out, errs := run(t, "vault", "new-recovery-key", "--vault", dir, "--passphrase-file", pass, "--recovery-key-out", newKey); code != 0 || !strings.Contains(out, "old recovery key no longer opens") {
		t.Fatalf("%d %s %s", code, out, errs)
	}
	if fi, err := os.Stat(newKey); err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("%v %v", fi, err)
	}
	if code, errs := kit(newKey, "new-kit.pdf"); code != 0 {
		t.Fatal(errs)
	}
	if code, _ := kit(oldKey, "old-kit.pdf"); code != 1 {
		t.Fatal("the old key still makes a kit")
	}
	if code, _, errs := run(t, "vault", "check", "--vault", dir, "--recovery-key-file", newKey); code != 0 {
		t.Fatal(errs)
	}
	if code, _, _ := run(t, "vault", "new-recovery-key", "--vault", dir, "--passphrase-file", pass); code != 2 {
		t.Fatal("no --recovery-key-out is a usage error")
	}
}
