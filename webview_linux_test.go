package main

import (
	"os"
	"testing"
)

func TestPrepareWebviewKeepsWhatTheUserSet(t *testing.T) {
	t.Setenv("GDK_GL", "always")
	// Unset, as on a fresh login: t.Setenv restores it after the test.
	t.Setenv("WEBKIT_DISABLE_DMABUF_RENDERER", "")
	os.Unsetenv("WEBKIT_DISABLE_DMABUF_RENDERER")

	prepareWebview()

	if got := os.Getenv("GDK_GL"); got != "always" {
		t.Errorf("GDK_GL = %q, want the user's %q kept", got, "always")
	}
	if got := os.Getenv("WEBKIT_DISABLE_DMABUF_RENDERER"); got != "1" {
		t.Errorf("WEBKIT_DISABLE_DMABUF_RENDERER = %q, want 1 when unset", got)
	}
}
