package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCalendarExport(t *testing.T) {
	dir := t.TempDir()
	vdir, pass, mustRun := demoVault(t, dir, 6, 1)

	all := filepath.Join(dir, "all.ics")
	out := mustRun("calendar", "export", "--vault", vdir, "--passphrase-file", pass, "--out", all, "--alarm", "15")
	b, err := os.ReadFile(all)
	if err != nil {
		t.Fatal(err)
	}
	n := strings.Count(string(b), "BEGIN:VEVENT")
	if n == 0 || !strings.Contains(out, "Wrote ") || !strings.Contains(string(b), "TRIGGER:-PT15M") || !strings.Contains(string(b), "SUMMARY:Appointment · T-") {
		t.Fatalf("%s: %d events\n%.600s", out, n, b)
	}
	if fi, _ := os.Stat(all); fi.Mode().Perm() != 0o600 {
		t.Errorf("calendar file mode %v", fi.Mode())
	}
	one := filepath.Join(dir, "one.ics")
	mustRun("calendar", "export", "--vault", vdir, "--passphrase-file", pass, "--out", one, "--client", "1", "--from", "2026-01-01", "--to", "2027-12-31", "--wording", "kind")
	c, _ := os.ReadFile(one)
	if m := strings.Count(string(c), "BEGIN:VEVENT"); m == 0 || m > n || strings.Contains(string(c), "T-002") {
		t.Errorf("one client's file: %d events of %d\n%.600s", m, n, c)
	}

	// The export (and so every backup, which carries the same tables) holds the diary.
	exported := filepath.Join(dir, "export.json")
	mustRun("export", "--vault", vdir, "--passphrase-file", pass, "--out", exported)
	if e, _ := os.ReadFile(exported); !strings.Contains(string(e), `"appointments": [`) || !strings.Contains(string(e), `"series_id"`) {
		t.Error("the export does not carry the appointments")
	}

	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"calendar", "export", "--vault", vdir, "--passphrase-file", pass, "--out", all}, 1, "already exists"},
		{[]string{"calendar", "export", "--vault", vdir, "--passphrase-file", pass}, 2, "--out"},
		{[]string{"calendar", "export", "--vault", vdir, "--passphrase-file", pass, "--out", filepath.Join(dir, "x.ics"), "--wording", "full"}, 2, "--wording"},
		{[]string{"calendar", "export", "--vault", vdir, "--passphrase-file", pass, "--out", filepath.Join(dir, "x.ics"), "--from", "2026-06-10", "--to", "2026-06-01"}, 1, "before"},
		{[]string{"calendar", "export", "--vault", vdir, "--passphrase-file", pass, "--out", filepath.Join(dir, "x.ics"), "--client", "999"}, 1, "no longer exists"},
	} {
		code, stdout, stderr := run(t, c.args...)
		if code != c.code || !strings.Contains(stdout+stderr, c.says) {
			t.Errorf("%v: exit %d (want %d)\n%s%s", c.args[len(c.args)-2:], code, c.code, stdout, stderr)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.ics")); err == nil {
		t.Error("a refused export left a file")
	}
}
