package backup

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"tandem/backend/demo"
	"tandem/backend/domain"
	"tandem/backend/vault"
	"tandem/backend/vault/vaulttest"
)

func TestRoundTripGivesAnIdenticalExport(t *testing.T) {
	ctx := context.Background()
	v, rk, path := seededBackup(t, demo.Options{Clients: 8, Years: 2, Seed: 3})
	want := exportOf(t, v, 0)
	if !bytes.Contains(want, []byte(`"plan_revisions": [`)) || !bytes.Contains(want, []byte(`"history": [`)) {
		t.Fatalf("the export lacks tables:\n%.400s", want)
	}

	t.Run("verify reports what the backup holds", func(t *testing.T) {
		for name, u := range map[string]Unlock{"passphrase": {Passphrase: testPass}, "recovery key": {RecoveryKey: rk}} {
			info, err := Verify(ctx, path, u)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if info.OpenedWith != name || info.AppVersion != "test-1.0" || info.Rows("clients") != 8 || info.Rows("history") == 0 || !info.Created.Equal(cheap.Now()) {
				t.Fatalf("%s: %+v", name, info)
			}
		}
	})

	for _, tc := range []struct {
		name    string
		unlock  Unlock
		newPass string
		opens   string
	}{
		{"with the passphrase", Unlock{Passphrase: testPass}, "", testPass},
		{"with the recovery key and a new passphrase", Unlock{RecoveryKey: rk}, otherPass, otherPass},
	} {
		t.Run("restore "+tc.name, func(t *testing.T) {
			target := filepath.Join(t.TempDir(), "restored")
			nv, err := vault.Open(target, true, cheap)
			if err != nil {
				t.Fatal(err)
			}
			defer nv.Close()
			res, err := Restore(ctx, path, nv, RestoreOptions{Unlock: tc.unlock, NewPassphrase: tc.newPass})
			if err != nil {
				t.Fatal(err)
			}
			if res.Replaced != "" {
				t.Fatalf("an empty folder was kept as %s", res.Replaced)
			}
			if err := nv.Unlock(ctx, tc.opens); err != nil {
				t.Fatal(err)
			}
			if got := exportOf(t, nv, 0); !bytes.Equal(got, want) {
				t.Fatalf("exports differ (%d and %d bytes)", len(want), len(got))
			}
			nv.Lock()
			if err := nv.UnlockWithRecoveryKey(ctx, rk); err != nil {
				t.Fatalf("the Recovery Kit no longer opens the restored vault: %v", err)
			}
			matches, _ := filepath.Glob(filepath.Join(filepath.Dir(target), ".*"))
			if len(matches) != 0 {
				t.Fatalf("left behind: %v", matches)
			}
			// The restored vault has a data key of its own: the backup's
			// key file and the secrets of its day open nothing recorded
			// after the restore.
			nv.Lock()
			restoredKeyFile, _ := os.ReadFile(filepath.Join(target, vault.KeyFileName))
			backupKeyFile, _ := os.ReadFile(filepath.Join(v.Dir(), vault.KeyFileName))
			os.WriteFile(filepath.Join(target, vault.KeyFileName), backupKeyFile, 0o600)
			if err := nv.Unlock(ctx, testPass); err == nil {
				t.Fatal("the backup's key file and passphrase open the restored vault")
			}
			if err := nv.UnlockWithRecoveryKey(ctx, rk); err == nil {
				t.Fatal("the backup's key file and recovery key open the restored vault")
			}
			os.WriteFile(filepath.Join(target, vault.KeyFileName), restoredKeyFile, 0o600)
		})
	}
}

func TestRestoreKeepsTheReplacedVault(t *testing.T) {
	ctx := context.Background()
	v, _, path := seededBackup(t, demo.Options{Clients: 3, Years: 1, Seed: 1})
	want := exportOf(t, v, 0)
	seed(t, v, demo.Options{Clients: 2, Years: 1, Seed: 9}) // changes after the backup
	changed := exportOf(t, v, 0)
	v.Lock()
	for _, exchange := range []bool{true, false} {
		t.Run(map[bool]string{true: "atomic exchange", false: "in steps"}[exchange], func(t *testing.T) {
			if !exchange {
				vault.ForceStepwiseSwap(t)
			}
			res, err := Restore(ctx, path, v, RestoreOptions{Unlock: Unlock{Passphrase: testPass}})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(filepath.Base(res.Replaced), "vault.replaced-") {
				t.Fatalf("replaced kept as %q", res.Replaced)
			}
			if err := v.Unlock(ctx, testPass); err != nil {
				t.Fatal(err)
			}
			if got := exportOf(t, v, 0); !bytes.Equal(got, want) {
				t.Fatal("the restored vault differs from the backup")
			}
			v.Lock()
			old, err := vault.Open(res.Replaced, false, cheap)
			if err != nil {
				t.Fatal(err)
			}
			defer old.Close()
			if err := old.Unlock(ctx, testPass); err != nil {
				t.Fatal(err)
			}
			if exchange {
				if got := exportOf(t, old, 0); !bytes.Equal(got, changed) {
					t.Fatal("the replaced vault is not the one that was in place")
				}
			}
		})
	}
}

func TestExportOfOneClient(t *testing.T) {
	v, _, _ := seededBackup(t, demo.Options{Clients: 4, Years: 1, Seed: 2})
	all := exportOf(t, v, 0)
	one := exportOf(t, v, 2)
	if !bytes.Contains(one, []byte(`"scope": "client",`)) || !bytes.Contains(one, []byte(`"plan_revisions": [`)) || bytes.Contains(one, []byte("\n    \"practice\": [")) {
		t.Fatalf("%.600s", one)
	}
	if len(one) >= len(all) || !bytes.Equal(one, exportOf(t, v, 2)) {
		t.Fatal("a client's export is not smaller than the vault's, or not stable")
	}
	db, _ := v.DB()
	if err := Export(context.Background(), db, new(bytes.Buffer), 999); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Fatalf("missing client: %v", err)
	}
}

func TestWrongSecretsAndRules(t *testing.T) {
	ctx := context.Background()
	v, rk, path := seededBackup(t, demo.Options{Clients: 1, Years: 1, Seed: 1})
	_ = rk
	if _, err := Verify(ctx, path, Unlock{Passphrase: otherPass}); domain.ErrorCode(err) != domain.EWRONGSECRET {
		t.Fatalf("wrong passphrase: %v", err)
	}
	other, _ := vaulttest.Create(t, filepath.Join(t.TempDir(), "other"), cheap)
	otherKeys, _ := other.BackupKeys()
	defer otherKeys.Wipe()
	if _, err := Verify(ctx, path, Unlock{DataKey: otherKeys.DataKey}); domain.ErrorCode(err) != domain.EWRONGSECRET {
		t.Fatalf("another vault's data key: %v", err)
	}
	_, otherRK := vaulttest.Create(t, filepath.Join(t.TempDir(), "third"), cheap)
	if _, err := Verify(ctx, path, Unlock{RecoveryKey: otherRK}); domain.ErrorCode(err) != domain.EWRONGSECRET {
		t.Fatalf("another recovery key: %v", err)
	}
	target := filepath.Join(t.TempDir(), "t")
	nv, _ := vault.Open(target, true, cheap)
	defer nv.Close()
	if _, err := Restore(ctx, path, nv, RestoreOptions{Unlock: Unlock{RecoveryKey: rk}}); domain.ErrorField(err) != "newPassphrase" {
		t.Fatalf("recovery without a new passphrase: %v", err)
	}
	if _, err := Create(ctx, source(t, v), path); domain.ErrorCode(err) != domain.EEXISTS {
		t.Fatalf("overwrite: %v", err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 2 {
		t.Fatalf("files beside the backup: %v", entries)
	}
}

func TestTablesBeyondTheMemoryBudgetAreReadTwice(t *testing.T) {
	saved := memoryBudget
	memoryBudget = 2 << 10
	defer func() { memoryBudget = saved }()
	ctx := context.Background()
	v, rk, path := seededBackup(t, demo.Options{Clients: 3, Years: 1, Seed: 12})
	info, err := Verify(ctx, path, Unlock{RecoveryKey: rk})
	if err != nil || info.Rows("clients") != 3 {
		t.Fatalf("%+v %v", info, err)
	}
	target, _ := vault.Open(filepath.Join(t.TempDir(), "r"), true, cheap)
	defer target.Close()
	if _, err := Restore(ctx, path, target, RestoreOptions{Unlock: Unlock{Passphrase: testPass}}); err != nil {
		t.Fatal(err)
	}
	target.Unlock(ctx, testPass)
	if !bytes.Equal(exportOf(t, target, 0), exportOf(t, v, 0)) {
		t.Fatal("exports differ")
	}
}

// Reading large tables in rowid ranges, by several readers, gives the same
// tables as reading each whole, within the memory budget or beyond it.
func TestTablesReadInPartsAreTheSame(t *testing.T) {
	ctx := context.Background()
	v, _ := vaulttest.Create(t, filepath.Join(t.TempDir(), "vault"), cheap)
	seed(t, v, demo.Options{Clients: 3, Years: 1, Seed: 13})
	src := source(t, v)
	savedRows, savedParts, savedBudget := partRows, maxParts, memoryBudget
	defer func() { partRows, maxParts, memoryBudget = savedRows, savedParts, savedBudget }()
	partRows, maxParts = 1<<40, 1
	whole, err := write(ctx, src, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ rows, parts int64 }{{7, 16}, {1, 3}, {50, 2}} {
		for _, budget := range []int{savedBudget, 3 << 10} {
			partRows, maxParts, memoryBudget = c.rows, c.parts, budget
			got, err := write(ctx, src, io.Discard)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, whole) {
				t.Fatalf("parts of %d rows (at most %d), budget %d: the manifest differs", c.rows, c.parts, budget)
			}
		}
	}
	// The backup made in parts reads back, and restores to the same records.
	partRows, maxParts, memoryBudget = 5, 16, savedBudget
	path := filepath.Join(t.TempDir(), "b.age")
	if _, err := Create(ctx, src, path); err != nil {
		t.Fatal(err)
	}
	target, _ := vault.Open(filepath.Join(t.TempDir(), "r"), true, cheap)
	defer target.Close()
	if _, err := Restore(ctx, path, target, RestoreOptions{Unlock: Unlock{Passphrase: testPass}}); err != nil {
		t.Fatal(err)
	}
	target.Unlock(ctx, testPass)
	if !bytes.Equal(exportOf(t, target, 0), exportOf(t, v, 0)) {
		t.Fatal("exports differ")
	}
}
