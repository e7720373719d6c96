package domain

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MinPassphraseLength is the shortest passphrase Tandem accepts, counted in
// characters (not bytes), so that every script counts the same.
const MinPassphraseLength = 12

// MaxPassphraseLength bounds the input handed to key derivation.
const MaxPassphraseLength = 1024

// PassphraseCheck is the verdict on a proposed new passphrase. Message says
// kindly why a passphrase is refused; Hint says what would be strong.
type PassphraseCheck struct {
	OK      bool   `json:"ok"`
	Message string `json:"message"`
	Hint    string `json:"hint"`
}

const passphraseHint = "A strong passphrase is easy for you to remember and hard for anyone to guess: for example four or five ordinary words that have nothing to do with each other, such as \"copper kettle harbour violet\" (but not that one)."

// CheckPassphrase judges a proposed new passphrase. The rules are simple on
// purpose, so the message can say exactly what to change: long enough, not a
// well-known password or keyboard run, and not one character repeated.
// Existing passphrases are never re-judged: this applies only to new ones.
func CheckPassphrase(p string) PassphraseCheck {
	refuse := func(msg string) PassphraseCheck {
		return PassphraseCheck{OK: false, Message: msg, Hint: passphraseHint}
	}
	if p == "" {
		return refuse("Choose a passphrase to protect your records.")
	}
	if !utf8.ValidString(p) {
		return refuse("This passphrase contains characters Tandem cannot read. Please type it again.")
	}
	for _, r := range p {
		if unicode.IsControl(r) {
			return refuse("A passphrase cannot contain tab, line-break or other invisible control characters.")
		}
	}
	n := utf8.RuneCountInString(p)
	if n > MaxPassphraseLength {
		return refuse("This passphrase is longer than Tandem accepts (1024 characters). A shorter one is just as safe.")
	}
	if strings.TrimSpace(p) != p {
		return refuse("This passphrase begins or ends with a space, which is easy to forget. Remove the space at the start or end.")
	}
	if n < MinPassphraseLength {
		return refuse("This passphrase is too short: someone with your laptop could try every combination of this length. Use at least 12 characters.")
	}
	folded := strings.ToLower(p)
	if distinctRunes(folded) < 5 {
		return refuse("This passphrase repeats too few different characters to be hard to guess.")
	}
	core := strings.TrimRight(strings.TrimLeft(folded, "0123456789!@#$%^&*?. "), "0123456789!@#$%^&*?. ")
	squashed := strings.NewReplacer(" ", "", "-", "", "_", "", ".", "").Replace(core)
	for _, w := range commonPasswords {
		if squashed == w || strings.Repeat(w, 2) == squashed || strings.Repeat(w, 3) == squashed {
			return refuse("This is one of the passphrases that people use most often, so it is among the first anyone would try.")
		}
	}
	if isKeyboardRun(squashed) {
		return refuse("This passphrase follows the order of the keyboard or the alphabet, which is among the first things anyone would try.")
	}
	return PassphraseCheck{OK: true, Message: "This passphrase is strong enough.", Hint: ""}
}

func distinctRunes(s string) int {
	seen := map[rune]bool{}
	for _, r := range s {
		seen[r] = true
	}
	return len(seen)
}

// isKeyboardRun reports whether s is made of a few short runs along the
// keyboard rows, the alphabet or the digits ("qwertyuiop123", "abcdefghijkl").
func isKeyboardRun(s string) bool {
	rows := []string{
		"`1234567890-=", "qwertyuiop[]", "asdfghjkl;'", "zxcvbnm,./",
		"abcdefghijklmnopqrstuvwxyz", "01234567890", "azertyuiop", "qwertzuiop",
	}
	runs := 0
	for i := 0; i < len(s); {
		best := 1
		for _, row := range rows {
			for _, r := range []string{row, reverse(row)} {
				for k := 0; k < len(r); k++ {
					l := 0
					for i+l < len(s) && k+l < len(r) && s[i+l] == r[k+l] {
						l++
					}
					if l > best {
						best = l
					}
				}
			}
		}
		if best < 3 {
			return false
		}
		runs++
		i += best
	}
	return runs > 0 && runs <= 3
}

func reverse(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

// commonPasswords are the cores (digits and punctuation stripped, spaces
// removed, lower case) of passphrases found at the top of every leaked list,
// plus the obvious ones for this app. Long enough entries only: shorter ones
// are refused for their length anyway.
var commonPasswords = []string{
	"password", "passphrase", "iloveyou", "letmein", "welcome", "sunshine",
	"princess", "football", "baseball", "dragon", "monkey", "master",
	"superman", "trustno", "whatever", "starwars", "qwerty", "abc",
	"changeme", "secret", "admin", "administrator", "therapist", "therapy",
	"tandem", "tandemvault", "mypassword", "mypassphrase", "correcthorsebatterystaple",
	"passwordpassword", "iloveyouforever", "letmeinplease", "opensesame",
	"psychedelic", "psilocybin", "integration", "mushroom", "mushrooms",
}
