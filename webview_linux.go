package main

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"
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
	return func() { removeAfterChildren(private, 3*time.Second) }
}

// removeAfterChildren removes dir once this process's children (WebKit's
// web and network processes) are gone. They live as long as the web
// context, which lasts until this process exits, and the network process
// writes its storage files (an "origin" file per site) as it shuts down:
// removed before that, the folder would come back. So, the window being
// closed and every record being in the vault, the children are asked to
// stop (SIGTERM, then SIGKILL after grace), each wait at most limit, and
// the folder is removed once they are gone; a few checks make sure
// nothing came back.
func removeAfterChildren(dir string, limit time.Duration) {
	waitGone := func(d time.Duration) bool {
		deadline := time.Now().Add(d)
		for {
			if len(children(os.Getpid())) == 0 {
				return true
			}
			if time.Now().After(deadline) {
				return false
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGKILL} {
		if waitGone(limit / 4) {
			break
		}
		for _, c := range children(os.Getpid()) {
			syscall.Kill(c, sig)
		}
	}
	waitGone(limit / 4)
	for i := 0; i < 5; i++ {
		os.RemoveAll(dir)
		time.Sleep(40 * time.Millisecond)
		if _, err := os.Lstat(dir); errors.Is(err, os.ErrNotExist) {
			return
		}
	}
}

// children lists the live (not zombie) child processes of pid, read from
// /proc.
func children(pid int) []int {
	entries, err := os.ReadDir("/proc")
	if err != nil {
		return nil
	}
	var out []int
	for _, e := range entries {
		child, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		b, err := os.ReadFile(filepath.Join("/proc", e.Name(), "stat"))
		if err != nil {
			continue
		}
		// "pid (comm) state ppid ...": comm may hold spaces and parentheses.
		rest := string(b)
		if i := strings.LastIndexByte(rest, ')'); i >= 0 {
			rest = rest[i+1:]
		}
		f := strings.Fields(rest)
		if len(f) < 2 || f[0] == "Z" || f[0] == "X" {
			continue
		}
		if ppid, err := strconv.Atoi(f[1]); err == nil && ppid == pid {
			out = append(out, child)
		}
	}
	return out
}
