package packet

import "time"

// Paper is a page size.
type Paper string

const (
	A4     Paper = "a4"
	Letter Paper = "letter"
)

// Valid reports whether p is a known paper size.
func (p Paper) Valid() bool { return p == A4 || p == Letter }

// Document is a packet before it is laid out: a title and a flow of blocks.
// Every page carries the practice name, the client's chosen name (when
// there is a client), the date, "Confidential" and "Page X of Y".
type Document struct {
	Title    string
	Subtitle string
	Practice string
	Client   string // the client's chosen name; "" for packets about no client
	Date     time.Time
	Paper    Paper
	Blocks   []Block
}

// Block is one element of a document's flow.
type Block interface{ block() }

// Heading starts a section. Level 1 is a section, 2 a subsection. A heading
// is never the last thing on a page: it moves to the next page with the
// start of what follows it.
type Heading struct {
	Text  string
	Level int
}

// Paragraph is running text; it wraps and breaks across pages between
// lines. Line breaks in Text are kept.
type Paragraph struct {
	Text  string
	Style TextStyle
}

// TextStyle is a paragraph's look.
type TextStyle int

const (
	Body  TextStyle = iota
	Quote           // someone's own words: indented, with a rule on the left
	Small           // notes and explanations
	Muted           // what is absent ("Nothing recorded yet.")
)

// Fields is a block of labelled values (label on the left, value on the
// right), for details such as a client's contact or an agreement's terms.
type Fields struct {
	Rows []Field
	// Large sets the labels and values in large type, to be read at a
	// glance (the emergency card).
	Large bool
}

// Field is one labelled value.
type Field struct {
	Label string
	Value string
}

// Table is a table with a header row that repeats on every page it spans.
// Widths are relative (they are scaled to the text width); zero widths
// share the space equally. A row taller than a page is split between lines.
type Table struct {
	Columns []Column
	Rows    [][]string
	// MinRowHeight in points, for rows meant to be written in by hand.
	MinRowHeight float64
}

// Column is a table column.
type Column struct {
	Title string
	Width float64
	// Right aligns the column's cells to the right (amounts of money).
	Right bool
}

// Checklist is a list of items, each with an empty box to tick by hand.
type Checklist struct {
	Items []string
}

// Lines are ruled lines for handwriting, under an optional label.
type Lines struct {
	Label string
	Count int
}

// LogSheet is a table of empty rows to be filled in by hand during a
// session (for example time, observation, initials). Its header repeats on
// every page.
type LogSheet struct {
	Columns []Column
	Rows    int
}

// Signature is a line to sign by hand, under a label such as "Client
// signature", with a shorter line for the date beside it.
type Signature struct {
	Label string
}

// Secret is a value to be copied exactly (a recovery key): large monospace
// type in a framed box. Spaces in Text are where it may wrap.
type Secret struct {
	Label string
	Text  string
}

// PageBreak starts a new page.
type PageBreak struct{}

func (Heading) block()   {}
func (Paragraph) block() {}
func (Fields) block()    {}
func (Table) block()     {}
func (Checklist) block() {}
func (Lines) block()     {}
func (LogSheet) block()  {}
func (Secret) block()    {}
func (Signature) block() {}
func (PageBreak) block() {}
