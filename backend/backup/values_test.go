package backup

import (
	"bytes"
	"errors"
	"io"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// randomValue is a value of any storage class, often an awkward one.
func randomValue(r *rand.Rand) any {
	switch r.IntN(12) {
	case 0:
		return nil
	case 1:
		return []int64{0, -1, 1, math.MaxInt64, math.MinInt64, 1 << 53, -(1 << 53) - 1}[r.IntN(7)]
	case 2:
		return r.Int64() - r.Int64()
	case 3:
		return []float64{0, math.Copysign(0, -1), 1, -1.5, 1e300, -1e-300, 5e-324, math.MaxFloat64, math.SmallestNonzeroFloat64, 123456789012345680000, 0.1, math.Inf(1), math.Inf(-1), 1e21, 1e20}[r.IntN(15)]
	case 4:
		return math.Float64frombits(r.Uint64()) // NaN is refused by the writer; skipped below
	case 5:
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = byte(r.IntN(256))
		}
		return b
	case 6:
		b := make([]byte, r.IntN(40))
		for i := range b {
			b[i] = byte(r.IntN(256))
		}
		return string(b) // usually not valid UTF-8
	default:
		var sb strings.Builder
		pieces := []string{"a", "Zoë", "名前", "👩🏽‍⚕️", "\u2028", "\u2029", "\x00", "\x01", "\x1f", "\x7f", "\"", "\\", "/", "\n", "\r", "\t", "\b", "\f", " ", "<script>", "&amp;", "\ufffd", "\U0010ffff", "null", "[1,2]", "{\"blob\":\"\"}", "é", "e\u0301"}
		for n := r.IntN(12); n > 0; n-- {
			sb.WriteString(pieces[r.IntN(len(pieces))])
		}
		return sb.String()
	}
}

// The fast reader of rows gives exactly what encoding/json gives, on many
// rows written by appendRow.
func TestParseRowFastMatchesEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	fast := 0
	for i := 0; i < 20000; i++ {
		row := make([]any, 1+r.IntN(12))
		for j := range row {
			row[j] = randomValue(r)
			if f, ok := row[j].(float64); ok && math.IsNaN(f) {
				row[j] = 0.5
			}
		}
		line, err := appendRow(nil, row)
		if err != nil {
			t.Fatal(err)
		}
		line = line[:len(line)-1]
		want, err := parseRowJSON(line, len(row))
		if err != nil {
			t.Fatalf("%s: %v", line, err)
		}
		got, ok := parseRowFast(line, len(row), nil)
		if ok {
			fast++
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s:\nfast %#v\njson %#v", line, got, want)
			}
		}
		if got, err := parseRow(line, len(row)); err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("%s: %#v %v", line, got, err)
		}
		// What was written reads back as it was (floats as the same bits,
		// except that -0 may read back as 0, which SQLite does not keep).
		for j := range row {
			if b, ok := row[j].([]byte); ok && len(b) == 0 {
				row[j] = []byte{}
			}
			if f, ok := row[j].(float64); ok && f == 0 {
				row[j] = want[j]
			}
		}
		if !reflect.DeepEqual(want, row) {
			t.Fatalf("%s: read back %#v, wrote %#v", line, want, row)
		}
	}
	// Every canonical row takes the fast way.
	if fast != 20000 {
		t.Fatalf("only %d of 20000 canonical rows were read the fast way", fast)
	}
}

// Lines the fast reader must leave to encoding/json (or refuse the same way).
func TestParseRowOddLines(t *testing.T) {
	lines := []string{
		`[1, 2]`, ` [1,2]`, `[1,2] `, `[1,2,]`, `[,1]`, `[]`, `[1]`, `[1,2,3]`, `[01,2]`, `[1.,2]`, `[.5,2]`, `[1e,2]`, `[-,2]`,
		`[1e400,2]`, `[9223372036854775808,2]`, `[-9223372036854775809,2]`, `[1E5,2]`, `[1e+5,-0]`, `[-0.0,2]`,
		`["a\u00e9",2]`, `["\ud83d\ude00",2]`, `["\ud800",2]`, `["\/",2]`, `["\x",2]`, "[\"a\x01\",2]", "[\"\xff\",2]", `["\u0041",2]`, `["\u007F",2]`, `["\u0080",2]`,
		`[{"blob":""},2]`, `[{"blob":"AA=="},2]`, `[{"blob":"AA="},2]`, `[{"blob":"AA"},2]`, `[{ "blob":"AA=="},2]`, `[{"blob":"AA==","blob":"AQ=="},2]`,
		`[{"bl\u006fb":"AA=="},2]`, `[{"text_base64":"/w=="},2]`, `[{"real":"Infinity"},{"real":"-Infinity"}]`, `[{"real":"NaN"},2]`, `[{"other":"x"},2]`,
		`[{"blob":1},2]`, `[{},2]`, `[[1],2]`, `[true,false]`, `[null,null]`, `[nul,1]`, `[null1,2]`, `null`, `{}`, `["a"2]`, `["a",2`, `"a",2]`,
	}
	for _, l := range lines {
		want, werr := parseRowJSON([]byte(l), 2)
		got, ok := parseRowFast([]byte(l), 2, nil)
		if ok && (werr != nil || !reflect.DeepEqual(got, want)) {
			t.Errorf("%s: fast %#v, json %#v %v", l, got, want, werr)
		}
		got, err := parseRow([]byte(l), 2)
		if (err == nil) != (werr == nil) || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: parseRow %#v %v, json %#v %v", l, got, err, want, werr)
		}
	}
}

// FuzzParseRow holds the fast reader of rows to encoding/json's reading.
func FuzzParseRow(f *testing.F) {
	for _, s := range []string{`[1,"a",null,{"blob":"AA=="},1.5,{"real":"Infinity"},{"text_base64":"/w=="}]`, `["\u0001\n\"\\",-0,1e5]`, "[\"Zo\xc3\xab\"]"} {
		f.Add([]byte(s), 3)
	}
	f.Fuzz(func(t *testing.T, line []byte, n int) {
		if n < 1 || n > 64 || bytes.IndexByte(line, '\n') >= 0 {
			return
		}
		want, werr := parseRowJSON(line, n)
		got, ok := parseRowFast(line, n, nil)
		if ok && (werr != nil || !reflect.DeepEqual(got, want)) {
			t.Fatalf("%q: fast %#v, json %#v %v", line, got, want, werr)
		}
	})
}

// errAfter gives its bytes in small reads, then its error.
type errAfter struct {
	b   []byte
	err error
}

func (e *errAfter) Read(p []byte) (int, error) {
	if len(e.b) == 0 {
		return 0, e.err
	}
	n := copy(p[:min(len(p), 1000)], e.b)
	e.b = e.b[n:]
	return n, nil
}

// The read-ahead passes on every byte, then the source's own error.
func TestPrefetchPassesBytesThenTheError(t *testing.T) {
	for _, size := range []int{0, 1, 1000, prefetchSize - 1, prefetchSize, prefetchSize + 1, 3*prefetchSize + 7, 11 * prefetchSize} {
		for _, want := range []error{io.EOF, io.ErrUnexpectedEOF, errors.New("damaged")} {
			b := make([]byte, size)
			for i := range b {
				b[i] = byte(i * 7)
			}
			p := newPrefetch(&errAfter{b: bytes.Clone(b), err: want})
			var got []byte
			buf := make([]byte, 777)
			var err error
			for err == nil {
				var n int
				n, err = p.Read(buf)
				got = append(got, buf[:n]...)
			}
			p.Close()
			if err != want || !bytes.Equal(got, b) {
				t.Fatalf("size %d, %v: got %d bytes and %v", size, want, len(got), err)
			}
		}
	}
	// Closed before the end: the goroutine stops.
	p := newPrefetch(&errAfter{b: make([]byte, 20*prefetchSize), err: io.EOF})
	p.Read(make([]byte, 10))
	p.Close()
	p.Close()
}
