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
func parseRow(line []byte, n int) ([]any, error) {
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
