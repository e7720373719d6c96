package storage

import (
	"context"
	"encoding/csv"
	"fmt"
	"strings"
	"testing"

	"tandem/backend/domain"
)

func readCSV(t *testing.T, db *DB, key string) [][]string {
	t.Helper()
	var b strings.Builder
	if err := db.MeasuresCSV(context.Background(), key, &b); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(b.String())).ReadAll()
	if err != nil {
		t.Fatalf("not RFC 4180: %v\n%s", err, b.String())
	}
	return rows
}

func TestTheCSVOfAnInstrumentListsEveryClientByCode(t *testing.T) {
	ctx := context.Background()
	db, wren := openAt(t, "2026-06-10T09:30", "Europe/London")
	ash := mustClient(t, db, "Ash Archived (fictional)")
	session := mustSession(t, db, wren.ID, domain.IntegrationSession, "2026-06-03")
	m := phqOf(wren.ID, "2026-06-03", 1, 2, -1, 0, 1, 2, 3, 0, 0, 2) // question 3 blank: prorated
	m.SessionID, m.EnteredBy = session.ID, domain.ByClient
	mustMeasure(t, db, m, domain.ByClient)
	mustMeasure(t, db, phqOf(ash.ID, "2026-05-01", 3, 3, 3, 3, 3, 3, 3, 3, 0), domain.ByTherapist)
	mustMeasure(t, db, phqOf(wren.ID, "2026-05-20", 1, 1, 1, 1, 1, 1, 1, 1, 0), domain.ByTherapist)
	mustMeasure(t, db, domain.Measure{ClientID: wren.ID, Date: "2026-06-01", Instrument: domain.Instrument{Key: "gad7"}, Answers: answersOf(1, 1, 1, 1, 1, 1, 1)}, domain.ByTherapist)
	if err := db.ArchiveClient(ctx, ash.ID); err != nil {
		t.Fatal(err)
	}

	rows := readCSV(t, db, "phq9")
	want := []string{"client", "date", "session", "entered_by", "version", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "total", "prorated", "band"}
	if fmt.Sprint(rows[0]) != fmt.Sprint(want) {
		t.Fatalf("header %v", rows[0])
	}
	if len(rows) != 4 {
		t.Fatalf("%d rows, want the header and 3 measures (the archived client's too):\n%v", len(rows), rows)
	}
	code := domain.ClientCode(wren.ID)
	wantRows := [][]string{
		{code, "2026-05-20", "", "therapist", "1", "1", "1", "1", "1", "1", "1", "1", "1", "0", "", "8", "no", "Mild"},
		// 9 answered of 9 scored less one: 9 × 9 ÷ 8 = 10.125, so 10.
		{code, "2026-06-03", fmt.Sprint(session.ID), "client", "1", "1", "2", "", "0", "1", "2", "3", "0", "0", "2", "10", "yes", "Moderate"},
		{domain.ClientCode(ash.ID), "2026-05-01", "", "therapist", "1", "3", "3", "3", "3", "3", "3", "3", "3", "0", "", "24", "no", "Severe"},
	}
	for i, w := range wantRows {
		if fmt.Sprint(rows[i+1]) != fmt.Sprint(w) {
			t.Errorf("row %d:\n got %v\nwant %v", i+1, rows[i+1], w)
		}
	}
	all := fmt.Sprint(rows)
	for _, name := range []string{wren.ChosenName, ash.ChosenName, "Wren", "Ash"} {
		if strings.Contains(all, name) {
			t.Errorf("the CSV names a client: %q", name)
		}
	}

	if rows := readCSV(t, db, "pcl5"); len(rows) != 1 || len(rows[0]) != 5+20+3+4 || rows[0][len(rows[0])-1] != "Cluster E: changes in arousal and reactivity" {
		t.Errorf("an instrument with no measures: %v", rows)
	}
	if err := db.MeasuresCSV(ctx, "beck", &strings.Builder{}); domain.ErrorCode(err) != domain.ENOTFOUND {
		t.Errorf("an unknown instrument: %v", err)
	}
}

// The therapist's own wording reaches the CSV as text, never as a
// spreadsheet formula; columns follow every version taken.
func TestTheCSVNeutralisesFormulas(t *testing.T) {
	db, client := openAt(t, "2026-06-10T09:30", "Europe/London")
	in := sleepCheck()
	in.Bands = []domain.Band{{Min: 0, Max: 5, Label: `=HYPERLINK("http://example.invalid","Lower")`}, {Min: 6, Max: 12, Label: "@SUM(1+1)"}}
	in.Subscales[0].Name = "+night"
	v1 := mustInstrument(t, db, in)
	mustMeasure(t, db, domain.Measure{ClientID: client.ID, Date: "2026-06-01", Instrument: domain.Instrument{Key: v1.Key}, Answers: answersOf(0, 1, 4)}, domain.ByClient)
	// Version 2 drops the subscale and adds a fourth question.
	in = v1
	in.Subscales = nil
	in.Items = append(in.Items, domain.Item{Number: 4, Text: "-I dreamt."})
	in.Bands = []domain.Band{{Min: 0, Max: 7, Label: "-lower"}, {Min: 8, Max: 16, Label: "Higher"}}
	mustInstrument(t, db, in)
	mustMeasure(t, db, domain.Measure{ClientID: client.ID, Date: "2026-06-02", Instrument: domain.Instrument{Key: v1.Key}, Answers: answersOf(0, 1, 4, 2)}, domain.ByClient)

	rows := readCSV(t, db, v1.Key)
	header := []string{"client", "date", "session", "entered_by", "version", "q1", "q2", "q3", "q4", "total", "prorated", "band", "'+night"}
	if fmt.Sprint(rows[0]) != fmt.Sprint(header) {
		t.Fatalf("header %q", rows[0])
	}
	code := domain.ClientCode(client.ID)
	// Version 1: 0 + 1 + (4-4) = 1; the night subscale (1, 3) = 0 + 0.
	// Version 2: 0 + 1 + (4-4) + 2 = 3.
	want := [][]string{
		{code, "2026-06-01", "", "client", "1", "0", "1", "4", "", "1", "no", `'=HYPERLINK("http://example.invalid","Lower")`, "0"},
		{code, "2026-06-02", "", "client", "2", "0", "1", "4", "2", "3", "no", "'-lower", ""},
	}
	for i, w := range want {
		if fmt.Sprint(rows[i+1]) != fmt.Sprint(w) {
			t.Errorf("row %d:\n got %q\nwant %q", i+1, rows[i+1], w)
		}
	}
	for _, row := range rows {
		for _, v := range row {
			if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
				t.Errorf("a value a spreadsheet would run: %q", v)
			}
		}
	}
}
