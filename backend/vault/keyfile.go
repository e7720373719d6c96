package vault

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"filippo.io/age"
	"golang.org/x/crypto/chacha20poly1305"
	"golang.org/x/crypto/hkdf"

	"tandem/backend/domain"
	"tandem/backend/storage"
)

// File names inside a vault folder.
const (
	KeyFileName  = "tandem.key"
	DBFileName   = "tandem.db"
	LockFileName = "tandem.lock"
)

const (
	keyFileFormat = "tandem-vault-key"
	// keyFileVersion is the version written: 2 carries a MAC over the whole
	// file. Version 1 (no MAC, written by earlier Tandems) is still read,
	// and rewritten as version 2 at the vault's next unlock.
	keyFileVersion = 2
	// slotADVersion is the version named in a passphrase slot's associated
	// data; it stays 1 whatever the file's version, or every slot made
	// before would stop opening (backup-format.md quotes it).
	slotADVersion  = 1
	macSize        = sha256.Size
	dataKeySize    = 32
	maxKeyFileSize = 64 << 10
)

// keyFile is the on-disk form of tandem.key.
type keyFile struct {
	Format     string          `json:"format"`
	Version    int             `json:"version"`
	VaultID    string          `json:"vault_id"`
	Created    string          `json:"created"`
	Passphrase *passphraseSlot `json:"passphrase"`
	Recovery   *recoverySlot   `json:"recovery"`
	// MAC authenticates every other field (version 2): see mac.
	MAC string `json:"mac,omitempty"`
}

type passphraseSlot struct {
	KDF     string    `json:"kdf"`
	Params  KDFParams `json:"params"`
	Salt    string    `json:"salt"`
	Nonce   string    `json:"nonce"`
	Wrapped string    `json:"wrapped"`
	Changed string    `json:"changed"`
}

type recoverySlot struct {
	Recipient string `json:"recipient"`
	Wrapped   string `json:"wrapped"`
}

func damaged(detail string, err error) error {
	msg := "The vault's key file (" + KeyFileName + ") is damaged or incomplete, so the vault cannot be opened. Nothing was changed. Restore the vault from a backup, or put back a copy of the key file."
	if err == nil {
		err = errors.New(detail)
	} else {
		err = fmt.Errorf("%s: %w", detail, err)
	}
	return domain.Wrap(domain.EVAULTDAMAGED, msg, err)
}

// parseKeyFile decodes and checks a key file strictly.
func parseKeyFile(b []byte) (*keyFile, error) {
	if len(b) == 0 {
		return nil, damaged("empty key file", nil)
	}
	if len(b) > maxKeyFileSize {
		return nil, damaged("key file too large", nil)
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var kf keyFile
	if err := dec.Decode(&kf); err != nil {
		return nil, damaged("decode key file", err)
	}
	if dec.More() {
		return nil, damaged("trailing data after key file", nil)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, damaged("trailing data after key file", nil)
	}
	if kf.Format != keyFileFormat {
		return nil, damaged("not a Tandem key file", nil)
	}
	if kf.Version > keyFileVersion {
		return nil, domain.Errorf(domain.EVAULTNEWER, "This vault's key file was written by a newer version of Tandem (key file version %d). Install the newer Tandem to open it; nothing was changed.", kf.Version)
	}
	switch kf.Version {
	case 1:
		if kf.MAC != "" {
			return nil, damaged("a version 1 key file with a MAC", nil)
		}
	case 2:
		if raw, err := base64.StdEncoding.Strict().DecodeString(kf.MAC); err != nil || len(raw) != macSize {
			return nil, damaged("key file MAC", err)
		}
	default:
		return nil, damaged(fmt.Sprintf("unknown key file version %d", kf.Version), nil)
	}
	if len(kf.VaultID) != 32 {
		return nil, damaged("bad vault id", nil)
	}
	if kf.Passphrase == nil || kf.Recovery == nil {
		return nil, damaged("missing key slot", nil)
	}
	s := kf.Passphrase
	if s.KDF != "argon2id" {
		return nil, damaged("unknown key derivation "+s.KDF, nil)
	}
	if err := s.Params.validate(); err != nil {
		return nil, damaged("passphrase slot", err)
	}
	for name, want := range map[string][2]int{"salt": {16, 64}, "nonce": {chacha20poly1305.NonceSizeX, chacha20poly1305.NonceSizeX}, "wrapped": {dataKeySize + chacha20poly1305.Overhead, dataKeySize + chacha20poly1305.Overhead}} {
		v := map[string]string{"salt": s.Salt, "nonce": s.Nonce, "wrapped": s.Wrapped}[name]
		raw, err := base64.StdEncoding.Strict().DecodeString(v)
		if err != nil || len(raw) < want[0] || len(raw) > want[1] {
			return nil, damaged("passphrase slot "+name, err)
		}
	}
	if _, err := age.ParseX25519Recipient(kf.Recovery.Recipient); err != nil {
		return nil, damaged("recovery slot recipient", err)
	}
	if raw, err := base64.StdEncoding.Strict().DecodeString(kf.Recovery.Wrapped); err != nil || len(raw) == 0 || len(raw) > 4096 {
		return nil, damaged("recovery slot", err)
	}
	return &kf, nil
}

func (kf *keyFile) marshal() ([]byte, error) {
	b, err := json.MarshalIndent(kf, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// slotAD is the associated data sealing a passphrase slot to its parameters
// and its vault: changing any parameter makes the slot fail to open.
func slotAD(vaultID string, s *passphraseSlot) []byte {
	return fmt.Appendf(nil, "%s v%d passphrase-slot\x00%s\x00%s\x00t=%d m=%d p=%d\x00%s",
		keyFileFormat, slotADVersion, vaultID, s.KDF, s.Params.Time, s.Params.MemoryKiB, s.Params.Threads, s.Salt)
}

// mac is the key file's MAC under dataKey: HMAC-SHA-256, keyed with
// HKDF-SHA-256(dataKey, info "tandem-vault-key v2 mac"), over the file's
// fields encoded as compact JSON without the mac member. Strict reading
// (parseKeyFile) makes that encoding canonical: any field changed changes
// it.
func (kf *keyFile) mac(dataKey []byte) []byte {
	c := *kf
	c.MAC = ""
	body, err := json.Marshal(&c)
	if err != nil {
		panic(err) // a struct of strings and numbers always encodes
	}
	key := make([]byte, sha256.Size)
	if _, err := io.ReadFull(hkdf.New(sha256.New, dataKey, nil, []byte("tandem-vault-key v2 mac")), key); err != nil {
		panic(err)
	}
	defer wipe(key)
	h := hmac.New(sha256.New, key)
	h.Write(body)
	return h.Sum(nil)
}

// seal makes kf a version 2 key file authenticated under dataKey.
func (kf *keyFile) seal(dataKey []byte) {
	kf.Version = keyFileVersion
	kf.MAC = ""
	kf.MAC = base64.StdEncoding.EncodeToString(kf.mac(dataKey))
}

// authentic reports whether kf is a version 2 key file whose MAC dataKey
// confirms. A version 1 file has no MAC and is never authentic.
func (kf *keyFile) authentic(dataKey []byte) bool {
	if kf.Version != 2 {
		return false
	}
	got, err := base64.StdEncoding.DecodeString(kf.MAC)
	return err == nil && hmac.Equal(got, kf.mac(dataKey))
}

// changed is the error for a key file that does not match its vault: its
// MAC fails, it disagrees with the database's anchor, or an older file was
// put back. Nothing is used of it; RepairKeyFile rewrites it.
func changed(dir, detail string) error {
	return domain.Wrap(domain.EKEYFILECHANGED, "The vault's key file ("+filepath.Join(dir, KeyFileName)+") does not match the vault: it was changed outside Tandem, or a change to it was interrupted. Tandem will not use it. With your passphrase, Tandem can rewrite it from the parts it can check (in the app when you unlock, or with tandem vault repair-key-file); or restore the vault from a backup.", errors.New(detail))
}

// sealPassphraseSlot wraps dataKey under passphrase with fresh salt and nonce.
func sealPassphraseSlot(vaultID string, dataKey []byte, passphrase string, p KDFParams, now time.Time) (*passphraseSlot, error) {
	if err := p.validate(); err != nil {
		return nil, err
	}
	salt := make([]byte, 16)
	nonce := make([]byte, chacha20poly1305.NonceSizeX)
	if _, err := rand.Read(salt); err != nil {
		return nil, err
	}
	if _, err := rand.Read(nonce); err != nil {
		return nil, err
	}
	s := &passphraseSlot{KDF: "argon2id", Params: p, Salt: base64.StdEncoding.EncodeToString(salt),
		Nonce: base64.StdEncoding.EncodeToString(nonce), Changed: now.UTC().Format(time.RFC3339)}
	kek := deriveKEK(passphrase, salt, p)
	defer releaseMemory()
	defer wipe(kek)
	aead, err := chacha20poly1305.NewX(kek)
	if err != nil {
		return nil, err
	}
	s.Wrapped = base64.StdEncoding.EncodeToString(aead.Seal(nil, nonce, dataKey, slotAD(vaultID, s)))
	return s, nil
}

// openPassphraseSlot returns the data key, or EWRONGSECRET.
func (kf *keyFile) openPassphraseSlot(passphrase string) ([]byte, error) {
	s := kf.Passphrase
	salt, _ := base64.StdEncoding.DecodeString(s.Salt)
	nonce, _ := base64.StdEncoding.DecodeString(s.Nonce)
	wrapped, _ := base64.StdEncoding.DecodeString(s.Wrapped)
	kek := deriveKEK(passphrase, salt, s.Params)
	defer releaseMemory()
	defer wipe(kek)
	aead, err := chacha20poly1305.NewX(kek)
	if err != nil {
		return nil, err
	}
	key, err := aead.Open(nil, nonce, wrapped, slotAD(kf.VaultID, s))
	if err != nil {
		return nil, domain.Errorf(domain.EWRONGSECRET, "That passphrase does not open this vault. Check that Caps Lock is off and try again.")
	}
	return key, nil
}

func sealRecoverySlot(dataKey []byte, recipient *age.X25519Recipient) (*recoverySlot, error) {
	var buf bytes.Buffer
	w, err := age.Encrypt(&buf, recipient)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(dataKey); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return &recoverySlot{Recipient: recipient.String(), Wrapped: base64.StdEncoding.EncodeToString(buf.Bytes())}, nil
}

// openRecoverySlot returns the data key, or EWRONGSECRET.
func (kf *keyFile) openRecoverySlot(id *age.X25519Identity) ([]byte, error) {
	wrong := domain.Errorf(domain.EWRONGSECRET, "That recovery key does not open this vault. Check that it is the key from this vault's Recovery Kit.")
	wrapped, _ := base64.StdEncoding.DecodeString(kf.Recovery.Wrapped)
	r, err := age.Decrypt(bytes.NewReader(wrapped), id)
	if err != nil {
		var nm *age.NoIdentityMatchError
		if errors.As(err, &nm) {
			return nil, wrong
		}
		return nil, damaged("recovery slot", err)
	}
	key, err := io.ReadAll(io.LimitReader(r, dataKeySize+1))
	if err != nil || len(key) != dataKeySize {
		return nil, damaged("recovery slot content", err)
	}
	return key, nil
}

// readKeyFile reads and parses dir's key file, returning its bytes too. A
// missing file is ENOVAULT.
func readKeyFile(dir string) (*keyFile, []byte, error) {
	b, err := readKeyFileBytes(dir)
	if err != nil {
		return nil, nil, err
	}
	kf, err := parseKeyFile(b)
	return kf, b, err
}

// readKeyFileBytes reads dir's key file as it is on disk. A missing file is
// ENOVAULT.
func readKeyFileBytes(dir string) ([]byte, error) {
	b, err := os.ReadFile(filepath.Join(dir, KeyFileName))
	if errors.Is(err, os.ErrNotExist) {
		return nil, domain.Errorf(domain.ENOVAULT, "There is no Tandem vault in %s.", dir)
	}
	if err != nil {
		return nil, domain.Wrap(domain.EVAULTDAMAGED, "The vault's key file could not be read. Check that the folder is accessible.", err)
	}
	return b, nil
}

// writeKeyFile writes kf atomically and returns the bytes written. With
// replace false an existing key file is never overwritten (EEXISTS).
func writeKeyFile(dir string, kf *keyFile, replace bool) ([]byte, error) {
	b, err := kf.marshal()
	if err != nil {
		return nil, err
	}
	final := filepath.Join(dir, KeyFileName)
	if !replace {
		if _, err := os.Lstat(final); err == nil {
			return nil, domain.Errorf(domain.EEXISTS, "A vault already exists in %s; Tandem never overwrites one.", dir)
		}
	}
	return b, writeFileAtomic(final, b)
}

// anchorOf is the database's anchor for kf (storage.KeyAnchor).
func anchorOf(kf *keyFile) storage.KeyAnchor {
	return storage.KeyAnchor{VaultID: kf.VaultID, Recipient: kf.Recovery.Recipient, KeyFileVersion: kf.Version}
}

// writeFileAtomic writes b to path through a temporary file in the same
// folder: write, fsync, rename, fsync the folder. Mode 0600.
func writeFileAtomic(path string, b []byte) (err error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("create temporary file: %w", err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if err = f.Chmod(0o600); err != nil && runtime.GOOS != "windows" {
		return fmt.Errorf("chmod: %w", err)
	}
	if _, err = f.Write(b); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if err = f.Sync(); err != nil {
		return fmt.Errorf("sync: %w", err)
	}
	if err = f.Close(); err != nil {
		return fmt.Errorf("close: %w", err)
	}
	if err = os.Rename(tmp, path); err != nil {
		return fmt.Errorf("rename: %w", err)
	}
	syncDir(dir)
	return nil
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync() // not supported on every platform; best effort
		d.Close()
	}
}

func newVaultID() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

func wipe(b []byte) {
	for i := range b {
		b[i] = 0
	}
}

// ParseRecoveryKey reads a recovery key as a person may type or paste it:
// case, spaces and line breaks are ignored. It also accepts the contents of
// a recovery key file (age identity format: one AGE-SECRET-KEY-1… line,
// blank lines and # comments allowed).
func ParseRecoveryKey(s string) (*age.X25519Identity, error) {
	invalid := domain.FieldError("recoveryKey", "This does not look like a Tandem recovery key. A recovery key starts with AGE-SECRET-KEY-1 and is 74 characters long.")
	var keyLines []string
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		keyLines = append(keyLines, line)
	}
	compact := strings.ToUpper(strings.Join(strings.Fields(strings.Join(keyLines, "")), ""))
	if !strings.HasPrefix(compact, "AGE-SECRET-KEY-1") {
		return nil, invalid
	}
	id, err := age.ParseX25519Identity(compact)
	if err != nil {
		return nil, invalid
	}
	return id, nil
}

// RecoveryKeyFile is the content of a recovery key file: the age identity
// format, with comments a person can read, so that `age -d -i FILE` accepts
// it as it is.
func RecoveryKeyFile(key string, created time.Time) []byte {
	return fmt.Appendf(nil, `# Tandem recovery key, made %s.
# It opens this Tandem vault if the passphrase is forgotten, and every backup
# made while it was in force. Keep it somewhere safe, away from the laptop.
# Anyone who has it and the vault or a backup can read the records.
%s
`, created.Format("2 January 2006"), key)
}
