package backup

import (
	"context"
	"crypto/rand"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"tandem/backend/demo"
	"tandem/backend/vault"
)

// TestBackupSpeed compares making a backup with the age tool encrypting a
// file of the same size, on a ten-year demo vault (BENCH_CLIENTS clients,
// default 300), and reports verify and restore. It runs only with
// TANDEM_BENCH_BACKUP=1 (scripts/bench-backup.sh); with BENCH_REPORT=FILE
// it writes its table there. Target: create ≤ 1.5 × age -e, key derivation
// aside (creating needs none: an unlocked vault holds its data key).
func TestBackupSpeed(t *testing.T) {
	if os.Getenv("TANDEM_BENCH_BACKUP") != "1" {
		t.Skip("set TANDEM_BENCH_BACKUP=1 (scripts/bench-backup.sh)")
	}
	agePath, err := exec.LookPath("age")
	if err != nil {
		t.Fatal("the age tool is needed")
	}
	ctx := context.Background()
	clients, _ := strconv.Atoi(os.Getenv("BENCH_CLIENTS"))
	if clients == 0 {
		clients = 300
	}
	runs := 5
	dir := t.TempDir()
	pass := testPass
	var v *vault.Vault
	var rk string
	if reuse := os.Getenv("BENCH_VAULT"); reuse != "" {
		// A vault seeded before (tandem vault init, then tandem demo seed
		// --clients N --years 10 --seed 1), with its passphrase and
		// recovery key files: the seeding takes minutes.
		pb, err1 := os.ReadFile(os.Getenv("BENCH_PASSFILE"))
		rb, err2 := os.ReadFile(os.Getenv("BENCH_RECOVERY_KEY_FILE"))
		if err1 != nil || err2 != nil {
			t.Fatal("BENCH_VAULT needs BENCH_PASSFILE and BENCH_RECOVERY_KEY_FILE")
		}
		pass, rk = strings.TrimSpace(string(pb)), string(rb)
		if v, err = vault.Open(reuse, false, vault.Options{}); err != nil {
			t.Fatal(err)
		}
		defer v.Close()
		if err := v.Unlock(ctx, pass); err != nil {
			t.Fatal(err)
		}
	} else {
		// Real key derivation, calibrated on this machine.
		if v, err = vault.Open(filepath.Join(dir, "vault"), true, vault.Options{}); err != nil {
			t.Fatal(err)
		}
		defer v.Close()
		p, err := v.Prepare(pass)
		if err != nil {
			t.Fatal(err)
		}
		rk = p.RecoveryKey()
		if err := v.Commit(ctx, p); err != nil {
			t.Fatal(err)
		}
		seedStart := time.Now()
		seed(t, v, demo.Options{Clients: clients, Years: 10, Seed: 1})
		t.Logf("seeded %d clients over 10 years in %v", clients, time.Since(seedStart))
		v.Lock()
		if err := v.Unlock(ctx, pass); err != nil {
			t.Fatal(err)
		}
	}
	kdf := v.LastKeyDerivation()
	src := source(t, v)
	src.Now = nil

	median := func(f func(i int) time.Duration) time.Duration {
		var ds []time.Duration
		for i := 0; i < runs; i++ {
			ds = append(ds, f(i))
		}
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		return ds[len(ds)/2]
	}
	// The size of the file age encrypts is that of a backup: make one.
	var last string
	var size int64
	{
		last = filepath.Join(dir, "first.age")
		res, err := Create(ctx, src, last)
		if err != nil {
			t.Fatal(err)
		}
		size = res.Size
	}
	plain := filepath.Join(dir, "same-size.bin")
	buf := make([]byte, size)
	rand.Read(buf)
	os.WriteFile(plain, buf, 0o600)
	keyFile := filepath.Join(dir, "recovery-key.txt")
	if strings.HasPrefix(rk, "AGE-SECRET-KEY-") {
		os.WriteFile(keyFile, vault.RecoveryKeyFile(rk, time.Now()), 0o600)
	} else {
		os.WriteFile(keyFile, []byte(rk), 0o600)
	}
	recipient := src.Keys.Info.Recipient

	// Create and age -e alternate, so that both meet the same load on a
	// shared machine.
	var creates, ageEncs []time.Duration
	for i := 0; i < runs; i++ {
		p := filepath.Join(dir, fmt.Sprintf("b%d.age", i))
		start := time.Now()
		if _, err := Create(ctx, src, p); err != nil {
			t.Fatal(err)
		}
		creates = append(creates, time.Since(start))
		os.Remove(last)
		last = p

		out := filepath.Join(dir, fmt.Sprintf("age%d.age", i))
		start = time.Now()
		if o, err := exec.Command(agePath, "-e", "-r", recipient, "-o", out, plain).CombinedOutput(); err != nil {
			t.Fatalf("age -e: %v %s", err, o)
		}
		d := time.Since(start)
		// age -e does not sync; Create does (it must): count a sync here too.
		f, _ := os.Open(out)
		syncStart := time.Now()
		f.Sync()
		f.Close()
		ageEncs = append(ageEncs, d+time.Since(syncStart))
		os.Remove(out)
	}
	mid := func(ds []time.Duration) time.Duration {
		ds = append([]time.Duration(nil), ds...)
		sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
		return ds[len(ds)/2]
	}
	create, ageEnc := mid(creates), mid(ageEncs)
	// The floor: every row read through SQLCipher by one reader, and
	// nothing done with it.
	scan := median(func(int) time.Duration {
		start := time.Now()
		snap, err := src.DB.Snapshot(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer snap.Close()
		for _, sel := range snap.All() {
			if _, err := snap.Scan(ctx, sel, func([]any) error { return nil }); err != nil {
				t.Fatal(err)
			}
		}
		return time.Since(start)
	})
	ageDec := median(func(i int) time.Duration {
		start := time.Now()
		if o, err := exec.Command(agePath, "-d", "-i", keyFile, "-o", os.DevNull, last).CombinedOutput(); err != nil {
			t.Fatalf("age -d: %v %s", err, o)
		}
		return time.Since(start)
	})
	verifyKey := median(func(int) time.Duration {
		start := time.Now()
		if _, err := Verify(ctx, last, Unlock{DataKey: src.Keys.DataKey}); err != nil {
			t.Fatal(err)
		}
		return time.Since(start)
	})
	verifyPass := median(func(int) time.Duration {
		start := time.Now()
		if _, err := Verify(ctx, last, Unlock{Passphrase: pass}); err != nil {
			t.Fatal(err)
		}
		return time.Since(start)
	})
	runs = 3 // a restore of the ten-year vault takes a while
	restore := median(func(i int) time.Duration {
		nv, err := vault.Open(filepath.Join(dir, fmt.Sprintf("restored%d", i)), true, vault.Options{})
		if err != nil {
			t.Fatal(err)
		}
		defer nv.Close()
		start := time.Now()
		if _, err := Restore(ctx, last, nv, RestoreOptions{Unlock: Unlock{Passphrase: pass}}); err != nil {
			t.Fatal(err)
		}
		return time.Since(start)
	})
	dbSize := int64(0)
	if fi, err := os.Stat(filepath.Join(v.Dir(), vault.DBFileName)); err == nil {
		dbSize = fi.Size()
	}
	ms := func(d time.Duration) string {
		return strconv.FormatFloat(float64(d.Microseconds())/1000, 'f', 0, 64) + " ms"
	}
	ratio := float64(create) / float64(ageEnc)
	verdict := "pass"
	if ratio > 1.5 {
		verdict = "FAIL"
	}
	var rows int64
	for _, tc := range func() []TableCount { i, _ := Verify(ctx, last, Unlock{DataKey: src.Keys.DataKey}); return i.Tables }() {
		rows += tc.Rows
	}
	report := strings.Join([]string{
		fmt.Sprintf("Backup speed: demo vault of %d fictional clients over 10 years, %d rows, database %.1f MB, backup %.1f MB; median of 5 runs (create and age -e alternating; restore: 3).", clients, rows, float64(dbSize)/1e6, float64(size)/1e6),
		"",
		"| measurement | time | compared with | result |",
		"| --- | --- | --- | --- |",
		fmt.Sprintf("| key derivation (unlock; not part of creating) | %s | | |", ms(kdf)),
		fmt.Sprintf("| backup create (snapshot, parallel read, encrypt, sync, read-back check from disk, rename) | %s | age -e of the same size + sync: %s (×%.2f; target ≤ 1.5) | %s |", ms(create), ms(ageEnc), ratio, verdict),
		fmt.Sprintf("| floor: every row read through SQLCipher by one reader, nothing done with it | %s | age -e: ×%.2f | |", ms(scan), float64(scan)/float64(ageEnc)),
		fmt.Sprintf("| backup verify with the data key | %s | age -d: %s | |", ms(verifyKey), ms(ageDec)),
		fmt.Sprintf("| backup verify with the passphrase (incl. key derivation) | %s | | |", ms(verifyPass)),
		fmt.Sprintf("| backup restore with the passphrase (incl. key derivation, load, migrate, checks, swap) | %s | | |", ms(restore)),
		"",
	}, "\n")
	t.Log("\n" + report)
	if out := os.Getenv("BENCH_REPORT"); out != "" {
		os.WriteFile(out, []byte(report), 0o644)
	}
	if verdict != "pass" {
		t.Errorf("backup create takes %.2f× age -e", ratio)
	}
}
