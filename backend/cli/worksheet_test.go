package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"filippo.io/age"

	"tandem/backend/domain"
)

func TestWorksheetOfflineAndImport(t *testing.T) {
	dir := t.TempDir()
	vdir, pass, mustRun := demoVault(t, dir, 4, 1)

	// A medicine session of the demo's, some days past.
	exported := filepath.Join(dir, "export.json")
	mustRun("export", "--vault", vdir, "--passphrase-file", pass, "--out", exported)
	var e struct {
		Tables map[string][]map[string]any `json:"tables"`
	}
	b, _ := os.ReadFile(exported)
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatal(err)
	}
	var clientID, sessionID float64
	var date string
	for _, s := range e.Tables["sessions"] {
		if s["kind"] == "medicine" && s["date"].(string) < "2026-05-01" {
			clientID, sessionID, date = s["client_id"].(float64), s["id"].(float64), s["date"].(string)
		}
	}
	if sessionID == 0 {
		t.Fatal("the demo has no medicine session")
	}
	id := func(f float64) string { return strconv.FormatInt(int64(f), 10) }

	page := filepath.Join(dir, "page.html")
	out := mustRun("worksheet", "offline", "--vault", vdir, "--passphrase-file", pass, "--client", id(clientID), "--session", id(sessionID), "--out", page)
	if !strings.Contains(out, "Wrote the worksheet page") {
		t.Errorf("said %q", out)
	}
	html, _ := os.ReadFile(page)
	block := regexp.MustCompile(`(?s)id="tandem-worksheet">(.*?)</script>`).FindSubmatch(html)
	var settings struct{ Worksheet, Recipient string }
	if block == nil || json.Unmarshal(block[1], &settings) != nil {
		t.Fatal("no settings in the page")
	}
	rc, err := age.ParseX25519Recipient(settings.Recipient)
	if err != nil {
		t.Fatal(err)
	}
	content, _ := json.Marshal(domain.ReturnFile{Format: domain.ReturnFormat, Version: domain.ReturnVersion, Worksheet: settings.Worksheet,
		Entries: []domain.ReturnEntry{{ID: "00000000000000000000000000000009", NoticedOn: date, Area: "nature", Intensity: 5, Words: "Walked to the river\nand stayed (fictional)"}}})
	var file bytes.Buffer
	w, _ := age.Encrypt(&file, rc)
	w.Write(content)
	w.Close()
	returned := writeFile(t, dir, "worksheet-return.age", file.String())

	out = mustRun("worksheet", "import", "--vault", vdir, "--passphrase-file", pass, returned)
	if !strings.Contains(out, "1 entries, 1 new") || !strings.Contains(out, "Walked to the river and stayed (fictional)") || !strings.Contains(out, "--accept") {
		t.Errorf("import without --accept said %q", out)
	}
	out = mustRun("worksheet", "import", returned, "--vault", vdir, "--passphrase-file", pass, "--accept")
	if !strings.Contains(out, "Took in 1 new entries") {
		t.Errorf("import --accept said %q", out)
	}
	out = mustRun("worksheet", "import", returned, "--vault", vdir, "--passphrase-file", pass, "--accept")
	if !strings.Contains(out, "1 entries, 0 new") || !strings.Contains(out, "already taken in") || !strings.Contains(out, "Took in 0 new entries") {
		t.Errorf("the second import said %q", out)
	}

	changed := bytes.Clone(file.Bytes())
	changed[len(changed)-5] ^= 1
	bad := writeFile(t, dir, "changed.age", string(changed))
	code, _, errs := run(t, "worksheet", "import", bad, "--vault", vdir, "--passphrase-file", pass, "--accept")
	if code != ExitFail || !strings.Contains(errs, "changed or cut short") {
		t.Errorf("a changed file: %d %q", code, errs)
	}
}
