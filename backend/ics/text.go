package ics

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// maxLine is the longest a physical line may be, in octets, not counting
// its CRLF (RFC 5545 3.1).
const maxLine = 75

// lines writes content lines, folded, each ended by CRLF.
type lines struct{ out *bytes.Buffer }

// put writes one content line. s must be valid UTF-8 without control
// characters other than tab, which escapeText and the fixed parts of the
// file ensure. A line longer than maxLine octets is folded: broken before
// the character that would take it past maxLine, and continued on the next
// physical line after one space, which counts towards that line's octets.
// A character is never split, so every physical line is valid UTF-8.
func (l lines) put(s string) {
	n := 0
	for len(s) > 0 {
		_, size := utf8.DecodeRuneInString(s)
		if n+size > maxLine {
			l.out.WriteString("\r\n ")
			n = 1
		}
		l.out.WriteString(s[:size])
		n += size
		s = s[size:]
	}
	l.out.WriteString("\r\n")
}

// escapeText makes s a TEXT value (RFC 5545 3.3.11): backslash, semicolon
// and comma get a backslash before them; a line break (CRLF, LF or a lone
// CR) becomes the two characters \n. Other control characters except tab
// are not allowed in TEXT and are dropped, and bytes that are not UTF-8
// become U+FFFD, so that the file stays valid whatever the caller passes.
func escapeText(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' || c == ';' || c == ',':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\r':
			b.WriteString(`\n`)
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\t':
			b.WriteByte(c)
		case c < 0x20 || c == 0x7f:
			// dropped
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// paramValue writes a parameter value, in double quotes when it holds a
// character a bare value may not (RFC 5545 3.2: ";", ":" or ","). The
// values written here are IANA zone names, which hold none of them, nor a
// double quote or a control character (time.LoadLocation found them).
func paramValue(s string) string {
	if strings.ContainsAny(s, ";:,") {
		return `"` + s + `"`
	}
	return s
}
