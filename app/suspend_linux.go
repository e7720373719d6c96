package app

import (
	"os"

	"github.com/godbus/dbus/v5"
)

// watchSuspend locks the vault when the computer is about to sleep, as
// logind announces on the system bus (PrepareForSleep). It holds a logind
// "delay" inhibitor lock while awake, so that the sleep waits (up to
// logind's InhibitDelayMaxSec, 5 seconds by default) for the lock and its
// automatic backup; a backup that cannot finish in that time is abandoned
// (suspendBackupTimeout), so the keys are gone before the computer sleeps.
// Where there is no system bus (a container, a minimal session) it does
// nothing: auto-lock and the lock button still apply.
func (s *Shell) watchSuspend() {
	conn, err := dbus.ConnectSystemBus()
	if err != nil {
		return
	}
	if err := conn.AddMatchSignal(
		dbus.WithMatchInterface("org.freedesktop.login1.Manager"),
		dbus.WithMatchMember("PrepareForSleep"),
	); err != nil {
		conn.Close()
		return
	}
	inhibit := func() *os.File {
		var fd dbus.UnixFD
		err := conn.Object("org.freedesktop.login1", "/org/freedesktop/login1").Call(
			"org.freedesktop.login1.Manager.Inhibit", 0,
			"sleep", "Tandem", "Locking the vault and finishing its backup", "delay").Store(&fd)
		if err != nil {
			return nil // no delay then: the lock still happens, racing the sleep
		}
		return os.NewFile(uintptr(fd), "logind-inhibit")
	}
	held := inhibit()
	signals := make(chan *dbus.Signal, 4)
	conn.Signal(signals)
	go func() {
		defer func() {
			if held != nil {
				held.Close()
			}
			conn.Close()
		}()
		for {
			select {
			case <-s.stopIdle:
				return
			case sig, ok := <-signals:
				if !ok {
					return
				}
				if len(sig.Body) != 1 {
					continue
				}
				sleeping, _ := sig.Body[0].(bool)
				if sleeping {
					s.suspend()
					if held != nil {
						held.Close()
						held = nil
					}
				} else if held == nil {
					held = inhibit()
				}
			}
		}
	}()
}
