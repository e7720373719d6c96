package vault_test

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

	"tandem/backend/demo"
	"tandem/backend/domain"
	"tandem/backend/vault"
	"tandem/backend/vault/vaulttest"
)

// Crash safety of a change of data key (rekey.go): a helper process (this
// test binary, re-run) changes the passphrase or makes a new recovery key
// and is killed with SIGKILL, at a random moment or at one of rekey's
// steps; afterwards the vault must open with the old secret or the new one,
// never neither, with its records whole.

const rekeyHelperEnv = "TANDEM_REKEY_CRASH_HELPER"

// TestRekeyCrashHelper is the helper process; it does nothing in a normal
// run. It prints "start" before the change, each of rekey's steps as it
// reaches it (pausing a moment there, so that the parent can kill it at
// that step), and "done".
func TestRekeyCrashHelper(t *testing.T) {
	mode := os.Getenv(rekeyHelperEnv)
	if mode == "" {
		t.Skip("helper process only")
	}
	say := func(s string) { fmt.Fprintln(os.Stdout, s); os.Stdout.Sync() }
	v, err := vault.Open(os.Getenv("HELPER_VAULT"), false, vaulttest.Options())
	if err != nil {
		say("error " + err.Error())
		return
	}
	defer v.Close()
	vault.SetKillPoint(func(step string) { say(step); time.Sleep(20 * time.Millisecond) })
	say("start")
	switch mode {
	case "passwd":
		err = v.ChangePassphrase(os.Getenv("HELPER_FROM"), os.Getenv("HELPER_TO"))
	case "recovery":
		err = v.NewRecoveryKey(os.Getenv("HELPER_FROM"), func(key string) error {
			// Kept durably before it is put in place, as the CLI keeps it.
			f, err := os.Create(os.Getenv("HELPER_KEY_OUT"))
			if err != nil {
				return err
			}
			defer f.Close()
			if _, err := f.WriteString(key); err != nil {
				return err
			}
			return f.Sync()
		})
	}
	if err != nil {
		say("error " + err.Error())
		return
	}
	say("done")
}

// runRekeyHelper runs the helper and kills it after killAfter from its
// "start", or as soon as it prints atStep; it reports whether it finished.
func runRekeyHelper(t *testing.T, mode string, env []string, killAfter time.Duration, atStep string) (finished bool, took time.Duration) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestRekeyCrashHelper$", "-test.count=1")
	cmd.Env = append(append(os.Environ(), rekeyHelperEnv+"="+mode), env...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var started time.Time
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "error "):
			cmd.Process.Kill()
			t.Fatalf("helper: %s", line)
		case line == "start":
			started = time.Now()
			if atStep == "" && killAfter >= 0 {
				go func() {
					time.Sleep(killAfter)
					cmd.Process.Signal(syscall.SIGKILL)
				}()
			}
		case line == "done":
			finished, took = true, time.Since(started)
		case atStep != "" && line == atStep:
			cmd.Process.Signal(syscall.SIGKILL)
		}
	}
	cmd.Wait()
	return finished, took
}

// kills is how many times each kind of change is killed: a few in make
// test, TANDEM_REKEY_KILLS in the long run (make test-kills).
func kills(t *testing.T) int {
	if n, err := strconv.Atoi(os.Getenv("TANDEM_REKEY_KILLS")); err == nil && n > 0 {
		return n
	}
	return 12
}

func TestKilledKeyChangesLeaveTheOldSecretsOrTheNew(t *testing.T) {
	if testing.Short() {
		t.Skip("kills processes")
	}
	ctx := context.Background()
	for _, mode := range []string{"passwd", "recovery"} {
		t.Run(mode, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "vault")
			v, rk := vaulttest.Create(t, dir, vaulttest.Options())
			db, err := v.DB()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := demo.Seed(ctx, db, demo.Options{Clients: 12, Years: 3, Seed: 5, End: time.Date(2026, 6, 10, 9, 30, 0, 0, time.UTC)}); err != nil {
				t.Fatal(err)
			}
			counts := rowCounts(t, v)
			v.Close()

			passes := []string{vaulttest.Passphrase, "amber quartz willow drum"}
			current := 0 // the passphrase in force
			recovery := rk
			keyOut := filepath.Join(t.TempDir(), "new-recovery-key.txt")
			env := func() []string {
				return []string{"HELPER_VAULT=" + dir, "HELPER_FROM=" + passes[current], "HELPER_TO=" + passes[1-current], "HELPER_KEY_OUT=" + keyOut}
			}
			// One change to the end, to learn how long it takes.
			finished, took := runRekeyHelper(t, mode, env(), -1, "")
			if !finished {
				t.Fatal("the change did not finish")
			}
			current, recovery = settle(t, mode, dir, passes, current, recovery, keyOut, counts)

			r := rand.New(rand.NewPCG(7, uint64(len(mode))))
			n := kills(t)
			for i := 0; i < n; i++ {
				os.Remove(keyOut)
				step := ""
				after := time.Duration(r.Int64N(int64(took) + 1))
				if i%3 == 0 {
					step = vault.RekeySteps[(i/3)%len(vault.RekeySteps)]
				}
				runRekeyHelper(t, mode, env(), after, step)
				current, recovery = settle(t, mode, dir, passes, current, recovery, keyOut, counts)
			}
			t.Logf("%s: %d changes killed (a change took %v), the vault opened every time", mode, n, took)
		})
	}
}

// settle opens the vault after a change that may have been killed and
// checks that it opens with the old secrets or the new ones (and with a
// passphrase, and with a recovery key, in both cases), its records whole.
// It returns the passphrase and recovery key now in force.
func settle(t *testing.T, mode, dir string, passes []string, current int, recovery, keyOut string, counts map[string]int64) (int, string) {
	t.Helper()
	ctx := context.Background()
	v, err := vault.Open(dir, false, vaulttest.Options())
	if err != nil {
		t.Fatal(err)
	}
	defer v.Close()
	for _, leftover := range []string{vault.DBFileName + ".rekey", vault.KeyFileName + ".next"} {
		if _, err := os.Stat(filepath.Join(dir, leftover)); err == nil {
			t.Fatalf("%s left after opening", leftover)
		}
	}
	opened := -1
	for _, i := range []int{current, 1 - current} {
		if err := v.Unlock(ctx, passes[i]); err == nil {
			opened = i
			break
		} else if domain.ErrorCode(err) != domain.EWRONGSECRET {
			t.Fatalf("unlock: %v", err)
		}
	}
	if opened < 0 {
		t.Fatal("the vault opens with neither the old passphrase nor the new one")
	}
	if mode == "recovery" && opened != current {
		t.Fatal("a new recovery key changed the passphrase")
	}
	if got := rowCounts(t, v); fmt.Sprint(got) != fmt.Sprint(counts) {
		t.Fatalf("the records changed: %v, were %v", got, counts)
	}
	v.Lock()
	keys := []string{recovery}
	if b, err := os.ReadFile(keyOut); err == nil && mode == "recovery" {
		keys = append([]string{string(b)}, keys...)
	}
	for _, k := range keys {
		if err := v.CheckRecoveryKey(k); err == nil {
			return opened, k
		}
	}
	t.Fatal("the vault opens with no recovery key the therapist holds")
	return opened, recovery
}

func rowCounts(t *testing.T, v *vault.Vault) map[string]int64 {
	t.Helper()
	r, err := v.Check(context.Background())
	if err != nil || !r.OK() {
		t.Fatalf("check: %+v %v", r, err)
	}
	out := map[string]int64{}
	for _, c := range r.Counts {
		out[c.Table] = c.Rows
	}
	return out
}
