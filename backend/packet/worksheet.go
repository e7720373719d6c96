package packet

import (
	"fmt"
	"time"

	"tandem/backend/domain"
)

// Worksheet is a blank integration worksheet for the days after a
// medicine session: one row for each day, dated and numbered (the session
// day is day 0), with the areas of life as a legend and room to write by
// hand. It asks for noticing, not explaining.
func Worksheet(p domain.Practice, full Journey, sessionID int64, days int, o Options) Document {
	j := o.view(full)
	c := j.Record.Client
	s, _ := findSession(j.Integration, sessionID)
	d := o.document(p, c.ChosenName, "What I notice", fmt.Sprintf("The %d days after the session on %s", days, formatDay(s.Date)))
	b := []Block{
		Paragraph{Text: "In the days after a medicine session, things may shift: in how you see yourself, in your body, in your relationships, in your habits. Some shifts are loud, some very quiet. This sheet is a place to notice them as they come, without having to explain them or know yet what they mean. A word or two is enough; so is a blank day."},
		Paragraph{Text: "Write what you noticed in your own words. If you like, add the area of life it touched (see below) and how strong it felt, from 1 (faint) to 5 (strong). Tick “Just noticing” when you want to leave it at noticing for now, with no meaning looked for yet. Bring the sheet to our next meeting; what it means can wait until then, or longer."},
		Heading{Text: "Areas of life", Level: 2},
	}
	legend := make([]Field, 0, len(domain.Areas))
	for _, a := range domain.Areas {
		legend = append(legend, Field{areaNames[a], areaHints[a]})
	}
	b = append(b, Fields{Rows: legend})
	start, err := time.Parse(time.DateOnly, s.Date)
	rows := make([][]string, 0, days)
	for i := 1; i <= days; i++ {
		day := fmt.Sprintf("Day %d", i)
		if err == nil {
			day += "\n" + start.AddDate(0, 0, i).Format("Mon 2 Jan")
		}
		rows = append(rows, []string{day, "", "", "", ""})
	}
	height := map[int]float64{7: 96, 14: 72, 30: 60}[days]
	if height == 0 {
		height = 60
	}
	b = append(b, Table{Columns: []Column{{Title: "Day", Width: 1.5}, {Title: "What I noticed", Width: 4.6}, {Title: "Area", Width: 1.6}, {Title: "1–5", Width: 0.7}, {Title: "Just noticing", Width: 1.4}}, Rows: rows, MinRowHeight: height},
		Lines{Label: "Anything else you would like to bring", Count: 6})
	d.Blocks = b
	return d
}
