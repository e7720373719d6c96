package packet

import (
	"fmt"

	"tandem/backend/domain"
)

// The day sheet is the therapist's own page for the day: the week's
// appointments from today, with each client's chosen name, and what is
// waiting (the Today screen, domain.Today). It holds no notes and no
// reasons; it is printed for the therapist, never given to a client.

// dueWords say a due item the way the Today screen does.
var dueWords = map[domain.DueKind]string{
	domain.DueAppointment: "Appointment on %s: held, cancelled or missed?",
	domain.DueNotes:       "Notes of the session on %s are not finalised",
	domain.DueCheckIn:     "Check-in after the medicine session on %s",
	domain.DueWorksheet:   "Integration worksheet after the medicine session on %s",
	domain.DueAgreement:   "Agreement proposed on %s, not yet confirmed",
	domain.DueReadiness:   "Medicine session on %s: something on the readiness checklist is missing",
}

var appointmentWords = map[domain.AppointmentStatus]string{
	domain.Held: "held", domain.Cancelled: "cancelled", domain.NoShow: "did not come",
}

// DaySheet is the day sheet of t for the practice p.
func DaySheet(p domain.Practice, t domain.Today, o Options) Document {
	o.Copy = TherapistCopy
	d := o.document(p, "", "Day sheet", formatDay(t.Date))
	d.Blocks = append(d.Blocks, Heading{Text: "This week's appointments", Level: 1})
	if len(t.Appointments) == 0 {
		d.Blocks = append(d.Blocks, Paragraph{Text: "No appointments this week.", Style: Muted})
	} else {
		rows := make([][]string, 0, len(t.Appointments))
		for _, a := range t.Appointments {
			what := sessionKindNames[a.Kind]
			if w := appointmentWords[a.Status]; w != "" {
				what += " (" + w + ")"
			}
			where := a.Place
			if a.Modality == domain.Online {
				where = "Online"
			}
			rows = append(rows, []string{formatDay(a.Date), a.Time, a.ClientName, what, fmt.Sprintf("%d min", a.Minutes), where})
		}
		d.Blocks = append(d.Blocks, Table{Columns: []Column{{Title: "Date", Width: 3}, {Title: "Time", Width: 1.2}, {Title: "Client", Width: 3},
			{Title: "Kind", Width: 3}, {Title: "Length", Width: 1.4}, {Title: "Place", Width: 3}}, Rows: rows})
	}
	d.Blocks = append(d.Blocks, Heading{Text: "Waiting for you", Level: 1})
	if len(t.Due) == 0 {
		d.Blocks = append(d.Blocks, Paragraph{Text: "Nothing is waiting.", Style: Muted})
		return d
	}
	rows := make([][]string, 0, len(t.Due))
	for _, it := range t.Due {
		what := fmt.Sprintf(dueWords[it.Kind], formatDay(it.Date))
		switch it.Kind {
		case domain.DueBalance:
			what = "Balance of " + t.Currency.Format(it.Amount) + " unpaid"
		case domain.DueMeasure:
			what = fmt.Sprintf("%s due since %s", it.Instrument, formatDay(it.Date))
		case domain.DueMeasureFlag:
			what = fmt.Sprintf("An answer in the %s of %s to look at", it.Instrument, formatDay(it.Date))
		}
		rows = append(rows, []string{it.ClientName, what})
	}
	d.Blocks = append(d.Blocks, Table{Columns: []Column{{Title: "Client", Width: 1}, {Title: "What", Width: 2.5}}, Rows: rows})
	return d
}
