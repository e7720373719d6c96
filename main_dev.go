//go:build dev

package main

// devBuild: a `wails dev` build, which the end-to-end tests drive; it
// honours a pinned clock (appClock).
const devBuild = true
