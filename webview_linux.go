package main

import (
	"os"
	"path/filepath"
	"sort"
)

// webviewEnvironment is what the window asks of GTK and WebKitGTK before
// either starts. Tandem draws its window without the graphics card
// (linux.WebviewGpuPolicyNever), so three start-up costs buy nothing:
//   - GDK_GL=disable: GTK would otherwise load the whole OpenGL driver
//     (with LLVM, on Mesa) to pick a visual for GL drawing, which only
//     GL widgets use;
//   - WEBKIT_DISABLE_DMABUF_RENDERER=1: WebKit would otherwise probe for
//     GPU buffer sharing between its processes;
//   - WEBKIT_WEB_RENDER_DEVICE_FILE: to tell its web process which GPU
//     device to share buffers through, WebKit's window process would
//     otherwise start the OpenGL driver (EGL, with LLVM on Mesa), blocking
//     the window while the web process starts. With no buffers shared the
//     answer is never used, so Tandem names the device itself (see
//     renderDevice).
//
// On the reference machine the first two bring the window to the unlock
// screen about 90 ms sooner, the third about 60 ms more (see
// docs/design.md, "Start-up"). A value the user has set is kept.
func webviewEnvironment() [][2]string {
	return [][2]string{
		{"GDK_GL", "disable"},
		{"WEBKIT_DISABLE_DMABUF_RENDERER", "1"},
		{"WEBKIT_WEB_RENDER_DEVICE_FILE", renderDevice("/dev/dri")},
	}
}

// renderDevice is the GPU device WebKit is told about: the first render
// node in dir, as WebKit itself falls back to when EGL cannot say, or, on a
// machine without one (a virtual machine, a server), /dev/null, which
// WebKit's web process never opens while it draws into shared memory.
func renderDevice(dir string) string {
	nodes, _ := filepath.Glob(filepath.Join(dir, "renderD*"))
	if len(nodes) == 0 {
		return os.DevNull
	}
	sort.Strings(nodes)
	return nodes[0]
}

// prepareWebview sets webviewEnvironment's variables that are not set, and
// gives the web view (and GTK) a private folder of their own for the files
// they keep (WebKit's caches and website data, GTK's list of recently used
// files, which would name the backup files a dialog chose): private, made
// afresh at each start and removed when the window closes, so that after a
// working session no file of Tandem's is left outside the vault folder and
// the print folder. Call it after everything else has found its folders;
// the returned function removes the private folder.
func prepareWebview() (cleanup func()) {
	for _, kv := range webviewEnvironment() {
		if _, set := os.LookupEnv(kv[0]); !set {
			os.Setenv(kv[0], kv[1])
		}
	}
	base, err := os.UserCacheDir()
	if err != nil || base == "" {
		base = os.TempDir()
	}
	private := filepath.Join(base, "tandem", "webview")
	os.RemoveAll(private) // left by a crash
	data, cache := filepath.Join(private, "data"), filepath.Join(private, "cache")
	if os.MkdirAll(data, 0o700) != nil || os.MkdirAll(cache, 0o700) != nil {
		return func() {}
	}
	os.Chmod(filepath.Dir(private), 0o700)
	os.Setenv("XDG_DATA_HOME", data)
	os.Setenv("XDG_CACHE_HOME", cache)
	return func() { os.RemoveAll(private) }
}
