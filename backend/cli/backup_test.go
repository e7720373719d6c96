package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tandem/backend/clock/clocktest"
)

func TestBackupCommands(t *testing.T) {
	dir := t.TempDir()
	vdir := filepath.Join(dir, "vault")
	pass := writeFile(t, dir, "pass", "lantern orbit cello meadow\n")
	wrong := writeFile(t, dir, "wrong", "this is not the passphrase\n")
	next := writeFile(t, dir, "next", "amber quartz willow drum\n")
	keyFile := filepath.Join(dir, "recovery.txt")
	mustRun := func(args ...string) string {
		t.Helper()
		code, out, errs := run(t, args...)
		if code != 0 {
			t.Fatalf("%v: %d\n%s\n%s", args, code, out, errs)
		}
		return out
	}
	mustRun("vault", "init", "--vault", vdir, "--passphrase-file", pass, "--recovery-key-out", keyFile)
	mustRun("demo", "seed", "--vault", vdir, "--passphrase-file", pass, "--clients", "5")
	before := filepath.Join(dir, "before.json")
	mustRun("export", "--vault", vdir, "--passphrase-file", pass, "--out", before)
	file := filepath.Join(dir, "b.age")
	if out := mustRun("backup", "create", "--vault", vdir, "--passphrase-file", pass, "--out", file); !strings.Contains(out, "verified") {
		t.Fatal(out)
	}

	t.Run("verify with the passphrase or the recovery key", func(t *testing.T) {
		out := mustRun("backup", "verify", file, "--passphrase-file", pass)
		if !strings.Contains(out, "OK:") || !strings.Contains(out, "clients") {
			t.Fatal(out)
		}
		mustRun("backup", "verify", "--recovery-key-file", keyFile, file)
	})
	t.Run("restore into a new folder gives the same export", func(t *testing.T) {
		nv := filepath.Join(dir, "new-laptop")
		mustRun("backup", "restore", file, "--recovery-key-file", keyFile, "--new-passphrase-file", next, "--vault", nv)
		after := filepath.Join(dir, "after.json")
		mustRun("export", "--vault", nv, "--passphrase-file", next, "--out", after)
		a, _ := os.ReadFile(before)
		b, _ := os.ReadFile(after)
		if !bytes.Equal(a, b) || len(a) < 1000 {
			t.Fatalf("exports differ: %d and %d bytes", len(a), len(b))
		}
		if fi, _ := os.Stat(after); fi.Mode().Perm() != 0o600 {
			t.Fatalf("export mode %v", fi.Mode())
		}
	})
	t.Run("a backup folder is listed, saying whose each file is", func(t *testing.T) {
		bdir := filepath.Join(dir, "backups")
		os.Mkdir(bdir, 0o700)
		mustRun("backup", "create", "--vault", vdir, "--passphrase-file", pass, "--dir", bdir)
		out := mustRun("backup", "list", "--dir", bdir, "--vault", vdir)
		if !strings.Contains(out, "tandem-backup-") || strings.Count(out, "\n") != 1 || !strings.HasSuffix(out, "  this vault\n") {
			t.Fatal(out)
		}
		// Another laptop's vault backs up into the same folder, and a file
		// that only looks like a backup by its name lies there too.
		other := filepath.Join(dir, "other-laptop")
		mustRun("vault", "init", "--vault", other, "--passphrase-file", pass, "--recovery-key-out", filepath.Join(dir, "other-key.txt"))
		mustRun("backup", "create", "--vault", other, "--passphrase-file", pass, "--dir", bdir)
		os.WriteFile(filepath.Join(bdir, "tandem-backup-2020-01-01T000000Z.age"), nil, 0o600)
		out = mustRun("backup", "list", "--dir", bdir, "--vault", vdir)
		for _, want := range []string{"  this vault\n", "  another vault (", "  not a Tandem backup\n"} {
			if !strings.Contains(out, want) {
				t.Fatalf("no %q in\n%s", want, out)
			}
		}
		// Each vault's backup survived the other's rotation.
		if strings.Count(out, "\n") != 3 {
			t.Fatalf("files were removed:\n%s", out)
		}
	})
	t.Run("failures are one line", func(t *testing.T) {
		damaged := writeFile(t, dir, "damaged.age", "age-encryption.org/v1\n-> X25519 abc\n")
		for _, tc := range []struct {
			args []string
			code int
			says string
		}{
			{[]string{"backup", "verify", file, "--passphrase-file", wrong}, 1, "passphrase does not open this backup"},
			{[]string{"backup", "verify", damaged, "--passphrase-file", pass}, 1, "cannot be used"},
			{[]string{"backup", "verify", filepath.Join(dir, "missing.age"), "--passphrase-file", pass}, 1, "could not be opened"},
			{[]string{"backup", "create", "--vault", vdir, "--passphrase-file", pass, "--out", file}, 1, "already exists"},
			{[]string{"backup", "restore", file, "--recovery-key-file", keyFile, "--vault", vdir}, 2, "--new-passphrase-file"},
			{[]string{"backup", "verify", "--passphrase-file", pass}, 2, "name the backup file"},
			{[]string{"backup", "create", "--vault", vdir, "--passphrase-file", pass}, 2, "--out FILE or --dir DIR"},
			{[]string{"export", "--vault", vdir, "--passphrase-file", pass, "--out", before}, 1, "already exists"},
			{[]string{"export", "--vault", vdir, "--passphrase-file", pass, "--out", filepath.Join(dir, "x.json"), "--client", "999"}, 1, "no longer exists"},
		} {
			code, out, errs := run(t, tc.args...)
			if code != tc.code || !strings.Contains(errs, tc.says) || (tc.code == 1 && strings.Count(errs, "\n") != 1) || out != "" {
				t.Errorf("%v: %d %q %q", tc.args, code, out, errs)
			}
		}
	})
	t.Run("backup alone is a command, not the app", func(t *testing.T) {
		if !IsCommand([]string{"backup"}) || !IsCommand([]string{"export"}) {
			t.Fatal("not recognised")
		}
	})
}

// The CLI tells when a backup was made in the zone of its clock, the
// therapist's, not in UTC (the name's) nor in the computer's zone.
func TestBackupTimesAreTheClocks(t *testing.T) {
	for _, c := range []struct{ name, at, zone, made, listed string }{
		{"at 23:50 on new year's eve in Los Angeles", "2026-12-31T23:50", "America/Los_Angeles", "31 December 2026, 23:50", "2026-12-31 23:50"},
		{"on a leap-day morning in Auckland", "2028-02-29T09:00", "Pacific/Auckland", "29 February 2028, 09:00", "2028-02-29 09:00"},
		{"at 3:00 on new year's day in Kolkata", "2027-01-01T03:00", "Asia/Kolkata", "1 January 2027, 03:00", "2027-01-01 03:00"},
		{"just after the clocks went back in Berlin", "2027-10-31T03:30", "Europe/Berlin", "31 October 2027, 03:30", "2027-10-31 03:30"},
	} {
		t.Run("a backup made "+c.name+" is said to be made then", func(t *testing.T) {
			dir := t.TempDir()
			now := clocktest.At(t, c.at, c.zone)
			mustRun := func(args ...string) string {
				t.Helper()
				code, out, errs := runAt(t, now, args...)
				if code != 0 {
					t.Fatalf("%v: %d\n%s\n%s", args, code, out, errs)
				}
				return out
			}
			vdir, pass, bdir := filepath.Join(dir, "vault"), writeFile(t, dir, "pass", "lantern orbit cello meadow\n"), filepath.Join(dir, "backups")
			os.Mkdir(bdir, 0o700)
			mustRun("vault", "init", "--vault", vdir, "--passphrase-file", pass, "--recovery-key-out", filepath.Join(dir, "recovery.txt"))
			mustRun("backup", "create", "--vault", vdir, "--passphrase-file", pass, "--dir", bdir)
			if out := mustRun("backup", "list", "--dir", bdir); !strings.HasPrefix(out, c.listed) {
				t.Errorf("listed as %q, want it made at %s", out, c.listed)
			}
			files, _ := filepath.Glob(filepath.Join(bdir, "*.age"))
			if len(files) != 1 {
				t.Fatalf("backups: %v", files)
			}
			if out := mustRun("backup", "verify", files[0], "--passphrase-file", pass); !strings.Contains(out, "made           "+c.made+"\n") {
				t.Errorf("verify says %q, want it made %s", out, c.made)
			}
			nv := filepath.Join(dir, "restored")
			if out := mustRun("backup", "restore", files[0], "--passphrase-file", pass, "--new-passphrase-file", pass, "--vault", nv); !strings.Contains(out, "made "+c.made+" into") {
				t.Errorf("restore says %q, want it made %s", out, c.made)
			}
		})
	}
}
