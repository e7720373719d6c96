package backup

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Values as JSON (docs/backup-format.md, section 3.3). The writer is
// hand-made so that its output is canonical: the same value always gives
// the same bytes.

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string, escaping exactly ", \ and the
// control characters U+0000 to U+001F.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b = append(b, s[start:i]...)
		switch c {
		case '"', '\\':
			b = append(b, '\\', c)
		case '\b':
			b = append(b, '\\', 'b')
		case '\t':
			b = append(b, '\\', 't')
		case '\n':
			b = append(b, '\\', 'n')
		case '\f':
			b = append(b, '\\', 'f')
		case '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
		}
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendValue appends one stored value: nil, int64, float64, string or
// []byte.
func appendValue(b []byte, v any) ([]byte, error) {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case int64:
		return strconv.AppendInt(b, v, 10), nil
	case float64:
		switch {
		case math.IsInf(v, 1):
			return append(b, `{"real":"Infinity"}`...), nil
		case math.IsInf(v, -1):
			return append(b, `{"real":"-Infinity"}`...), nil
		case math.IsNaN(v):
			return b, errors.New("a REAL value is NaN")
		}
		start := len(b)
		b = strconv.AppendFloat(b, v, 'g', -1, 64)
		if !bytes.ContainsAny(b[start:], ".e") {
			b = append(b, '.', '0')
		}
		return b, nil
	case string:
		if utf8.ValidString(v) {
			return appendString(b, v), nil
		}
		b = append(b, `{"text_base64":"`...)
		b = base64.StdEncoding.AppendEncode(b, []byte(v))
		return append(b, `"}`...), nil
	case []byte:
		b = append(b, `{"blob":"`...)
		b = base64.StdEncoding.AppendEncode(b, v)
		return append(b, `"}`...), nil
	default:
		return b, fmt.Errorf("unexpected value of type %T", v)
	}
}

// appendRow appends a row as a JSON array and a line feed.
func appendRow(b []byte, row []any) ([]byte, error) {
	b = append(b, '[')
	var err error
	for i, v := range row {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = appendValue(b, v); err != nil {
			return b, err
		}
	}
	return append(b, ']', '\n'), nil
}

// parseRow reads one row line (without its line feed) of n values.
//
// Most lines are in the exact form appendRow writes, which parseRowFast
// reads without encoding/json; any line it is not sure of (whitespace,
// escapes it leaves alone, invalid UTF-8, a shape Tandem does not write,
// an error) is read by parseRowJSON, the reference. parseRowFast accepts
// only what parseRowJSON accepts, with the same values (a fuzz test holds
// it to that), so the two together read exactly as parseRowJSON alone.
func parseRow(line []byte, n int) ([]any, error) {
	if row, ok := parseRowFast(line, n, nil); ok {
		return row, nil
	}
	return parseRowJSON(line, n)
}

// parseRowJSON is parseRow with encoding/json: the reference.
func parseRowJSON(line []byte, n int) ([]any, error) {
	var raw []json.RawMessage
	if err := json.Unmarshal(line, &raw); err != nil {
		return nil, errors.New("a row is not a JSON array")
	}
	if len(raw) != n {
		return nil, fmt.Errorf("a row has %d values for %d columns", len(raw), n)
	}
	row := make([]any, n)
	for i, r := range raw {
		v, err := parseValue(r)
		if err != nil {
			return nil, err
		}
		row[i] = v
	}
	return row, nil
}

func parseValue(r json.RawMessage) (any, error) {
	if len(r) == 0 {
		return nil, errors.New("an empty value")
	}
	switch c := r[0]; {
	case c == 'n':
		return nil, nil // json.Unmarshal accepted it, so it is exactly null
	case c == '"':
		var s string
		if err := json.Unmarshal(r, &s); err != nil {
			return nil, errors.New("a text value is not a JSON string")
		}
		return s, nil
	case c == '-' || (c >= '0' && c <= '9'):
		s := string(r)
		if strings.ContainsAny(s, ".eE") {
			f, err := strconv.ParseFloat(s, 64)
			if err != nil || math.IsInf(f, 0) {
				return nil, errors.New("a REAL value is out of range")
			}
			return f, nil
		}
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return nil, errors.New("an INTEGER value is out of range")
		}
		return n, nil
	case c == '{':
		var obj map[string]string
		if err := json.Unmarshal(r, &obj); err != nil || len(obj) != 1 {
			return nil, errors.New("a value is not in a form Tandem writes")
		}
		for k, s := range obj {
			switch k {
			case "blob":
				b, err := base64.StdEncoding.Strict().DecodeString(s)
				if err != nil {
					return nil, errors.New("a BLOB value is not valid base64")
				}
				return b, nil
			case "text_base64":
				b, err := base64.StdEncoding.Strict().DecodeString(s)
				if err != nil {
					return nil, errors.New("a text value is not valid base64")
				}
				return string(b), nil
			case "real":
				switch s {
				case "Infinity":
					return math.Inf(1), nil
				case "-Infinity":
					return math.Inf(-1), nil
				}
			}
		}
		return nil, errors.New("a value is not in a form Tandem writes")
	default:
		return nil, errors.New("a value is not in a form Tandem writes")
	}
}

// parseRowFast reads a row line in the canonical form appendRow writes,
// into row (reused when it has room for n values). ok is false when the
// line is not in that form, or is invalid: parseRowJSON then decides.
func parseRowFast(line []byte, n int, row []any) (_ []any, ok bool) {
	if len(line) < 2 || line[0] != '[' || line[len(line)-1] != ']' {
		return nil, false
	}
	if cap(row) >= n {
		row = row[:0]
	} else {
		row = make([]any, 0, n)
	}
	p := 1
	end := len(line) - 1
	for {
		if len(row) == n || p >= end {
			return nil, false
		}
		v, next, ok := fastValue(line, p)
		if !ok {
			return nil, false
		}
		row = append(row, v)
		p = next
		if p == end {
			break
		}
		if line[p] != ',' {
			return nil, false
		}
		p++
	}
	if len(row) != n {
		return nil, false
	}
	return row, true
}

// fastValue reads the value at b[p:] and returns it and the position after
// it.
func fastValue(b []byte, p int) (any, int, bool) {
	switch c := b[p]; {
	case c == 'n':
		if len(b)-p >= 4 && string(b[p:p+4]) == "null" {
			return nil, p + 4, true
		}
	case c == '"':
		s, next, ok := fastString(b, p)
		if ok {
			return s, next, true
		}
	case c == '-' || (c >= '0' && c <= '9'):
		return fastNumber(b, p)
	case c == '{':
		return fastObject(b, p)
	}
	return nil, 0, false
}

// fastString reads the JSON string at b[p] (a quote): without escapes, or
// with the escapes of one byte appendString writes (\", \\, \b, \t, \n,
// \f, \r, \u00XX), and valid UTF-8.
func fastString(b []byte, p int) (string, int, bool) {
	i := p + 1
	start := i
	ascii := true
	for ; i < len(b); i++ {
		c := b[i]
		if c == '"' {
			seg := b[start:i]
			if !ascii && !utf8.Valid(seg) {
				return "", 0, false
			}
			return string(seg), i + 1, true
		}
		if c == '\\' {
			break
		}
		if c < 0x20 {
			return "", 0, false
		}
		if c >= 0x80 {
			ascii = false
		}
	}
	if i >= len(b) {
		return "", 0, false
	}
	// With escapes.
	out := make([]byte, 0, i-start+16)
	out = append(out, b[start:i]...)
	for i < len(b) {
		c := b[i]
		switch {
		case c == '"':
			if !ascii && !utf8.Valid(out) {
				return "", 0, false
			}
			return string(out), i + 1, true
		case c < 0x20:
			return "", 0, false
		case c == '\\':
			if i+1 >= len(b) {
				return "", 0, false
			}
			switch e := b[i+1]; e {
			case '"', '\\', '/':
				out = append(out, e)
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'u':
				// Only \u00XX with XX < 0x80 (as appendString writes
				// control characters); anything else is left to
				// encoding/json.
				if i+6 > len(b) || b[i+2] != '0' || b[i+3] != '0' {
					return "", 0, false
				}
				hi, lo := unhex(b[i+4]), unhex(b[i+5])
				if hi < 0 || lo < 0 || hi > 7 {
					return "", 0, false
				}
				out = append(out, byte(hi<<4|lo))
				i += 6
				continue
			default:
				return "", 0, false
			}
			i += 2
		default:
			if c >= 0x80 {
				ascii = false
			}
			out = append(out, c)
			i++
		}
	}
	return "", 0, false
}

func unhex(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// fastNumber reads a JSON number (exactly JSON's grammar) as parseValue
// does: an int64 without fraction or exponent, else a finite float64.
func fastNumber(b []byte, p int) (any, int, bool) {
	i := p
	if b[i] == '-' {
		i++
	}
	digits := func() bool {
		s := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		return i > s
	}
	if i >= len(b) {
		return nil, 0, false
	}
	if b[i] == '0' {
		i++
	} else if !digits() {
		return nil, 0, false
	}
	isFloat := false
	if i < len(b) && b[i] == '.' {
		i++
		isFloat = true
		if !digits() {
			return nil, 0, false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		isFloat = true
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if !digits() {
			return nil, 0, false
		}
	}
	s := unsafeString(b[p:i])
	if isFloat {
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsInf(f, 0) {
			return nil, 0, false
		}
		return f, i, true
	}
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return nil, 0, false
	}
	return v, i, true
}

// fastObject reads {"blob":"…"}, {"text_base64":"…"} or {"real":"…"},
// written without whitespace.
func fastObject(b []byte, p int) (any, int, bool) {
	if p+1 >= len(b) || b[p+1] != '"' {
		return nil, 0, false
	}
	k, i, ok := fastString(b, p+1)
	if !ok || i >= len(b) || b[i] != ':' || i+1 >= len(b) || b[i+1] != '"' {
		return nil, 0, false
	}
	v, i, ok := fastString(b, i+1)
	if !ok || i >= len(b) || b[i] != '}' {
		return nil, 0, false
	}
	i++
	switch k {
	case "blob":
		d, err := base64.StdEncoding.Strict().DecodeString(v)
		if err != nil {
			return nil, 0, false
		}
		return d, i, true
	case "text_base64":
		d, err := base64.StdEncoding.Strict().DecodeString(v)
		if err != nil {
			return nil, 0, false
		}
		return string(d), i, true
	case "real":
		switch v {
		case "Infinity":
			return math.Inf(1), i, true
		case "-Infinity":
			return math.Inf(-1), i, true
		}
	}
	return nil, 0, false
}

// unsafeString views b as a string, for parsing only (not kept).
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
