package offline

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"filippo.io/age"
	"filippo.io/age/armor"

	"tandem/backend/domain"
)

const token = "AAAAAAAAAAAAAAAAAAAAAA"

func newKey(t testing.TB) (identity, recipient string) {
	t.Helper()
	id, rc, err := NewKey()
	if err != nil {
		t.Fatal(err)
	}
	return id, rc
}

// returnFile makes a file as the page does: the content, encrypted to recipient.
func returnFile(t testing.TB, recipient string, content any) []byte {
	t.Helper()
	r, err := age.ParseX25519Recipient(recipient)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := json.Marshal(content)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	w, err := age.Encrypt(&out, r)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(plain)
	w.Close()
	return out.Bytes()
}

func sample() domain.ReturnFile {
	return domain.ReturnFile{Format: domain.ReturnFormat, Version: domain.ReturnVersion, Worksheet: token, WrittenAt: "2026-06-12T08:00:00Z",
		Entries: []domain.ReturnEntry{{ID: "0123456789abcdef0123456789abcdef", NoticedOn: "2026-06-11", Area: "body", Intensity: 3, Words: "Shoulders lower (fictional)"}}}
}

func TestAPageOpensItsOwnFileAndTheStandardAgeToolReadsIt(t *testing.T) {
	id, rc := newKey(t)
	file := returnFile(t, rc, sample())
	got, err := Open(bytes.NewReader(file), id)
	if err != nil {
		t.Fatal(err)
	}
	if got.Worksheet != token || len(got.Entries) != 1 || got.Entries[0].Words != "Shoulders lower (fictional)" {
		t.Fatalf("opened %+v", got)
	}
	// Armored, as a mail program might keep it.
	var armored bytes.Buffer
	aw := armor.NewWriter(&armored)
	aw.Write(file)
	aw.Close()
	if _, err := Open(bytes.NewReader(armored.Bytes()), id); err != nil {
		t.Fatalf("armored: %v", err)
	}
	// The age tool, with the practice's identity, reads the same content.
	dir := t.TempDir()
	keyPath, filePath := filepath.Join(dir, "key.txt"), filepath.Join(dir, "return.age")
	os.WriteFile(keyPath, []byte(id+"\n"), 0o600)
	os.WriteFile(filePath, file, 0o600)
	out, err := exec.Command("age", "-d", "-i", keyPath, filePath).Output()
	if err != nil {
		t.Fatalf("age -d: %v", err)
	}
	if !strings.Contains(string(out), `"format":"tandem-worksheet-return"`) {
		t.Fatalf("age -d gave %s", out)
	}
}

func TestOpenRefusesWhatThePageDidNotMakeForThisPractice(t *testing.T) {
	id, rc := newKey(t)
	_, otherRc := newKey(t)
	file := returnFile(t, rc, sample())
	flipped := bytes.Clone(file)
	flipped[len(flipped)-20] ^= 0x40
	header := bytes.Clone(file)
	header[40] ^= 0x01
	extra := sample()
	for name, c := range map[string]struct {
		data []byte
		want string
	}{
		"another practice's file":   {returnFile(t, otherRc, sample()), "not made for this practice"},
		"a byte changed":            {flipped, "changed or cut short"},
		"a header byte changed":     {header, ""},
		"cut short":                 {file[:len(file)-30], "changed or cut short"},
		"nothing":                   {nil, ""},
		"not age at all":            {[]byte("hello"), ""},
		"another kind of content":   {returnFile(t, rc, map[string]any{"format": "something-else"}), "does not hold a worksheet"},
		"an unknown field":          {returnFile(t, rc, map[string]any{"format": domain.ReturnFormat, "version": 1, "worksheet": token, "surprise": true}), "does not hold a worksheet"},
		"two objects":               {returnFileRaw(t, rc, `{"format":"tandem-worksheet-return"} {}`), "does not hold a worksheet"},
		"a file too large":          {bytes.Repeat([]byte("x"), domain.MaxReturnFile+1), "larger than"},
		"the same, made for others": {returnFile(t, otherRc, extra), "not made for this practice"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := Open(bytes.NewReader(c.data), id)
			if domain.ErrorCode(err) != domain.EINVALID {
				t.Fatalf("err = %v, want EINVALID", err)
			}
			if !strings.Contains(domain.ErrorMessage(err), c.want) {
				t.Errorf("message %q lacks %q", domain.ErrorMessage(err), c.want)
			}
		})
	}
}

func returnFileRaw(t testing.TB, recipient, plain string) []byte {
	t.Helper()
	r, _ := age.ParseX25519Recipient(recipient)
	var out bytes.Buffer
	w, err := age.Encrypt(&out, r)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte(plain))
	w.Close()
	return out.Bytes()
}

func TestThePageIsWholeAndReachesNoNetwork(t *testing.T) {
	_, rc := newKey(t)
	page, err := Page(PageSettings{Token: token, Recipient: rc, Practice: "Juniper </script> Practice (fictional)", Client: "Zoë <b>Ñúñez</b>", Code: "T-014", SessionDate: "2026-06-10"})
	if err != nil {
		t.Fatal(err)
	}
	s := string(page)
	if strings.Contains(strings.ToLower(s), "http:") || strings.Contains(strings.ToLower(s), "https:") {
		t.Error("the page names a network address")
	}
	if strings.Contains(s, "</script> Practice") || strings.Contains(s, "<b>") {
		t.Error("a name reached the page as markup")
	}
	// The policy allows exactly the page's one style and one script, and nothing from elsewhere.
	csp := regexp.MustCompile(`http-equiv="Content-Security-Policy" content="([^"]+)"`).FindStringSubmatch(s)
	if csp == nil || !strings.HasPrefix(csp[1], "default-src 'none'; script-src 'sha256-") || strings.Contains(csp[1], "unsafe") {
		t.Fatalf("policy %v", csp)
	}
	if n := strings.Count(s, "<script>"); n != 1 {
		t.Errorf("%d inline scripts", n)
	}
	block := regexp.MustCompile(`(?s)<script type="application/json" id="tandem-worksheet">(.*?)</script>`).FindStringSubmatch(s)
	var settings settingsBlock
	if block == nil || json.Unmarshal([]byte(block[1]), &settings) != nil {
		t.Fatal("no settings block")
	}
	if settings.Worksheet != token || settings.Recipient != rc || settings.Client != "Zoë <b>Ñúñez</b>" || settings.Days != domain.OfflineDays {
		t.Errorf("settings %+v", settings)
	}
	if _, err := Page(PageSettings{Token: "short", Recipient: rc}); err == nil {
		t.Error("a page without a token was made")
	}

	// The page that opens an own copy holds to the same rules.
	opener := string(OpenerPage())
	if strings.Contains(strings.ToLower(opener), "http:") || strings.Contains(strings.ToLower(opener), "https:") || strings.Count(opener, "<script>") != 1 {
		t.Error("the opener page names a network address or holds other scripts")
	}
	if p := regexp.MustCompile(`content="([^"]+)"`).FindAllStringSubmatch(opener, -1); len(p) < 2 || !strings.HasPrefix(p[1][1], "default-src 'none'; script-src 'sha256-") {
		t.Errorf("the opener's policy: %v", p)
	}
}
