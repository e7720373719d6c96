package storage

import (
	"cmp"
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"tandem/backend/domain"
)

// MeasuresCSV writes every measure taken on the instrument with key, of
// every client (archived ones too: it is the therapist's audit of the
// practice), as CSV (RFC 4180) to w: a header row, then one row per
// measure, by client and date. Columns: client (its code, domain.ClientCode,
// never a name), date, session (its id, or blank), entered_by, version
// (of the definition it was answered on), q1…qN (each question's answer,
// blank when unanswered, over every question of every version taken),
// total (blank when there is none), prorated (yes or no), band, then one
// column per subscale, named by it. A value that a spreadsheet would read
// as a formula (one starting with =, +, -, @, a tab or a carriage return)
// is written with a ' before it. ENOTFOUND when there is no instrument
// with key; an instrument with no measures gives the header alone.
func (db *DB) MeasuresCSV(ctx context.Context, key string, w io.Writer) error {
	current, err := db.Instrument(ctx, key)
	if err != nil {
		return err
	}
	ms, err := readMeasures(ctx, db.sql, `m.instrument_key = ?`, current.Key)
	if err != nil {
		return err
	}
	// By client; each client's already by date, then id.
	slices.SortStableFunc(ms, func(a, b domain.Measure) int { return cmp.Compare(a.ClientID, b.ClientID) })
	// The columns: the current version's questions and subscales, then any
	// that only an earlier version had.
	items, subscales := []int{}, []domain.Subscale{}
	for _, in := range append([]domain.Instrument{current}, instrumentsOf(ms)...) {
		for _, it := range in.Items {
			if !slices.Contains(items, it.Number) {
				items = append(items, it.Number)
			}
		}
		for _, s := range in.Subscales {
			if !slices.ContainsFunc(subscales, func(x domain.Subscale) bool { return x.Key == s.Key }) {
				subscales = append(subscales, s)
			}
		}
	}
	slices.Sort(items)
	cw := csv.NewWriter(w)
	row := []string{"client", "date", "session", "entered_by", "version"}
	for _, n := range items {
		row = append(row, fmt.Sprintf("q%d", n))
	}
	row = append(row, "total", "prorated", "band")
	for _, s := range subscales {
		row = append(row, s.Name)
	}
	if err := writeSafeRow(cw, row); err != nil {
		return err
	}
	for _, m := range ms {
		row = row[:0]
		session := ""
		if m.SessionID != 0 {
			session = strconv.FormatInt(m.SessionID, 10)
		}
		row = append(row, domain.ClientCode(m.ClientID), m.Date, session, string(m.EnteredBy), strconv.Itoa(m.Instrument.Version))
		for _, n := range items {
			i := slices.IndexFunc(m.Answers, func(a domain.Answer) bool { return a.Item == n })
			if i < 0 {
				row = append(row, "")
			} else {
				row = append(row, strconv.Itoa(m.Answers[i].Value))
			}
		}
		total, prorated := "", "no"
		if m.Result.HasTotal {
			total = score(m.Result.Total)
		}
		if m.Result.Prorated {
			prorated = "yes"
		}
		row = append(row, total, prorated, m.Result.Band)
		for _, s := range subscales {
			i := slices.IndexFunc(m.Result.Subscales, func(x domain.SubscaleResult) bool { return x.Key == s.Key })
			if i < 0 || !m.Result.Subscales[i].HasScore {
				row = append(row, "")
			} else {
				row = append(row, score(m.Result.Subscales[i].Score))
			}
		}
		if err := writeSafeRow(cw, row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// instrumentsOf is the definitions ms were answered on.
func instrumentsOf(ms []domain.Measure) []domain.Instrument {
	out := make([]domain.Instrument, len(ms))
	for i, m := range ms {
		out[i] = m.Instrument
	}
	return out
}

// score writes a score as a number a spreadsheet reads: whole, or with up
// to two decimals, a point as separator.
func score(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// writeSafeRow writes row with every value neutralised against formula
// injection: a spreadsheet opening the file must show the therapist's
// text, never run it.
func writeSafeRow(cw *csv.Writer, row []string) error {
	safe := make([]string, len(row))
	for i, v := range row {
		safe[i] = neutralise(v)
	}
	return cw.Write(safe)
}

// neutralise puts a ' before a value a spreadsheet would take as a
// formula (OWASP's advice on CSV injection).
func neutralise(v string) string {
	if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
		return "'" + v
	}
	return v
}
