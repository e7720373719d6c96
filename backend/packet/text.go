package packet

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"
	gobidi "github.com/go-text/typesetting/bidi"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/bidi"
	"golang.org/x/text/unicode/norm"
)

// textStyle is how a run of text looks.
type textStyle struct {
	size  float64 // points
	bold  bool
	mono  bool
	color rgb
}

type rgb struct{ r, g, b int }

// typesetter shapes, wraps and draws text for one document. It is not safe
// for concurrent use; every Render makes its own.
type typesetter struct {
	faces   [numFonts]*font.Face
	byFace  map[*font.Face]fontID
	err     error
	shaper  shaping.HarfbuzzShaper
	seg     shaping.Segmenter
	wrapper shaping.LineWrapper
	bidi    gobidi.Paragraph
	missing map[rune]bool
}

func newTypesetter() *typesetter {
	return &typesetter{byFace: map[*font.Face]fontID{}, missing: map[rune]bool{}}
}

// face returns the document's face for font id, loading it on first use;
// nil if the font cannot be loaded (t.err says why).
func (t *typesetter) face(id fontID) *font.Face {
	if f := t.faces[id]; f != nil {
		return f
	}
	l, err := load(id)
	if err != nil {
		if t.err == nil {
			t.err = err
		}
		return nil
	}
	f := font.NewFace(l.font)
	t.faces[id] = f
	t.byFace[f] = id
	return f
}

func (t *typesetter) covers(id fontID, r rune) bool {
	f := t.face(id)
	if f == nil {
		return false
	}
	_, ok := f.NominalGlyph(r)
	return ok
}

// fontmap chooses a font for each character: the font of its script, else
// the font of the surrounding script for punctuation and spaces, else Noto
// Sans, else any embedded font that has it.
type fontmap struct {
	t      *typesetter
	style  textStyle
	script language.Script
}

func (m *fontmap) SetScript(s language.Script) { m.script = s }

func (m *fontmap) pick(ids [2]fontID) fontID {
	if m.style.bold {
		return ids[1]
	}
	return ids[0]
}

func (m *fontmap) base() fontID {
	if m.style.bold {
		return sansBold
	}
	return sansRegular
}

func (m *fontmap) ResolveFace(r rune) *font.Face {
	t := m.t
	if m.style.mono && r < 0x7f && t.covers(monoBold, r) {
		return t.face(monoBold)
	}
	sc := language.LookupScript(r)
	if ids, ok := scriptFonts[sc]; ok && t.covers(m.pick(ids), r) {
		return t.face(m.pick(ids))
	}
	if sc == language.Common || sc == language.Inherited {
		if ids, ok := scriptFonts[m.script]; ok && t.covers(m.pick(ids), r) {
			return t.face(m.pick(ids))
		}
	}
	if t.covers(m.base(), r) {
		return t.face(m.base())
	}
	for id := range numFonts {
		if t.covers(id, r) {
			return t.face(id)
		}
	}
	t.missing[r] = true
	return t.face(m.base())
}

// line is one wrapped line of a paragraph, its runs in visual order.
type line struct {
	runs    []shaping.Output
	text    []rune // the whole paragraph; runs index into it
	width   float64
	ascent  float64 // above the baseline, positive
	descent float64 // below the baseline, positive
	rtl     bool    // the paragraph's base direction
	style   textStyle
}

// height is the line's advance for a paragraph set at leading × size.
func (l line) height(leading float64) float64 {
	return max(l.style.size*leading, l.ascent+l.descent)
}

// noLayoutFeatures keeps real-text runs measured exactly as the PDF viewer
// will place them: without kerning or ligatures. (The real-text fonts carry
// no layout tables anyway; this makes the intent explicit.)
var noLayoutFeatures = []shaping.FontFeature{
	{Tag: ot.MustNewTag("kern"), Value: 0},
	{Tag: ot.MustNewTag("liga"), Value: 0},
}

// wrap lays text out in lines no wider than width points. Line breaks in
// text start new paragraphs; an empty paragraph is an empty line.
func (t *typesetter) wrap(text string, st textStyle, width float64) []line {
	text = norm.NFC.String(strings.ReplaceAll(text, "\r\n", "\n"))
	var out []line
	for _, para := range strings.Split(text, "\n") {
		out = append(out, t.wrapParagraph(para, st, width)...)
	}
	return out
}

func (t *typesetter) wrapParagraph(para string, st textStyle, width float64) []line {
	para = strings.TrimRight(para, " \t")
	runes := []rune(strings.ReplaceAll(para, "\t", "    "))
	rtl := baseRTL(runes)
	if len(runes) == 0 {
		asc, desc := st.size*1.07, st.size*0.29
		return []line{{style: st, ascent: asc, descent: desc, rtl: rtl}}
	}
	dir := di.DirectionLTR
	if rtl {
		dir = di.DirectionRTL
	}
	fm := &fontmap{t: t, style: st}
	input := shaping.Input{
		Text: runes, RunStart: 0, RunEnd: len(runes), Direction: dir,
		Size: fixed.I(int(math.Round(st.size * shapeScale))), Language: language.NewLanguage("en"),
	}
	missing := len(t.missing)
	inputs := t.seg.Split(input, fm)
	if len(t.missing) > missing {
		// No embedded font has these characters: print the replacement
		// character, never an empty box.
		for i, r := range runes {
			if t.missing[r] {
				runes[i] = '\uFFFD'
			}
		}
		inputs = t.seg.Split(input, fm)
	}
	outs := make([]shaping.Output, 0, len(inputs))
	for _, in := range inputs {
		if fontSpecs[t.byFace[in.Face]].family != "" {
			in.FontFeatures = noLayoutFeatures
		}
		outs = append(outs, t.shaper.Shape(in))
	}
	lines, _ := t.wrapper.WrapParagraphF(shaping.WrapConfig{Direction: dir}, shapingUnits(width), runes, shaping.NewSliceIterator(outs))
	levels := t.levels(runes, rtl)
	result := make([]line, 0, len(lines))
	for _, ln := range lines {
		l := line{text: runes, rtl: rtl, style: st}
		l.runs = visualOrder(ln, levels)
		for _, run := range ln {
			l.width += pt(run.Advance)
			l.ascent = max(l.ascent, pt(run.LineBounds.Ascent))
			l.descent = max(l.descent, -pt(run.LineBounds.Descent))
		}
		result = append(result, l)
	}
	return result
}

// shapeScale is how many shaping units make a point. HarfBuzz scales fonts
// to a whole number of units, so shaping at 100 units per point keeps
// sizes such as 10.5 pt exact.
const shapeScale = 100

// pt converts a shaping measure to points.
// levels returns the bidirectional embedding level of each rune.
func (t *typesetter) levels(runes []rune, rtl bool) []gobidi.Level {
	def := gobidi.LeftToRight
	if rtl {
		def = gobidi.RightToLeft
	}
	runs := t.bidi.Segment(runes, def)
	levels := make([]gobidi.Level, len(runes))
	for i := 0; i < runs.NumRuns(); i++ {
		r := runs.Run(i)
		for k := r.Start; k < r.End && k < len(levels); k++ {
			levels[k] = r.Level
		}
	}
	return levels
}

// visualOrder puts a line's runs in the order they are drawn, left to
// right, by rule L2 of the Unicode bidirectional algorithm: from the
// highest level down to the lowest odd level, every maximal sequence of
// runs at that level or higher is reversed. (The line wrapper's own order
// knows only two levels, which misplaces numbers inside right-to-left text
// in a left-to-right paragraph.)
func visualOrder(ln shaping.Line, levels []gobidi.Level) []shaping.Output {
	runs := append([]shaping.Output(nil), ln...)
	sort.SliceStable(runs, func(i, j int) bool { return runs[i].Runes.Offset < runs[j].Runes.Offset })
	lv := make([]gobidi.Level, len(runs))
	var hi, lowOdd gobidi.Level = 0, 127
	for i, r := range runs {
		if r.Runes.Offset < len(levels) {
			lv[i] = levels[r.Runes.Offset]
		}
		hi = max(hi, lv[i])
		if lv[i]%2 == 1 {
			lowOdd = min(lowOdd, lv[i])
		}
	}
	for level := hi; level >= lowOdd && level > 0; level-- {
		for i := 0; i < len(runs); {
			if lv[i] < level {
				i++
				continue
			}
			j := i
			for j < len(runs) && lv[j] >= level {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				runs[a], runs[b] = runs[b], runs[a]
				lv[a], lv[b] = lv[b], lv[a]
			}
			i = j
		}
	}
	return runs
}

func pt(v fixed.Int26_6) float64 { return float64(v) / 64 / shapeScale }

// shapingUnits converts points to shaping units.
func shapingUnits(points float64) fixed.Int26_6 {
	return fixed.Int26_6(math.Round(points * shapeScale * 64))
}

// baseRTL reports whether the first strong character of runes is
// right-to-left (rules P2 and P3 of the Unicode bidirectional algorithm).
func baseRTL(runes []rune) bool {
	for _, r := range runes {
		p, _ := bidi.LookupRune(r)
		switch p.Class() {
		case bidi.L:
			return false
		case bidi.R, bidi.AL:
			return true
		}
	}
	return false
}

// draw draws l with its left edge at x and its baseline at y.
func (t *typesetter) draw(pdf *fpdf.Fpdf, l line, x, y float64) {
	pdf.SetTextColor(l.style.color.r, l.style.color.g, l.style.color.b)
	pdf.SetFillColor(l.style.color.r, l.style.color.g, l.style.color.b)
	for _, run := range l.runs {
		id := t.byFace[run.Face]
		spec := fontSpecs[id]
		runText := string(l.text[run.Runes.Offset : run.Runes.Offset+run.Runes.Count])
		if spec.family != "" && run.Direction.Progression() == di.FromTopLeft {
			t.drawText(pdf, id, run, runText, l.style.bold, x, y)
		} else {
			t.drawOutlines(pdf, run, runText, x, y)
		}
		x += pt(run.Advance)
	}
}

// drawText draws a run as real text in an embedded font, so that it can be
// selected, searched and read aloud.
func (t *typesetter) drawText(pdf *fpdf.Fpdf, id fontID, run shaping.Output, s string, bold bool, x, y float64) {
	spec := fontSpecs[id]
	l, _ := load(id)
	pdf.AddUTF8FontFromBytes(spec.family, spec.style, l.data)
	pdf.SetFont(spec.family, spec.style, pt(run.Size))
	// The one CJK font serves both weights: bold adds a thin outline.
	fakeBold := bold && !spec.bold
	if fakeBold {
		pdf.SetDrawColor(pdf.GetTextColor())
		pdf.SetLineWidth(pt(run.Size) * 0.035)
		pdf.SetTextRenderingMode(2)
	}
	pdf.Text(x, y, strings.TrimRight(s, " "))
	if fakeBold {
		pdf.SetTextRenderingMode(0)
	}
}

// drawOutlines draws a shaped run as filled glyph outlines. The run's text
// is attached as /ActualText, so that text extraction still finds the
// characters as written.
func (t *typesetter) drawOutlines(pdf *fpdf.Fpdf, run shaping.Output, s string, x, y float64) {
	if strings.TrimSpace(s) == "" {
		return
	}
	pdf.RawWriteStr("/Span <</ActualText " + pdfUTF16(s) + ">> BDC\n")
	scale := pt(run.Size) / float64(run.Face.Upem())
	pen := x
	drew := false
	for _, g := range run.Glyphs {
		gx := pen + pt(g.XOffset)
		gy := y - pt(g.YOffset)
		pen += pt(g.Advance)
		outline, ok := run.Face.GlyphDataOutline(g.GlyphID)
		if !ok {
			continue
		}
		for _, seg := range outline.Segments {
			a := seg.Args
			px := func(i int) float64 { return gx + float64(a[i].X)*scale }
			py := func(i int) float64 { return gy - float64(a[i].Y)*scale }
			switch seg.Op {
			case ot.SegmentOpMoveTo:
				if drew {
					pdf.ClosePath()
				}
				pdf.MoveTo(px(0), py(0))
				drew = true
			case ot.SegmentOpLineTo:
				pdf.LineTo(px(0), py(0))
			case ot.SegmentOpQuadTo:
				pdf.CurveTo(px(0), py(0), px(1), py(1))
			case ot.SegmentOpCubeTo:
				pdf.CurveBezierCubicTo(px(0), py(0), px(1), py(1), px(2), py(2))
			}
		}
	}
	if drew {
		pdf.ClosePath()
		pdf.DrawPath("f")
	}
	pdf.RawWriteStr("EMC\n")
}

// pdfUTF16 is s as a PDF text string in UTF-16BE with a byte-order mark,
// written in hexadecimal.
func pdfUTF16(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}
