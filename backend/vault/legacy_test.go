package vault

import (
	"context"
	"path/filepath"
	"testing"

	"tandem/backend/clock/clocktest"
	"tandem/backend/domain"
	"tandem/backend/storage"
)

// legacyVault makes, in a new folder, the vault an earlier Tandem left: a
// version 1 key file (no MAC) over a database at the schema before the key
// anchor, and returns it locked, with its recovery recipient.
func legacyVault(t *testing.T) (*Vault, string) {
	t.Helper()
	ctx := context.Background()
	opts := Options{KDF: &KDFParams{Time: 1, MemoryKiB: 8 << 10, Threads: 1}, Now: clocktest.Now()}
	v, err := Open(filepath.Join(t.TempDir(), "vault"), true, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { v.Close() })
	p, err := v.Prepare("lantern orbit cello meadow")
	if err != nil {
		t.Fatal(err)
	}
	kf := p.kf
	kf.Version, kf.MAC = 1, ""
	// 4: the schema before migrations/0005_key_anchor.sql.
	db, err := storage.CreateForRestore(ctx, filepath.Join(v.dir, DBFileName), p.dataKey, 4, opts.Now)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := writeKeyFile(v.dir, kf, false); err != nil {
		t.Fatal(err)
	}
	return v, kf.Recovery.Recipient
}

func TestAnEarlierTandemsKeyFileIsAuthenticatedAtItsFirstUnlock(t *testing.T) {
	ctx := context.Background()
	v, recipient := legacyVault(t)
	if err := v.Unlock(ctx, "lantern orbit cello meadow"); err != nil {
		t.Fatal(err)
	}
	kf, _, err := readKeyFile(v.dir)
	if err != nil {
		t.Fatal(err)
	}
	if kf.Version != keyFileVersion || !kf.authentic(v.dataKey) {
		t.Fatalf("the key file is version %d, authentic %v", kf.Version, kf.authentic(v.dataKey))
	}
	a, ok, err := v.db.KeyAnchor(ctx)
	if err != nil || !ok || a != (storage.KeyAnchor{VaultID: kf.VaultID, Recipient: recipient, KeyFileVersion: keyFileVersion}) {
		t.Fatalf("anchor %+v %v %v", a, ok, err)
	}
	// From now on the version 1 file is an older one put back.
	v.Lock()
	old := *kf
	old.Version, old.MAC = 1, ""
	if _, err := writeKeyFile(v.dir, &old, true); err != nil {
		t.Fatal(err)
	}
	if err := v.Unlock(ctx, "lantern orbit cello meadow"); domain.ErrorCode(err) != domain.EKEYFILECHANGED {
		t.Fatalf("the version 1 file put back: %v", err)
	}
}

func TestAnEarlierTandemsVaultChangesItsPassphraseWhileLocked(t *testing.T) {
	ctx := context.Background()
	v, _ := legacyVault(t)
	if err := v.ChangePassphrase("lantern orbit cello meadow", "amber quartz willow drum"); err != nil {
		t.Fatal(err)
	}
	if err := v.Unlock(ctx, "amber quartz willow drum"); err != nil {
		t.Fatal(err)
	}
}
