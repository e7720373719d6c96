// Package version holds Tandem's version, set at build time from the
// VERSION file (make passes -ldflags "-X tandem/backend/version.Version=…").
package version

// Version is the running build's version; "dev" when built without make.
var Version = "dev"
