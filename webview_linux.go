package main

import "os"

// webviewEnvironment is what the window asks of GTK and WebKitGTK before
// either starts. Tandem draws its window without the graphics card
// (linux.WebviewGpuPolicyNever), so two start-up costs buy nothing:
//   - GDK_GL=disable: GTK would otherwise load the whole OpenGL driver
//     (with LLVM, on Mesa) to pick a visual for GL drawing, which only
//     GL widgets use;
//   - WEBKIT_DISABLE_DMABUF_RENDERER=1: WebKit would otherwise probe for
//     GPU buffer sharing between its processes.
//
// Together they bring the window to the unlock screen about 90 ms sooner
// on the reference machine (see docs/design.md, "Start-up"). A value the
// user has set is kept.
var webviewEnvironment = [][2]string{
	{"GDK_GL", "disable"},
	{"WEBKIT_DISABLE_DMABUF_RENDERER", "1"},
}

// prepareWebview sets webviewEnvironment's variables that are not set.
func prepareWebview() {
	for _, kv := range webviewEnvironment {
		if _, set := os.LookupEnv(kv[0]); !set {
			os.Setenv(kv[0], kv[1])
		}
	}
}
