//go:build !dev

package app

// e2eDialogs is the end-to-end test seam, which exists only in `wails dev`
// builds (dialogs_e2e.go). Any other build uses the native dialogs.
func e2eDialogs() dialogs { return nil }
