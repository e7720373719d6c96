package cli

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestMeasuresExport(t *testing.T) {
	dir := t.TempDir()
	vdir, pass, mustRun := demoVault(t, dir, 6, 2)

	phq := filepath.Join(dir, "phq9.csv")
	out := mustRun("measures", "export", "--vault", vdir, "--passphrase-file", pass, "--instrument", "phq9", "--out", phq)
	f, err := os.Open(phq)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatalf("the file is not CSV: %v", err)
	}
	if len(rows) < 3 || strings.Join(rows[0][:6], ",") != "client,date,session,entered_by,version,q1" || rows[0][len(rows[0])-1] != "band" {
		t.Fatalf("%d rows, header %v", len(rows), rows[0])
	}
	if !strings.Contains(out, "Wrote ") || !strings.Contains(out, " measures to ") {
		t.Errorf("said %q", out)
	}
	code := regexp.MustCompile(`^T-\d{3}$`)
	date := regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	for _, r := range rows[1:] {
		if len(r) != len(rows[0]) || !code.MatchString(r[0]) || !date.MatchString(r[1]) || r[4] != "1" {
			t.Errorf("row %v", r)
		}
	}
	if fi, _ := os.Stat(phq); fi.Mode().Perm() != 0o600 {
		t.Errorf("CSV file mode %v", fi.Mode())
	}

	// No client is named in it; the export (and so every backup) carries the measures.
	exported := filepath.Join(dir, "export.json")
	mustRun("export", "--vault", vdir, "--passphrase-file", pass, "--out", exported)
	var e struct {
		Tables map[string][]map[string]any `json:"tables"`
	}
	b, _ := os.ReadFile(exported)
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatal(err)
	}
	if n := len(e.Tables["measures"]); n < len(rows)-1 {
		t.Errorf("the export has %d measures, the PHQ-9's CSV %d", n, len(rows)-1)
	}
	csvText, _ := os.ReadFile(phq)
	for _, c := range e.Tables["clients"] {
		if name, _ := c["chosen_name"].(string); name == "" || strings.Contains(string(csvText), name) {
			t.Errorf("the CSV names a client: %q", name)
		}
	}

	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"measures", "export", "--vault", vdir, "--passphrase-file", pass, "--instrument", "phq9", "--out", phq}, 1, "already exists"},
		{[]string{"measures", "export", "--vault", vdir, "--passphrase-file", pass, "--out", filepath.Join(dir, "x.csv")}, 2, "--instrument"},
		{[]string{"measures", "export", "--vault", vdir, "--passphrase-file", pass, "--instrument", "gad7"}, 2, "--out"},
		{[]string{"measures", "export", "--vault", vdir, "--passphrase-file", pass, "--instrument", "beck", "--out", filepath.Join(dir, "x.csv")}, 1, "no questionnaire"},
	} {
		code, stdout, stderr := run(t, c.args...)
		if code != c.code || !strings.Contains(stdout+stderr, c.says) {
			t.Errorf("%v: exit %d (want %d)\n%s%s", c.args[len(c.args)-2:], code, c.code, stdout, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.csv")); err == nil {
		t.Error("a refused export left a file")
	}
}
