package backup

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"tandem/backend/demo"
	"tandem/backend/vault"
	"tandem/backend/vault/vaulttest"
)

// Crash safety: a helper process (this test binary, re-run) makes a backup
// or restores one and is killed with SIGKILL at many moments; afterwards
// the folders must be in a safe state.

const helperEnv = "TANDEM_BACKUP_CRASH_HELPER"

// TestCrashHelper is the helper process; it does nothing in a normal run.
// It prints "start" before the operation, a line per marked step (after
// which it pauses briefly, so that the parent can kill it between steps),
// and "done" at the end.
func TestCrashHelper(t *testing.T) {
	mode := os.Getenv(helperEnv)
	if mode == "" {
		t.Skip("helper process only")
	}
	ctx := context.Background()
	say := func(s string) { fmt.Fprintln(os.Stdout, s); os.Stdout.Sync() }
	mark := func(s string) { say(s); time.Sleep(40 * time.Millisecond) }
	v, err := vault.Open(os.Getenv("HELPER_VAULT"), true, cheap)
	if err != nil {
		say("error " + err.Error())
		return
	}
	defer v.Close()
	switch mode {
	case "create":
		afterSync = func(string) { mark("synced") }
		if err := v.Unlock(ctx, testPass); err != nil {
			say("error " + err.Error())
			return
		}
		src := source(t, v)
		say("start")
		if _, _, err := CreateInDir(ctx, src, os.Getenv("HELPER_OUT"), DefaultPolicy()); err != nil {
			say("error " + err.Error())
			return
		}
	case "restore", "restore-steps":
		if mode == "restore-steps" {
			vault.ForceStepwiseSwap(t)
		}
		beforeSwap = func(string) { mark("staged") }
		vault.SetSwapStepHook(t, mark)
		say("start")
		if _, err := Restore(ctx, os.Getenv("HELPER_FILE"), v, RestoreOptions{Unlock: Unlock{Passphrase: testPass}}); err != nil {
			say("error " + err.Error())
			return
		}
	}
	say("done")
}

// helper runs the helper process and kills it either killAfter after it
// printed "start", or as soon as it printed the line atMarker. It returns
// the lines the helper printed.
func helper(t *testing.T, mode string, env []string, killAfter time.Duration, atMarker string) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashHelper$", "-test.count=1")
	cmd.Env = append(append(os.Environ(), helperEnv+"="+mode), env...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var lines []string
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		line := sc.Text()
		lines = append(lines, line)
		if strings.HasPrefix(line, "error ") {
			t.Fatalf("helper: %s", line)
		}
		if atMarker != "" && line == atMarker {
			cmd.Process.Signal(syscall.SIGKILL)
			break
		}
		if atMarker == "" && line == "start" {
			go func() {
				time.Sleep(killAfter)
				cmd.Process.Signal(syscall.SIGKILL)
			}()
		}
	}
	io.Copy(io.Discard, out)
	cmd.Wait()
	return lines
}

// plan returns kill moments: evenly over the measured duration, and at
// each marker the helper prints.
func plan(duration time.Duration, n int, markers ...string) []struct {
	after  time.Duration
	marker string
} {
	var out []struct {
		after  time.Duration
		marker string
	}
	for i := 0; i < n; i++ {
		out = append(out, struct {
			after  time.Duration
			marker string
		}{duration * time.Duration(i) / time.Duration(n), ""})
	}
	for _, m := range markers {
		out = append(out, struct {
			after  time.Duration
			marker string
		}{0, m})
	}
	return out
}

func fileSum(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestKilledBackupLeavesNoGoodLookingFileAndTheVaultUntouched(t *testing.T) {
	if testing.Short() {
		t.Skip("kills processes")
	}
	ctx := context.Background()
	dir := t.TempDir()
	vdir := filepath.Join(dir, "vault")
	v, _ := vaulttest.Create(t, vdir, cheap)
	seed(t, v, demo.Options{Clients: 10, Years: 2, Seed: 8})
	want := exportOf(t, v, 0)
	v.Close()
	keyBefore, dbBefore := fileSum(t, filepath.Join(vdir, vault.KeyFileName)), fileSum(t, filepath.Join(vdir, vault.DBFileName))
	out := filepath.Join(dir, "backups")
	os.Mkdir(out, 0o700)
	env := []string{"HELPER_VAULT=" + vdir, "HELPER_OUT=" + out}

	// One full run, to measure.
	start := time.Now()
	if lines := helper(t, "create", env, time.Hour, ""); !slices.Contains(lines, "done") {
		t.Fatalf("helper: %v", lines)
	}
	full := time.Since(start)
	list, _ := List(out)
	if len(list) != 1 {
		t.Fatalf("%d backups", len(list))
	}
	os.Remove(list[0].Path)
	t.Logf("a full run takes %v", full)

	kills := 0
	for _, k := range plan(full, 20, "synced", "start") {
		helper(t, "create", env, k.after, k.marker)
		kills++
		list, err := List(out)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range list {
			if _, err := Verify(ctx, l.Path, Unlock{Passphrase: testPass}); err != nil {
				t.Fatalf("killed after %v/%q: %s looks like a backup but does not verify: %v", k.after, k.marker, l.Name, err)
			}
			os.Remove(l.Path) // complete and verified: fine; start afresh
		}
		tmps, _ := filepath.Glob(filepath.Join(out, ".tandem-backup-*.tmp"))
		for _, tmp := range tmps {
			os.Remove(tmp)
		}
		if fileSum(t, filepath.Join(vdir, vault.KeyFileName)) != keyBefore {
			t.Fatal("the key file changed")
		}
		if fileSum(t, filepath.Join(vdir, vault.DBFileName)) != dbBefore {
			t.Fatal("the database file changed")
		}
	}
	v2, err := vault.Open(vdir, false, cheap)
	if err != nil {
		t.Fatal(err)
	}
	defer v2.Close()
	if err := v2.Unlock(ctx, testPass); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(exportOf(t, v2, 0), want) {
		t.Fatal("the vault's records changed")
	}
	t.Logf("%d kills", kills)
}

func TestKilledRestoreLeavesTheOldOrTheNewVault(t *testing.T) {
	if testing.Short() {
		t.Skip("kills processes")
	}
	for _, mode := range []string{"restore", "restore-steps"} {
		t.Run(mode, func(t *testing.T) { killedRestore(t, mode) })
	}
}

func copyTree(t *testing.T, from, to string) {
	t.Helper()
	os.MkdirAll(to, 0o700)
	entries, _ := os.ReadDir(from)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(to, e.Name()), b, 0o600)
	}
}

func killedRestore(t *testing.T, mode string) {
	ctx := context.Background()
	dir := t.TempDir()
	vdir := filepath.Join(dir, "vaults", "vault")
	v, _ := vaulttest.Create(t, vdir, cheap)
	seed(t, v, demo.Options{Clients: 6, Years: 2, Seed: 6})
	newExport := exportOf(t, v, 0)
	file := filepath.Join(dir, "b.age")
	if _, err := Create(ctx, source(t, v), file); err != nil {
		t.Fatal(err)
	}
	seed(t, v, demo.Options{Clients: 2, Years: 1, Seed: 7})
	oldExport := exportOf(t, v, 0)
	v.Close()
	pristine := filepath.Join(dir, "pristine")
	copyTree(t, vdir, pristine)
	reset := func() {
		os.RemoveAll(filepath.Join(dir, "vaults"))
		copyTree(t, pristine, vdir)
	}
	env := []string{"HELPER_VAULT=" + vdir, "HELPER_FILE=" + file}

	start := time.Now()
	if lines := helper(t, mode, env, time.Hour, ""); !slices.Contains(lines, "done") {
		t.Fatalf("helper: %v", lines)
	}
	full := time.Since(start)
	t.Logf("a full run takes %v", full)
	markers := []string{"start", "staged", "handles closed", "exchanged", "kept"}
	if mode == "restore-steps" {
		markers = []string{"start", "staged", "handles closed", "ready", "moved aside"}
	}
	seen := map[string]int{}
	for _, k := range plan(full, 16, markers...) {
		reset()
		helper(t, mode, env, k.after, k.marker)
		v, err := vault.Open(vdir, false, cheap)
		if err != nil {
			t.Fatalf("killed after %v/%q: the vault does not open: %v", k.after, k.marker, err)
		}
		if err := v.Unlock(ctx, testPass); err != nil {
			v.Close()
			t.Fatalf("killed after %v/%q: the vault does not unlock: %v", k.after, k.marker, err)
		}
		got := exportOf(t, v, 0)
		switch {
		case bytes.Equal(got, oldExport):
			seen["old"]++
		case bytes.Equal(got, newExport):
			seen["new"]++
		default:
			v.Close()
			t.Fatalf("killed after %v/%q: the vault is neither the old one nor the backup", k.after, k.marker)
		}
		if r, err := v.Check(ctx); err != nil || !r.OK() {
			t.Fatalf("killed after %v/%q: check: %+v %v", k.after, k.marker, r, err)
		}
		v.Close()
	}
	t.Logf("after the kills: %v", seen)
	if seen["old"] == 0 || seen["new"] == 0 {
		t.Fatalf("the kills did not land both before and after the swap: %v", seen)
	}
}
