package main

import (
	"testing"

	"golang.org/x/sys/unix"
)

// No core dump can hold records or keys: the core limit is 0 and the
// process is not dumpable once hardened.
func TestHardenProcessTurnsCoreDumpsOff(t *testing.T) {
	if err := hardenProcess(); err != nil {
		t.Fatal(err)
	}
	var r unix.Rlimit
	if err := unix.Getrlimit(unix.RLIMIT_CORE, &r); err != nil || r.Cur != 0 || r.Max != 0 {
		t.Fatalf("core limit %+v %v", r, err)
	}
	if d, err := unix.PrctlRetInt(unix.PR_GET_DUMPABLE, 0, 0, 0, 0); err != nil || d != 0 {
		t.Fatalf("dumpable %d %v", d, err)
	}
}
