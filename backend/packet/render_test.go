package packet

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"tandem/backend/version"
)

func everyBlock() Document {
	rows := make([][]string, 60)
	for i := range rows {
		rows[i] = []string{fmt.Sprintf("Row %d", i+1), "A line of text in the second column.", "ok"}
	}
	return Document{
		Title: "Every block", Subtitle: "A test of the layout", Practice: "Willow Room Practice", Client: "Zoë", Date: testDate,
		Blocks: []Block{
			Heading{Text: "Paragraphs", Level: 1},
			Paragraph{Text: "Plain body text."},
			Paragraph{Text: "In the client's own words.", Style: Quote},
			Paragraph{Text: "A small note.", Style: Small},
			Paragraph{Text: "Nothing recorded yet.", Style: Muted},
			Heading{Text: "Fields", Level: 2},
			Fields{Rows: []Field{{"Chosen name", "Zoë"}, {"Pronouns", ""}}},
			Heading{Text: "A long table", Level: 1},
			Table{Columns: []Column{{Title: "Item", Width: 1}, {Title: "Words", Width: 3}, {Title: "State", Width: 1}}, Rows: rows},
			Checklist{Items: []string{"Blanket", "Water"}},
			Lines{Label: "Notes", Count: 3},
			Secret{Label: "Key", Text: "AGE-SECRET-KEY-1ABCDEFGH"},
			PageBreak{},
			LogSheet{Columns: []Column{{Title: "Time", Width: 1}, {Title: "Observation", Width: 4}}, Rows: 40},
		},
	}
}

func TestRenderEveryBlock(t *testing.T) {
	for _, paper := range []Paper{A4, Letter} {
		t.Run(string(paper), func(t *testing.T) {
			d := everyBlock()
			d.Paper = paper
			pdf := render(t, d)
			checkPDF(t, pdf)
			n := pageCount(t, pdf)
			if n < 4 {
				t.Fatalf("%d pages; the long table and log sheet should need at least 4", n)
			}
			for i := 1; i <= n; i++ {
				page := pdfText(t, pdf, "-f", fmt.Sprint(i), "-l", fmt.Sprint(i))
				for _, want := range []string{"Willow Room Practice", "Zoë", "14 March 2026", "Confidential", fmt.Sprintf("Page %d of %d", i, n)} {
					if !strings.Contains(page, want) {
						t.Errorf("page %d lacks %q: %s", i, want, page)
					}
				}
			}
		})
	}
}

func TestTableHeaderRepeatsOnEveryPage(t *testing.T) {
	rows := make([][]string, 120)
	for i := range rows {
		rows[i] = []string{fmt.Sprintf("r%03d", i), "text"}
	}
	pdf := render(t, Document{Title: "Table", Practice: "P", Date: testDate, Blocks: []Block{
		Table{Columns: []Column{{Title: "Column one", Width: 1}, {Title: "Column two", Width: 1}}, Rows: rows},
	}})
	n := pageCount(t, pdf)
	if n < 3 {
		t.Fatalf("%d pages", n)
	}
	all := pdfText(t, pdf)
	for i := range rows {
		if !strings.Contains(all, fmt.Sprintf("r%03d", i)) {
			t.Fatalf("row %d missing", i)
		}
	}
	for i := 1; i <= n; i++ {
		if page := pdfText(t, pdf, "-f", fmt.Sprint(i), "-l", fmt.Sprint(i)); !strings.Contains(page, "Column one Column two") {
			t.Errorf("page %d has no table header: %.200s", i, page)
		}
	}
}

func TestLongTextBreaksAcrossPages(t *testing.T) {
	long := strings.Repeat("Every word of this sentence must survive the page break. ", 300)
	pdf := render(t, Document{Title: "Long", Practice: "P", Date: testDate, Blocks: []Block{
		Paragraph{Text: long},
		Fields{Rows: []Field{{"A very long value", long}}},
		Table{Columns: []Column{{Title: "One cell taller than a page", Width: 1}}, Rows: [][]string{{long}}},
	}})
	if n := pageCount(t, pdf); n < 6 {
		t.Fatalf("%d pages", n)
	}
	// One word per sentence: a sentence may be cut by a page break (and the
	// running header and footer between), a word never.
	got := strings.Count(pdfText(t, pdf), "survive")
	if got != 900 {
		t.Fatalf("the sentence appears %d times, want 900", got)
	}
}

func TestTextRoundTrip(t *testing.T) {
	samples := []string{
		"Zoë Ångström, Łódź, naïve café, Søren, Ðorđe, Şule, Ñandú",
		"Nguyễn Thị Thu Hương, Trần Văn Đức",
		"Καλημέρα, Ελένη Παπαδοπούλου",
		"Здравствуйте, Александра Фёдоровна; Добрий день, Ґалина",
	}
	var blocks []Block
	for _, s := range samples {
		blocks = append(blocks, Paragraph{Text: s}, Fields{Rows: []Field{{"Name", s}}})
	}
	pdf := render(t, Document{Title: "Round trip", Practice: "P", Client: samples[2], Date: testDate, Blocks: blocks})
	text := pdfText(t, pdf)
	for _, s := range samples {
		if strings.Count(text, s) < 2 {
			t.Errorf("%q not extracted as written:\n%s", s, text)
		}
	}
}

func TestOnlyUsedFontsAreEmbedded(t *testing.T) {
	latin := checkPDF(t, render(t, Document{Title: "Latin", Practice: "P", Date: testDate, Blocks: []Block{Paragraph{Text: "Plain text."}}}))
	for _, f := range latin {
		if !strings.Contains(f, "sans") {
			t.Errorf("a Latin-only packet embeds %s", f)
		}
	}
	cjk := checkPDF(t, render(t, Document{Title: "CJK", Practice: "P", Date: testDate, Blocks: []Block{Paragraph{Text: "你好"}}}))
	if !strings.Contains(strings.Join(cjk, " "), "cjk") {
		t.Errorf("a Chinese packet lacks the CJK font: %v", cjk)
	}
}

func TestSameDocumentSameBytes(t *testing.T) {
	d := everyBlock()
	if !bytes.Equal(render(t, d), render(t, d)) {
		t.Fatal("two renderings of one document differ")
	}
}

func TestCharacterWithoutFontIsReplaced(t *testing.T) {
	pdf := render(t, Document{Title: "Missing", Practice: "P", Date: testDate, Blocks: []Block{Paragraph{Text: "A smile 😀 here"}}})
	if text := pdfText(t, pdf); !strings.Contains(text, "A smile \uFFFD here") {
		t.Fatalf("got %q", text)
	}
}

func TestMetadataNamesTandemsVersion(t *testing.T) {
	was := version.Version
	version.Version = "9.8.7"
	defer func() { version.Version = was }()
	info := run(t, "pdfinfo", writeTemp(t, render(t, Document{Title: "A packet", Date: testDate})))
	for _, field := range []string{"Creator", "Producer"} {
		if !regexp.MustCompile(`(?m)^` + field + `:\s+Tandem 9\.8\.7$`).MatchString(info) {
			t.Errorf("%s is not \"Tandem 9.8.7\":\n%s", field, info)
		}
	}
}
