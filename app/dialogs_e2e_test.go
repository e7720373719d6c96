//go:build dev

package app

import (
	"os"
	"path/filepath"
	"testing"
)

// Run with: go test -tags "sqlite_fts5 dev" ./app -run Seam
func TestDialogSeamAnswersOnlyInsideItsFolder(t *testing.T) {
	t.Setenv("TANDEM_E2E_DIALOG_DIR", "")
	if e2eDialogs() != nil {
		t.Fatal("the seam is active without TANDEM_E2E_DIALOG_DIR")
	}
	dir := t.TempDir()
	t.Setenv("TANDEM_E2E_DIALOG_DIR", dir)
	d := e2eDialogs()
	if d == nil {
		t.Fatal("no seam with TANDEM_E2E_DIALOG_DIR set")
	}
	if p, err := d.chooseFolder("", ""); err != nil || p != filepath.Join(dir, "backups") {
		t.Fatalf("folder: %q %v", p, err)
	}
	if p, _ := d.openFile("", nil); p != "" {
		t.Fatalf("open without next-open-file: %q", p)
	}
	for name, want := range map[string]string{
		"backups/a.age":   filepath.Join(dir, "backups", "a.age"),
		"../outside.age":  "",
		"/etc/passwd":     "",
		"backups/../../x": "",
		"":                "",
	} {
		os.WriteFile(filepath.Join(dir, "next-open-file"), []byte(name), 0o600)
		if p, _ := d.openFile("", nil); p != want {
			t.Errorf("open %q: %q, want %q", name, p, want)
		}
	}
	if p, _ := d.saveFile("", "export.json", nil); p != filepath.Join(dir, "export.json") {
		t.Fatalf("save: %q", p)
	}
	if p, _ := d.saveFile("", "../export.json", nil); p != "" {
		t.Fatalf("save outside: %q", p)
	}
}
