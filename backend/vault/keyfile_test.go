package vault

import (
	"runtime/debug"
	"testing"
)

func TestCalibrateStaysInBounds(t *testing.T) {
	if testing.Short() {
		t.Skip("calibration runs real Argon2id")
	}
	p := Calibrate()
	if err := p.validate(); err != nil {
		t.Fatal(err)
	}
	if p.MemoryKiB < 64<<10 || p.Time < 3 {
		t.Fatalf("too weak: %+v", p)
	}
}

func BenchmarkKeyDerivation(b *testing.B) {
	p := Calibrate()
	salt := make([]byte, 16)
	b.ReportMetric(float64(p.Time), "passes")
	for b.Loop() {
		b.StopTimer()
		debug.FreeOSMemory() // each derivation cold, as at a real unlock
		b.StartTimer()
		deriveKEK("lantern orbit cello meadow", salt, p)
	}
}
