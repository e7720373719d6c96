//go:build linux

package main

import "golang.org/x/sys/unix"

// hardenProcess keeps this process's memory (records, keys) out of core
// dumps: no core file of any size, and the process is not dumpable (which
// also keeps other processes of the same user from attaching a debugger
// to it). The limit is inherited by the WebKit processes Tandem starts;
// they are dumpable again once started (exec resets that), so a system
// crash handler that ignores the limit could still record them
// (docs/design.md, threat model).
func hardenProcess() error {
	if err := unix.Setrlimit(unix.RLIMIT_CORE, &unix.Rlimit{Cur: 0, Max: 0}); err != nil {
		return err
	}
	return unix.Prctl(unix.PR_SET_DUMPABLE, 0, 0, 0, 0)
}
