package backup

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"tandem/backend/demo"
	"tandem/backend/domain"
	"tandem/backend/vault"
	"tandem/backend/vault/vaulttest"
)

// TestTheAgeToolOpensABackup decrypts a backup with Debian's age and the
// recovery key file, and reads it with tar.
func TestTheAgeToolOpensABackup(t *testing.T) {
	agePath, err := exec.LookPath("age")
	if err != nil {
		if os.Getenv("CI") != "" || os.Getenv("TANDEM_REQUIRE_AGE") != "" {
			t.Fatal("the age tool is not installed (scripts/install-deps.sh test installs it)")
		}
		t.Skip("the age tool is not installed")
	}
	tarPath, err := exec.LookPath("tar")
	if err != nil {
		t.Skip("tar is not installed")
	}
	_, rk, path := seededBackup(t, demo.Options{Clients: 3, Years: 1, Seed: 4})
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "recovery-key.txt")
	os.WriteFile(keyFile, vault.RecoveryKeyFile(rk, cheap.Now()), 0o600)
	out := filepath.Join(dir, "out")
	os.Mkdir(out, 0o700)

	dec := exec.Command(agePath, "-d", "-i", keyFile, path)
	untar := exec.Command(tarPath, "-x", "-v", "-C", out)
	pipe, err := dec.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var decErr, listing bytes.Buffer
	dec.Stderr = &decErr
	untar.Stdin = pipe
	untar.Stdout = &listing
	untar.Stderr = &listing
	if err := dec.Start(); err != nil {
		t.Fatal(err)
	}
	if err := untar.Run(); err != nil {
		t.Fatalf("tar: %v\n%s", err, listing.String())
	}
	if err := dec.Wait(); err != nil {
		t.Fatalf("age -d: %v\n%s", err, decErr.String())
	}
	if !strings.HasPrefix(listing.String(), "manifest.json\ntandem.key\ntables/") {
		t.Fatalf("tar listing:\n%s", listing.String())
	}
	var m Manifest
	mb, _ := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err := json.Unmarshal(mb, &m); err != nil || m.Format != Format {
		t.Fatalf("manifest: %v\n%s", err, mb)
	}
	clients, _ := os.ReadFile(filepath.Join(out, "tables", "clients.jsonl"))
	lines := strings.Split(strings.TrimSuffix(string(clients), "\n"), "\n")
	if !strings.HasPrefix(lines[0], `{"table":"clients","columns":["id","chosen_name",`) || len(lines) != 4 {
		t.Fatalf("clients.jsonl:\n%s", clients)
	}

	t.Run("age refuses a wrong key", func(t *testing.T) {
		_, other := vaulttest.Create(t, filepath.Join(t.TempDir(), "other"), cheap)
		os.WriteFile(keyFile, vault.RecoveryKeyFile(other, cheap.Now()), 0o600)
		if out, err := exec.Command(agePath, "-d", "-i", keyFile, "-o", os.DevNull, path).CombinedOutput(); err == nil {
			t.Fatalf("age opened it with another key: %s", out)
		}
	})
}

// refuses checks that verifying and restoring the bytes b both fail with a
// backup error, and that the restore changed nothing.
type refusalCheck struct {
	t      *testing.T
	dir    string
	target *vault.Vault
	before string
}

func newRefusalCheck(t *testing.T) *refusalCheck {
	t.Helper()
	dir := t.TempDir()
	target, err := vault.Open(filepath.Join(dir, "target"), true, cheap)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { target.Close() })
	p, _ := target.Prepare(otherPass)
	target.Commit(context.Background(), p)
	target.Lock()
	return &refusalCheck{t: t, dir: dir, target: target, before: treeSum(t, dir)}
}

func (rc *refusalCheck) refuses(label string, b []byte, u Unlock, restore bool) {
	t := rc.t
	t.Helper()
	ctx := context.Background()
	_, err := VerifyReader(ctx, bytes.NewReader(b), u)
	if err == nil {
		t.Fatalf("%s: verify accepted it", label)
	}
	code := domain.ErrorCode(err)
	if code != domain.EBACKUPDAMAGED && code != domain.EWRONGSECRET {
		t.Fatalf("%s: verify: %s %v", label, code, err)
	}
	if msg := domain.ErrorMessage(err); strings.Contains(msg, "\n") || len(msg) > 300 {
		t.Fatalf("%s: unclear message %q", label, msg)
	}
	// Create's lighter read-back refuses it too.
	if _, _, err := readMode(ctx, bytes.NewReader(b), u, nil, true); err == nil {
		t.Fatalf("%s: the read-back after create accepted it", label)
	} else if code := domain.ErrorCode(err); code != domain.EBACKUPDAMAGED && code != domain.EWRONGSECRET {
		t.Fatalf("%s: read-back: %s %v", label, code, err)
	}
	if !restore {
		return
	}
	f := filepath.Join(t.TempDir(), "b.age")
	os.WriteFile(f, b, 0o600)
	if _, err := Restore(ctx, f, rc.target, RestoreOptions{Unlock: u, NewPassphrase: newPassFor(u)}); err == nil {
		t.Fatalf("%s: restore accepted it", label)
	}
	if after := treeSum(t, rc.dir); after != rc.before {
		t.Fatalf("%s: a failed restore changed the folder", label)
	}
}

func newPassFor(u Unlock) string {
	if u.RecoveryKey != "" {
		return otherPass
	}
	return ""
}

// headerLen is the length of the age header (through the MAC line).
func headerLen(t *testing.T, b []byte) int {
	t.Helper()
	i := bytes.Index(b, []byte("\n--- "))
	if i < 0 {
		t.Fatal("no header MAC line")
	}
	return i + 1 + bytes.IndexByte(b[i+1:], '\n') + 1
}

func TestTamperingIsAlwaysCaught(t *testing.T) {
	_, rk, path := seededBackup(t, demo.Options{Clients: 2, Years: 1, Seed: 5})
	good, _ := os.ReadFile(path)
	hl := headerLen(t, good)
	t.Logf("backup: %d bytes, header %d bytes", len(good), hl)
	unlocks := map[string]Unlock{"passphrase": {Passphrase: testPass}, "recovery key": {RecoveryKey: rk}}
	rc := newRefusalCheck(t)
	flip := func(i int, mask byte) []byte {
		b := bytes.Clone(good)
		b[i] ^= mask
		return b
	}

	t.Run("every header byte flipped", func(t *testing.T) {
		rc.t = t
		for i := 0; i < hl; i++ {
			for name, u := range unlocks {
				// Restoring is checked on a sample: it reads as verify does.
				rc.refuses(name+" header byte "+itoa(i), flip(i, 0x01), u, i%128 == 0)
			}
		}
	})
	t.Run("bytes flipped throughout the body", func(t *testing.T) {
		rc.t = t
		step := max(1, (len(good)-hl)/150)
		for i := hl; i < len(good); i += step {
			for name, u := range unlocks {
				rc.refuses(name+" body byte "+itoa(i), flip(i, 0x80), u, i%(step*60) == hl%(step*60))
			}
		}
		for name, u := range unlocks {
			rc.refuses(name+" last byte", flip(len(good)-1, 0x01), u, true)
		}
	})
	t.Run("truncated at many lengths", func(t *testing.T) {
		rc.t = t
		lengths := []int{0, 1, 10, hl - 1, hl, hl + 1, hl + 16, hl + 17, len(good) - 1, len(good) - 16, len(good) - 17}
		for n := hl; n < len(good); n += max(1, (len(good)-hl)/60) {
			lengths = append(lengths, n)
		}
		for _, cut := range []int{65536, 65536 + 16} { // age's chunk boundaries
			for n := hl + 16 + cut; n < len(good); n += cut {
				lengths = append(lengths, n, n+1, n-1)
			}
		}
		for _, n := range lengths {
			if n < 0 || n >= len(good) {
				continue
			}
			for name, u := range unlocks {
				rc.refuses(name+" truncated to "+itoa(n), good[:n], u, n%47 == 0)
			}
		}
	})
	t.Run("bytes appended", func(t *testing.T) {
		rc.t = t
		for _, extra := range [][]byte{{0}, {'\n'}, []byte("x"), bytes.Repeat([]byte{0}, 512), bytes.Repeat([]byte{1}, 70000)} {
			for name, u := range unlocks {
				rc.refuses(name+" appended "+itoa(len(extra)), append(bytes.Clone(good), extra...), u, len(extra) < 10)
			}
		}
	})
	t.Run("the good file still passes", func(t *testing.T) {
		for name, u := range unlocks {
			if _, err := VerifyReader(context.Background(), bytes.NewReader(good), u); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if _, dk, err := readMode(context.Background(), bytes.NewReader(good), u, nil, true); err != nil {
				t.Fatalf("%s: read-back: %v", name, err)
			} else {
				wipe(dk)
			}
		}
	})
}

func itoa(i int) string { return strconv.Itoa(i) }
