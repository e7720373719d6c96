//go:build !linux

package main

// prepareWebview has nothing to do outside Linux: WebView2 and WKWebView
// take no settings from the environment that Tandem needs. (Where their
// own data lives there is said in docs/design.md's threat model.)
func prepareWebview() (cleanup func()) { return func() {} }
