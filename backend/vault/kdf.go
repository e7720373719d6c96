package vault

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"time"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"
)

// KDFParams are Argon2id parameters.
type KDFParams struct {
	Time      uint32 `json:"time"`
	MemoryKiB uint32 `json:"memory_kib"`
	Threads   uint8  `json:"threads"`
}

// Caps on what a key file may demand. A file asking for more is refused
// before any derivation starts.
const (
	maxKDFTime      = 64
	maxKDFMemoryKiB = 2 << 20 // 2 GiB
	maxKDFThreads   = 16
	minKDFMemoryKiB = 8 << 10
)

// DefaultKDFMemoryKiB is the memory cost of new passphrase slots (128 MiB).
const DefaultKDFMemoryKiB = 128 << 10

// TargetKDFDuration is what Calibrate aims for: slow enough to make guessing
// expensive, quick enough not to annoy at every unlock.
const TargetKDFDuration = 500 * time.Millisecond

// Calibrate measures Argon2id on this machine and returns parameters whose
// derivation takes about TargetKDFDuration: 128 MiB of memory and as many
// passes as fit, never fewer than 3 nor more than 24. Each trial is timed
// cold, as a real unlock is (the system hands over the memory afresh), and
// the number of passes is scaled until a trial reaches at least 80% of the
// target.
func Calibrate() KDFParams {
	p := KDFParams{MemoryKiB: DefaultKDFMemoryKiB, Threads: kdfThreads(), Time: 3}
	salt := make([]byte, 16)
	for range 5 {
		debug.FreeOSMemory()
		start := time.Now()
		deriveKEK("calibration", salt, p)
		d := time.Since(start)
		if d >= TargetKDFDuration*8/10 || p.Time >= 24 {
			break
		}
		next := uint32(float64(p.Time) * float64(TargetKDFDuration) / float64(max(d, time.Millisecond)))
		p.Time = min(max(next, p.Time+1), 24)
	}
	releaseMemory()
	return p
}

// releaseMemory hands Argon2's working memory back to the system a moment
// later, rather than keep it resident for the app's lifetime; the delay
// keeps the collection off the path from unlock to the first screen.
func releaseMemory() { time.AfterFunc(2*time.Second, debug.FreeOSMemory) }

func kdfThreads() uint8 {
	n := runtime.NumCPU()
	if n > 4 {
		n = 4
	}
	if n < 1 {
		n = 1
	}
	return uint8(n)
}

func (p KDFParams) validate() error {
	if p.Time < 1 || p.Time > maxKDFTime || p.MemoryKiB < minKDFMemoryKiB || p.MemoryKiB > maxKDFMemoryKiB ||
		p.Threads < 1 || p.Threads > maxKDFThreads {
		return fmt.Errorf("key derivation parameters out of range (time %d, memory %d KiB, threads %d)", p.Time, p.MemoryKiB, p.Threads)
	}
	return nil
}

func deriveKEK(passphrase string, salt []byte, p KDFParams) []byte {
	return argon2.IDKey([]byte(passphrase), salt, p.Time, p.MemoryKiB, p.Threads, chacha20poly1305.KeySize)
}
