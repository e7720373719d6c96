package packet

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The PDF tools are installed by scripts/install-deps.sh test; a test that
// needs one fails when it is missing rather than silently skipping.
func tool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is required by this test (Debian: poppler-utils, qpdf); run scripts/install-deps.sh test", name)
	}
	return p
}

var testDate = time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)

func render(t testing.TB, d Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func writeTemp(t testing.TB, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func run(t testing.TB, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(tool(t, name), args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// pdfText is the text pdftotext extracts, with runs of white space made one
// space.
func pdfText(t testing.TB, pdf []byte, args ...string) string {
	t.Helper()
	out := run(t, "pdftotext", append(append([]string{"-enc", "UTF-8"}, args...), writeTemp(t, pdf), "-")...)
	return strings.Join(strings.Fields(out), " ")
}

// checkPDF runs qpdf --check and requires every font to be embedded.
func checkPDF(t testing.TB, pdf []byte) (fonts []string) {
	t.Helper()
	p := writeTemp(t, pdf)
	run(t, "qpdf", "--check", p)
	out := run(t, "pdffonts", p)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type... encoding emb sub uni object ID: emb is 5th from the end.
		if len(f) < 7 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
		fonts = append(fonts, f[0])
	}
	return fonts
}

func pageCount(t testing.TB, pdf []byte) int {
	t.Helper()
	out := run(t, "pdfinfo", writeTemp(t, pdf))
	for _, l := range strings.Split(out, "\n") {
		if rest, ok := strings.CutPrefix(l, "Pages:"); ok {
			var n int
			for _, c := range strings.TrimSpace(rest) {
				n = n*10 + int(c-'0')
			}
			return n
		}
	}
	t.Fatal("pdfinfo gave no page count")
	return 0
}
