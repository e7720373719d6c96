package vault

import (
	"bytes"
	"testing"
	"time"

	"filippo.io/age"
)

// FuzzParseKeyFile hands the key file reader arbitrary bytes, as someone
// who can write one file of the vault folder could: it must refuse or
// accept without panicking, within its caps, and whatever it accepts must
// read back the same once written again; the MAC check must reject it
// under a key that did not seal it.
func FuzzParseKeyFile(f *testing.F) {
	dataKey := bytes.Repeat([]byte{7}, dataKeySize)
	id, err := age.GenerateX25519Identity()
	if err != nil {
		f.Fatal(err)
	}
	pslot, err := sealPassphraseSlot("0123456789abcdef0123456789abcdef", dataKey, "lantern orbit cello meadow", KDFParams{Time: 1, MemoryKiB: 8 << 10, Threads: 1}, time.Date(2026, 6, 10, 8, 30, 0, 0, time.UTC))
	if err != nil {
		f.Fatal(err)
	}
	rslot, err := sealRecoverySlot(dataKey, id.Recipient())
	if err != nil {
		f.Fatal(err)
	}
	kf := &keyFile{Format: keyFileFormat, VaultID: "0123456789abcdef0123456789abcdef", Created: "2026-06-10T08:30:00Z", Passphrase: pslot, Recovery: rslot}
	kf.seal(dataKey)
	v2, _ := kf.marshal()
	f.Add(v2)
	v1 := *kf
	v1.Version, v1.MAC = 1, ""
	b1, _ := v1.marshal()
	f.Add(b1)
	f.Add([]byte(`{"format":"tandem-vault-key","version":2}`))
	f.Add([]byte{})
	other := bytes.Repeat([]byte{9}, dataKeySize)
	f.Fuzz(func(t *testing.T, b []byte) {
		kf, err := parseKeyFile(b)
		if err != nil {
			return
		}
		if kf.Passphrase.Params.validate() != nil {
			t.Fatal("accepted parameters beyond the caps")
		}
		again, err := kf.marshal()
		if err != nil {
			t.Fatal(err)
		}
		kf2, err := parseKeyFile(again)
		if err != nil {
			t.Fatalf("an accepted key file does not read back: %v", err)
		}
		if *kf2.Passphrase != *kf.Passphrase || *kf2.Recovery != *kf.Recovery || kf2.MAC != kf.MAC || kf2.VaultID != kf.VaultID || kf2.Created != kf.Created || kf2.Version != kf.Version {
			t.Fatal("an accepted key file changes when written again")
		}
		if kf.authentic(other) {
			t.Fatal("a key file is authentic under a key that did not seal it")
		}
	})
}
