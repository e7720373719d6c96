package app

import (
	"context"

	"tandem/backend/domain"
	"tandem/backend/storage"
)

// Clients is bound to the page: the therapist's view of clients, their
// plans, agreements, power maps and the private reflections. Every method
// refuses while co-creation mode is on: then only CoCreation is reachable.
type Clients struct{ s *Shell }

// NewClients returns the Clients binding.
func NewClients(s *Shell) *Clients { return &Clients{s: s} }

// List returns the client list.
func (b *Clients) List(f domain.ClientFilter) ([]domain.ClientSummary, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) ([]domain.ClientSummary, error) { return db.Clients(ctx, f) })
}

// Record returns everything about one client, private content included,
// except the history (History reads it).
func (b *Clients) Record(id int64) (domain.ClientRecord, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.ClientRecord, error) {
		return db.ClientPage(ctx, id)
	})
}

// History returns a client's history, oldest first: every change, who made
// it and when. The client page reads it only when its History tab is shown.
func (b *Clients) History(id int64) ([]domain.HistoryEntry, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) ([]domain.HistoryEntry, error) {
		h, err := db.History(ctx, id)
		if h == nil {
			h = []domain.HistoryEntry{}
		}
		return h, err
	})
}

// SuggestedFacets are starting points for self-described identities.
func (b *Clients) SuggestedFacets() ([]string, error) { return domain.SuggestedFacets, nil }

// Create adds a client.
func (b *Clients) Create(c domain.Client) (domain.Client, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Client, error) {
		return db.CreateClient(ctx, c, domain.ByTherapist)
	})
}

// Update changes a client's details.
func (b *Clients) Update(c domain.Client) (domain.Client, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Client, error) {
		return db.UpdateClient(ctx, c, domain.ByTherapist)
	})
}

// Archive archives (deletes, restorably) a client's record.
func (b *Clients) Archive(id int64) (bool, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (bool, error) { return true, db.ArchiveClient(ctx, id) })
}

// SharePositionality shares, or stops sharing, the therapist's
// positionality statement with a client: beside the power map in
// co-creation and in the preparation packet.
func (b *Clients) SharePositionality(id int64, share bool) (domain.Client, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Client, error) {
		return db.SharePositionality(ctx, id, share)
	})
}

// SaveAgenda records what the two chose to work on together: the sections
// co-creation mode shows, for this client, until changed.
func (b *Clients) SaveAgenda(id int64, sections []string) (domain.Client, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Client, error) {
		return db.SaveAgenda(ctx, id, sections)
	})
}

// Restore brings an archived record back.
func (b *Clients) Restore(id int64) (bool, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (bool, error) { return true, db.RestoreClient(ctx, id) })
}

// Erase deletes an archived record for good; typedName must be the
// client's chosen name.
func (b *Clients) Erase(id int64, typedName string) (bool, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (bool, error) {
		return true, db.EraseClient(ctx, id, typedName)
	})
}

// AddPlanItem proposes a goal or intention.
func (b *Clients) AddPlanItem(n domain.NewPlanItem) (domain.PlanItem, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.PlanItem, error) {
		return db.AddPlanItem(ctx, n, domain.ByTherapist)
	})
}

// RevisePlanItem adds a new wording by author.
func (b *Clients) RevisePlanItem(id int64, text, note string, author domain.Actor) (domain.PlanItem, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.PlanItem, error) {
		return db.RevisePlanItem(ctx, id, text, note, author)
	})
}

// AgreePlanItem records the client's agreement (on: ISO date, "" for today).
func (b *Clients) AgreePlanItem(id int64, on string) (domain.PlanItem, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.PlanItem, error) {
		return db.AgreePlanItem(ctx, id, on, domain.ByTherapist)
	})
}

// RetirePlanItem retires an item with a reason.
func (b *Clients) RetirePlanItem(id int64, reason string) (domain.PlanItem, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.PlanItem, error) {
		return db.RetirePlanItem(ctx, id, reason, domain.ByTherapist)
	})
}

// MovePlanItem moves an item to position among its kind.
func (b *Clients) MovePlanItem(id int64, position int) (bool, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (bool, error) {
		return true, db.MovePlanItem(ctx, id, position, domain.ByTherapist)
	})
}

// AddPowerMapEntry adds a power-map entry.
func (b *Clients) AddPowerMapEntry(e domain.PowerMapEntry) (domain.PowerMapEntry, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.PowerMapEntry, error) {
		return db.AddPowerMapEntry(ctx, e, domain.ByTherapist)
	})
}

// UpdatePowerMapEntry changes a power-map entry.
func (b *Clients) UpdatePowerMapEntry(e domain.PowerMapEntry) (domain.PowerMapEntry, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.PowerMapEntry, error) {
		return db.UpdatePowerMapEntry(ctx, e, domain.ByTherapist)
	})
}

// AddAgreement writes a new agreement.
func (b *Clients) AddAgreement(n domain.NewAgreement) (domain.Agreement, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Agreement, error) {
		return db.AddAgreement(ctx, n, domain.ByTherapist)
	})
}

// ReviseAgreement writes a new version of an agreement.
func (b *Clients) ReviseAgreement(id int64, title string, terms []domain.AgreementTerm) (domain.Agreement, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Agreement, error) {
		return db.ReviseAgreement(ctx, id, title, terms, domain.ByTherapist)
	})
}

// ConfirmAgreement records the client's confirmation (typed name, date).
func (b *Clients) ConfirmAgreement(id int64, typedName, on string) (domain.Agreement, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Agreement, error) {
		return db.ConfirmAgreement(ctx, id, typedName, on)
	})
}

// Reflections lists the private reflections about a client (0: general).
func (b *Clients) Reflections(clientID int64) ([]domain.Reflection, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) ([]domain.Reflection, error) {
		return db.Reflections(ctx, clientID)
	})
}

// AddReflection writes a private reflection.
func (b *Clients) AddReflection(r domain.Reflection) (domain.Reflection, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Reflection, error) { return db.AddReflection(ctx, r) })
}

// UpdateReflection changes a private reflection.
func (b *Clients) UpdateReflection(r domain.Reflection) (domain.Reflection, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.Reflection, error) {
		return db.UpdateReflection(ctx, r)
	})
}
