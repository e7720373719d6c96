package packet

import (
	"encoding/json"
	"strings"
	"testing"
)

// The on-screen preview holds the document's blocks in order, with their
// words, and a client copy's preview holds nothing private.
func TestOutlineKeepsEveryBlockAndNoPrivateWords(t *testing.T) {
	j := fullJourney()
	for name, d := range clientCopies(t, j) {
		o := Outline(d)
		if len(o) != len(d.Blocks) {
			t.Fatalf("%s: %d blocks outlined of %d", name, len(o), len(d.Blocks))
		}
		b, _ := json.Marshal(o)
		if strings.Contains(string(b), privatePhrase) {
			t.Fatalf("%s: the preview of the client's copy holds private words", name)
		}
	}
	d := ClientRecord(practice(), j, Options{Date: testDate, Copy: ClientCopy})
	o := Outline(d)
	if o[0].Kind != "heading" || o[0].Text != d.Blocks[0].(Heading).Text {
		t.Fatalf("first block: %+v", o[0])
	}
	kinds := map[string]int{}
	words := ""
	for _, b := range o {
		kinds[b.Kind]++
		words += b.Text + " " + strings.Join(b.Columns, " ") + " "
		for _, r := range b.Rows {
			words += strings.Join(r, " ") + " "
		}
	}
	for _, k := range []string{"heading", "paragraph", "fields", "table"} {
		if kinds[k] == 0 {
			t.Errorf("no %s in the record's outline: %v", k, kinds)
		}
	}
	for _, w := range []string{"To feel at home in my body again", "Called my sister first", "Low amber lamp", "Chosen name"} {
		if !strings.Contains(words, w) {
			t.Errorf("the outline lacks %q", w)
		}
	}
	secret := Outline(Document{Blocks: []Block{Secret{Label: "Your recovery key", Text: "AGE-SECRET-KEY-1FICTIONAL"}, PageBreak{}, Lines{Label: "Notes", Count: 3}}})
	if b, _ := json.Marshal(secret); strings.Contains(string(b), "AGE-SECRET") || len(secret) != 3 || secret[2].Count != 3 {
		t.Fatalf("secret, break and lines: %s", b)
	}
}
