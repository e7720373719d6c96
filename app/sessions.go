package app

import (
	"context"

	"tandem/backend/domain"
	"tandem/backend/storage"
)

// Sessions is bound to the page: the therapist's sessions, setting plans,
// integration worksheet, patterns and resources, and the search over the
// whole practice. Like Clients, it refuses while co-creation mode is on.
type Sessions struct{ s *Shell }

// NewSessions returns the Sessions binding.
func NewSessions(s *Shell) *Sessions { return &Sessions{s: s} }

// Integration returns a client's sessions, shifts, patterns and resources,
// private content included.
func (b *Sessions) Integration(clientID int64) (domain.IntegrationRecord, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.IntegrationRecord, error) {
		return db.Integration(ctx, clientID)
	})
}

// Add records a session.
func (b *Sessions) Add(s domain.Session) (domain.Session, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Session, error) {
		return db.AddSession(ctx, s, domain.ByTherapist)
	})
}

// Update changes a session whose notes are not finalised.
func (b *Sessions) Update(s domain.Session) (domain.Session, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Session, error) {
		return db.UpdateSession(ctx, s, domain.ByTherapist)
	})
}

// Finalise signs a session's notes.
func (b *Sessions) Finalise(id int64) (domain.Session, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Session, error) { return db.FinaliseSession(ctx, id) })
}

// AddAddendum adds a dated note to finalised notes.
func (b *Sessions) AddAddendum(sessionID int64, text string, v domain.Visibility) (domain.Session, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Session, error) {
		return db.AddAddendum(ctx, sessionID, text, v)
	})
}

// AddAdverseEvent records an adverse event.
func (b *Sessions) AddAdverseEvent(e domain.AdverseEvent) (domain.Session, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Session, error) { return db.AddAdverseEvent(ctx, e) })
}

// RespondToAdverseEvent writes what was done about an adverse event
// recorded without it.
func (b *Sessions) RespondToAdverseEvent(eventID int64, response string) (domain.Session, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Session, error) {
		return db.RespondToAdverseEvent(ctx, eventID, response)
	})
}

// AddSettingElement adds to a medicine session's setting plan.
func (b *Sessions) AddSettingElement(n domain.NewSettingElement) (domain.SettingElement, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.SettingElement, error) {
		return db.AddSettingElement(ctx, n, n.ProposedBy)
	})
}

// ReviseSettingElement rewords a setting element.
func (b *Sessions) ReviseSettingElement(id int64, text string, by domain.Actor) (domain.SettingElement, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.SettingElement, error) {
		return db.ReviseSettingElement(ctx, id, text, by)
	})
}

// SetSettingComfort records the client's comfort with an element.
func (b *Sessions) SetSettingComfort(id int64, c domain.Comfort) (domain.SettingElement, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.SettingElement, error) {
		return db.SetSettingComfort(ctx, id, c)
	})
}

// SetTherapistComfort records the therapist's own comfort with an element.
func (b *Sessions) SetTherapistComfort(id int64, c domain.Comfort) (domain.SettingElement, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.SettingElement, error) {
		return db.SetTherapistComfort(ctx, id, c)
	})
}

// RetireSettingElement takes an element out of the setting plan.
func (b *Sessions) RetireSettingElement(id int64, by domain.Actor) (domain.SettingElement, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.SettingElement, error) {
		return db.RetireSettingElement(ctx, id, by)
	})
}

// AddShift adds a worksheet entry, written by s.RecordedBy.
func (b *Sessions) AddShift(s domain.Shift) (domain.Shift, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Shift, error) {
		return db.AddShift(ctx, s, s.RecordedBy)
	})
}

// CorrectShift fixes a transcription.
func (b *Sessions) CorrectShift(s domain.Shift) (domain.Shift, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Shift, error) {
		return db.CorrectShift(ctx, s, domain.ByTherapist)
	})
}

// AddMeaning writes the meaning made together beside a shift.
func (b *Sessions) AddMeaning(shiftID int64, meaning string, by domain.Actor) (domain.Shift, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Shift, error) {
		return db.AddMeaning(ctx, shiftID, meaning, by)
	})
}

// AddPattern names a pattern.
func (b *Sessions) AddPattern(n domain.NewPattern) (domain.Pattern, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Pattern, error) {
		return db.AddPattern(ctx, n, n.ProposedBy)
	})
}

// RenamePattern rewords a pattern's name.
func (b *Sessions) RenamePattern(id int64, name string, by domain.Actor) (domain.Pattern, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Pattern, error) {
		return db.RenamePattern(ctx, id, name, by)
	})
}

// SetPatternExamples changes a pattern's example situations and whether the
// client sees them.
func (b *Sessions) SetPatternExamples(id int64, examples string, vis domain.Visibility, by domain.Actor) (domain.Pattern, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Pattern, error) {
		return db.SetPatternExamples(ctx, id, examples, vis, by)
	})
}

// SetPatternStatus records a dated change of a pattern's status.
func (b *Sessions) SetPatternStatus(id int64, c domain.PatternChange) (domain.Pattern, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Pattern, error) {
		return db.SetPatternStatus(ctx, id, c)
	})
}

// LinkPattern sets the shifts and sessions a pattern showed up in.
func (b *Sessions) LinkPattern(id int64, shiftIDs, sessionIDs []int64, by domain.Actor) (domain.Pattern, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Pattern, error) {
		return db.LinkPattern(ctx, id, shiftIDs, sessionIDs, by)
	})
}

// AddResource adds a resourcing strategy.
func (b *Sessions) AddResource(r domain.Resource) (domain.Resource, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Resource, error) {
		return db.AddResource(ctx, r, r.ProposedBy)
	})
}

// UpdateResource changes a resource; a new name is a new wording by by.
func (b *Sessions) UpdateResource(r domain.Resource, by domain.Actor) (domain.Resource, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Resource, error) {
		return db.UpdateResource(ctx, r, by)
	})
}

// Search searches the whole practice, private notes included. It is the
// therapist's alone: co-creation mode refuses it like every call here.
func (b *Sessions) Search(query string) (domain.SearchResult, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.SearchResult, error) { return db.Search(ctx, query) })
}
