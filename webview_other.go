//go:build !linux

package main

// prepareWebview has nothing to do outside Linux: WebView2 and WKWebView
// take no settings from the environment that Tandem needs.
func prepareWebview() {}
