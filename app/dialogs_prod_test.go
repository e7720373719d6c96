//go:build !dev

package app

import "testing"

// Outside `wails dev` builds there is no test seam, whatever the
// environment says.
func TestNoDialogSeamOutsideDevBuilds(t *testing.T) {
	t.Setenv("TANDEM_E2E_DIALOG_DIR", t.TempDir())
	if e2eDialogs() != nil {
		t.Fatal("the e2e dialog seam is active in a non-dev build")
	}
	if _, ok := NewShell(nil, nil, "test").fileDialogs().(nativeDialogs); !ok {
		t.Fatal("a non-dev build does not use the native dialogs")
	}
}
