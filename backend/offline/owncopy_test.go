package offline

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"tandem/backend/domain"
)

func TestAnOwnCopyOpensWithItsPassphraseAloneAndWhole(t *testing.T) {
	OwnCopyWorkFactor = 10
	t.Cleanup(func() { OwnCopyWorkFactor = 18 })
	const pass = "quartz lantern meadow fig"
	files := []OwnCopyFile{{Name: "README.txt", Data: []byte("read me")}, {Name: "record.json", Data: []byte(`{"a":1}`)}}
	var b bytes.Buffer
	if err := WriteOwnCopy(&b, pass, time.Date(2026, 6, 10, 9, 30, 0, 0, time.UTC), files); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b.Bytes(), []byte("age-encryption.org/v1\n-> scrypt ")) {
		t.Fatalf("not an age file with one scrypt stanza: %q", b.Bytes()[:40])
	}
	got, err := ReadOwnCopy(bytes.NewReader(b.Bytes()), pass)
	if err != nil || len(got) != 2 || got[0].Name != "README.txt" || string(got[1].Data) != `{"a":1}` {
		t.Fatalf("%+v %v", got, err)
	}
	changed := bytes.Clone(b.Bytes())
	changed[len(changed)-3] ^= 1
	for name, c := range map[string]struct {
		data []byte
		pass string
		want string
	}{
		"another passphrase": {b.Bytes(), "violet harbour copper kettle", "does not open"},
		"a changed byte":     {changed, pass, "changed or cut short"},
		"cut short":          {b.Bytes()[:b.Len()-40], pass, "changed or cut short"},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := ReadOwnCopy(bytes.NewReader(c.data), c.pass); domain.ErrorCode(err) != domain.EINVALID || !strings.Contains(domain.ErrorMessage(err), c.want) {
				t.Fatalf("%v, want EINVALID saying %q", err, c.want)
			}
		})
	}
	for _, weak := range []string{"", "short", "password1234"} {
		if err := WriteOwnCopy(&bytes.Buffer{}, weak, time.Time{}, files); domain.ErrorCode(err) != domain.EINVALID {
			t.Errorf("a copy was locked with %q: %v", weak, err)
		}
	}
	if err := WriteOwnCopy(&bytes.Buffer{}, pass, time.Time{}, []OwnCopyFile{{Name: "../escape"}}); err == nil {
		t.Error("a file name with a path was written")
	}
}
