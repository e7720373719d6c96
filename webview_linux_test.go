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
	privateHomes(t)

	defer prepareWebview()()

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
	privateHomes(t)

	defer prepareWebview()()

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

// privateHomes points the XDG folders at a temporary folder for the test
// (prepareWebview moves them), and restores them after.
func privateHomes(t *testing.T) string {
	t.Helper()
	home := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", filepath.Join(home, "cache"))
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, "data"))
	return home
}

// The web view's own files (caches, website data, GTK's recently used
// files) go to a private folder that is made afresh and removed when the
// window closes: nothing of them is left behind.
func TestTheWebviewKeepsItsFilesInAPrivateFolderItRemoves(t *testing.T) {
	home := privateHomes(t)
	stale := filepath.Join(home, "cache", "tandem", "webview", "data", "tandem", "hsts-storage.sqlite")
	os.MkdirAll(filepath.Dir(stale), 0o700)
	os.WriteFile(stale, []byte("left by a crash"), 0o600)
	cleanup := prepareWebview()
	data, cache := os.Getenv("XDG_DATA_HOME"), os.Getenv("XDG_CACHE_HOME")
	private := filepath.Join(home, "cache", "tandem", "webview")
	for _, d := range []string{data, cache} {
		if filepath.Dir(d) != private {
			t.Fatalf("%s is not in the private folder %s", d, private)
		}
		if fi, err := os.Stat(d); err != nil || fi.Mode().Perm() != 0o700 {
			t.Fatalf("%s: %v %v", d, fi, err)
		}
	}
	if _, err := os.Stat(stale); err == nil {
		t.Fatal("a crash's leftovers were kept")
	}
	os.WriteFile(filepath.Join(data, "recently-used.xbel"), []byte("a backup's path"), 0o600)
	cleanup()
	if _, err := os.Stat(private); err == nil {
		t.Fatal("the private folder was left behind")
	}
}
