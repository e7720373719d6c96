package vault_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tandem/backend/clock/clocktest"
	"tandem/backend/domain"
	"tandem/backend/vault"
	"tandem/backend/vault/vaulttest"
)

const testPassphrase = vaulttest.Passphrase

func reopen(t *testing.T, v *vault.Vault) *vault.Vault {
	t.Helper()
	dir := v.Dir()
	if err := v.Close(); err != nil {
		t.Fatal(err)
	}
	v2, err := vault.Open(dir, false, vaulttest.Options())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { v2.Close() })
	return v2
}

func code(err error) string { return domain.ErrorCode(err) }

func TestCreateUnlockLock(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "vault")
	v, rk := vaulttest.Create(t, dir, vaulttest.Options())
	if !strings.HasPrefix(rk, "AGE-SECRET-KEY-1") {
		t.Fatalf("recovery key %q", rk)
	}
	if v.State() != vault.StateUnlocked {
		t.Fatalf("state after create = %s", v.State())
	}
	db, err := v.DB()
	if err != nil {
		t.Fatal(err)
	}
	const secret = "ZEPHYR-QUOKKA-7731 distinctive phrase"
	if _, err := db.SavePractice(ctx, domain.Practice{Name: "Fictional Practice", Positionality: secret}); err != nil {
		t.Fatal(err)
	}

	t.Run("folder and files are private", func(t *testing.T) {
		fi, _ := os.Stat(dir)
		if fi.Mode().Perm() != 0o700 {
			t.Errorf("folder mode %v", fi.Mode().Perm())
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			fi, _ := e.Info()
			if fi.Mode().Perm()&0o077 != 0 {
				t.Errorf("%s mode %v", e.Name(), fi.Mode().Perm())
			}
		}
	})
	checkNoPlaintext := func(t *testing.T) {
		t.Helper()
		head := make([]byte, 16)
		f, _ := os.Open(filepath.Join(dir, vault.DBFileName))
		f.Read(head)
		f.Close()
		if bytes.HasPrefix(head, []byte("SQLite format 3")) {
			t.Error("database file has a plaintext SQLite header")
		}
		filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
			if err == nil && !fi.IsDir() {
				b, _ := os.ReadFile(p)
				if bytes.Contains(b, []byte("ZEPHYR-QUOKKA")) || bytes.Contains(b, []byte("Fictional Practice")) {
					t.Errorf("plaintext found in %s", p)
				}
			}
			return nil
		})
	}
	t.Run("no plaintext while unlocked", checkNoPlaintext)

	if err := v.Lock(); err != nil {
		t.Fatal(err)
	}
	if v.State() != vault.StateLocked {
		t.Fatalf("state after lock = %s", v.State())
	}
	if _, err := v.DB(); code(err) != domain.ELOCKED {
		t.Fatalf("DB after lock: %v", err)
	}
	t.Run("no plaintext after lock", checkNoPlaintext)

	t.Run("wrong passphrase", func(t *testing.T) {
		if err := v.Unlock(ctx, "not the passphrase at all"); code(err) != domain.EWRONGSECRET {
			t.Fatalf("got %v", err)
		}
	})
	if err := v.Unlock(ctx, testPassphrase); err != nil {
		t.Fatal(err)
	}
	db, _ = v.DB()
	p, err := db.Practice(ctx)
	if err != nil || p.Positionality != secret {
		t.Fatalf("practice after unlock: %+v %v", p, err)
	}

	t.Run("recovery key unlocks and requires a new passphrase", func(t *testing.T) {
		v.Lock()
		if err := v.UnlockWithRecoveryKey(ctx, strings.ToLower(rk[:20])+"\n  "+rk[20:]); err != nil {
			t.Fatal(err)
		}
		if !v.MustSetPassphrase() {
			t.Fatal("MustSetPassphrase false after recovery unlock")
		}
		if _, err := v.DB(); code(err) != domain.ELOCKED {
			t.Fatalf("DB before new passphrase: %v", err)
		}
		if err := v.SetNewPassphrase("short"); code(err) != domain.EWEAKPASSPHRASE {
			t.Fatalf("weak new passphrase: %v", err)
		}
		if err := v.SetNewPassphrase("violet harbour copper kettle"); err != nil {
			t.Fatal(err)
		}
		if _, err := v.DB(); err != nil {
			t.Fatal(err)
		}
		v.Lock()
		if err := v.Unlock(ctx, testPassphrase); code(err) != domain.EWRONGSECRET {
			t.Fatalf("old passphrase after reset: %v", err)
		}
		if err := v.Unlock(ctx, "violet harbour copper kettle"); err != nil {
			t.Fatal(err)
		}
	})

	t.Run("a wrong recovery key is refused", func(t *testing.T) {
		other, _ := vaulttest.Create(t, filepath.Join(t.TempDir(), "other"), vaulttest.Options())
		_ = other
		_, otherKey := vaulttest.Create(t, filepath.Join(t.TempDir(), "third"), vaulttest.Options())
		v.Lock()
		if err := v.UnlockWithRecoveryKey(ctx, otherKey); code(err) != domain.EWRONGSECRET {
			t.Fatalf("got %v", err)
		}
		if err := v.UnlockWithRecoveryKey(ctx, "AGE-SECRET-KEY-1NOTAKEY"); code(err) != domain.EINVALID {
			t.Fatalf("got %v", err)
		}
	})
}

func fileHash(t *testing.T, p string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestChangePassphrase(t *testing.T) {
	ctx := context.Background()
	v, rk := vaulttest.New(t)
	db, _ := v.DB()
	db.SavePractice(ctx, domain.Practice{Name: "Fictional Practice"})
	v = reopen(t, v) // checkpoints the WAL into the database file
	dbPath := filepath.Join(v.Dir(), vault.DBFileName)
	before := fileHash(t, dbPath)

	if err := v.ChangePassphrase("wrong current passphrase", "amber quartz willow drum"); code(err) != domain.EWRONGSECRET || domain.ErrorField(err) != "current" {
		t.Fatalf("wrong current: %v", err)
	}
	if err := v.ChangePassphrase(testPassphrase, "tiny"); code(err) != domain.EWEAKPASSPHRASE {
		t.Fatalf("weak: %v", err)
	}
	if fileHash(t, dbPath) != before {
		t.Fatal("a refused change touched the database")
	}
	var last [2]int64
	reports := 0
	v.OnRekeyProgress(func(done, total int64) {
		last = [2]int64{done, total}
		reports++
	})
	if err := v.ChangePassphrase(testPassphrase, "amber quartz willow drum"); err != nil {
		t.Fatal(err)
	}
	v.OnRekeyProgress(nil)
	if reports == 0 || last[0] != last[1] || last[1] <= 0 {
		t.Fatalf("the re-encryption's progress: %d reports, the last %v", reports, last)
	}
	if fileHash(t, dbPath) == before {
		t.Fatal("the database was not re-encrypted under a fresh data key")
	}
	if err := v.Unlock(ctx, testPassphrase); code(err) != domain.EWRONGSECRET {
		t.Fatalf("old passphrase: %v", err)
	}
	if err := v.Unlock(ctx, "amber quartz willow drum"); err != nil {
		t.Fatal(err)
	}
	v.Lock()
	if err := v.ResetPassphraseWithRecoveryKey(rk, "third passphrase is long"); err != nil {
		t.Fatal(err)
	}
	if err := v.Unlock(ctx, "third passphrase is long"); err != nil {
		t.Fatal(err)
	}
	if db, _ := v.DB(); db != nil {
		if p, err := db.Practice(ctx); err != nil || p.Name != "Fictional Practice" {
			t.Fatalf("the records after two changes: %+v %v", p, err)
		}
	}
}

// Finding 2: a passphrase change and a new recovery key must shut out the
// old secrets even together with a key file kept from before (from an old
// backup, say), while backups made before keep opening with theirs.
func TestNewSecretsShutOutOldOnesWithAnOldKeyFile(t *testing.T) {
	ctx := context.Background()
	for name, change := range map[string]func(t *testing.T, v *vault.Vault, rk string){
		"a new passphrase": func(t *testing.T, v *vault.Vault, _ string) {
			if err := v.ChangePassphrase(testPassphrase, "amber quartz willow drum"); err != nil {
				t.Fatal(err)
			}
		},
		"a new recovery key": func(t *testing.T, v *vault.Vault, _ string) {
			if err := v.NewRecoveryKey(testPassphrase, func(string) error { return nil }); err != nil {
				t.Fatal(err)
			}
		},
		"a new passphrase set with the recovery key": func(t *testing.T, v *vault.Vault, rk string) {
			if err := v.ResetPassphraseWithRecoveryKey(rk, "amber quartz willow drum"); err != nil {
				t.Fatal(err)
			}
		},
		"a new passphrase after unlocking with the recovery key": func(t *testing.T, v *vault.Vault, rk string) {
			if err := v.UnlockWithRecoveryKey(ctx, rk); err != nil {
				t.Fatal(err)
			}
			if err := v.SetNewPassphrase("amber quartz willow drum"); err != nil {
				t.Fatal(err)
			}
			db, err := v.DB()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.CreateClient(ctx, domain.Client{ChosenName: "Written on the new key (fictional)"}, domain.ByTherapist); err != nil {
				t.Fatal("the vault stayed open on its new key", err)
			}
			v.Lock()
		},
	} {
		t.Run(name, func(t *testing.T) {
			v, rk := vaulttest.New(t)
			keyPath := filepath.Join(v.Dir(), vault.KeyFileName)
			oldKeyFile, err := os.ReadFile(keyPath)
			if err != nil {
				t.Fatal(err)
			}
			v.Lock()
			change(t, v, rk)
			// Someone puts back the key file of before and tries the old
			// secrets: the data key they unwrap opens nothing.
			newKeyFile, _ := os.ReadFile(keyPath)
			os.WriteFile(keyPath, oldKeyFile, 0o600)
			if err := v.Unlock(ctx, testPassphrase); err == nil {
				t.Fatal("the old passphrase with the old key file opened the vault")
			}
			if err := v.UnlockWithRecoveryKey(ctx, rk); err == nil {
				t.Fatal("the old recovery key with the old key file opened the vault")
			}
			os.WriteFile(keyPath, newKeyFile, 0o600)
			if err := v.Unlock(ctx, testPassphrase); err == nil && name != "a new recovery key" {
				t.Fatal("the old passphrase opens the vault")
			}
		})
	}
}

func TestDamagedKeyFile(t *testing.T) {
	ctx := context.Background()
	v, _ := vaulttest.New(t)
	v = reopen(t, v)
	keyPath := filepath.Join(v.Dir(), vault.KeyFileName)
	good, _ := os.ReadFile(keyPath)
	dbBefore := fileHash(t, filepath.Join(v.Dir(), vault.DBFileName))

	cases := map[string][]byte{
		"empty":            {},
		"truncated":        good[:len(good)/2],
		"truncated by one": good[:len(good)-3],
		"not json":         []byte("hello"),
		"trailing":         append(append([]byte{}, good...), []byte("{}")...),
		"hostile memory":   bytes.Replace(good, []byte(`"memory_kib": 8192`), []byte(`"memory_kib": 999999999`), 1),
		"wrong version":    bytes.Replace(good, []byte(`"version": 2`), []byte(`"version": 0`), 1),
	}
	// Flip one character inside the wrapped key of the passphrase slot.
	i := bytes.Index(good, []byte(`"wrapped": "`)) + len(`"wrapped": "`) + 5
	flipped := append([]byte{}, good...)
	if flipped[i] == 'A' {
		flipped[i] = 'B'
	} else {
		flipped[i] = 'A'
	}
	for name, content := range cases {
		t.Run(name, func(t *testing.T) {
			os.WriteFile(keyPath, content, 0o600)
			err := v.Unlock(ctx, testPassphrase)
			if code(err) != domain.EVAULTDAMAGED {
				t.Fatalf("got %v (%s)", err, code(err))
			}
			if !strings.Contains(domain.ErrorMessage(err), "damaged") {
				t.Fatalf("message %q", domain.ErrorMessage(err))
			}
			if err := v.ChangePassphrase(testPassphrase, "amber quartz willow drum"); err == nil {
				t.Fatal("change passphrase succeeded on a damaged key file")
			}
			now, _ := os.ReadFile(keyPath)
			if !bytes.Equal(now, content) {
				t.Fatal("damaged key file was overwritten")
			}
		})
	}
	t.Run("flipped wrapped key", func(t *testing.T) {
		os.WriteFile(keyPath, flipped, 0o600)
		if err := v.Unlock(ctx, testPassphrase); err == nil {
			t.Fatal("unlocked with a flipped slot")
		}
	})
	t.Run("newer version", func(t *testing.T) {
		os.WriteFile(keyPath, bytes.Replace(good, []byte(`"version": 2`), []byte(`"version": 9`), 1), 0o600)
		if err := v.Unlock(ctx, testPassphrase); code(err) != domain.EVAULTNEWER {
			t.Fatalf("got %v", err)
		}
	})
	if fileHash(t, filepath.Join(v.Dir(), vault.DBFileName)) != dbBefore {
		t.Fatal("database changed")
	}
	os.WriteFile(keyPath, good, 0o600)
	if err := v.Unlock(ctx, testPassphrase); err != nil {
		t.Fatal(err)
	}
}

func TestOnlyOneProcessHoldsAVault(t *testing.T) {
	v, _ := vaulttest.New(t)
	if _, err := vault.Open(v.Dir(), false, vaulttest.Options()); code(err) != domain.EVAULTBUSY {
		t.Fatalf("second open: %v", err)
	}
	v.Close()
	v2, err := vault.Open(v.Dir(), false, vaulttest.Options())
	if err != nil {
		t.Fatal(err)
	}
	v2.Close()
}

func TestCreateRefusesExistingVault(t *testing.T) {
	v, _ := vaulttest.New(t)
	if _, err := v.Prepare(testPassphrase); code(err) != domain.EEXISTS {
		t.Fatalf("got %v", err)
	}
}

func TestRecoveryKeyFileParses(t *testing.T) {
	_, rk := vaulttest.New(t)
	id, err := vault.ParseRecoveryKey(string(vault.RecoveryKeyFile(rk, clocktest.Today())))
	if err != nil {
		t.Fatal(err)
	}
	if id.String() != rk {
		t.Fatal("round trip changed the key")
	}
}

func TestPIN(t *testing.T) {
	for _, bad := range []string{"", "123", "12a4", "1234567890123"} {
		if _, err := vault.HashPIN(bad); code(err) != domain.EINVALID {
			t.Errorf("%q accepted", bad)
		}
	}
	h, err := vault.HashPIN("2468")
	if err != nil {
		t.Fatal(err)
	}
	if !vault.VerifyPIN("2468", h) || vault.VerifyPIN("2469", h) || vault.VerifyPIN("2468", h[:len(h)-2]) || vault.VerifyPIN("2468", "") {
		t.Fatal("PIN verification is wrong")
	}
}
