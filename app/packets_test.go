package app

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"

	"tandem/backend/domain"
	"tandem/backend/vault"
	"tandem/backend/vault/vaulttest"
)

// testPrintFolder is a print folder in a test's temporary folder whose
// viewer only records what it was asked to open.
func testPrintFolder(t *testing.T) *printFolder {
	t.Helper()
	f := &printFolder{dir: filepath.Join(t.TempDir(), "cache", "tandem", "print")}
	f.open = func(path string) error {
		opened.Lock()
		opened.paths = append(opened.paths, path)
		opened.Unlock()
		return nil
	}
	return f
}

var opened struct {
	sync.Mutex
	paths []string
}

func lastOpened(t *testing.T) string {
	t.Helper()
	opened.Lock()
	defer opened.Unlock()
	if len(opened.paths) == 0 {
		t.Fatal("nothing was opened in the viewer")
	}
	return opened.paths[len(opened.paths)-1]
}

const clientName = "Zoë Ñúñez-Øvergård"

// packetClient adds a client with a medicine session and returns their IDs.
func packetClient(t *testing.T, s *Shell) (clientID, sessionID int64) {
	t.Helper()
	c, err := NewClients(s).Create(domain.Client{ChosenName: clientName, IntakeNote: "PRIVATE-INTAKE-NOTE"})
	if err != nil {
		t.Fatal(err)
	}
	m, err := NewSessions(s).Add(domain.Session{ClientID: c.ID, Kind: domain.MedicineSession, Date: "2026-03-01", TimeZone: "Europe/Berlin", Summary: "A quiet day"})
	if err != nil {
		t.Fatal(err)
	}
	return c.ID, m.ID
}

func TestAvailablePackets(t *testing.T) {
	s := newShell(t)
	p := NewPackets(s)
	cid, sid := packetClient(t, s)
	kinds := func(sessionID int64) (out []string) {
		choices, err := p.Available(cid, sessionID)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range choices {
			out = append(out, c.Kind+":"+strings.Join(c.Copies, ","))
			if (c.Kind == "worksheet") != (len(c.Days) > 0) {
				t.Errorf("%s has days %v", c.Kind, c.Days)
			}
		}
		return out
	}
	if got := strings.Join(kinds(0), " "); got != "preparation:client,therapist summary:client record:client,therapist emergency:therapist" {
		t.Errorf("for the client: %s", got)
	}
	if got := strings.Join(kinds(sid), " "); got != "preparation:client,therapist medicine:therapist worksheet:client summary:client record:client,therapist emergency:therapist" {
		t.Errorf("for the medicine session: %s", got)
	}
}

// The print dialog's preview is the packet Print makes, before layout: the
// client's copy of the record holds the client's words and no private
// ones; the therapist's copy holds the intake note; nothing is written to
// the print folder; a wrong copy is refused as Print refuses it.
func TestThePreviewIsThePacketBeforeLayout(t *testing.T) {
	s := newShell(t)
	p := NewPackets(s)
	cid, sid := packetClient(t, s)
	words := func(copy string) string {
		t.Helper()
		pv, err := p.Preview("record", cid, 0, copy, 0)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(pv)
		return string(b)
	}
	if client := words("client"); !strings.Contains(client, "A quiet day") || strings.Contains(client, "PRIVATE-INTAKE-NOTE") {
		t.Fatalf("the client's copy: %s", client)
	}
	if therapist := words("therapist"); !strings.Contains(therapist, "PRIVATE-INTAKE-NOTE") {
		t.Fatalf("the therapist's copy lacks the intake note: %s", therapist)
	}
	pv, err := p.Preview("worksheet", cid, sid, "client", 14)
	if err != nil || pv.Title == "" || len(pv.Blocks) == 0 {
		t.Fatalf("worksheet preview: %+v %v", pv, err)
	}
	if entries, _ := os.ReadDir(s.prints.dir); len(entries) != 0 {
		t.Fatalf("a preview wrote %d files to the print folder", len(entries))
	}
	if _, err := p.Preview("medicine", cid, sid, "client", 0); err == nil {
		t.Fatal("a client copy of the medicine packet was previewed")
	}
}

func TestPrintWritesAPrivateFolderUnderNeutralNamesEmptiedAtLock(t *testing.T) {
	s := newShell(t)
	p := NewPackets(s)
	cid, sid := packetClient(t, s)
	// A folder left too open by something else is closed up again.
	if err := os.MkdirAll(s.prints.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, kind := range []string{"preparation", "medicine", "worksheet", "summary", "record"} {
		if ok, err := p.Print(kind, cid, sid, "", 0); err != nil || !ok {
			t.Fatalf("%s: %v", kind, err)
		}
		path := lastOpened(t)
		if filepath.Dir(path) != s.prints.dir {
			t.Fatalf("%s was written to %s, outside the print folder", kind, path)
		}
		if !regexp.MustCompile(`^packet-[0-9]+\.pdf$`).MatchString(filepath.Base(path)) {
			t.Errorf("the file name %q is not neutral", filepath.Base(path))
		}
		fi, err := os.Stat(path)
		if err != nil || fi.Mode().Perm() != 0o600 {
			t.Fatalf("%v %v", fi, err)
		}
		b, _ := os.ReadFile(path)
		if !bytes.HasPrefix(b, []byte("%PDF-")) {
			t.Fatalf("%s is not a PDF", kind)
		}
	}
	if fi, err := os.Stat(s.prints.dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Fatalf("the print folder is %v (%v), want 0700", fi.Mode(), err)
	}
	entries, _ := os.ReadDir(s.prints.dir)
	if len(entries) != 5 {
		t.Fatalf("%d files in the print folder, want 5", len(entries))
	}
	for _, e := range entries {
		if strings.Contains(e.Name(), "Zo") || strings.Contains(e.Name(), "Ñ") {
			t.Errorf("a file is named after the client: %s", e.Name())
		}
	}

	s.lock("manual")
	if entries, err := os.ReadDir(s.prints.dir); err != nil || len(entries) != 0 {
		t.Fatalf("after locking the print folder holds %d entries (%v)", len(entries), err)
	}
	// Locked, nothing is printed.
	if _, err := p.Print("record", cid, 0, "client", 0); err == nil {
		t.Fatal("printed while locked")
	} else if code, _ := errCode(t, err); code != domain.ELOCKED {
		t.Fatalf("code %s", code)
	}
}

func TestPrintFolderIsEmptiedAtQuit(t *testing.T) {
	s := newShell(t)
	p := NewPackets(s)
	cid, _ := packetClient(t, s)
	if _, err := p.Print("record", cid, 0, "therapist", 0); err != nil {
		t.Fatal(err)
	}
	s.Shutdown(context.Background())
	if entries, err := os.ReadDir(s.prints.dir); err != nil || len(entries) != 0 {
		t.Fatalf("after quitting the print folder holds %d entries (%v)", len(entries), err)
	}
}

func TestPrintUsesThePaperSetting(t *testing.T) {
	s := newShell(t)
	p := NewPackets(s)
	cid, _ := packetClient(t, s)
	if _, err := NewSettings(s).Save(domain.Settings{AutoLockMinutes: 10, PaperSize: domain.PaperLetter}); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Print("record", cid, 0, "client", 0); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(lastOpened(t))
	if !bytes.Contains(b, []byte("612.00 792.00")) {
		t.Fatal("the packet is not on US Letter")
	}
}

func TestPrintRefusals(t *testing.T) {
	s := newShell(t)
	p := NewPackets(s)
	cid, sid := packetClient(t, s)
	for name, c := range map[string]struct {
		kind, copy string
		session    int64
		days       int
		code       string
	}{
		"an unknown packet":             {"leaflet", "client", 0, 0, domain.EINVALID},
		"a client copy of the medicine": {"medicine", "client", sid, 0, domain.EINVALID},
		"a worksheet without a session": {"worksheet", "client", 0, 0, domain.EINVALID},
		"a worksheet of 10 days":        {"worksheet", "client", sid, 10, domain.EINVALID},
		"another copy":                  {"record", "both", 0, 0, domain.EINVALID},
		"a session of no one":           {"summary", "client", 999, 0, domain.ENOTFOUND},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := p.Print(c.kind, cid, c.session, c.copy, c.days)
			if code, _ := errCode(t, err); code != c.code {
				t.Fatalf("code %q, want %q (%v)", code, c.code, err)
			}
		})
	}
	if entries, _ := os.ReadDir(s.prints.dir); len(entries) != 0 {
		t.Fatal("a refused packet left a file")
	}
	t.Run("co-creation mode", func(t *testing.T) {
		if _, err := NewCoCreation(s).Enter(cid); err != nil {
			t.Fatal(err)
		}
		_, err := p.Print("record", cid, 0, "therapist", 0)
		if code, _ := errCode(t, err); code != ECOCREATION {
			t.Fatalf("code %q", code)
		}
		if _, err := p.Available(cid, 0); err == nil {
			t.Fatal("packets listed in co-creation mode")
		}
		_, err = p.SaveAs("record", cid, 0, "therapist", 0)
		if code, _ := errCode(t, err); code != ECOCREATION {
			t.Fatalf("code %q", code)
		}
	})
}

func TestSaveAsOffersANeutralName(t *testing.T) {
	s := newShell(t)
	p := NewPackets(s)
	cid, sid := packetClient(t, s)
	dir := t.TempDir()
	answer := filepath.Join(dir, "chosen.pdf")
	var asked string
	s.dialogs = saveAnswer(func(defaultName string) string { asked = defaultName; return answer })
	for _, c := range []struct{ kind, copy, name string }{
		{"preparation", "client", "preparation-packet.pdf"},
		{"preparation", "therapist", "preparation-packet-therapist-copy.pdf"},
		{"medicine", "therapist", "medicine-session-packet.pdf"},
		{"worksheet", "client", "integration-worksheet.pdf"},
		{"summary", "client", "integration-summary.pdf"},
		{"record", "client", "client-record.pdf"},
	} {
		os.Remove(answer)
		ok, err := p.SaveAs(c.kind, cid, sid, c.copy, 0)
		if err != nil || !ok {
			t.Fatalf("%s: %v", c.kind, err)
		}
		if asked != c.name {
			t.Errorf("%s %s: offered %q, want %q", c.kind, c.copy, asked, c.name)
		}
		fi, err := os.Stat(answer)
		if err != nil || fi.Mode().Perm() != 0o600 {
			t.Fatalf("%v %v", fi, err)
		}
	}
	// A name typed without an extension gets .pdf.
	answer = filepath.Join(dir, "for-zoe")
	if ok, err := p.SaveAs("worksheet", cid, sid, "client", 7); err != nil || !ok {
		t.Fatal(err)
	}
	if _, err := os.Stat(answer + ".pdf"); err != nil {
		t.Fatal(err)
	}
	// Cancelled: nothing is written, and it is not an error.
	answer = ""
	if ok, err := p.SaveAs("record", cid, 0, "client", 0); err != nil || ok {
		t.Fatalf("cancelled: %v %v", ok, err)
	}
	// Saving never goes through the print folder.
	if entries, _ := os.ReadDir(s.prints.dir); len(entries) != 0 {
		t.Fatal("saving left a file in the print folder")
	}
}

func TestOpenInViewerRunsThePrintCommandWithThePathAlone(t *testing.T) {
	dir := t.TempDir()
	log := filepath.Join(dir, "opened")
	script := filepath.Join(dir, "viewer")
	if err := os.WriteFile(script, []byte("#!/bin/sh\nprintf '%s|%s' \"$#\" \"$1\" > '"+log+"'\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("TANDEM_PRINT_COMMAND", script)
	path := dir + "/packet-1 $(touch " + filepath.Join(dir, "x") + "); 2.pdf"
	if err := openInViewer(path); err != nil {
		t.Fatal(err)
	}
	var got []byte
	for i := 0; i < 100; i++ {
		if got, _ = os.ReadFile(log); len(got) > 0 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if string(got) != "1|"+path {
		t.Fatalf("the viewer was given %q, want one argument, the path", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "x")); err == nil {
		t.Fatal("the path went through a shell")
	}
}

// saveAnswer is a stand-in for the dialogs whose save dialog answers with
// the path fn gives for the suggested name.
type saveAnswer func(defaultName string) string

func (f saveAnswer) chooseFolder(string, string) (string, error)           { return "", nil }
func (f saveAnswer) openFile(string, []runtime.FileFilter) (string, error) { return "", nil }
func (f saveAnswer) saveFile(_, name string, _ []runtime.FileFilter) (string, error) {
	return f(name), nil
}

func TestTheRecoveryKitIsOfferedWhileTheVaultIsMade(t *testing.T) {
	v, err := vault.Open(filepath.Join(t.TempDir(), "vault"), true, vaulttest.Options())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { v.Close() })
	s := NewShell(v, nil, "test")
	s.prints = testPrintFolder(t)
	b := NewVault(s)
	if _, err := b.PrintRecoveryKit(); err == nil {
		t.Fatal("a kit was made with no key waiting")
	}
	view, err := b.BeginCreate("amber quartz willow drum")
	if err != nil {
		t.Fatal(err)
	}
	if ok, err := b.PrintRecoveryKit(); err != nil || !ok {
		t.Fatalf("print: %v %v", ok, err)
	}
	entries, _ := os.ReadDir(s.prints.dir)
	if len(entries) != 1 || !strings.HasPrefix(entries[0].Name(), "packet-") {
		t.Fatalf("print folder: %v", entries)
	}
	if keySaved(s) {
		t.Fatal("printing counted as keeping the key")
	}
	out := filepath.Join(t.TempDir(), "kit.pdf")
	var offered string
	s.dialogs = saveAnswer(func(name string) string { offered = name; return out })
	if ok, err := b.SaveRecoveryKit(); err != nil || !ok {
		t.Fatalf("save: %v %v", ok, err)
	}
	if offered != "tandem-recovery-kit.pdf" || !keySaved(s) {
		t.Fatalf("offered %q, saved %v", offered, keySaved(s))
	}
	text, err := exec.Command("pdftotext", out, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(strings.Fields(string(text)), ""), strings.Join(strings.Fields(view.Key), "")) {
		t.Fatalf("the kit does not show the key %q:\n%s", view.Key, text)
	}
}

func keySaved(s *Shell) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.keySaved
}

// A packet begun before a lock is never written after it: the lock empties
// the print folder, and the packet, finished a moment later, finds the
// folder emptied since it began.
func TestAPrintBegunBeforeALockNeverAppearsAfterIt(t *testing.T) {
	f := testPrintFolder(t)
	epoch := f.current()
	f.empty() // the vault locks while the packet is made
	if ok, err := f.print([]byte("%PDF-1.7 fictional"), epoch); ok || domain.ErrorCode(err) != domain.ELOCKED {
		t.Fatalf("printed after the lock: %v %v", ok, err)
	}
	if entries, _ := os.ReadDir(f.dir); len(entries) != 0 {
		t.Fatalf("the print folder holds %d files after the lock", len(entries))
	}
	// A packet begun after the lock prints.
	if ok, err := f.print([]byte("%PDF-1.7 fictional"), f.current()); !ok || err != nil {
		t.Fatalf("%v %v", ok, err)
	}
}

// A save dialog asked before replacing the file it named; a name typed
// without its extension gets one, and that file, which the dialog never
// showed, is never replaced.
func TestSavingNeverReplacesAFileTheDialogDidNotShow(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "statement.pdf")
	os.WriteFile(existing, []byte("the therapist's own file"), 0o600)
	if err := writeChosen(filepath.Join(dir, "statement"), ".pdf", []byte("%PDF new")); domain.ErrorCode(err) != domain.EEXISTS {
		t.Fatalf("got %v", err)
	}
	if b, _ := os.ReadFile(existing); string(b) != "the therapist's own file" {
		t.Fatal("the file was replaced")
	}
	// The file the dialog named (and asked about) is replaced, whole.
	if err := writeChosen(existing, ".pdf", []byte("%PDF replaced")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(existing); string(b) != "%PDF replaced" {
		t.Fatalf("got %q", b)
	}
	// A new name without its extension gets it.
	if err := writeChosen(filepath.Join(dir, "receipt"), ".pdf", []byte("%PDF r")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "receipt.pdf")); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Fatalf("left behind: %v", entries)
	}
}
