package packet

import (
	"fmt"
	"io"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"tandem/backend/version"
)

// Measures, in points.
const (
	marginSide   = 56.0
	marginTop    = 74.0 // below the running header
	marginBottom = 62.0 // above the running footer
	headerY      = 40.0 // baseline of the running header
	footerGap    = 34.0 // from the page's bottom edge to the footer baseline

	bodySize    = 10.5
	bodyLeading = 1.45
	smallSize   = 9
	titleSize   = 20
	h1Size      = 14
	h2Size      = 11.5
	runSize     = 8.5 // running header and footer

	cellPadX = 5.0
	cellPadY = 4.0
	ruleGap  = 26.0 // between handwriting lines
)

var (
	inkColor    = rgb{33, 37, 41}
	mutedColor  = rgb{96, 102, 110}
	ruleColor   = rgb{196, 200, 205}
	accentColor = rgb{47, 107, 115}
	shadeColor  = rgb{238, 241, 243}
)

var (
	bodyStyle  = textStyle{size: bodySize, color: inkColor}
	boldStyle  = textStyle{size: bodySize, bold: true, color: inkColor}
	smallStyle = textStyle{size: smallSize, color: mutedColor}
	mutedStyle = textStyle{size: bodySize, color: mutedColor}
	labelStyle = textStyle{size: smallSize + 0.5, bold: true, color: mutedColor}
	headStyle  = textStyle{size: smallSize, bold: true, color: inkColor}
	runStyle   = textStyle{size: runSize, color: mutedColor}
	// Large type, to be read at a glance (Fields.Large).
	largeStyle      = textStyle{size: 15, color: inkColor}
	largeLabelStyle = textStyle{size: 12, bold: true, color: mutedColor}
)

// Creator is the name and version of the program that makes the packets, as
// their metadata (Creator and Producer) say: "Tandem 0.1.0".
func Creator() string { return "Tandem " + version.Version }

// Render lays d out and writes it to w as a PDF. The output depends only on
// d (and the build's version, in the metadata): the same document gives the
// same bytes. It is safe to call Render
// from several goroutines at once.
func Render(w io.Writer, d Document) error {
	if d.Paper == "" {
		d.Paper = A4
	}
	if !d.Paper.Valid() {
		return fmt.Errorf("packet: unknown paper size %q", d.Paper)
	}
	t := newTypesetter()
	lo := newLayout(t, d)
	lo.flow()
	if t.err != nil {
		return fmt.Errorf("packet: fonts: %w", t.err)
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: lo.pw, Ht: lo.ph}, OrientationStr: "P"})
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(d.Date)
	pdf.SetModificationDate(d.Date)
	pdf.SetTitle(d.Title, true)
	pdf.SetCreator(Creator(), true)
	pdf.SetProducer(Creator(), true)
	pdf.SetLang("en")
	for i, p := range lo.pages {
		pdf.AddPage()
		lo.runningText(pdf, i+1, len(lo.pages))
		for _, op := range p.ops {
			op(pdf)
		}
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("packet: %w", err)
	}
	if t.err != nil {
		return fmt.Errorf("packet: fonts: %w", t.err)
	}
	return pdf.Output(w)
}

// runningText draws the header and footer of page n of total.
func (lo *layout) runningText(pdf *fpdf.Fpdf, n, total int) {
	d := lo.doc
	x, w := lo.left(), lo.width()
	half := w/2 - 8
	lo.runLine(pdf, d.Practice, textStyle{size: runSize, bold: true, color: inkColor}, x, half, headerY, false)
	// The client's name and the date are drawn apart, right to left, so
	// that a name in a right-to-left script cannot reorder the date.
	right := x + w
	if date := formatDate(d.Date); date != "" {
		right -= lo.runLine(pdf, date, runStyle, right-half, half, headerY, true)
		if d.Client != "" {
			right -= 6
			right -= lo.runLine(pdf, "·", runStyle, right-half, half, headerY, true) + 6
		}
	}
	if d.Client != "" {
		lo.runLine(pdf, d.Client, runStyle, right-half/2, half/2, headerY, true)
	}
	rule(pdf, ruleColor, 0.5, x, headerY+8, x+w, headerY+8)
	fy := lo.ph - footerGap
	rule(pdf, ruleColor, 0.5, x, fy-12, x+w, fy-12)
	lo.runLine(pdf, "Confidential", textStyle{size: runSize, bold: true, color: mutedColor}, x, half, fy, false)
	lo.runLine(pdf, fmt.Sprintf("Page %d of %d", n, total), runStyle, x+w-half, half, fy, true)
}

// runLine draws the first line of s in [x, x+w] at baseline y, aligned
// right when alignRight, and returns its width.
func (lo *layout) runLine(pdf *fpdf.Fpdf, s string, st textStyle, x, w, y float64, alignRight bool) float64 {
	lines := lo.t.wrap(s, st, w)
	if len(lines) == 0 {
		return 0
	}
	l := lines[0]
	if alignRight {
		x += w - l.width
	}
	lo.t.draw(pdf, l, x, y)
	return l.width
}

func rule(pdf *fpdf.Fpdf, c rgb, width, x1, y1, x2, y2 float64) {
	pdf.SetDrawColor(c.r, c.g, c.b)
	pdf.SetLineWidth(width)
	pdf.Line(x1, y1, x2, y2)
}

func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2 January 2006")
}
