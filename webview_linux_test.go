package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestPrepareWebviewKeepsWhatTheUserSet(t *testing.T) {
	t.Setenv("GDK_GL", "always")
	t.Setenv("WEBKIT_WEB_RENDER_DEVICE_FILE", "/dev/dri/renderD129")
	// Unset, as on a fresh login: t.Setenv restores it after the test.
	t.Setenv("WEBKIT_DISABLE_DMABUF_RENDERER", "")
	os.Unsetenv("WEBKIT_DISABLE_DMABUF_RENDERER")

	prepareWebview()

	if got := os.Getenv("GDK_GL"); got != "always" {
		t.Errorf("GDK_GL = %q, want the user's %q kept", got, "always")
	}
	if got := os.Getenv("WEBKIT_WEB_RENDER_DEVICE_FILE"); got != "/dev/dri/renderD129" {
		t.Errorf("WEBKIT_WEB_RENDER_DEVICE_FILE = %q, want the user's kept", got)
	}
	if got := os.Getenv("WEBKIT_DISABLE_DMABUF_RENDERER"); got != "1" {
		t.Errorf("WEBKIT_DISABLE_DMABUF_RENDERER = %q, want 1 when unset", got)
	}
}

func TestPrepareWebviewNamesARenderDevice(t *testing.T) {
	t.Setenv("WEBKIT_WEB_RENDER_DEVICE_FILE", "")
	os.Unsetenv("WEBKIT_WEB_RENDER_DEVICE_FILE")

	prepareWebview()

	// WebKit ignores an empty value and would start the OpenGL driver to find one.
	if got := os.Getenv("WEBKIT_WEB_RENDER_DEVICE_FILE"); got != renderDevice("/dev/dri") || got == "" {
		t.Errorf("WEBKIT_WEB_RENDER_DEVICE_FILE = %q, want %q", got, renderDevice("/dev/dri"))
	}
}

func TestRenderDevice(t *testing.T) {
	dir := t.TempDir()
	if got := renderDevice(dir); got != os.DevNull {
		t.Errorf("no render node: renderDevice = %q, want %q", got, os.DevNull)
	}
	for _, name := range []string{"card0", "renderD129", "renderD128"} {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := renderDevice(dir), filepath.Join(dir, "renderD128"); got != want {
		t.Errorf("renderDevice = %q, want the first render node %q", got, want)
	}
}
