//go:build !linux

package main

// hardenProcess does nothing on other systems yet: Windows writes crash
// dumps only where Windows Error Reporting is set to, and macOS keeps core
// dumps off unless the user turned them on (docs/design.md, threat model).
func hardenProcess() error { return nil }
