package app

import (
	"context"

	"tandem/backend/domain"
	"tandem/backend/storage"
	"tandem/backend/vault"
)

// CoCreation is bound to the page: the screen the therapist turns toward one
// client. It shows only that client's shared content (domain.ClientView)
// and lets the client, or the two together, add and revise plan items,
// shared power-map entries and agreements. Nothing else is reachable: every
// other binding refuses while the mode is on, and leaving needs the
// therapist's passphrase or PIN.
type CoCreation struct{ s *Shell }

// NewCoCreation returns the CoCreation binding.
func NewCoCreation(s *Shell) *CoCreation { return &CoCreation{s: s} }

// maxPINTries is how many wrong PINs are allowed before leaving co-creation
// mode needs the passphrase.
const maxPINTries = 5

// Enter turns co-creation mode on for one client and returns their view.
func (b *CoCreation) Enter(clientID int64) (domain.ClientRecord, error) {
	return b.enter(clientID, false)
}

// Preview shows the therapist exactly what co-creation mode would show the
// client: the mode is on, through the same reads, but every write is
// refused and Leave needs no secret. It is for the therapist's own eyes
// (the screen says so); turning the screen to the client is Enter.
func (b *CoCreation) Preview(clientID int64) (domain.ClientRecord, error) {
	return b.enter(clientID, true)
}

func (b *CoCreation) enter(clientID int64, preview bool) (domain.ClientRecord, error) {
	return do(b.s, func(ctx context.Context, db *storage.DB) (domain.ClientRecord, error) {
		rec, err := db.ClientRecord(ctx, clientID)
		if err != nil {
			return domain.ClientRecord{}, err
		}
		if rec.Client.Archived != "" {
			return domain.ClientRecord{}, domain.Errorf(domain.EINVALID, "This client's record is archived. Restore it first.")
		}
		b.s.mu.Lock()
		b.s.coClient, b.s.coPreview, b.s.pinTries = clientID, preview, 0
		b.s.mu.Unlock()
		return domain.ClientView(rec), nil
	})
}

// roomActor checks who a write in co-creation mode is by: the client, the
// two together, or the therapist, offering something openly in the room,
// where the client sees it and its author (what is written here is always
// shared). Nothing else is an author.
func roomActor(a domain.Actor) error {
	switch a {
	case domain.ByClient, domain.ByTogether, domain.ByTherapist:
		return nil
	}
	return domain.FieldError("author", "Say who is writing: the client, the two of you together, or the therapist.")
}

// View returns the client's view of their record.
func (b *CoCreation) View() (domain.ClientRecord, error) {
	return coDo(b.s, func(ctx context.Context, db *storage.DB, id int64) (domain.ClientRecord, error) {
		rec, err := db.ClientRecord(ctx, id)
		return domain.ClientView(rec), err
	})
}

// ownItem checks that a plan item belongs to the client, reading only the item.
func ownItem(ctx context.Context, db *storage.DB, clientID, itemID int64) error {
	it, err := db.PlanItem(ctx, itemID)
	if err != nil || it.ClientID != clientID {
		return domain.Errorf(domain.ENOTFOUND, "This item is not part of this record.")
	}
	return nil
}

// AddPlanItem proposes a goal or intention, by whoever is writing (roomActor).
func (b *CoCreation) AddPlanItem(kind domain.PlanKind, text string, by domain.Actor) (domain.PlanItem, error) {
	return coWrite(b.s, func(ctx context.Context, db *storage.DB, id int64) (domain.PlanItem, error) {
		if err := roomActor(by); err != nil {
			return domain.PlanItem{}, err
		}
		return db.AddPlanItem(ctx, domain.NewPlanItem{ClientID: id, Kind: kind, Text: text, ProposedBy: by}, by)
	})
}

// RevisePlanItem adds a wording, by whoever is writing (roomActor).
func (b *CoCreation) RevisePlanItem(itemID int64, text, note string, by domain.Actor) (domain.PlanItem, error) {
	return coWrite(b.s, func(ctx context.Context, db *storage.DB, id int64) (domain.PlanItem, error) {
		if err := roomActor(by); err != nil {
			return domain.PlanItem{}, err
		}
		if err := ownItem(ctx, db, id, itemID); err != nil {
			return domain.PlanItem{}, err
		}
		return db.RevisePlanItem(ctx, itemID, text, note, by)
	})
}

// AgreePlanItem records that the client agrees with the item today.
func (b *CoCreation) AgreePlanItem(itemID int64) (domain.PlanItem, error) {
	return coWrite(b.s, func(ctx context.Context, db *storage.DB, id int64) (domain.PlanItem, error) {
		if err := ownItem(ctx, db, id, itemID); err != nil {
			return domain.PlanItem{}, err
		}
		return db.AgreePlanItem(ctx, itemID, "", domain.ByClient)
	})
}

// AddPowerMapEntry adds a shared power-map entry.
func (b *CoCreation) AddPowerMapEntry(e domain.PowerMapEntry) (domain.PowerMapEntry, error) {
	return coWrite(b.s, func(ctx context.Context, db *storage.DB, id int64) (domain.PowerMapEntry, error) {
		if err := roomActor(e.Author); err != nil {
			return domain.PowerMapEntry{}, err
		}
		e.ID, e.ClientID, e.Visibility = 0, id, domain.Shared
		return db.AddPowerMapEntry(ctx, e, e.Author)
	})
}

// UpdatePowerMapEntry changes a shared power-map entry of this client.
func (b *CoCreation) UpdatePowerMapEntry(e domain.PowerMapEntry) (domain.PowerMapEntry, error) {
	return coWrite(b.s, func(ctx context.Context, db *storage.DB, id int64) (domain.PowerMapEntry, error) {
		if err := roomActor(e.Author); err != nil {
			return domain.PowerMapEntry{}, err
		}
		rec, err := db.ClientRecord(ctx, id)
		if err != nil {
			return domain.PowerMapEntry{}, err
		}
		for _, old := range domain.ClientView(rec).PowerMap {
			if old.ID == e.ID {
				e.ClientID, e.Visibility = id, domain.Shared
				return db.UpdatePowerMapEntry(ctx, e, e.Author)
			}
		}
		return domain.PowerMapEntry{}, domain.Errorf(domain.ENOTFOUND, "This entry is not part of this record.")
	})
}

// ownAgreement checks that an agreement belongs to the client, reading only
// the agreement.
func ownAgreement(ctx context.Context, db *storage.DB, clientID, agreementID int64) error {
	a, err := db.Agreement(ctx, agreementID)
	if err != nil || a.ClientID != clientID {
		return domain.Errorf(domain.ENOTFOUND, "This agreement is not part of this record.")
	}
	return nil
}

// AddAgreement writes an agreement, by whoever is writing (roomActor).
func (b *CoCreation) AddAgreement(n domain.NewAgreement, by domain.Actor) (domain.Agreement, error) {
	return coWrite(b.s, func(ctx context.Context, db *storage.DB, id int64) (domain.Agreement, error) {
		if err := roomActor(by); err != nil {
			return domain.Agreement{}, err
		}
		n.ClientID = id
		return db.AddAgreement(ctx, n, by)
	})
}

// ReviseAgreement writes a new version, by whoever is writing (roomActor).
func (b *CoCreation) ReviseAgreement(agreementID int64, title string, terms []domain.AgreementTerm, by domain.Actor) (domain.Agreement, error) {
	return coWrite(b.s, func(ctx context.Context, db *storage.DB, id int64) (domain.Agreement, error) {
		if err := roomActor(by); err != nil {
			return domain.Agreement{}, err
		}
		if err := ownAgreement(ctx, db, id, agreementID); err != nil {
			return domain.Agreement{}, err
		}
		return db.ReviseAgreement(ctx, agreementID, title, terms, by)
	})
}

// ConfirmAgreement records the client's confirmation: their typed name and
// today's date.
func (b *CoCreation) ConfirmAgreement(agreementID int64, typedName string) (domain.Agreement, error) {
	return coWrite(b.s, func(ctx context.Context, db *storage.DB, id int64) (domain.Agreement, error) {
		if err := ownAgreement(ctx, db, id, agreementID); err != nil {
			return domain.Agreement{}, err
		}
		return db.ConfirmAgreement(ctx, agreementID, typedName, "")
	})
}

// Leave turns co-creation mode off. secret is the therapist's passphrase
// or, when one is set and fewer than five wrong PINs were tried, the PIN.
func (b *CoCreation) Leave(secret string) (bool, error) {
	s := b.s
	s.mu.Lock()
	id, preview := s.coClient, s.coPreview
	if preview {
		s.coClient, s.coPreview = 0, false
	}
	s.mu.Unlock()
	if id == 0 || preview {
		return true, nil
	}
	v, err := s.requireVault()
	if err != nil {
		return false, apiError(err)
	}
	db, err := s.db()
	if err != nil {
		return false, apiError(err)
	}
	hash, err := db.PINHash(context.Background())
	if err != nil {
		return false, apiError(err)
	}
	ok := false
	if hash != "" && vault.CheckPIN(secret) == nil {
		// A try is counted before it is checked, under the lock, so that
		// tries made at the same moment cannot check more PINs than the
		// limit allows; a right PIN clears the count below.
		s.mu.Lock()
		spent := s.pinTries >= maxPINTries
		if !spent {
			s.pinTries++
		}
		s.mu.Unlock()
		if spent {
			return false, apiError(&domain.Error{Code: domain.EWRONGSECRET, Field: "secret",
				Message: "Too many wrong PINs. Type your passphrase to leave co-creation mode."})
		}
		ok = vault.VerifyPIN(secret, hash)
	} else {
		ok = v.VerifyPassphrase(secret) == nil
	}
	if !ok {
		return false, apiError(&domain.Error{Code: domain.EWRONGSECRET, Field: "secret",
			Message: "That is not the passphrase or PIN. Co-creation mode stays on."})
	}
	s.mu.Lock()
	s.coClient, s.coPreview, s.pinTries = 0, false, 0
	s.mu.Unlock()
	s.touch()
	return true, nil
}

// Fees returns the client's view of their fees: the practice's scale with
// the reasoning behind it, their tier choices, their sessions' fees, their
// payments and their balance. Nothing about other clients or the
// practice's income is in it.
func (b *CoCreation) Fees() (domain.ClientFees, error) {
	return coDo(b.s, func(ctx context.Context, db *storage.DB, id int64) (domain.ClientFees, error) {
		f, err := db.ClientFees(ctx, id)
		return domain.View(f), err
	})
}

// ChooseTier records the client's choice of tier, in their words if they
// wish: by the client, or by the two together when the practice agrees
// tiers together. It waits for the therapist's confirmation.
func (b *CoCreation) ChooseTier(tierID int64, reason string) (domain.ClientFees, error) {
	return coWrite(b.s, func(ctx context.Context, db *storage.DB, id int64) (domain.ClientFees, error) {
		p, err := db.FeePolicy(ctx)
		if err != nil {
			return domain.ClientFees{}, err
		}
		by := domain.ByClient
		if p.ChoiceMode == domain.ChosenTogether {
			by = domain.ByTogether
		}
		f, err := db.ChooseTier(ctx, id, tierID, reason, by, false)
		return domain.View(f), err
	})
}
