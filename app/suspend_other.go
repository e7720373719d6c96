//go:build !linux

package app

// watchSuspend does nothing where Tandem has no portable way to hear that
// the computer is going to sleep; auto-lock and the lock button still apply.
func (s *Shell) watchSuspend() {}
