package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"tandem/backend/domain"
)

// FeePolicy returns the practice's fee policy and tiers. A practice that
// has not set one up gets the default: US dollars, clients choose, no tiers.
func (db *DB) FeePolicy(ctx context.Context) (domain.FeePolicy, error) {
	return readFeePolicy(ctx, db.sql)
}

func readFeePolicy(ctx context.Context, q querier) (domain.FeePolicy, error) {
	p := domain.FeePolicy{Currency: domain.DefaultCurrency, ChoiceMode: domain.ClientChooses}
	err := q.QueryRowContext(ctx, `SELECT currency, reasoning, choice_mode FROM fee_policy WHERE id = 1`).
		Scan(&p.Currency, &p.Reasoning, &p.ChoiceMode)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("read fee policy: %w", err)
	}
	rows, err := q.QueryContext(ctx, `SELECT id, name, description, fee_preparation, fee_medicine, fee_integration, fee_other, position, retired_at IS NOT NULL
		FROM fee_tiers ORDER BY position, id`)
	if err != nil {
		return p, fmt.Errorf("read tiers: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var t domain.FeeTier
		if err := rows.Scan(&t.ID, &t.Name, &t.Description, &t.Fees.Preparation, &t.Fees.Medicine, &t.Fees.Integration, &t.Fees.Other, &t.Position, &t.Retired); err != nil {
			return p, err
		}
		p.Tiers = append(p.Tiers, t)
	}
	return p, rows.Err()
}

func policyCurrency(ctx context.Context, q querier) (domain.Currency, error) {
	code := domain.DefaultCurrency
	err := q.QueryRowContext(ctx, `SELECT currency FROM fee_policy WHERE id = 1`).Scan(&code)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return domain.Currency{}, fmt.Errorf("read currency: %w", err)
	}
	c, ok := domain.CurrencyOf(code)
	if !ok {
		return domain.Currency{}, fmt.Errorf("unknown currency %q in the fee policy", code)
	}
	return c, nil
}

// SaveFeePolicy stores the currency, the reasoning and who chooses. The
// currency cannot change once money is recorded in it.
func (db *DB) SaveFeePolicy(ctx context.Context, p domain.FeePolicy) (domain.FeePolicy, error) {
	if err := p.Validate(); err != nil {
		return domain.FeePolicy{}, err
	}
	before, err := db.FeePolicy(ctx)
	if err != nil {
		return before, err
	}
	before.Tiers = nil
	err = db.changePractice(ctx, "fee_policy", 1, "update", before, func(tx *sql.Tx) (any, error) {
		if p.Currency != before.Currency {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM payments) + (SELECT count(*) FROM session_fees WHERE amount > 0) + (SELECT count(*) FROM reciprocity_gifts)`).Scan(&n); err != nil {
				return nil, err
			}
			if n > 0 {
				return nil, domain.FieldError("currency", "Fees and payments are already recorded in "+before.Currency+", so the currency can no longer change.")
			}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO fee_policy (id, currency, reasoning, choice_mode, updated_at) VALUES (1, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET currency = excluded.currency, reasoning = excluded.reasoning,
				choice_mode = excluded.choice_mode, updated_at = excluded.updated_at`,
			p.Currency, p.Reasoning, string(p.ChoiceMode), db.stamp())
		return domain.FeePolicy{Currency: p.Currency, Reasoning: p.Reasoning, ChoiceMode: p.ChoiceMode}, err
	})
	if err != nil {
		return domain.FeePolicy{}, err
	}
	return db.FeePolicy(ctx)
}

func tierByID(p domain.FeePolicy, id int64) (domain.FeeTier, bool) {
	for _, t := range p.Tiers {
		if t.ID == id {
			return t, true
		}
	}
	return domain.FeeTier{}, false
}

// SaveTier adds a tier (ID 0) at the end of the scale, or changes one. A
// changed fee applies to sessions agreed from then on; fees already agreed
// stay as they were.
func (db *DB) SaveTier(ctx context.Context, t domain.FeeTier) (domain.FeePolicy, error) {
	if err := t.Validate(); err != nil {
		return domain.FeePolicy{}, err
	}
	p, err := db.FeePolicy(ctx)
	if err != nil {
		return p, err
	}
	if t.ID == 0 {
		err = db.tx(ctx, func(tx *sql.Tx) error {
			id, err := lastID(tx.ExecContext(ctx, `INSERT INTO fee_tiers (name, description, fee_preparation, fee_medicine, fee_integration, fee_other, position, created_at)
				VALUES (?, ?, ?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM fee_tiers), ?)`,
				t.Name, t.Description, t.Fees.Preparation, t.Fees.Medicine, t.Fees.Integration, t.Fees.Other, db.stamp()))
			if err != nil {
				return fmt.Errorf("add tier: %w", err)
			}
			t.ID = id
			return db.record(ctx, tx, domain.ByTherapist, 0, "fee_tier", id, "create", nil, t)
		})
	} else {
		before, ok := tierByID(p, t.ID)
		if !ok {
			return p, notFound("tier")
		}
		t.Position, t.Retired = before.Position, before.Retired
		err = db.changePractice(ctx, "fee_tier", t.ID, "update", before, func(tx *sql.Tx) (any, error) {
			_, err := tx.ExecContext(ctx, `UPDATE fee_tiers SET name = ?, description = ?, fee_preparation = ?, fee_medicine = ?, fee_integration = ?, fee_other = ? WHERE id = ?`,
				t.Name, t.Description, t.Fees.Preparation, t.Fees.Medicine, t.Fees.Integration, t.Fees.Other, t.ID)
			return t, err
		})
	}
	if err != nil {
		return domain.FeePolicy{}, err
	}
	return db.FeePolicy(ctx)
}

// RetireTier stops offering a tier; choices made in it keep their meaning.
func (db *DB) RetireTier(ctx context.Context, id int64) (domain.FeePolicy, error) {
	p, err := db.FeePolicy(ctx)
	if err != nil {
		return p, err
	}
	before, ok := tierByID(p, id)
	if !ok {
		return p, notFound("tier")
	}
	if !before.Retired {
		err = db.changePractice(ctx, "fee_tier", id, "retire", before, func(tx *sql.Tx) (any, error) {
			after := before
			after.Retired = true
			_, err := tx.ExecContext(ctx, `UPDATE fee_tiers SET retired_at = ? WHERE id = ?`, db.stamp(), id)
			return after, err
		})
		if err != nil {
			return domain.FeePolicy{}, err
		}
	}
	return db.FeePolicy(ctx)
}
