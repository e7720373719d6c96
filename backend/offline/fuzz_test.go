package offline

import (
	"bytes"
	"encoding/json"
	"testing"

	"tandem/backend/domain"
)

// FuzzReturnContent feeds the reader of a returned file's content anything:
// it never panics, and what it accepts passes through Validate without
// panicking, and is refused by it or holds only entries a shift accepts.
func FuzzReturnContent(f *testing.F) {
	good, _ := json.Marshal(sample())
	f.Add(good)
	f.Add([]byte(`{"format":"tandem-worksheet-return","version":1,"worksheet":"AAAAAAAAAAAAAAAAAAAAAA","entries":[{"id":"00","noticedOn":"2026-13-40"}]}`))
	f.Add([]byte(`{"format":"tandem-worksheet-return"}{}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, content []byte) {
		rf, err := Decode(content)
		if err != nil {
			if domain.ErrorCode(err) != domain.EINVALID {
				t.Fatalf("refused with %v", err)
			}
			return
		}
		if err := rf.Validate("2026-06-10", "2026-07-01"); err != nil {
			return
		}
		for _, e := range rf.Entries {
			s := e.Shift(1, 2)
			if err := s.Validate(); err != nil {
				t.Fatalf("an entry Validate accepted makes a shift that is refused: %+v: %v", e, err)
			}
		}
	})
}

// FuzzOpen feeds the whole reader anything, as a file from a stranger: it
// never panics and refuses with EINVALID.
func FuzzOpen(f *testing.F) {
	id, rc, err := NewKey()
	if err != nil {
		f.Fatal(err)
	}
	good := returnFile(f, rc, sample())
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte("-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n-----END AGE ENCRYPTED FILE-----\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := Open(bytes.NewReader(data), id); err != nil && domain.ErrorCode(err) != domain.EINVALID {
			t.Fatalf("refused with %v", err)
		}
	})
}
