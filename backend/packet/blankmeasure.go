package packet

import (
	"fmt"
	"strconv"
	"strings"

	"tandem/backend/domain"
)

// A blank questionnaire is a questionnaire (built in or the therapist's
// own) printed to be answered by hand, then typed in on the client's
// Measures tab. It carries the definition's wording only: nothing of any
// record, so it is the same for every reader. With a client's name it is
// headed for them; without, it is a blank for anyone.

// maxTableOptions is the most answers a question's row holds as columns;
// a longer scale is printed as a list of boxes under each question.
const maxTableOptions = 7

// maxWordedColumns is the most answers whose wording fits in their
// columns' heads.
const maxWordedColumns = 4

// BlankMeasure is in printed to be answered by hand, for client (their
// chosen name, or "").
func BlankMeasure(p domain.Practice, in domain.Instrument, client string, o Options) Document {
	o.Copy = ClientCopy
	name := in.Name
	if in.ShortName != "" && in.ShortName != in.Name {
		name = in.ShortName + ": " + in.Name
	}
	d := o.document(p, client, name, "To answer by hand")
	d.Blocks = append(d.Blocks, Lines{Label: "Date answered", Count: 1})
	if in.Instructions != "" {
		d.Blocks = append(d.Blocks, Paragraph{Text: in.Instructions})
	}
	if in.Stem != "" {
		d.Blocks = append(d.Blocks, Paragraph{Text: in.Stem})
	}
	d.Blocks = append(d.Blocks, Paragraph{Text: "Mark one answer for each question.", Style: Small})

	scale := scaleOptions(in, nil)
	var scored, own []domain.Item
	for _, it := range in.Items {
		if len(it.Options) > 0 {
			own = append(own, it)
		} else {
			scored = append(scored, it)
		}
	}
	if len(scale) <= maxTableOptions {
		// Up to four answers are worded in their columns' heads; more would break words, so their
		// columns are headed with the value and the wording is given once above.
		worded := len(scale) <= maxWordedColumns
		if !worded {
			key := make([]string, 0, len(scale))
			for _, opt := range scale {
				key = append(key, optionText(opt))
			}
			d.Blocks = append(d.Blocks, Paragraph{Text: "Answers: " + strings.Join(key, " · ")})
		}
		cols := []Column{{Title: "Question", Width: 8}}
		for _, opt := range scale {
			if worded {
				cols = append(cols, Column{Title: optionText(opt), Width: 1.6})
			} else {
				cols = append(cols, Column{Title: strconv.Itoa(opt.Value), Width: 0.9})
			}
		}
		rows := make([][]string, 0, len(scored))
		for _, it := range scored {
			rows = append(rows, append([]string{fmt.Sprintf("%d. %s", it.Number, it.Text)}, make([]string, len(scale))...))
		}
		d.Blocks = append(d.Blocks, Table{Columns: cols, Rows: rows, MinRowHeight: 22})
	} else {
		for _, it := range scored {
			own = append(own, it)
		}
	}
	for _, it := range own {
		d.Blocks = append(d.Blocks, Paragraph{Text: fmt.Sprintf("%d. %s", it.Number, it.Text)})
		items := []string{}
		for _, opt := range scaleOptions(in, it.Options) {
			items = append(items, optionText(opt))
		}
		d.Blocks = append(d.Blocks, Checklist{Items: items})
	}

	about := []string{}
	if in.Source != "" {
		about = append(about, "Source: "+in.Source)
	}
	if !in.BuiltIn && in.Licence != "" {
		about = append(about, "Used under: "+in.Licence)
	}
	if in.Version > 1 {
		about = append(about, "Version "+strconv.Itoa(in.Version)+" of this questionnaire in Tandem.")
	}
	if len(about) > 0 {
		d.Blocks = append(d.Blocks, Paragraph{Text: strings.Join(about, "\n"), Style: Small})
	}
	return d
}

// scaleOptions are the answers to a question: its own when it has them,
// else every value of the instrument's scale, with the wording of those
// that have one.
func scaleOptions(in domain.Instrument, own []domain.Option) []domain.Option {
	if len(own) > 0 {
		return own
	}
	words := map[int]string{}
	for _, o := range in.Options {
		words[o.Value] = o.Label
	}
	out := make([]domain.Option, 0, in.ScaleMax-in.ScaleMin+1)
	for v := in.ScaleMin; v <= in.ScaleMax; v++ {
		out = append(out, domain.Option{Value: v, Label: words[v]})
	}
	return out
}

func optionText(o domain.Option) string {
	if o.Label == "" {
		return strconv.Itoa(o.Value)
	}
	return strconv.Itoa(o.Value) + " " + o.Label
}
