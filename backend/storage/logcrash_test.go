package storage_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"tandem/backend/clock/clocktest"
	"tandem/backend/demo"
	"tandem/backend/domain"
	"tandem/backend/vault"
	"tandem/backend/vault/vaulttest"
)

// Crash safety of the live session log (AddLogEntry): a helper process
// (this test binary, re-run) opens the vault as the app does and makes
// log entries on one medicine session as fast as it can, printing each
// one's acknowledgement only once AddLogEntry has returned; it is killed
// with SIGKILL at random moments. Afterwards every acknowledged entry must
// be in the log as it was made, every entry in the log must be whole (its
// history, and for an adverse event its event), and the vault must check
// clean. The kills follow one another on the same vault, so the log grows.

const logHelperEnv = "TANDEM_LOG_CRASH_HELPER"

// logKillWindow is how long after the helper starts writing it may be
// killed; the helper saves an entry every few milliseconds.
const logKillWindow = 200 * time.Millisecond

// logKinds are the kinds the helper cycles through: the entry numbered i
// is of kind logKinds[i%len(logKinds)]. An adverse entry writes an adverse
// event in the same transaction.
var logKinds = []domain.LogKind{domain.LogNote, domain.LogCheckIn, domain.LogVitals, domain.LogSetting, domain.LogDose, domain.LogNote, domain.LogAdverse}

// logText is the text of the helper's entry i of kill run.
func logText(run, i int) string { return fmt.Sprintf("run %d entry %d", run, i) }

// parseLogText reads back logText; ok is false for any other text.
func parseLogText(s string) (run, i int, ok bool) {
	n, err := fmt.Sscanf(s, "run %d entry %d", &run, &i)
	return run, i, err == nil && n == 2 && s == logText(run, i)
}

func logEntryFor(session int64, run, i int) domain.NewLogEntry {
	n := domain.NewLogEntry{SessionID: session, Kind: logKinds[i%len(logKinds)], Text: logText(run, i)}
	if n.Kind == domain.LogVitals {
		n.Pulse, n.SpO2 = 60+i%40, 97
	}
	return n
}

// TestLogCrashHelper is the helper process; it does nothing in a normal
// run. It prints "start" once the vault is unlocked, then "ack ID TEXT"
// after each entry AddLogEntry saved, until it is killed.
func TestLogCrashHelper(t *testing.T) {
	if os.Getenv(logHelperEnv) == "" {
		t.Skip("helper process only")
	}
	ctx := context.Background()
	say := func(s string) { fmt.Fprintln(os.Stdout, s) } // one write each
	session, _ := strconv.ParseInt(os.Getenv("HELPER_SESSION"), 10, 64)
	run, _ := strconv.Atoi(os.Getenv("HELPER_RUN"))
	v, err := vault.Open(os.Getenv("HELPER_VAULT"), false, vaulttest.Options())
	if err != nil {
		say("error " + err.Error())
		return
	}
	defer v.Close()
	if err := v.Unlock(ctx, vaulttest.Passphrase); err != nil {
		say("error " + err.Error())
		return
	}
	db, err := v.DB()
	if err != nil {
		say("error " + err.Error())
		return
	}
	say("start")
	for i := 0; i < 100_000; i++ { // bounded, should the parent fail to kill
		e, err := db.AddLogEntry(ctx, logEntryFor(session, run, i))
		if err != nil {
			say("error " + err.Error())
			return
		}
		say(fmt.Sprintf("ack %d %s", e.ID, e.Text))
	}
	say("done")
}

type logAck struct {
	id   int64
	text string
}

// runLogHelper runs the helper for kill run and kills it after the
// duration after: counted from the process's start when early (so that
// it dies opening the vault), else from its "start". It returns the
// acknowledgements it printed and how long it took to reach "start"
// (0 when it did not).
func runLogHelper(t *testing.T, env []string, early bool, after time.Duration) (acks []logAck, startup time.Duration) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestLogCrashHelper$", "-test.count=1")
	cmd.Env = append(append(os.Environ(), logHelperEnv+"=1"), env...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = io.Discard
	began := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	kill := func() { cmd.Process.Signal(syscall.SIGKILL) }
	var timer *time.Timer
	if early {
		timer = time.AfterFunc(after, kill)
	}
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "start":
			startup = time.Since(began)
			if !early {
				timer = time.AfterFunc(after, kill)
			}
		case strings.HasPrefix(line, "ack "):
			f := strings.SplitN(line, " ", 3)
			id, err := strconv.ParseInt(f[1], 10, 64)
			if len(f) != 3 || err != nil {
				kill()
				t.Fatalf("helper: a malformed acknowledgement after %d", len(acks))
			}
			acks = append(acks, logAck{id, f[2]})
		case strings.HasPrefix(line, "error "):
			kill()
			t.Fatalf("helper: %s", line)
		default:
			kill()
			t.Fatalf("helper: unexpected output %q", line)
		}
	}
	cmd.Wait()
	if timer != nil {
		timer.Stop()
	}
	return acks, startup
}

// logKills is how many times the helper is killed: a few in make test,
// TANDEM_LOG_KILLS in the long run (make test-kills).
func logKills() int {
	if n, err := strconv.Atoi(os.Getenv("TANDEM_LOG_KILLS")); err == nil && n > 0 {
		return n
	}
	return 8
}

func TestKilledLogKeepsEveryAcknowledgedEntry(t *testing.T) {
	if testing.Short() {
		t.Skip("kills processes")
	}
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "vault")
	v, _ := vaulttest.Create(t, dir, vaulttest.Options())
	db, err := v.DB()
	if err != nil {
		t.Fatal(err)
	}
	today := clocktest.Today()
	if _, err := demo.Seed(ctx, db, demo.Options{Clients: 4, Years: 1, Seed: 9, End: today}); err != nil {
		t.Fatal(err)
	}
	c, err := db.CreateClient(ctx, domain.Client{ChosenName: "Ione Vasquez"}, domain.ByTherapist)
	if err != nil {
		t.Fatal(err)
	}
	s, err := db.AddSession(ctx, domain.Session{ClientID: c.ID, Kind: domain.MedicineSession, Date: today.Format(time.DateOnly), Time: "09:00",
		TimeZone: "Europe/London", Minutes: 360}, domain.ByTherapist)
	if err != nil {
		t.Fatal(err)
	}
	v.Close()

	seed := uint64(20260610)
	if n, err := strconv.ParseUint(os.Getenv("TANDEM_LOG_SEED"), 10, 64); err == nil {
		seed = n
	}
	t.Logf("seed %d (TANDEM_LOG_SEED repeats a run)", seed)
	r := rand.New(rand.NewPCG(seed, 0x106))
	n := logKills()
	seen := map[int64]string{} // every entry acknowledged or found since, by id
	acked, early := 0, 0
	startup := time.Duration(0) // the longest way to "start" so far
	for run := 1; run <= n; run++ {
		env := []string{"HELPER_VAULT=" + dir, "HELPER_SESSION=" + strconv.FormatInt(s.ID, 10), "HELPER_RUN=" + strconv.Itoa(run)}
		// About one kill in eight lands while the vault opens (once the
		// first run has shown how long opening takes), the others while
		// entries are being saved.
		isEarly := startup > 0 && r.IntN(8) == 0
		var after time.Duration
		if isEarly {
			after = time.Duration(r.Int64N(int64(startup) + 1))
			early++
		} else {
			after = time.Duration(r.Int64N(int64(logKillWindow) + 1))
		}
		acks, took := runLogHelper(t, env, isEarly, after)
		startup = max(startup, took)
		for _, a := range acks {
			if prev, ok := seen[a.id]; ok && prev != a.text {
				t.Fatalf("run %d: entry %d acknowledged twice, with two texts", run, a.id)
			}
			seen[a.id] = a.text
		}
		acked += len(acks)
		checkLog(t, dir, s.ID, run, len(acks), seen)
	}
	t.Logf("%d kills (%d while opening the vault), %d log entries acknowledged, all present; %d more saved and killed before acknowledging; the vault checked clean every time",
		n, early, acked, len(seen)-acked)
}

// checkLog opens the vault after kill run, in which the helper had
// acknowledged nAcked entries, and checks the session's log: every entry
// in seen is there with its text, every entry there is one the helper made
// and is whole, the run saved its entries in order and at most one beyond
// those acknowledged (the one it was saving when killed), and the vault
// checks clean. It adds to seen the entry saved but not acknowledged.
func checkLog(t *testing.T, dir string, sessionID int64, run, nAcked int, seen map[int64]string) {
	t.Helper()
	ctx := context.Background()
	v, err := vault.Open(dir, false, vaulttest.Options())
	if err != nil {
		t.Fatalf("run %d: the vault does not open: %v", run, err)
	}
	defer v.Close()
	if err := v.Unlock(ctx, vaulttest.Passphrase); err != nil {
		t.Fatalf("run %d: the vault does not unlock: %v", run, err)
	}
	if r, err := v.Check(ctx); err != nil || !r.OK() {
		t.Fatalf("run %d: check: cipher ok %v (%d problems), integrity ok %v (%d problems), foreign keys ok %v (%d problems), %v",
			run, r.CipherOK, len(r.CipherProblems), r.IntegrityOK, len(r.IntegrityProblems), r.ForeignKeysOK, r.ForeignKeyProblems, err)
	}
	db, err := v.DB()
	if err != nil {
		t.Fatal(err)
	}
	s, err := db.Session(ctx, sessionID)
	if err != nil {
		t.Fatalf("run %d: read the session: %v", run, err)
	}
	events := map[int64]string{}
	for _, a := range s.AdverseEvents {
		events[a.ID] = a.Description
	}
	logged := map[int64]bool{}
	adverse := 0
	thisRun := map[int]bool{} // the numbers of this run's entries
	for _, e := range s.Log {
		logged[e.ID] = true
		r, i, ok := parseLogText(e.Text)
		if !ok || r < 1 || r > run || e.Kind != logKinds[i%len(logKinds)] {
			t.Fatalf("run %d: entry %d is not one the helper made", run, e.ID)
		}
		if r == run {
			thisRun[i] = true
		}
		if prev, ok := seen[e.ID]; ok && prev != e.Text {
			t.Fatalf("run %d: entry %d's text changed", run, e.ID)
		}
		if e.Kind == domain.LogAdverse {
			adverse++
			if d, ok := events[e.AdverseEventID]; !ok || d != e.Text {
				t.Fatalf("run %d: adverse entry %d lacks its adverse event", run, e.ID)
			}
		} else if e.AdverseEventID != 0 {
			t.Fatalf("run %d: entry %d names an adverse event", run, e.ID)
		}
		seen[e.ID] = e.Text
	}
	if adverse != len(s.AdverseEvents) {
		t.Fatalf("run %d: %d adverse events for %d adverse entries", run, len(s.AdverseEvents), adverse)
	}
	if len(thisRun) != nAcked && len(thisRun) != nAcked+1 {
		t.Fatalf("run %d: %d entries acknowledged, %d saved", run, nAcked, len(thisRun))
	}
	for i := range len(thisRun) {
		if !thisRun[i] {
			t.Fatalf("run %d: entry number %d is missing, a later one is there", run, i)
		}
	}
	for id := range seen {
		if !logged[id] {
			t.Fatalf("run %d: entry %d, saved before, is missing", run, id)
		}
	}
	h, err := db.History(ctx, s.ClientID)
	if err != nil {
		t.Fatal(err)
	}
	recorded := 0
	for _, e := range h {
		if e.Entity == "log_entry" {
			if !logged[e.EntityID] || e.Action != "create" {
				t.Fatalf("run %d: history of a log entry %d not in the log", run, e.EntityID)
			}
			recorded++
		}
	}
	if recorded != len(s.Log) {
		t.Fatalf("run %d: %d log entries, %d in the history", run, len(s.Log), recorded)
	}
}
