//go:build !dev

package main

// devBuild: a release build keeps the computer's clock, except in its
// self-test (appClock).
const devBuild = false
