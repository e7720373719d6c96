package packet

import (
	"strings"
	"testing"

	"tandem/backend/domain"
)

func TestTheDaySheetListsTheWeekAndWhatIsWaiting(t *testing.T) {
	p := domain.Practice{Name: "Example Practice (fictional)"}
	eur, _ := domain.CurrencyOf("EUR")
	today := domain.Today{
		Date:     "2026-06-10",
		Currency: eur,
		Appointments: []domain.AppointmentRow{
			{Appointment: domain.Appointment{ID: 1, ClientID: 14, Kind: domain.IntegrationSession, Date: "2026-06-10", Time: "09:30", Minutes: 50,
				Modality: domain.InPerson, Place: "The practice room", Status: domain.Planned, Notes: "PRIVATE-NOTE"}, ClientName: "Zoë Ñúñez-Øvergård", ClientCode: "T-014"},
			{Appointment: domain.Appointment{ID: 2, ClientID: 3, Kind: domain.PreparationSession, Date: "2026-06-12", Time: "14:00", Minutes: 60,
				Modality: domain.Online, Status: domain.Cancelled, Reason: "PRIVATE-REASON"}, ClientName: "王芳", ClientCode: "T-003"},
		},
		Due: []domain.DueItem{
			{Kind: domain.DueNotes, ClientID: 14, ClientName: "Zoë Ñúñez-Øvergård", SessionID: 9, Date: "2026-06-08"},
			{Kind: domain.DueBalance, ClientID: 3, ClientName: "王芳", Amount: 12050},
			{Kind: domain.DueMeasure, ClientID: 3, ClientName: "王芳", InstrumentKey: "gad7", Instrument: "GAD-7", Date: "2026-06-09"},
			{Kind: domain.DueMeasureFlag, ClientID: 14, ClientName: "Zoë Ñúñez-Øvergård", InstrumentKey: "phq9", Instrument: "PHQ-9", MeasureID: 4, Date: "2026-06-07"},
		},
	}
	pdf := render(t, DaySheet(p, today, Options{Paper: A4, Date: testDate}))
	checkPDF(t, pdf)
	text := pdfText(t, pdf)
	for _, want := range []string{"Day sheet", "10 June 2026", "09:30", "Zoë Ñúñez-Øvergård", "Integration session", "50 min", "The practice room",
		"王芳", "Preparation session (cancelled)", "Online", "Notes of the session on 8 June 2026 are not finalised", "Balance of €120.50 unpaid",
		"GAD-7 due since 9 June 2026", "An answer in the PHQ-9 of 7 June 2026 to look at"} {
		if !strings.Contains(text, want) {
			t.Errorf("the day sheet lacks %q:\n%s", want, text)
		}
	}
	for _, never := range []string{"PRIVATE-NOTE", "PRIVATE-REASON"} {
		if strings.Contains(text, never) {
			t.Errorf("the day sheet shows %s", never)
		}
	}
	empty := pdfText(t, render(t, DaySheet(p, domain.Today{Date: "2026-06-10"}, Options{Paper: Letter, Date: testDate})))
	if !strings.Contains(empty, "No appointments this week.") || !strings.Contains(empty, "Nothing is waiting.") {
		t.Errorf("an empty day: %s", empty)
	}
}
