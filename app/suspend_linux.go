package app

import (
	"github.com/godbus/dbus/v5"
)

// watchSuspend locks the vault when the computer is about to sleep, as
// logind announces on the system bus (PrepareForSleep). Where there is no
// system bus (a container, a minimal session) it does nothing: auto-lock
// and the lock button still apply.
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
	signals := make(chan *dbus.Signal, 4)
	conn.Signal(signals)
	go func() {
		defer conn.Close()
		for {
			select {
			case <-s.stopIdle:
				return
			case sig, ok := <-signals:
				if !ok {
					return
				}
				if len(sig.Body) == 1 {
					if sleeping, _ := sig.Body[0].(bool); sleeping {
						s.lock("suspend")
					}
				}
			}
		}
	}()
}
