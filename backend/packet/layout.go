package packet

import (
	"fmt"
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// page is a laid-out page: drawing operations, run in order.
type page struct{ ops []func(*fpdf.Fpdf) }

// layout flows a document's blocks onto pages.
type layout struct {
	t      *typesetter
	doc    Document
	pw, ph float64
	pages  []*page
	y      float64 // top of the free space on the current page
	fresh  float64 // y where the current page's content starts
}

func newLayout(t *typesetter, d Document) *layout {
	lo := &layout{t: t, doc: d, pw: 595.28, ph: 841.89}
	if d.Paper == Letter {
		lo.pw, lo.ph = 612, 792
	}
	return lo
}

func (lo *layout) left() float64  { return marginSide }
func (lo *layout) width() float64 { return lo.pw - 2*marginSide }
func (lo *layout) limit() float64 { return lo.ph - marginBottom }
func (lo *layout) room() float64  { return lo.limit() - lo.y }

func (lo *layout) newPage() {
	lo.pages = append(lo.pages, &page{})
	lo.y, lo.fresh = marginTop, marginTop
}

// onFreshPage reports whether nothing has been placed on this page yet
// (apart from a repeated table header).
func (lo *layout) onFreshPage() bool { return lo.y <= lo.fresh+0.01 }

func (lo *layout) op(f func(*fpdf.Fpdf)) {
	p := lo.pages[len(lo.pages)-1]
	p.ops = append(p.ops, f)
}

// need starts a new page unless h points fit on this one.
func (lo *layout) need(h float64) {
	if h > lo.room() && !lo.onFreshPage() {
		lo.newPage()
	}
}

// drawLine queues l with its top at y, within [x, x+w].
func (lo *layout) drawLine(l line, x, w, top, leading float64) {
	h := l.height(leading)
	baseline := top + (h-l.ascent-l.descent)/2 + l.ascent
	if l.rtl {
		x += w - l.width
	}
	t := lo.t
	lo.op(func(pdf *fpdf.Fpdf) { t.draw(pdf, l, x, baseline) })
}

func (lo *layout) flow() {
	lo.newPage()
	d := lo.doc
	w := lo.width()
	for _, l := range lo.t.wrap(d.Title, textStyle{size: titleSize, bold: true, color: inkColor}, w) {
		lo.placeLine(l, lo.left(), w, 1.2)
	}
	if d.Subtitle != "" {
		lo.y += 2
		for _, l := range lo.t.wrap(d.Subtitle, textStyle{size: 11, color: mutedColor}, w) {
			lo.placeLine(l, lo.left(), w, bodyLeading)
		}
	}
	lo.y += 10
	for i, b := range d.Blocks {
		var next Block
		if i+1 < len(d.Blocks) {
			next = d.Blocks[i+1]
		}
		lo.block(b, next)
	}
}

// placeLine puts one line at the current position, starting a new page
// first if it does not fit.
func (lo *layout) placeLine(l line, x, w, leading float64) {
	h := l.height(leading)
	lo.need(h)
	lo.drawLine(l, x, w, lo.y, leading)
	lo.y += h
}

// placeLines puts a paragraph's lines, breaking pages between lines but
// never leaving a paragraph's first line alone at the foot of a page.
func (lo *layout) placeLines(lines []line, x, w, leading float64) {
	for i, l := range lines {
		if i == 0 && len(lines) > 1 {
			lo.need(l.height(leading) + lines[1].height(leading))
		}
		lo.placeLine(l, x, w, leading)
	}
}

func (lo *layout) block(b Block, next Block) {
	w, x := lo.width(), lo.left()
	switch b := b.(type) {
	case Heading:
		st, before, after := textStyle{size: h1Size, bold: true, color: inkColor}, 16.0, 5.0
		if b.Level >= 2 {
			st, before, after = textStyle{size: h2Size, bold: true, color: inkColor}, 10.0, 3.0
		}
		lines := lo.t.wrap(b.Text, st, w)
		h := before + after
		for _, l := range lines {
			h += l.height(1.3)
		}
		// Keep the heading with the start of what follows.
		lo.need(h + lo.startHeight(next))
		if !lo.onFreshPage() {
			lo.y += before
		}
		for _, l := range lines {
			lo.placeLine(l, x, w, 1.3)
		}
		if b.Level < 2 {
			y := lo.y + 1.5
			lo.op(func(pdf *fpdf.Fpdf) { rule(pdf, ruleColor, 0.6, x, y, x+w, y) })
			lo.y += 2
		}
		lo.y += after
	case Paragraph:
		lo.paragraph(b, x, w)
		lo.y += 6
	case Fields:
		lo.fields(b, x, w)
		lo.y += 8
	case Table:
		lo.table(b.Columns, b.Rows, b.MinRowHeight, x, w)
		lo.y += 10
	case LogSheet:
		rows := make([][]string, b.Rows)
		for i := range rows {
			rows[i] = make([]string, len(b.Columns))
		}
		lo.table(b.Columns, rows, ruleGap, x, w)
		lo.y += 10
	case Checklist:
		lo.checklist(b, x, w)
		lo.y += 8
	case Lines:
		lo.lines(b, x, w)
		lo.y += 8
	case Secret:
		lo.secret(b, x, w)
		lo.y += 10
	case Signature:
		lo.signature(b, x, w)
		lo.y += 6
	case PageBreak:
		if !lo.onFreshPage() {
			lo.newPage()
		}
	default:
		panic(fmt.Sprintf("packet: unknown block %T", b))
	}
}

// startHeight is the height of the first few lines of b, kept on the same
// page as a heading before it.
func (lo *layout) startHeight(b Block) float64 {
	line := bodySize * bodyLeading
	switch b.(type) {
	case nil, Heading, PageBreak:
		return 0
	case Table, LogSheet:
		return 3*line + 4*cellPadY
	case Secret:
		return 70
	default:
		return 2 * line
	}
}

func (lo *layout) paragraph(p Paragraph, x, w float64) {
	st := bodyStyle
	switch p.Style {
	case Small:
		st = smallStyle
	case Muted:
		st = mutedStyle
	}
	if p.Style != Quote {
		lo.placeLines(lo.t.wrap(p.Text, st, w), x, w, bodyLeading)
		return
	}
	const indent = 12.0
	lines := lo.t.wrap(p.Text, st, w-indent)
	for i, l := range lines {
		h := l.height(bodyLeading)
		if i == 0 && len(lines) > 1 {
			lo.need(h + lines[1].height(bodyLeading))
		}
		lo.need(h)
		top := lo.y
		// The rule stands where the text starts: on the right for a
		// right-to-left paragraph.
		tx, rx := x+indent, x+2
		if l.rtl {
			tx, rx = x, x+w-2
		}
		lo.drawLine(l, tx, w-indent, top, bodyLeading)
		lo.op(func(pdf *fpdf.Fpdf) { rule(pdf, accentColor, 1.6, rx, top, rx, top+h) })
		lo.y += h
	}
}

// cell is one column of a row: its lines, where they go and their leading.
type cell struct {
	x, w    float64
	lines   []line
	leading float64
	right   bool // aligned to the right edge
}

// row places cells side by side, splitting between lines across pages if
// the row is taller than the room left. newPage runs after each page break
// the row causes (to repeat a table header). under and over (each may be
// nil) draw the row's shading, rules or boxes for each piece, given the
// piece's top and bottom: under beneath the text, over on top of it.
func (lo *layout) row(cells []cell, minH float64, newPage func(), under func(top, bottom float64, first bool), over func(top, bottom float64, first bool)) {
	next := make([]int, len(cells))
	first := true
	for {
		rest := 0.0
		for i, c := range cells {
			h := 0.0
			for _, l := range c.lines[next[i]:] {
				h += l.height(c.leading)
			}
			rest = max(rest, h)
		}
		full := max(rest+2*cellPadY, minH)
		if first && full > lo.room() && !lo.onFreshPage() && full <= lo.limit()-marginTop-40 {
			lo.newPage()
			newPage()
		}
		top := lo.y
		// A slot for what is drawn under the text, filled once the
		// piece's height is known.
		p := lo.pages[len(lo.pages)-1]
		slot := len(p.ops)
		p.ops = append(p.ops, func(*fpdf.Fpdf) {})
		avail := lo.room() - 2*cellPadY
		done := true
		bottom := top + full
		used := 0.0
		for i, c := range cells {
			y := top + cellPadY
			for next[i] < len(c.lines) {
				l := c.lines[next[i]]
				h := l.height(c.leading)
				if y+h > top+cellPadY+avail+0.01 && !(lo.onFreshPage() && y == top+cellPadY) {
					done = false
					break
				}
				lx := c.x
				if c.right && !l.rtl {
					lx += c.w - l.width
				}
				lo.drawLine(l, lx, c.w, y, c.leading)
				y += h
				next[i]++
			}
			used = max(used, y-top+cellPadY)
		}
		if !done {
			bottom = top + used
		}
		if under != nil {
			n := len(p.ops)
			under(top, bottom, first)
			if len(p.ops) > n {
				p.ops[slot] = p.ops[n]
				p.ops = p.ops[:n]
			}
		}
		if over != nil {
			over(top, bottom, first)
		}
		lo.y = bottom
		if done {
			return
		}
		first = false
		lo.newPage()
		newPage()
	}
}

func (lo *layout) fields(f Fields, x, w float64) {
	labelW := w * 0.3
	gap := 12.0
	label, body, muted := labelStyle, bodyStyle, mutedStyle
	labelLeading := bodyLeading
	if f.Large {
		label, body, muted = largeLabelStyle, largeStyle, largeStyle
		muted.color = mutedColor
		// A label's first line as tall as the value's, so the two sit level.
		labelLeading = body.size * bodyLeading / label.size
	}
	for _, r := range f.Rows {
		value := r.Value
		st := body
		if strings.TrimSpace(value) == "" {
			value, st = "—", muted
		}
		cells := []cell{
			{x: x, w: labelW, lines: lo.t.wrap(r.Label, label, labelW), leading: labelLeading},
			{x: x + labelW + gap, w: w - labelW - gap, lines: lo.t.wrap(value, st, w-labelW-gap), leading: bodyLeading},
		}
		lo.row(cells, 0, func() {}, nil, func(top, bottom float64, first bool) {
			lo.op(func(pdf *fpdf.Fpdf) { rule(pdf, shadeColor, 0.6, x, bottom, x+w, bottom) })
		})
	}
}

// columnXs scales relative widths to w.
func columnXs(cols []Column, x, w float64) (xs, ws []float64) {
	total := 0.0
	for _, c := range cols {
		total += c.Width
	}
	for _, c := range cols {
		cw := w / float64(len(cols))
		if total > 0 {
			cw = w * c.Width / total
		}
		xs = append(xs, x)
		ws = append(ws, cw)
		x += cw
	}
	return xs, ws
}

func (lo *layout) table(cols []Column, rows [][]string, minH, x, w float64) {
	if len(cols) == 0 {
		return
	}
	xs, ws := columnXs(cols, x, w)
	header := func() {
		cells := make([]cell, len(cols))
		for i, c := range cols {
			cells[i] = cell{x: xs[i] + cellPadX, w: ws[i] - 2*cellPadX, lines: lo.t.wrap(c.Title, headStyle, ws[i]-2*cellPadX), leading: 1.35, right: c.Right}
		}
		lo.row(cells, 0, func() {}, func(top, bottom float64, first bool) {
			lo.op(func(pdf *fpdf.Fpdf) {
				pdf.SetFillColor(shadeColor.r, shadeColor.g, shadeColor.b)
				pdf.Rect(x, top, w, bottom-top, "F")
			})
		}, nil)
		lo.fresh = lo.y
	}
	lo.need(3*bodySize*bodyLeading + 4*cellPadY)
	header()
	for _, r := range rows {
		cells := make([]cell, len(cols))
		for i := range cols {
			text := ""
			if i < len(r) {
				text = r[i]
			}
			cells[i] = cell{x: xs[i] + cellPadX, w: ws[i] - 2*cellPadX, lines: lo.t.wrap(text, bodyStyle, ws[i]-2*cellPadX), leading: 1.35, right: cols[i].Right}
		}
		lo.row(cells, minH, header, nil, func(top, bottom float64, first bool) {
			lo.op(func(pdf *fpdf.Fpdf) {
				rule(pdf, ruleColor, 0.5, x, bottom, x+w, bottom)
				for i := 1; i < len(xs); i++ {
					rule(pdf, shadeColor, 0.5, xs[i], top, xs[i], bottom)
				}
			})
		})
	}
}

func (lo *layout) checklist(c Checklist, x, w float64) {
	const box, indent = 9.0, 18.0
	for _, item := range c.Items {
		lines := lo.t.wrap(item, bodyStyle, w-indent)
		cells := []cell{{x: x + indent, w: w - indent, lines: lines, leading: bodyLeading}}
		lo.row(cells, 0, func() {}, nil, func(top, bottom float64, first bool) {
			if !first || len(lines) == 0 {
				return
			}
			by := top + cellPadY + (lines[0].height(bodyLeading)-box)/2
			lo.op(func(pdf *fpdf.Fpdf) {
				pdf.SetDrawColor(inkColor.r, inkColor.g, inkColor.b)
				pdf.SetLineWidth(0.8)
				pdf.Rect(x+1, by, box, box, "D")
			})
		})
	}
}

func (lo *layout) lines(b Lines, x, w float64) {
	if b.Label != "" {
		lines := lo.t.wrap(b.Label, labelStyle, w)
		lo.need(2*ruleGap + float64(len(lines))*smallSize*bodyLeading)
		lo.placeLines(lines, x, w, bodyLeading)
	}
	for range b.Count {
		lo.need(ruleGap)
		y := lo.y + ruleGap - 4
		lo.op(func(pdf *fpdf.Fpdf) { rule(pdf, ruleColor, 0.6, x, y, x+w, y) })
		lo.y += ruleGap
	}
}

func (lo *layout) secret(s Secret, x, w float64) {
	var labelLines []line
	if s.Label != "" {
		labelLines = lo.t.wrap(s.Label, labelStyle, w)
	}
	st := textStyle{size: 15, bold: true, mono: true, color: inkColor}
	pad := 12.0
	if s.Label == "" {
		st.size, pad = 10.5, 7 // a command, not a key
	}
	textLines := lo.t.wrap(s.Text, st, w-24)
	h := 0.0
	for _, l := range textLines {
		h += l.height(1.6)
	}
	lh := 0.0
	for _, l := range labelLines {
		lh += l.height(bodyLeading)
	}
	lo.need(lh + h + 2*pad + 4)
	lo.placeLines(labelLines, x, w, bodyLeading)
	lo.y += 4
	top := lo.y
	lo.op(func(pdf *fpdf.Fpdf) {
		pdf.SetDrawColor(inkColor.r, inkColor.g, inkColor.b)
		pdf.SetLineWidth(1.2)
		pdf.Rect(x, top, w, h+2*pad, "D")
	})
	y := top + pad
	for _, l := range textLines {
		lo.drawLine(l, x+12, w-24, y, 1.6)
		y += l.height(1.6)
	}
	lo.y = top + h + 2*pad
}

// groups splits s into groups of n characters separated by spaces, so that
// a long code can be read and typed in pieces.
func groups(s string, n int) string {
	var b strings.Builder
	for i, r := range []rune(s) {
		if i > 0 && i%n == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}
