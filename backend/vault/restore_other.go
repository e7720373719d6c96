//go:build !linux

package vault

// renameExchange: no atomic exchange here; ReplaceWith renames in steps.
func renameExchange(a, b string) error { return errExchangeUnsupported }
