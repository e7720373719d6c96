//go:build tools

// Package tools pins the Wails CLI used to build Tandem. It is a separate
// module so the CLI's dependencies never enter the application's go.mod.
package tools

import _ "github.com/wailsapp/wails/v2/cmd/wails"
