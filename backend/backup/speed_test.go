package backup

import (
	"context"
	"crypto/rand"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"tandem/backend/clock/clocktest"
	"tandem/backend/demo"
	"tandem/backend/vault"
	"tandem/backend/vault/vaulttest"
)

// TestBackupSpeed compares making a backup with the age tool encrypting a
// file of the same size, on a ten-year demo vault, and compares verify and
// restore with age -d. It runs only with TANDEM_BENCH_BACKUP=1
// (scripts/bench-backup.sh, which scripts/bench.sh calls). The vault is
// TANDEM_BENCH_VAULT when set (with TANDEM_BENCH_PASSPHRASE_FILE and
// TANDEM_BENCH_RECOVERY_KEY_FILE: the bench's own seeded vault), else one
// seeded here (BENCH_CLIENTS clients, default 300). Each of BENCH_RUNS runs
// (default 5) measures Tandem and age side by side, so that the ratios hold
// on a noisy machine, and prints one line
//
//	BENCH backup create_ms=… age_e_ms=… verify_ms=… restore_ms=… age_d_ms=… size=… db_size=… kdf_ms=…
//
// With BENCH_REPORT=FILE it writes a table of the medians there. Budgets,
// medians over the runs: create ≤ 3 s, verify ≤ 3 s, restore (with the
// passphrase, key derivation included) ≤ 20 s. The ratios to age are
// reported beside them, not judged: create must read the whole vault
// before it encrypts (the manifest comes first) and read the file back
// before naming it, which age -e does not (docs/backup-format.md).
func TestBackupSpeed(t *testing.T) {
	if os.Getenv("TANDEM_BENCH_BACKUP") != "1" {
		t.Skip("set TANDEM_BENCH_BACKUP=1 (scripts/bench-backup.sh)")
	}
	agePath, err := exec.LookPath("age")
	if err != nil {
		t.Fatal("the age tool is needed")
	}
	ctx := context.Background()
	runs, _ := strconv.Atoi(os.Getenv("BENCH_RUNS"))
	if runs <= 0 {
		runs = 5
	}
	dir := t.TempDir()
	v, pass, rk, desc := benchVault(t, dir)
	defer v.Close()
	kdf := v.LastKeyDerivation()
	src := source(t, v)
	src.Now = nil
	keyFile := filepath.Join(dir, "recovery-key.txt")
	os.WriteFile(keyFile, vault.RecoveryKeyFile(rk, clocktest.Today()), 0o600)
	recipient := src.Keys.Info.Recipient
	dbSize := int64(0)
	if fi, err := os.Stat(filepath.Join(v.Dir(), vault.DBFileName)); err == nil {
		dbSize = fi.Size()
	}

	timed := func(f func()) time.Duration {
		start := time.Now()
		f()
		return time.Since(start)
	}
	var creates, ageEncs, verifies, restores, ageDecs []time.Duration
	var reads, writes, checks []time.Duration // Create's phases
	var size int64
	plain := filepath.Join(dir, "same-size.bin")
	for i := range runs {
		last := filepath.Join(dir, fmt.Sprintf("b%d.age", i))
		var phases createPhases
		src.Progress = phases.progress
		phases.start()
		create := timed(func() {
			res, err := Create(ctx, src, last)
			if err != nil {
				t.Fatal(err)
			}
			size = res.Size
		})
		if i == 0 {
			buf := make([]byte, size)
			rand.Read(buf)
			os.WriteFile(plain, buf, 0o600)
		}
		out := filepath.Join(dir, fmt.Sprintf("age%d.age", i))
		ageEnc := timed(func() {
			if o, err := exec.Command(agePath, "-e", "-r", recipient, "-o", out, plain).CombinedOutput(); err != nil {
				t.Fatalf("age -e: %v %s", err, o)
			}
			// age -e does not sync; Create does (it must): count a sync here too.
			f, _ := os.Open(out)
			f.Sync()
			f.Close()
		})
		os.Remove(out)
		ageDec := timed(func() {
			if o, err := exec.Command(agePath, "-d", "-i", keyFile, "-o", os.DevNull, last).CombinedOutput(); err != nil {
				t.Fatalf("age -d: %v %s", err, o)
			}
		})
		verify := timed(func() {
			if _, err := Verify(ctx, last, Unlock{DataKey: src.Keys.DataKey}); err != nil {
				t.Fatal(err)
			}
		})
		nv, err := vault.Open(filepath.Join(dir, fmt.Sprintf("restored%d", i)), true, vault.Options{Now: clocktest.Now()})
		if err != nil {
			t.Fatal(err)
		}
		restore := timed(func() {
			if _, err := Restore(ctx, last, nv, RestoreOptions{Unlock: Unlock{Passphrase: pass}}); err != nil {
				t.Fatal(err)
			}
		})
		nv.Close()
		os.RemoveAll(filepath.Join(dir, fmt.Sprintf("restored%d", i)))
		os.Remove(last)
		fmt.Printf("BENCH backup create_ms=%.1f age_e_ms=%.1f verify_ms=%.1f restore_ms=%.1f age_d_ms=%.1f size=%d db_size=%d kdf_ms=%.1f read_ms=%.1f write_ms=%.1f check_ms=%.1f\n",
			msf(create), msf(ageEnc), msf(verify), msf(restore), msf(ageDec), size, dbSize, msf(kdf), msf(phases.read), msf(phases.write), msf(phases.check))
		reads, writes, checks = append(reads, phases.read), append(writes, phases.write), append(checks, phases.check)
		creates, ageEncs, verifies, restores, ageDecs = append(creates, create), append(ageEncs, ageEnc), append(verifies, verify), append(restores, restore), append(ageDecs, ageDec)
	}

	// medianRatio is the median over the runs of a[i] / b[i].
	medianRatio := func(a, b []time.Duration) float64 {
		r := make([]float64, len(a))
		for i := range a {
			r[i] = float64(a[i]) / float64(b[i])
		}
		sort.Float64s(r)
		return r[len(r)/2]
	}
	ratio := medianRatio(creates, ageEncs)
	// What Create does besides reading the vault: encrypt, write, sync,
	// read back and check.
	rest := make([]time.Duration, runs)
	for i := range runs {
		rest[i] = writes[i] + checks[i]
	}
	budget := func(d, limit time.Duration) string {
		if d <= limit {
			return "pass (≤ " + limit.String() + ")"
		}
		return "FAIL (budget " + limit.String() + ")"
	}
	createVerdict := budget(median(creates), 3*time.Second)
	verifyVerdict := budget(median(verifies), 3*time.Second)
	restoreVerdict := budget(median(restores), 20*time.Second)
	ms := func(d time.Duration) string { return strconv.FormatFloat(msf(d), 'f', 0, 64) + " ms" }
	report := strings.Join([]string{
		fmt.Sprintf("Backup speed: %s, database %.1f MB, backup %.1f MB; median of %d runs.", desc, float64(dbSize)/1e6, float64(size)/1e6, runs),
		"",
		"| measurement | median | compared with | budget |",
		"| --- | --- | --- | --- |",
		fmt.Sprintf("| key derivation (unlock; not part of creating) | %s | | |", ms(kdf)),
		fmt.Sprintf("| backup create (snapshot, parallel read, encrypt, sync, read-back check, rename) | %s | age -e of the same size + sync: %s (×%.2f) | %s |", ms(median(creates)), ms(median(ageEncs)), ratio, createVerdict),
		fmt.Sprintf("| … reading the vault: every row, as JSON Lines, with each table's checksum | %s | | |", ms(median(reads))),
		fmt.Sprintf("| … encrypting, writing and syncing the file | %s | | |", ms(median(writes))),
		fmt.Sprintf("| … reading the file back and checking it | %s | | |", ms(median(checks))),
		fmt.Sprintf("| create without reading the vault (the two rows above) | %s | age -e + sync: ×%.2f | |", ms(median(rest)), medianRatio(rest, ageEncs)),
		fmt.Sprintf("| backup verify with the data key | %s | age -d: %s (×%.2f) | %s |", ms(median(verifies)), ms(median(ageDecs)), medianRatio(verifies, ageDecs), verifyVerdict),
		fmt.Sprintf("| backup restore with the passphrase (incl. key derivation, load, migrate, checks, swap) | %s | age -d: ×%.2f | %s |", ms(median(restores)), medianRatio(restores, ageDecs), restoreVerdict),
		"",
	}, "\n")
	t.Log("\n" + report)
	if out := os.Getenv("BENCH_REPORT"); out != "" {
		os.WriteFile(out, []byte(report), 0o644)
	}
	for _, v := range []string{createVerdict, verifyVerdict, restoreVerdict} {
		if strings.HasPrefix(v, "FAIL") {
			t.Errorf("over budget: create %s, verify %s, restore %s", ms(median(creates)), ms(median(verifies)), ms(median(restores)))
			break
		}
	}
}

func msf(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

// benchVault opens the bench's seeded vault (TANDEM_BENCH_VAULT) or seeds
// one in dir, with real key derivation calibrated on this machine, and
// returns it unlocked with its passphrase, its recovery key and a sentence
// describing it.
func benchVault(t *testing.T, dir string) (*vault.Vault, string, string, string) {
	t.Helper()
	ctx := context.Background()
	if os.Getenv(vaulttest.BenchVault) != "" {
		b, err := os.ReadFile(os.Getenv("TANDEM_BENCH_RECOVERY_KEY_FILE"))
		if err != nil {
			t.Fatalf("TANDEM_BENCH_RECOVERY_KEY_FILE: %v", err)
		}
		var rk string
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "AGE-SECRET-KEY-1") {
				rk = strings.TrimSpace(l)
			}
		}
		if rk == "" {
			t.Fatal("TANDEM_BENCH_RECOVERY_KEY_FILE holds no recovery key")
		}
		v, pass := vaulttest.Bench(t)
		return v, pass, rk, "the bench's demo vault"
	}
	clients, _ := strconv.Atoi(os.Getenv("BENCH_CLIENTS"))
	if clients == 0 {
		clients = 300
	}
	v, err := vault.Open(filepath.Join(dir, "vault"), true, vault.Options{Now: clocktest.Now()})
	if err != nil {
		t.Fatal(err)
	}
	p, err := v.Prepare(testPass)
	if err != nil {
		t.Fatal(err)
	}
	rk := p.RecoveryKey()
	if err := v.Commit(ctx, p); err != nil {
		t.Fatal(err)
	}
	seedStart := time.Now()
	seed(t, v, demo.Options{Clients: clients, Years: 10, Seed: 1})
	t.Logf("seeded %d clients over 10 years in %v", clients, time.Since(seedStart))
	v.Lock()
	if err := v.Unlock(ctx, testPass); err != nil {
		t.Fatal(err)
	}
	return v, testPass, rk, fmt.Sprintf("demo vault of %d fictional clients over 10 years", clients)
}
