package packet

import "codeberg.org/go-pdf/fpdf"

// signature lays out a Signature: the label, a line to sign on as far as
// two thirds of the width, then "Date" and a shorter line, all on one
// handwriting line. A label too long for a third of the width is wrapped
// above the line instead.
func (lo *layout) signature(s Signature, x, w float64) {
	dateLines := lo.t.wrap("Date", labelStyle, w)
	labelLines := lo.t.wrap(s.Label, labelStyle, w/3)
	above := len(labelLines) > 1
	if above {
		labelLines = lo.t.wrap(s.Label, labelStyle, w)
		h := 0.0
		for _, l := range labelLines {
			h += l.height(bodyLeading)
		}
		lo.need(h + ruleGap + 6)
		lo.placeLines(labelLines, x, w, bodyLeading)
	}
	lo.need(ruleGap + 6)
	lineY := lo.y + ruleGap
	start := x
	if !above && len(labelLines) == 1 {
		l := labelLines[0]
		lo.drawLine(l, x, w, lineY-l.height(bodyLeading)+2, bodyLeading)
		// Lines start where a field's value would, so signatures align.
		start = max(x+l.width+8, x+w*0.3+12)
	}
	dateX := x + w*2/3 + 12
	end := dateX
	if len(dateLines) == 1 {
		l := dateLines[0]
		lo.drawLine(l, dateX, w, lineY-l.height(bodyLeading)+2, bodyLeading)
		end = dateX + l.width + 8
	}
	lo.op(func(pdf *fpdf.Fpdf) {
		rule(pdf, inkColor, 0.6, start, lineY, x+w*2/3, lineY)
		rule(pdf, inkColor, 0.6, end, lineY, x+w, lineY)
	})
	lo.y = lineY + 6
}
