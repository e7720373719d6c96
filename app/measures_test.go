package app

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"

	"tandem/backend/domain"
)

func TestPrintBlankOpensTheQuestionnaireForTheClientOrForNoOne(t *testing.T) {
	s := newShell(t)
	m := NewMeasures(s)
	cid, _ := packetClient(t, s)
	text := func() string {
		t.Helper()
		path := lastOpened(t)
		b, err := os.ReadFile(path)
		if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
			t.Fatalf("no PDF at %s (%v)", path, err)
		}
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		return string(out)
	}
	if ok, err := m.PrintBlank("gad7", cid); err != nil || !ok {
		t.Fatalf("%v %v", ok, err)
	}
	if got := text(); !strings.Contains(got, "GAD-7") || !strings.Contains(got, clientName) || strings.Contains(got, "PRIVATE-INTAKE-NOTE") {
		t.Errorf("the blank GAD-7 for the client reads:\n%s", got)
	}
	if _, err := m.PrintBlank("phq9", 0); err != nil {
		t.Fatal(err)
	}
	if got := text(); !strings.Contains(got, "PHQ-9") || strings.Contains(got, clientName) {
		t.Errorf("the blank PHQ-9 for no one reads:\n%s", got)
	}
	if _, err := m.PrintBlank("no-such-questionnaire", cid); err == nil {
		t.Fatal("printed a questionnaire that does not exist")
	} else if code, _ := errCode(t, err); code != domain.ENOTFOUND {
		t.Fatalf("code %s", code)
	}
	if _, err := m.PrintBlank("phq9", 999999); err == nil {
		t.Fatal("printed for a client that does not exist")
	}
}
