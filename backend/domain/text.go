package domain

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Text limits, generous on purpose: a limit exists to keep one mistaken paste
// from filling the vault, not to cut anyone short.
const (
	MaxShortText = 200   // names, titles, single-line fields
	MaxLineText  = 500   // contact lines, web addresses
	MaxLongText  = 20000 // statements, notes
)

// CleanLine trims a single-line field and checks it: valid UTF-8, no control
// characters, at most max characters. required refuses an empty value. The
// label is the field's name as the therapist sees it.
func CleanLine(field, label, value string, max int, required bool) (string, error) {
	v := strings.TrimSpace(value)
	if err := checkText(field, label, v, max, false); err != nil {
		return "", err
	}
	if required && v == "" {
		return "", FieldError(field, label+" is needed.")
	}
	return v, nil
}

// CleanText is CleanLine for multi-line fields: line breaks and tabs are
// allowed, and line endings are normalised to "\n".
func CleanText(field, label, value string, max int, required bool) (string, error) {
	v := strings.ReplaceAll(value, "\r\n", "\n")
	v = strings.ReplaceAll(v, "\r", "\n")
	v = strings.TrimSpace(v)
	if err := checkText(field, label, v, max, true); err != nil {
		return "", err
	}
	if required && v == "" {
		return "", FieldError(field, label+" is needed.")
	}
	return v, nil
}

func checkText(field, label, v string, max int, multiline bool) error {
	if !utf8.ValidString(v) {
		return FieldError(field, label+" contains characters that could not be read. Please retype it.")
	}
	for _, r := range v {
		if r == '\n' || r == '\t' {
			if multiline {
				continue
			}
			return FieldError(field, label+" must fit on one line.")
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return FieldError(field, label+" contains an invisible control character. Please retype it without pasting.")
		}
	}
	if n := utf8.RuneCountInString(v); n > max {
		return FieldError(field, label+" is longer than Tandem keeps in one field ("+strconv.Itoa(max)+" characters). Please shorten it.")
	}
	return nil
}

// ParseDate parses an ISO date (2026-11-25) as a calendar date. Empty is
// allowed when required is false.
func ParseDate(field, label, value string, required bool) (string, error) {
	v := strings.TrimSpace(value)
	if v == "" {
		if required {
			return "", FieldError(field, label+" is needed.")
		}
		return "", nil
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return "", FieldError(field, label+" is not a real date. Use the form year-month-day, for example 2026-03-14.")
	}
	if t.Year() < 1900 || t.Year() > 2200 {
		return "", FieldError(field, label+" is outside the years Tandem accepts (1900 to 2200).")
	}
	return t.Format(time.DateOnly), nil
}
