package backup

import (
	"crypto/hkdf"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"strconv"

	"filippo.io/age"
	"golang.org/x/crypto/chacha20poly1305"

	"tandem/backend/domain"
	"tandem/backend/vault"
)

var randRead = rand.Read

// The header: an X25519 stanza for the recovery key, then the
// tandem-passphrase stanza (docs/backup-format.md, sections 1 and 2).

const (
	passphraseStanzaType    = "tandem-passphrase"
	passphraseStanzaVersion = "1"
	x25519StanzaType        = "X25519"
	wrapInfo                = "tandem-backup v1 file key"
	fileKeySize             = 16
	sealedDataKeySize       = 32 + chacha20poly1305.Overhead
	sealedFileKeySize       = fileKeySize + chacha20poly1305.Overhead
)

// Caps on the key-derivation work a backup may demand (section 2).
const (
	maxKDFTime      = 64
	minKDFMemoryKiB = 8 << 10
	maxKDFMemoryKiB = 2 << 20
	maxKDFThreads   = 16
	maxKDFWork      = 8 << 20 // passes × KiB: 8 GiB·passes
)

var (
	b64       = base64.RawStdEncoding.Strict()
	decimalRe = regexp.MustCompile(`^[1-9][0-9]{0,9}$`)
	hexIDRe   = regexp.MustCompile(`^[0-9a-f]{32}$`)
)

func damagedf(format string, args ...any) error {
	return &domain.Error{Code: domain.EBACKUPDAMAGED,
		Message: "This backup cannot be used: " + fmt.Sprintf(format, args...) + ". Nothing was changed."}
}

// wrapKey derives the key that seals the file key from the data key.
func wrapKey(dataKey, salt []byte) ([]byte, error) {
	return hkdf.Key(sha256.New, dataKey, salt, wrapInfo, chacha20poly1305.KeySize)
}

// passphraseRecipient makes the tandem-passphrase stanza.
type passphraseRecipient struct {
	slot    vault.PassphraseSlot
	dataKey []byte
}

func (r *passphraseRecipient) Wrap(fileKey []byte) ([]*age.Stanza, error) {
	salt := make([]byte, 16)
	if _, err := randRead(salt); err != nil {
		return nil, err
	}
	wk, err := wrapKey(r.dataKey, salt)
	if err != nil {
		return nil, err
	}
	defer wipe(wk)
	aead, err := chacha20poly1305.New(wk)
	if err != nil {
		return nil, err
	}
	s := r.slot
	body := append(append([]byte(nil), s.Wrapped...), aead.Seal(nil, make([]byte, chacha20poly1305.NonceSize), fileKey, nil)...)
	return []*age.Stanza{{Type: passphraseStanzaType, Body: body, Args: []string{passphraseStanzaVersion, s.VaultID,
		strconv.FormatUint(uint64(s.Params.Time), 10), strconv.FormatUint(uint64(s.Params.MemoryKiB), 10), strconv.FormatUint(uint64(s.Params.Threads), 10),
		b64.EncodeToString(s.Salt), b64.EncodeToString(s.Nonce), b64.EncodeToString(salt)}}}, nil
}

// passphraseStanza is a parsed tandem-passphrase stanza.
type passphraseStanza struct {
	slot       vault.PassphraseSlot
	wrapSalt   []byte
	sealedFile []byte
}

// checkHeader enforces the header's shape (section 1) and parses the
// passphrase stanza, before any key derivation.
func checkHeader(stanzas []*age.Stanza) (*passphraseStanza, error) {
	if len(stanzas) != 2 || stanzas[0].Type != x25519StanzaType || stanzas[1].Type != passphraseStanzaType {
		return nil, damagedf("it is not a Tandem backup (its header does not have the recovery key's and the passphrase's entries)")
	}
	x := stanzas[0]
	if len(x.Args) != 1 || len(x.Body) != 32 {
		return nil, damagedf("its header is damaged")
	}
	if share, err := b64.DecodeString(x.Args[0]); err != nil || len(share) != 32 {
		return nil, damagedf("its header is damaged")
	}
	p := stanzas[1]
	bad := damagedf("its header is damaged")
	if len(p.Args) != 8 {
		return nil, bad
	}
	if p.Args[0] != passphraseStanzaVersion {
		return nil, damagedf("its passphrase entry has a version this Tandem does not know (%.8q)", p.Args[0])
	}
	if !hexIDRe.MatchString(p.Args[1]) {
		return nil, bad
	}
	var nums [3]uint64
	for i := range nums {
		a := p.Args[2+i]
		if !decimalRe.MatchString(a) {
			return nil, bad
		}
		n, err := strconv.ParseUint(a, 10, 32)
		if err != nil {
			return nil, bad
		}
		nums[i] = n
	}
	t, m, th := nums[0], nums[1], nums[2]
	if t > maxKDFTime || m < minKDFMemoryKiB || m > maxKDFMemoryKiB || th > maxKDFThreads || t*m > maxKDFWork {
		return nil, damagedf("it asks for more key-derivation work than any Tandem vault uses (%d passes, %d MiB)", t, m>>10)
	}
	var raw [3][]byte
	for i := range raw {
		b, err := b64.DecodeString(p.Args[5+i])
		if err != nil {
			return nil, bad
		}
		raw[i] = b
	}
	if len(raw[2]) != 16 || len(p.Body) != sealedDataKeySize+sealedFileKeySize {
		return nil, bad
	}
	ps := &passphraseStanza{
		slot: vault.PassphraseSlot{VaultID: p.Args[1], Params: vault.KDFParams{Time: uint32(t), MemoryKiB: uint32(m), Threads: uint8(th)},
			Salt: raw[0], Nonce: raw[1], Wrapped: append([]byte(nil), p.Body[:sealedDataKeySize]...)},
		wrapSalt:   raw[2],
		sealedFile: p.Body[sealedDataKeySize:],
	}
	if err := ps.slot.Check(); err != nil {
		return nil, bad
	}
	return ps, nil
}

// openFileKey unseals the file key with the data key.
func (ps *passphraseStanza) openFileKey(dataKey []byte) ([]byte, error) {
	wk, err := wrapKey(dataKey, ps.wrapSalt)
	if err != nil {
		return nil, err
	}
	defer wipe(wk)
	aead, err := chacha20poly1305.New(wk)
	if err != nil {
		return nil, err
	}
	return aead.Open(nil, make([]byte, chacha20poly1305.NonceSize), ps.sealedFile, nil)
}

// unlocked is what opening the header learned.
type unlocked struct {
	stanza  *passphraseStanza
	dataKey []byte // nil when opened with the recovery key
	with    string // "passphrase", "recovery key" or "data key"
}

// identity opens a backup's header one way; it records what it learned.
type identity struct {
	u          *unlocked
	passphrase string
	dataKey    []byte
	recovery   *age.X25519Identity
}

func (id *identity) Unwrap(stanzas []*age.Stanza) ([]byte, error) {
	ps, err := checkHeader(stanzas)
	if err != nil {
		return nil, err
	}
	id.u.stanza = ps
	switch {
	case id.recovery != nil:
		id.u.with = "recovery key"
		fk, err := id.recovery.Unwrap(stanzas[:1])
		if errors.Is(err, age.ErrIncorrectIdentity) {
			return nil, domain.Errorf(domain.EWRONGSECRET, "That recovery key does not open this backup. Check that it is the key from this vault's Recovery Kit.")
		}
		if err != nil {
			return nil, damagedf("its header is damaged")
		}
		return fk, nil
	case id.dataKey != nil:
		id.u.with = "data key"
		fk, err := ps.openFileKey(id.dataKey)
		if err != nil {
			return nil, domain.Errorf(domain.EWRONGSECRET, "This backup was not made from this vault.")
		}
		id.u.dataKey = append([]byte(nil), id.dataKey...)
		return fk, nil
	default:
		id.u.with = "passphrase"
		dk, err := ps.slot.Open(id.passphrase)
		if err != nil {
			if domain.ErrorCode(err) == domain.EWRONGSECRET {
				return nil, domain.Errorf(domain.EWRONGSECRET, "That passphrase does not open this backup. Use the passphrase that was in force when it was made, or the recovery key.")
			}
			return nil, damagedf("its header is damaged")
		}
		fk, err := ps.openFileKey(dk)
		if err != nil {
			wipe(dk)
			return nil, damagedf("its header is damaged")
		}
		id.u.dataKey = dk
		return fk, nil
	}
}

func wipe(b []byte) {
	for i := range b {
		b[i] = 0
	}
}

func hexSum(b []byte) string { return hex.EncodeToString(b) }
