package packet

// OutlineBlock is one block of a document as the screen previews it
// before printing: the same words in the same order as the PDF, without
// the page layout. Kind names the block: heading, paragraph, fields,
// table, checklist, lines, logsheet, pagebreak.
type OutlineBlock struct {
	Kind string `json:"kind"`
	// Level of a heading (1 a section, 2 a subsection).
	Level int `json:"level"`
	// Style of a paragraph: body, quote, small or muted.
	Style string `json:"style"`
	Text  string `json:"text"`
	// Columns of a table or log sheet.
	Columns []string `json:"columns"`
	// Rows of a table, or of fields (each [label, value]).
	Rows [][]string `json:"rows"`
	// Items of a checklist.
	Items []string `json:"items"`
	// Count of ruled lines, or of a log sheet's empty rows.
	Count int `json:"count"`
}

var styleNames = map[TextStyle]string{Body: "body", Quote: "quote", Small: "small", Muted: "muted"}

// Outline lists a document's blocks for an on-screen preview. A secret (a
// recovery key) is never part of a preview: only its label is kept.
func Outline(d Document) []OutlineBlock {
	out := make([]OutlineBlock, 0, len(d.Blocks))
	titles := func(cs []Column) []string {
		ts := make([]string, len(cs))
		for i, c := range cs {
			ts[i] = c.Title
		}
		return ts
	}
	for _, b := range d.Blocks {
		var o OutlineBlock
		switch b := b.(type) {
		case Heading:
			o = OutlineBlock{Kind: "heading", Level: b.Level, Text: b.Text}
		case Paragraph:
			o = OutlineBlock{Kind: "paragraph", Style: styleNames[b.Style], Text: b.Text}
		case Fields:
			o = OutlineBlock{Kind: "fields"}
			for _, f := range b.Rows {
				o.Rows = append(o.Rows, []string{f.Label, f.Value})
			}
		case Table:
			o = OutlineBlock{Kind: "table", Columns: titles(b.Columns), Rows: b.Rows}
		case Checklist:
			o = OutlineBlock{Kind: "checklist", Items: b.Items}
		case Lines:
			o = OutlineBlock{Kind: "lines", Text: b.Label, Count: b.Count}
		case LogSheet:
			o = OutlineBlock{Kind: "logsheet", Columns: titles(b.Columns), Count: b.Rows}
		case Signature:
			o = OutlineBlock{Kind: "lines", Text: b.Label + ", and date", Count: 1}
		case Secret:
			o = OutlineBlock{Kind: "paragraph", Style: "small", Text: b.Label}
		case PageBreak:
			o = OutlineBlock{Kind: "pagebreak"}
		default:
			continue
		}
		out = append(out, o)
	}
	return out
}
