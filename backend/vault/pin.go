package vault

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"

	"golang.org/x/crypto/argon2"

	"tandem/backend/domain"
)

// pinParams make a PIN check cost about a tenth of a second: a PIN guards
// leaving co-creation mode on an unlocked vault (a screen turned toward the
// client), not the data at rest, and the number of tries is limited.
var pinParams = KDFParams{Time: 2, MemoryKiB: 19 << 10, Threads: 1}

// CheckPIN validates a new co-creation PIN: 4 to 12 digits.
func CheckPIN(pin string) error {
	if len(pin) < 4 || len(pin) > 12 || strings.Trim(pin, "0123456789") != "" {
		return domain.FieldError("pin", "A PIN is 4 to 12 digits.")
	}
	return nil
}

// HashPIN returns an encoded Argon2id hash of pin for storing in the vault.
func HashPIN(pin string) (string, error) {
	if err := CheckPIN(pin); err != nil {
		return "", err
	}
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", err
	}
	p := pinParams
	h := argon2.IDKey([]byte(pin), salt, p.Time, p.MemoryKiB, p.Threads, 32)
	return fmt.Sprintf("argon2id$%d$%d$%d$%s$%s", p.Time, p.MemoryKiB, p.Threads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(h)), nil
}

// VerifyPIN reports whether pin matches an encoded hash from HashPIN.
func VerifyPIN(pin, encoded string) bool {
	var p KDFParams
	var salt64, hash64 string
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[0] != "argon2id" {
		return false
	}
	if _, err := fmt.Sscanf(parts[1]+" "+parts[2]+" "+parts[3], "%d %d %d", &p.Time, &p.MemoryKiB, &p.Threads); err != nil || p.validate() != nil {
		return false
	}
	salt64, hash64 = parts[4], parts[5]
	salt, err1 := base64.RawStdEncoding.DecodeString(salt64)
	want, err2 := base64.RawStdEncoding.DecodeString(hash64)
	if err1 != nil || err2 != nil || len(want) != 32 {
		return false
	}
	got := argon2.IDKey([]byte(pin), salt, p.Time, p.MemoryKiB, p.Threads, 32)
	return subtle.ConstantTimeCompare(got, want) == 1
}
