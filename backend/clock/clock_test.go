package clock

import (
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	la, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ in, want string }{
		{"2026-12-31T23:50", "2026-12-31T23:50:00-08:00"},
		{" 2028-02-29T12:00:30 ", "2028-02-29T12:00:30-08:00"},
		{"2027-01-01T07:50:00Z", "2026-12-31T23:50:00-08:00"},
	} {
		got, err := Parse(tc.in, la)
		if err != nil || got.Format(time.RFC3339) != tc.want {
			t.Errorf("Parse(%q) = %v, %v; want %s", tc.in, got, err, tc.want)
		}
	}
	for _, bad := range []string{"", "2026-02-30T10:00", "tomorrow", "2026-12-31"} {
		if _, err := Parse(bad, la); err == nil {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
}

func TestPinnedMovesOnFromThePin(t *testing.T) {
	auckland, err := time.LoadLocation("Pacific/Auckland")
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 12, 31, 23, 50, 0, 0, auckland)
	now := Pinned(at)
	first := now()
	if first.Before(at) || first.Sub(at) > time.Minute {
		t.Fatalf("first reading %v, pinned at %v", first, at)
	}
	if first.Location() != auckland || first.Format(time.DateOnly) != "2026-12-31" {
		t.Fatalf("reading %v is not in the pin's zone", first)
	}
	time.Sleep(20 * time.Millisecond)
	if d := now().Sub(first); d < 20*time.Millisecond {
		t.Fatalf("the clock moved %v in 20 ms", d)
	}
}

func TestFromEnv(t *testing.T) {
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }
	now, err := FromEnv(getenv)
	if err != nil || now == nil {
		t.Fatal(err)
	}
	if d := time.Since(now()); d < -time.Second || d > time.Second {
		t.Fatalf("unpinned clock reads %v", now())
	}
	env[Env] = "2028-02-29T09:30"
	now, err = FromEnv(getenv)
	if err != nil {
		t.Fatal(err)
	}
	if got := now().In(time.Local).Format("2006-01-02T15:04"); got != "2028-02-29T09:30" {
		t.Fatalf("pinned clock reads %s", got)
	}
	env[Env] = "next tuesday"
	if _, err := FromEnv(getenv); err == nil {
		t.Fatal("a pin that is not a time was accepted")
	}
}
