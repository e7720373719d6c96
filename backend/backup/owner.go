package backup

import (
	"io"
	"os"

	"filippo.io/age"
)

// Owner says whose backup a file in a backup folder is, as far as Tandem
// can tell from its header (docs/backup-format.md, section 4). Rotation
// removes only files proven to be this vault's own.
type Owner string

const (
	// NotABackup: no Tandem backup header (another program's file, an
	// empty file, a file cut short).
	NotABackup Owner = "not a Tandem backup"
	// OtherVault: a Tandem backup of another vault (another laptop's, in a
	// shared folder).
	OtherVault Owner = "another vault"
	// ThisVault: its header names this vault and opens with its data key
	// now: proven this vault's.
	ThisVault Owner = "this vault"
	// ThisVaultEarlierKey: its header names this vault but does not open
	// with its data key now: made before the vault's keys last changed (a
	// new passphrase or recovery key), or made to look like it. Kept.
	ThisVaultEarlierKey Owner = "this vault, before its keys changed"
)

// maxHeader bounds what is read of a file to find its header: a Tandem
// header is under 1 KiB.
const maxHeader = 16 << 10

// ownerOf reads the header of the file at path and says whose backup it is.
// vaultID is this vault's id; dataKey, when set, is its data key, which
// proves a file this vault's (the passphrase stanza opens with it and the
// header's MAC checks). It never reads the payload.
func ownerOf(path, vaultID string, dataKey []byte) (Owner, string) {
	named := headerVaultID(path)
	switch {
	case named == "":
		return NotABackup, ""
	case named != vaultID:
		return OtherVault, named
	case dataKey != nil && opensWith(path, dataKey):
		return ThisVault, named
	default:
		return ThisVaultEarlierKey, named
	}
}

// headerVaultID returns the vault id the file's tandem-passphrase stanza
// names, or "" when the file has no Tandem backup header. The name is a
// claim, not a proof: anyone can write it.
func headerVaultID(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	var named string
	age.Decrypt(io.LimitReader(f, maxHeader), stanzaReader(func(stanzas []*age.Stanza) {
		if ps, err := checkHeader(stanzas); err == nil {
			named = ps.slot.VaultID
		}
	}))
	return named
}

// opensWith reports whether the file's header opens with dataKey: the file
// key unwrapped from its passphrase stanza, and the header's MAC checked
// with it (age does that before it returns).
func opensWith(path string, dataKey []byte) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var u unlocked
	_, err = age.Decrypt(io.LimitReader(f, maxHeader+1<<20), &identity{u: &u, dataKey: dataKey})
	wipe(u.dataKey)
	return err == nil
}

// stanzaReader is an age identity that only looks at a header's stanzas.
type stanzaReader func([]*age.Stanza)

func (s stanzaReader) Unwrap(stanzas []*age.Stanza) ([]byte, error) {
	s(stanzas)
	return nil, age.ErrIncorrectIdentity
}
