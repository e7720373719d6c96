package app

import (
	"context"

	"tandem/backend/domain"
	"tandem/backend/storage"
)

// Medicine is bound to the page: safe medicine sessions. A client's health
// and medication screening, the practice's contraindications checklist,
// consent template and readiness checklist (Settings), each medicine
// session's readiness and its live log. Like Sessions, it refuses while
// co-creation mode is on. Tandem records; the therapist decides.
type Medicine struct{ s *Shell }

// NewMedicine returns the Medicine binding.
func NewMedicine(s *Shell) *Medicine { return &Medicine{s: s} }

// Health returns a client's medications, allergies, health history and
// screenings.
func (b *Medicine) Health(clientID int64) (domain.Health, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Health, error) { return db.Health(ctx, clientID) })
}

// AddMedication adds to a client's medication list.
func (b *Medicine) AddMedication(m domain.Medication) (domain.Medication, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Medication, error) { return db.AddMedication(ctx, m) })
}

// UpdateMedication changes a medication, or records that it was stopped.
func (b *Medicine) UpdateMedication(m domain.Medication) (domain.Medication, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Medication, error) {
		return db.UpdateMedication(ctx, m, domain.ByTherapist)
	})
}

// SaveHealthNotes writes a client's allergies and health history.
func (b *Medicine) SaveHealthNotes(clientID int64, allergies, history string) (domain.Health, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Health, error) {
		return db.SaveHealthNotes(ctx, clientID, allergies, history, domain.ByTherapist)
	})
}

// ScreeningItems returns the contraindications checklist; retired items
// too when all is true.
func (b *Medicine) ScreeningItems(all bool) ([]domain.ScreeningItem, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) ([]domain.ScreeningItem, error) {
		return db.ScreeningItems(ctx, all)
	})
}

// AddScreeningItem adds to the checklist.
func (b *Medicine) AddScreeningItem(text string) (domain.ScreeningItem, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.ScreeningItem, error) {
		return db.AddScreeningItem(ctx, text)
	})
}

// RewordScreeningItem rewords a checklist item.
func (b *Medicine) RewordScreeningItem(id int64, text string) (domain.ScreeningItem, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.ScreeningItem, error) {
		return db.RewordScreeningItem(ctx, id, text)
	})
}

// RetireScreeningItem stops asking a checklist item.
func (b *Medicine) RetireScreeningItem(id int64) (domain.ScreeningItem, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.ScreeningItem, error) {
		return db.RetireScreeningItem(ctx, id)
	})
}

// AddScreening records a screening round.
func (b *Medicine) AddScreening(n domain.NewScreening) (domain.Screening, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Screening, error) { return db.AddScreening(ctx, n) })
}

// ConsentTemplate returns the consent template in use, or, when none is
// written, the starting draft (Version 0) to rewrite.
func (b *Medicine) ConsentTemplate() (domain.ConsentTemplate, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.ConsentTemplate, error) {
		t, err := db.ConsentTemplate(ctx)
		if err == nil && t.Version == 0 {
			t = domain.StartingConsentTemplate()
		}
		return t, err
	})
}

// SaveConsentTemplate writes a new version of the consent template.
func (b *Medicine) SaveConsentTemplate(title string, terms []domain.AgreementTerm) (domain.ConsentTemplate, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.ConsentTemplate, error) {
		return db.SaveConsentTemplate(ctx, title, terms)
	})
}

// WriteConsent writes the client's consent from the current template, or
// brings theirs up to it.
func (b *Medicine) WriteConsent(clientID int64) (domain.Agreement, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Agreement, error) {
		return db.WriteConsent(ctx, clientID)
	})
}

// ReadinessSettings returns the readiness checklist's settings.
func (b *Medicine) ReadinessSettings() (domain.ReadinessSettings, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.ReadinessSettings, error) {
		return db.ReadinessSettings(ctx)
	})
}

// SaveReadinessSettings stores the readiness checklist's settings.
func (b *Medicine) SaveReadinessSettings(r domain.ReadinessSettings) (domain.ReadinessSettings, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.ReadinessSettings, error) {
		return db.SaveReadinessSettings(ctx, r)
	})
}

// Readiness checks a medicine session against the readiness checklist.
func (b *Medicine) Readiness(sessionID int64) (domain.Readiness, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Readiness, error) {
		return db.Readiness(ctx, sessionID)
	})
}

// SavePrep names the support person and the way home.
func (b *Medicine) SavePrep(sessionID int64, supportPerson, wayHome string) (domain.Readiness, error) {
	return b.thenReadiness(sessionID, func(ctx context.Context, db *storage.DB) error {
		_, err := db.SavePrep(ctx, sessionID, supportPerson, wayHome)
		return err
	})
}

// DecideFlags records the therapist's decision on the screening's flags.
func (b *Medicine) DecideFlags(sessionID int64, decision string) (domain.Readiness, error) {
	return b.thenReadiness(sessionID, func(ctx context.Context, db *storage.DB) error {
		_, err := db.DecideFlags(ctx, sessionID, decision)
		return err
	})
}

// GoAhead records the decision to go ahead with something missing.
func (b *Medicine) GoAhead(sessionID int64, reason string) (domain.Readiness, error) {
	return b.thenReadiness(sessionID, func(ctx context.Context, db *storage.DB) error {
		_, err := db.GoAhead(ctx, sessionID, reason)
		return err
	})
}

// thenReadiness makes a change to a session's preparation and returns its
// readiness after it.
func (b *Medicine) thenReadiness(sessionID int64, change func(ctx context.Context, db *storage.DB) error) (domain.Readiness, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Readiness, error) {
		if err := change(ctx, db); err != nil {
			return domain.Readiness{}, err
		}
		return db.Readiness(ctx, sessionID)
	})
}

// AddLogEntry saves one entry of the live log; it returns once the entry
// is on disk.
func (b *Medicine) AddLogEntry(n domain.NewLogEntry) (domain.LogEntry, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.LogEntry, error) { return db.AddLogEntry(ctx, n) })
}
