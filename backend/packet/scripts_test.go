package packet

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the reference images in docs/screenshots/packets (review them before committing)")

const referenceDir = "../../docs/screenshots/packets"

// scriptSamples are names and a greeting in every script Tandem prints.
var scriptSamples = []struct{ script, text string }{
	{"Latin", "Zoë Ångström, Çağrı Öztürk, Søren Ærø, Łucja Żółć"},
	{"Vietnamese", "Nguyễn Thị Thu Hương: Chào mừng bạn"},
	{"Greek", "Ελένη Παπαδοπούλου: Καλώς ήρθατε"},
	{"Cyrillic", "Александра Фёдоровна: Добро пожаловать"},
	{"Arabic", "أميرة حداد: أهلاً وسهلاً بكم"},
	{"Hebrew", "נועה כהן: ברוכים הבאים"},
	{"Devanagari", "प्रिया शर्मा: आपका स्वागत है"},
	{"Bengali", "অনন্যা চক্রবর্তী: স্বাগতম"},
	{"Tamil", "கார்த்திகா சுப்பிரமணியம்: வரவேற்கிறோம்"},
	{"Thai", "สมศรี ใจดี: ยินดีต้อนรับ"},
	{"Chinese", "王小明：欢迎你。歡迎光臨"},
	{"Japanese", "山田花子：ようこそ、カタカナ"},
	{"Korean", "김지민: 환영합니다"},
}

func scriptsDocument() Document {
	var rows []Field
	var blocks []Block
	for _, s := range scriptSamples {
		rows = append(rows, Field{s.script, s.text})
	}
	blocks = append(blocks, Heading{Text: "Names and words in every script", Level: 1}, Fields{Rows: rows},
		Heading{Text: "Bold", Level: 1})
	for _, s := range scriptSamples[4:] {
		blocks = append(blocks, Heading{Text: s.text, Level: 2})
	}
	blocks = append(blocks, Heading{Text: "Mixed directions", Level: 1},
		Paragraph{Text: "Amira wrote: «أهلاً وسهلاً» and Noa: «ברוכים הבאים», 2026."},
		Paragraph{Text: "كتبت أميرة: Welcome home, ١٢٣ و 456."})
	return Document{Title: "Every script", Practice: "Willow Room Practice", Client: "أميرة · Ελένη · 김지민", Date: testDate, Blocks: blocks}
}

// rasterize renders page n of pdf at 60 dpi with pdftoppm.
func rasterize(t *testing.T, pdf []byte, n int) image.Image {
	t.Helper()
	dir := t.TempDir()
	run(t, "pdftoppm", "-r", "60", "-png", "-f", fmt.Sprint(n), "-l", fmt.Sprint(n), "-singlefile", writeTemp(t, pdf), filepath.Join(dir, "page"))
	b, err := os.ReadFile(filepath.Join(dir, "page.png"))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// difference is the share of pixels whose grey levels differ by more than
// a quarter of the range: anti-aliasing noise stays under it, a missing,
// swapped or reshaped letter does not.
func difference(a, b image.Image) float64 {
	if a.Bounds() != b.Bounds() {
		return 1
	}
	r := a.Bounds()
	differ := 0
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if d := grey(a, x, y) - grey(b, x, y); d > 64 || d < -64 {
				differ++
			}
		}
	}
	return float64(differ) / float64(r.Dx()*r.Dy())
}

func grey(img image.Image, x, y int) int {
	r, g, b, _ := img.At(x, y).RGBA()
	return int((r*299 + g*587 + b*114) / 1000 >> 8)
}

// TestScriptsRenderAsReviewed compares the rendering of every script with
// reference images that were looked at and found right. Run with -update
// to write new references after a deliberate change, and look at them.
func TestScriptsRenderAsReviewed(t *testing.T) {
	pdf := render(t, scriptsDocument())
	checkPDF(t, pdf)
	n := pageCount(t, pdf)
	for i := 1; i <= n; i++ {
		got := rasterize(t, pdf, i)
		ref := filepath.Join(referenceDir, fmt.Sprintf("scripts-%d.png", i))
		if *update {
			if err := os.MkdirAll(referenceDir, 0o755); err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := png.Encode(&buf, got); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(ref, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		f, err := os.Open(ref)
		if err != nil {
			t.Fatalf("no reference image %s (run go test -run Scripts -update, then review it): %v", ref, err)
		}
		want, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if d := difference(got, want); d > 0.003 {
			out := filepath.Join(t.TempDir(), filepath.Base(ref))
			var buf bytes.Buffer
			png.Encode(&buf, got)
			os.WriteFile(out, buf.Bytes(), 0o644)
			t.Errorf("page %d differs from %s in %.2f%% of its pixels; this rendering: %s", i, ref, 100*d, out)
		}
	}
}
