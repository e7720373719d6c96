package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
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

// The web view's network process writes its storage files as it shuts
// down, after the window closed: the private folder is removed only once
// the children are gone, so what they write last goes too.
func TestThePrivateFolderIsRemovedAfterTheChildrenWriteTheirLastFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "webview")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	late := exec.Command("sh", "-c", `sleep 0.4; mkdir -p "$0/data/storage"; echo x > "$0/data/storage/origin"`, dir)
	if err := late.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- late.Wait() }()
	if got := children(os.Getpid()); len(got) == 0 {
		t.Fatal("children does not see the child just started")
	}
	removeAfterChildren(dir, 5*time.Second)
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the folder is still there, with what the child wrote last: %v", err)
	}
}

// A child that would outlive the window (as WebKit's processes do, until
// their web context goes with the process) is stopped, so the folder can
// go while this process still runs.
func TestAChildThatStaysIsStoppedBeforeTheFolderGoes(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "webview")
	os.MkdirAll(dir, 0o700)
	stays := exec.Command("sleep", "60")
	if err := stays.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- stays.Wait() }()
	removeAfterChildren(dir, 2*time.Second)
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		stays.Process.Kill()
		t.Fatal("the child was left running")
	}
	if _, err := os.Lstat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the folder is still there: %v", err)
	}
}
