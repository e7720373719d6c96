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

// prepareWebview sets webviewEnvironment's variables that are not set.
func prepareWebview() {
	for _, kv := range webviewEnvironment() {
		if _, set := os.LookupEnv(kv[0]); !set {
			os.Setenv(kv[0], kv[1])
		}
	}
}
