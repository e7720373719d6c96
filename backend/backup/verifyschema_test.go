package backup

import (
	"archive/tar"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"tandem/backend/domain"
)

// rewritePlain rebuilds a backup's plaintext (its tar stream) with one
// entry's content changed by edit, the manifest's size and checksum of it
// made to match: a backup that is whole, but whose records do not fit.
func rewritePlain(t *testing.T, plain []byte, name string, edit func([]byte) []byte) []byte {
	t.Helper()
	tr := tar.NewReader(bytes.NewReader(plain))
	type entry struct {
		h    *tar.Header
		body []byte
	}
	var entries []entry
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(tr)
		entries = append(entries, entry{h, b})
	}
	var m Manifest
	if err := json.Unmarshal(entries[0].body, &m); err != nil {
		t.Fatal(err)
	}
	for i := range entries {
		if entries[i].h.Name != name {
			continue
		}
		entries[i].body = edit(entries[i].body)
		for j := range m.Entries {
			if m.Entries[j].Name == name {
				sum := sha256.Sum256(entries[i].body)
				m.Entries[j].Size, m.Entries[j].SHA256 = int64(len(entries[i].body)), hexSum(sum[:])
			}
		}
	}
	mb, err := m.marshal()
	if err != nil {
		t.Fatal(err)
	}
	entries[0].body = mb
	var out bytes.Buffer
	tw := tar.NewWriter(&out)
	for _, e := range entries {
		h := *e.h
		h.Size = int64(len(e.body))
		tw.WriteHeader(&h)
		tw.Write(e.body)
	}
	tw.Close()
	return out.Bytes()
}

// Verify refuses what Restore refuses, in the same words: here a table
// whose columns are not the records' at the backup's schema (one renamed),
// in a backup otherwise whole (its manifest matches).
func TestVerifyRefusesTheTablesRestoreRefuses(t *testing.T) {
	plain, un, _ := frozenState(t)
	crafted := rewritePlain(t, plain, "tables/clients.jsonl", func(b []byte) []byte {
		return bytes.Replace(b, []byte(`"chosen_name"`), []byte(`"chosen_nam"`), 1)
	})
	u := *un
	u.dataKey = bytes.Clone(un.dataKey)
	id := &identity{u: &u, dataKey: u.dataKey}
	_, dk, err := readPlainMode(context.Background(), bytes.NewReader(crafted), &u, id, nil, false)
	wipe(dk)
	if domain.ErrorCode(err) != domain.EBACKUPDAMAGED || !strings.Contains(domain.ErrorMessage(err), "its records do not fit") || !strings.Contains(domain.ErrorMessage(err), "chosen_nam") {
		t.Fatalf("verify: %v", err)
	}
}
