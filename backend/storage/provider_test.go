package storage

import (
	"context"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"tandem/backend/clock/clocktest"
	"tandem/backend/domain"
)

// TestCipherProvider checks which library SQLCipher encrypts with: the one
// the build meant (TANDEM_CIPHER_PROVIDER, set with the cgo flags by
// scripts/lib.sh). A plain `go test` builds the driver as it
// comes, with libtomcrypt, and sets no expectation.
func TestCipherProvider(t *testing.T) {
	db, _, _ := mustOpen(t)
	name, version, err := db.CipherProvider(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("cipher provider %s %s", name, version)
	if name != "openssl" && name != "libtomcrypt" {
		t.Fatalf("cipher provider %q", name)
	}
	if want := os.Getenv("TANDEM_CIPHER_PROVIDER"); want != "" && name != want {
		t.Fatalf("SQLCipher encrypts with %s; this build meant %s (are the cgo flags of scripts/lib.sh set?)", name, want)
	}
}

// The provider fixtures are small vaults, one made by each build, with this
// key (a fixture's, used nowhere else) and one fictional client.
const (
	fixtureKeyHex     = "0f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566778899aabbccddeeff0"
	fixtureClientName = "Fixture Otter"
)

func fixturePath(provider string) string {
	return filepath.Join("testdata", "vault-made-with-"+provider+".db")
}

// TestVaultMadeByTheOtherProvider opens the vaults made by both builds,
// whichever this one is: a vault moves between a Linux build (OpenSSL) and
// a Windows one (libtomcrypt) and opens in both. `make test` runs it in
// both builds.
func TestVaultMadeByTheOtherProvider(t *testing.T) {
	key, _ := hex.DecodeString(fixtureKeyHex)
	ctx := context.Background()
	for _, provider := range []string{"openssl", "libtomcrypt"} {
		t.Run(provider, func(t *testing.T) {
			b, err := os.ReadFile(fixturePath(provider))
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "vault.db")
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
			db, err := Open(ctx, path, key, clocktest.Now())
			if err != nil {
				t.Fatalf("open the vault made with %s: %v", provider, err)
			}
			defer db.Close()
			report, err := db.Check(ctx)
			if err != nil || !report.OK() {
				t.Fatalf("check: %+v %v", report, err)
			}
			list, err := db.Clients(ctx, domain.ClientFilter{})
			if err != nil || len(list) != 1 || list[0].ChosenName != fixtureClientName {
				t.Fatalf("clients: %+v %v", list, err)
			}
			// And it takes a write, which this build encrypts.
			if _, err := db.CreateClient(ctx, domain.Client{ChosenName: "Fixture Heron", Pronouns: "she/her"}, domain.ByTherapist); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// TestWriteProviderFixture remakes this build's fixture when
// TANDEM_WRITE_PROVIDER_FIXTURE=1.
func TestWriteProviderFixture(t *testing.T) {
	if os.Getenv("TANDEM_WRITE_PROVIDER_FIXTURE") != "1" {
		t.Skip("set TANDEM_WRITE_PROVIDER_FIXTURE=1 to remake this build's fixture")
	}
	key, _ := hex.DecodeString(fixtureKeyHex)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "vault.db")
	db, err := Open(ctx, path, key, clocktest.Now())
	if err != nil {
		t.Fatal(err)
	}
	name, _, err := db.CipherProvider(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateClient(ctx, domain.Client{ChosenName: fixtureClientName, Pronouns: "they/them"}, domain.ByTherapist); err != nil {
		t.Fatal(err)
	}
	// One file: the write-ahead log folded in.
	if _, err := db.sql.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll("testdata", 0o755)
	if err := os.WriteFile(fixturePath(name), b, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%d bytes)", fixturePath(name), len(b))
}
