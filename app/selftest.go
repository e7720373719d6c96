package app

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// selfTest drives the real UI in the real window (TANDEM_SELFTEST=1): the
// page's own self-test routine (window.__tandemSelfTest, in the frontend)
// creates or unlocks the vault, locks, tries a wrong passphrase and unlocks
// again, and reports back through events. It prints one line beginning
// "SELFTEST OK" or "SELFTEST FAIL: reason" and quits; Passed gives the exit
// status. "SELFTEST CLOCK date" gives the app's date (a pinned clock's in a
// test run), which the page checks it shows too. Checkpoints print "SELFTEST CHECKPOINT name" and pause so a
// screenshot can be taken. Timings print as "SELFTEST TIMING name=ms".
type selfTest struct {
	out        io.Writer
	passphrase string
	pause      time.Duration
	timeout    time.Duration
	started    time.Time

	mu       sync.Mutex
	done     bool
	passed   bool
	kdf      time.Duration // the last unlock's derivation
	firstKDF time.Duration // the process's first, cold, derivation
}

// EnableSelfTest turns on the self-test, writing its lines to out.
// started is the process's start, for the first-paint timing.
func (s *Shell) EnableSelfTest(out io.Writer, passphrase string, started time.Time) {
	pause := 1500 * time.Millisecond
	if ms, err := strconv.Atoi(os.Getenv("TANDEM_SELFTEST_PAUSE_MS")); err == nil {
		pause = time.Duration(ms) * time.Millisecond
	}
	s.selftest = &selfTest{out: out, passphrase: passphrase, pause: pause, timeout: 90 * time.Second, started: started}
}

// SelfTestPassed reports the self-test's verdict (false when not run).
func (s *Shell) SelfTestPassed() bool {
	if s.selftest == nil {
		return false
	}
	s.selftest.mu.Lock()
	defer s.selftest.mu.Unlock()
	return s.selftest.passed
}

func (t *selfTest) printf(format string, args ...any) {
	fmt.Fprintf(t.out, format+"\n", args...)
	if f, ok := t.out.(*os.File); ok {
		f.Sync()
	}
}

func (t *selfTest) keyDerivation(d time.Duration) {
	t.mu.Lock()
	if t.firstKDF == 0 {
		t.firstKDF = d
	}
	t.kdf = d
	t.mu.Unlock()
}

func (t *selfTest) finish(ctx context.Context, ok bool, reason string) {
	t.mu.Lock()
	if t.done {
		t.mu.Unlock()
		return
	}
	t.done, t.passed = true, ok
	t.mu.Unlock()
	if ok {
		t.printf("SELFTEST OK")
	} else {
		t.printf("SELFTEST FAIL: %s", reason)
	}
	runtime.Quit(ctx)
}

// start runs the page's self-test; today is the app's date, which the page
// must agree with (its clock follows the app's: package clock).
func (t *selfTest) start(ctx context.Context, today string) {
	t.printf("SELFTEST TIMING dom_ready_ms=%d", time.Since(t.started).Milliseconds())
	t.printf("SELFTEST CLOCK %s", today)
	runtime.EventsOn(ctx, "app:first-paint", func(data ...any) {
		t.printf("SELFTEST TIMING first_paint_ms=%d", time.Since(t.started).Milliseconds())
		// pageMs counts from the page's own start: what Tandem's frontend
		// takes, apart from starting the window and the web engine.
		if m, ok := first(data).(map[string]any); ok {
			if ms, ok := m["pageMs"].(float64); ok {
				t.printf("SELFTEST TIMING first_paint_page_ms=%.0f", ms)
			}
		}
	})
	runtime.EventsOn(ctx, "selftest:checkpoint", func(data ...any) {
		name := "?"
		if m, ok := first(data).(map[string]any); ok {
			name, _ = m["name"].(string)
		}
		t.printf("SELFTEST CHECKPOINT %s", name)
		go func() {
			time.Sleep(t.pause)
			runtime.EventsEmit(ctx, "selftest:continue", name)
		}()
	})
	runtime.EventsOn(ctx, "selftest:result", func(data ...any) {
		var r struct {
			OK             bool    `json:"ok"`
			Reason         string  `json:"reason"`
			UnlockToHomeMs float64 `json:"unlockToHomeMs"`
			OpenClientMs   float64 `json:"openClientMs"`
			JourneyMs      float64 `json:"journeyMs"`
			FeesOverviewMs float64 `json:"feesOverviewMs"`
			UnlockDomMs    float64 `json:"unlockToHomeDomMs"`
			UnlockTodayMs  float64 `json:"unlockToTodayMs"`
		}
		b, _ := json.Marshal(first(data))
		json.Unmarshal(b, &r)
		t.mu.Lock()
		kdf, firstKDF := t.kdf, t.firstKDF
		t.mu.Unlock()
		if r.UnlockToHomeMs > 0 {
			// The first derivation in a process is the one a therapist
			// waits for when opening Tandem: its memory is fresh.
			if firstKDF == 0 {
				firstKDF = kdf
			}
			t.printf("SELFTEST TIMING key_derivation_ms=%d", firstKDF.Milliseconds())
			// The page timed click-to-home; the derivation is deliberate
			// and measured apart, so report what remains.
			t.printf("SELFTEST TIMING unlock_to_home_ms=%.1f", r.UnlockToHomeMs-float64(kdf.Microseconds())/1000)
			t.printf("SELFTEST TIMING unlock_to_home_dom_ms=%.1f", r.UnlockDomMs-float64(kdf.Microseconds())/1000)
			if r.UnlockTodayMs > 0 {
				t.printf("SELFTEST TIMING unlock_to_today_ms=%.1f", r.UnlockTodayMs-float64(kdf.Microseconds())/1000)
			}
		}
		if r.JourneyMs > 0 {
			t.printf("SELFTEST TIMING journey_ms=%.1f", r.JourneyMs)
		}
		if r.FeesOverviewMs > 0 {
			t.printf("SELFTEST TIMING fees_overview_ms=%.1f", r.FeesOverviewMs)
		}
		if r.OpenClientMs > 0 {
			t.printf("SELFTEST TIMING open_client_ms=%.1f", r.OpenClientMs)
		}
		if r.Reason == "" {
			r.Reason = "the page reported a failure without a reason"
		}
		t.finish(ctx, r.OK, r.Reason)
	})
	go func() {
		time.Sleep(t.timeout)
		t.finish(ctx, false, "timed out waiting for the page")
	}()
	opts, _ := json.Marshal(map[string]string{"passphrase": t.passphrase, "today": today})
	runtime.WindowExecJS(ctx, fmt.Sprintf(`(function(){
  var o = %s;
  function go(n){ if (window.__tandemSelfTest) { window.__tandemSelfTest(o); } else if (n > 0) { setTimeout(function(){ go(n-1); }, 100); } else if (window.runtime) { window.runtime.EventsEmit("selftest:result", {ok:false, reason:"the page has no self-test routine"}); } }
  go(100);
})();`, opts))
}

func first(data []any) any {
	if len(data) == 0 {
		return nil
	}
	return data[0]
}
