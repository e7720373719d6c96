package app

import (
	"context"

	"tandem/backend/domain"
	"tandem/backend/storage"
)

// The client's journey in co-creation mode: what they read of their
// sessions, worksheet, patterns and resources, and what the two write
// there together (the setting plan, shifts and their meaning, patterns,
// resources). Every write checks that what it touches is this client's.

// Journey returns the client's view of their sessions, worksheet, patterns
// and resources: shared content only.
func (b *CoCreation) Journey() (domain.IntegrationRecord, error) {
	return coDo(b.s, func(ctx context.Context, db *storage.DB, id int64) (domain.IntegrationRecord, error) {
		rec, err := db.Integration(ctx, id)
		return domain.View(rec), err
	})
}

// AddShift adds a worksheet entry for the client, by whoever is writing
// (roomActor), after one of the client's own medicine sessions.
func (b *CoCreation) AddShift(s domain.Shift) (domain.Shift, error) {
	return coWrite(b.s, func(ctx context.Context, db *storage.DB, id int64) (domain.Shift, error) {
		if err := roomActor(s.RecordedBy); err != nil {
			return domain.Shift{}, err
		}
		s.ClientID = id // the storage checks that the session is this client's
		sh, err := db.AddShift(ctx, s, s.RecordedBy)
		return domain.View(sh), err
	})
}

// AddMeaning writes, beside the client's own words of a shift, the
// meaning the two make of it, by whoever is writing (roomActor); empty
// takes it away. The client's words are never changed.
func (b *CoCreation) AddMeaning(shiftID int64, meaning string, by domain.Actor) (domain.Shift, error) {
	return coWrite(b.s, func(ctx context.Context, db *storage.DB, id int64) (domain.Shift, error) {
		if err := roomActor(by); err != nil {
			return domain.Shift{}, err
		}
		sh, err := db.Shift(ctx, shiftID)
		if err != nil || sh.ClientID != id {
			return domain.Shift{}, domain.Errorf(domain.ENOTFOUND, "This entry is not part of this record.")
		}
		sh, err = db.AddMeaning(ctx, shiftID, meaning, by)
		return domain.View(sh), err
	})
}

// ownSession checks that a session is the client's.
func ownSession(ctx context.Context, db *storage.DB, clientID, sessionID int64) error {
	s, err := db.Session(ctx, sessionID)
	if err != nil || s.ClientID != clientID {
		return domain.Errorf(domain.ENOTFOUND, "This session is not part of this record.")
	}
	return nil
}

// ownSettingElement checks that a setting element belongs to one of the
// client's sessions.
func ownSettingElement(ctx context.Context, db *storage.DB, clientID, elementID int64) error {
	e, err := db.SettingElement(ctx, elementID)
	if err != nil {
		return domain.Errorf(domain.ENOTFOUND, "This element is not part of this record.")
	}
	return ownSession(ctx, db, clientID, e.SessionID)
}

// AddSettingElement adds to the setting plan of one of the client's
// medicine sessions (not yet finalised), by whoever is writing (roomActor).
func (b *CoCreation) AddSettingElement(n domain.NewSettingElement) (domain.SettingElement, error) {
	return coWrite(b.s, func(ctx context.Context, db *storage.DB, id int64) (domain.SettingElement, error) {
		if err := roomActor(n.ProposedBy); err != nil {
			return domain.SettingElement{}, err
		}
		if err := ownSession(ctx, db, id, n.SessionID); err != nil {
			return domain.SettingElement{}, err
		}
		return db.AddSettingElement(ctx, n, n.ProposedBy)
	})
}

// ReviseSettingElement rewords an element of the client's setting plan.
func (b *CoCreation) ReviseSettingElement(elementID int64, text string, by domain.Actor) (domain.SettingElement, error) {
	return coWrite(b.s, func(ctx context.Context, db *storage.DB, id int64) (domain.SettingElement, error) {
		if err := roomActor(by); err != nil {
			return domain.SettingElement{}, err
		}
		if err := ownSettingElement(ctx, db, id, elementID); err != nil {
			return domain.SettingElement{}, err
		}
		return db.ReviseSettingElement(ctx, elementID, text, by)
	})
}

// SetSettingComfort records how an element of the setting plan feels to
// the client.
func (b *CoCreation) SetSettingComfort(elementID int64, c domain.Comfort) (domain.SettingElement, error) {
	return coWrite(b.s, func(ctx context.Context, db *storage.DB, id int64) (domain.SettingElement, error) {
		if err := ownSettingElement(ctx, db, id, elementID); err != nil {
			return domain.SettingElement{}, err
		}
		return db.SetSettingComfort(ctx, elementID, c)
	})
}

// SetTherapistComfort records, in the room, how an element of the setting
// plan feels to the therapist: the setting is meant to suit both.
func (b *CoCreation) SetTherapistComfort(elementID int64, c domain.Comfort) (domain.SettingElement, error) {
	return coWrite(b.s, func(ctx context.Context, db *storage.DB, id int64) (domain.SettingElement, error) {
		if err := ownSettingElement(ctx, db, id, elementID); err != nil {
			return domain.SettingElement{}, err
		}
		return db.SetTherapistComfort(ctx, elementID, c)
	})
}

// RetireSettingElement takes an element out of the client's setting plan.
func (b *CoCreation) RetireSettingElement(elementID int64, by domain.Actor) (domain.SettingElement, error) {
	return coWrite(b.s, func(ctx context.Context, db *storage.DB, id int64) (domain.SettingElement, error) {
		if err := roomActor(by); err != nil {
			return domain.SettingElement{}, err
		}
		if err := ownSettingElement(ctx, db, id, elementID); err != nil {
			return domain.SettingElement{}, err
		}
		return db.RetireSettingElement(ctx, elementID, by)
	})
}

// ownPattern checks that a pattern is the client's.
func ownPattern(ctx context.Context, db *storage.DB, clientID, patternID int64) error {
	p, err := db.Pattern(ctx, patternID)
	if err != nil || p.ClientID != clientID {
		return domain.Errorf(domain.ENOTFOUND, "This pattern is not part of this record.")
	}
	return nil
}

// AddPattern names a pattern of the client's, in the words of whoever is
// writing (roomActor); what is written in the room is shared.
func (b *CoCreation) AddPattern(n domain.NewPattern) (domain.Pattern, error) {
	return coWrite(b.s, func(ctx context.Context, db *storage.DB, id int64) (domain.Pattern, error) {
		if err := roomActor(n.ProposedBy); err != nil {
			return domain.Pattern{}, err
		}
		n.ClientID, n.ExamplesVisibility = id, domain.Shared
		p, err := db.AddPattern(ctx, n, n.ProposedBy)
		return domain.View(p), err
	})
}

// RenamePattern rewords a pattern's name; the earlier wordings stay.
func (b *CoCreation) RenamePattern(patternID int64, name string, by domain.Actor) (domain.Pattern, error) {
	return coWrite(b.s, func(ctx context.Context, db *storage.DB, id int64) (domain.Pattern, error) {
		if err := roomActor(by); err != nil {
			return domain.Pattern{}, err
		}
		if err := ownPattern(ctx, db, id, patternID); err != nil {
			return domain.Pattern{}, err
		}
		p, err := db.RenamePattern(ctx, patternID, name, by)
		return domain.View(p), err
	})
}

// SetPatternStatus records a dated change of where a pattern stands.
func (b *CoCreation) SetPatternStatus(patternID int64, c domain.PatternChange) (domain.Pattern, error) {
	return coWrite(b.s, func(ctx context.Context, db *storage.DB, id int64) (domain.Pattern, error) {
		if err := roomActor(c.By); err != nil {
			return domain.Pattern{}, err
		}
		if err := ownPattern(ctx, db, id, patternID); err != nil {
			return domain.Pattern{}, err
		}
		p, err := db.SetPatternStatus(ctx, patternID, c)
		return domain.View(p), err
	})
}

// LinkPattern sets the client's shifts and sessions a pattern showed up in
// (the storage refuses another client's).
func (b *CoCreation) LinkPattern(patternID int64, shiftIDs, sessionIDs []int64, by domain.Actor) (domain.Pattern, error) {
	return coWrite(b.s, func(ctx context.Context, db *storage.DB, id int64) (domain.Pattern, error) {
		if err := roomActor(by); err != nil {
			return domain.Pattern{}, err
		}
		if err := ownPattern(ctx, db, id, patternID); err != nil {
			return domain.Pattern{}, err
		}
		p, err := db.LinkPattern(ctx, patternID, shiftIDs, sessionIDs, by)
		return domain.View(p), err
	})
}

// AddResource adds something that helps the client, proposed by whoever
// is writing (roomActor).
func (b *CoCreation) AddResource(r domain.Resource) (domain.Resource, error) {
	return coWrite(b.s, func(ctx context.Context, db *storage.DB, id int64) (domain.Resource, error) {
		if err := roomActor(r.ProposedBy); err != nil {
			return domain.Resource{}, err
		}
		r.ID, r.ClientID = 0, id
		out, err := db.AddResource(ctx, r, r.ProposedBy)
		return domain.View(out), err
	})
}

// UpdateResource changes one of the client's resources; a new name is a
// new wording by by.
func (b *CoCreation) UpdateResource(r domain.Resource, by domain.Actor) (domain.Resource, error) {
	return coWrite(b.s, func(ctx context.Context, db *storage.DB, id int64) (domain.Resource, error) {
		if err := roomActor(by); err != nil {
			return domain.Resource{}, err
		}
		old, err := db.Resource(ctx, r.ID)
		if err != nil || old.ClientID != id {
			return domain.Resource{}, domain.Errorf(domain.ENOTFOUND, "This resource is not part of this record.")
		}
		r.ClientID = id
		out, err := db.UpdateResource(ctx, r, by)
		return domain.View(out), err
	})
}

// SaveIdentities sets the client's self-described identities, in their
// own words, by whoever is writing (roomActor): the rest of the record is
// left as it is.
func (b *CoCreation) SaveIdentities(identities []domain.Identity, by domain.Actor) (domain.Client, error) {
	return coWrite(b.s, func(ctx context.Context, db *storage.DB, id int64) (domain.Client, error) {
		if err := roomActor(by); err != nil {
			return domain.Client{}, err
		}
		c, err := db.Client(ctx, id)
		if err != nil {
			return domain.Client{}, err
		}
		c.Identities = identities
		c, err = db.UpdateClient(ctx, c, by)
		return domain.View(c), err
	})
}
