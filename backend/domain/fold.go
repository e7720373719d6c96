package domain

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// letterFolds are letters that do not decompose into a base letter and a
// mark but are read as one by people searching ("Øvergård" for "overgard").
var letterFolds = strings.NewReplacer("ø", "o", "ß", "ss", "æ", "ae", "œ", "oe", "đ", "d", "ł", "l", "ı", "i", "þ", "th", "ð", "d")

// Fold prepares text for accent- and case-insensitive matching: lower case,
// marks removed after canonical decomposition ("Zoë" and "zoe" fold alike).
// Scripts whose marks carry meaning (Devanagari vowel signs, Arabic
// harakat) are left whole apart from combining marks of Latin, Greek and
// Cyrillic letters.
func Fold(s string) string {
	s = strings.ToLower(s)
	var b strings.Builder
	b.Grow(len(s))
	var prev rune
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) && (unicode.In(prev, unicode.Latin, unicode.Greek, unicode.Cyrillic)) {
			continue
		}
		b.WriteRune(r)
		if !unicode.Is(unicode.Mn, r) {
			prev = r
		}
	}
	return letterFolds.Replace(norm.NFC.String(b.String()))
}

// isWordRune reports whether r belongs to a word for searching: letters,
// digits and the marks that are part of letters in many scripts.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}
