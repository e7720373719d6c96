//go:build dev

package app

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// The end-to-end test seam, compiled only into `wails dev` builds (the
// "dev" build tag) and active only when TANDEM_E2E_DIALOG_DIR names a
// folder. A browser cannot drive native dialogs, so then, instead of
// showing them:
//
//   - the folder dialog returns DIR/backups (made if missing);
//   - the open-file dialog returns DIR/NAME, where NAME is the content of
//     the file DIR/next-open-file, a relative path that stays inside DIR
//     (filepath.IsLocal); without that file it is a cancel;
//   - the save dialog returns DIR/the suggested file name.
//
// Every path it returns is inside DIR; the page still passes no path.

func e2eDialogs() dialogs {
	dir := os.Getenv("TANDEM_E2E_DIALOG_DIR")
	if dir == "" {
		return nil
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil
	}
	if fi, err := os.Stat(abs); err != nil || !fi.IsDir() {
		return nil
	}
	return e2eDialogDir(abs)
}

type e2eDialogDir string

func (d e2eDialogDir) chooseFolder(string, string) (string, error) {
	p := filepath.Join(string(d), "backups")
	return p, os.MkdirAll(p, 0o700)
}

func (d e2eDialogDir) openFile(string, []runtime.FileFilter) (string, error) {
	b, err := os.ReadFile(filepath.Join(string(d), "next-open-file"))
	if err != nil {
		return "", nil
	}
	return d.inside(strings.TrimSpace(string(b))), nil
}

func (d e2eDialogDir) saveFile(_, defaultName string, _ []runtime.FileFilter) (string, error) {
	return d.inside(defaultName), nil
}

// inside returns DIR/name for a relative name that stays inside DIR, ""
// (a cancel) otherwise.
func (d e2eDialogDir) inside(name string) string {
	if name == "" || !filepath.IsLocal(name) {
		return ""
	}
	return filepath.Join(string(d), name)
}
