package app

import (
	"context"
	"fmt"

	"tandem/backend/calendar"
	"tandem/backend/domain"
	"tandem/backend/packet"
	"tandem/backend/storage"
	"tandem/backend/version"
)

// Appointments is bound to the page: what is planned, the Today screen,
// and calendar files. Like Sessions, it refuses while co-creation mode is
// on.
type Appointments struct{ s *Shell }

// NewAppointments returns the Appointments binding.
func NewAppointments(s *Shell) *Appointments { return &Appointments{s: s} }

// Today returns the Today screen: this week's appointments and what is due.
func (b *Appointments) Today() (domain.Today, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Today, error) { return db.Today(ctx) })
}

// ForClient returns a client's appointments, every status, in date order.
func (b *Appointments) ForClient(clientID int64) ([]domain.Appointment, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) ([]domain.Appointment, error) {
		return db.ClientAppointments(ctx, clientID)
	})
}

// Add plans an appointment and, when it repeats, its occurrences.
func (b *Appointments) Add(a domain.Appointment, r domain.Repeat) ([]domain.Appointment, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) ([]domain.Appointment, error) {
		return db.AddAppointment(ctx, a, r)
	})
}

// Update moves or changes a planned appointment.
func (b *Appointments) Update(a domain.Appointment) (domain.Appointment, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Appointment, error) {
		return db.UpdateAppointment(ctx, a)
	})
}

// Cancel records a cancellation (following: the rest of its series too)
// or a no-show, with the reason.
func (b *Appointments) Cancel(id int64, status domain.AppointmentStatus, reason string, following bool) ([]domain.Appointment, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) ([]domain.Appointment, error) {
		return db.CancelAppointment(ctx, id, status, reason, following)
	})
}

// Hold turns a planned appointment into its session record.
func (b *Appointments) Hold(id int64) (domain.Session, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Session, error) { return db.HoldAppointment(ctx, id) })
}

// FollowUps proposes the appointments after a medicine session
// (domain.FollowUps), for the therapist to adjust; nothing is saved.
func (b *Appointments) FollowUps(sessionID int64) ([]domain.Appointment, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) ([]domain.Appointment, error) {
		s, err := db.Session(ctx, sessionID)
		if err != nil {
			return nil, err
		}
		if s.Kind != domain.MedicineSession {
			return nil, domain.Errorf(domain.EINVALID, "Follow-ups are proposed after a medicine session.")
		}
		return domain.FollowUps(s), nil
	})
}

// AddFollowUps plans the follow-ups as the therapist adjusted them, all or
// none.
func (b *Appointments) AddFollowUps(list []domain.Appointment) ([]domain.Appointment, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) ([]domain.Appointment, error) {
		return db.AddAppointments(ctx, list)
	})
}

// CalendarDone says what a calendar file holds and where it went.
type CalendarDone struct {
	Saved bool `json:"saved"` // false when the save dialog was closed
	Count int  `json:"count"`
}

// SaveCalendar writes the appointments in r as a calendar file (.ics),
// under o, where the therapist chooses in the save dialog.
func (b *Appointments) SaveCalendar(r calendar.Range, o calendar.Options) (CalendarDone, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (CalendarDone, error) {
		data, n, err := calendar.Export(ctx, db, r, o, version.Version, b.s.now())
		if err != nil {
			return CalendarDone{}, err
		}
		name := fmt.Sprintf("tandem-appointments-%s.ics", b.s.now().Format("2006-01-02"))
		if r.ClientID != 0 {
			name = fmt.Sprintf("appointments-%s.ics", domain.ClientCode(r.ClientID))
		}
		saved, err := saveAs(b.s, "Save the calendar file", name, "Calendar (*.ics)", "*.ics", data)
		return CalendarDone{Saved: saved, Count: n}, err
	})
}

// PrintDaySheet makes the day sheet (packet.DaySheet: the week's
// appointments and what is waiting) and opens it for printing, as
// Packets.Print does.
func (b *Appointments) PrintDaySheet() (bool, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (bool, error) {
		epoch := b.s.prints.current()
		today, err := db.Today(ctx)
		if err != nil {
			return false, err
		}
		p, paper, err := practicePaper(ctx, db)
		if err != nil {
			return false, err
		}
		pdf, err := renderPDF(packet.DaySheet(p, today, packet.Options{Paper: paper, Date: b.s.now()}))
		if err != nil {
			return false, err
		}
		return b.s.prints.print(pdf, epoch)
	})
}
