package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"tandem/backend/domain"
)

func (db *DB) powerMap(ctx context.Context, clientID int64) ([]domain.PowerMapEntry, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT id, client_id, written_on, difference, shows_up, agreed, visibility, author, updated_at
		FROM power_map_entries WHERE client_id = ? ORDER BY written_on DESC, id DESC`, clientID)
	if err != nil {
		return nil, fmt.Errorf("read power map: %w", err)
	}
	defer rows.Close()
	out := []domain.PowerMapEntry{}
	for rows.Next() {
		var e domain.PowerMapEntry
		if err := rows.Scan(&e.ID, &e.ClientID, &e.WrittenOn, &e.Difference, &e.ShowsUp, &e.Agreed, &e.Visibility, &e.Author, &e.Updated); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func (db *DB) powerMapEntry(ctx context.Context, q querier, id int64) (domain.PowerMapEntry, error) {
	var e domain.PowerMapEntry
	err := q.QueryRowContext(ctx, `SELECT id, client_id, written_on, difference, shows_up, agreed, visibility, author, updated_at
		FROM power_map_entries WHERE id = ?`, id).
		Scan(&e.ID, &e.ClientID, &e.WrittenOn, &e.Difference, &e.ShowsUp, &e.Agreed, &e.Visibility, &e.Author, &e.Updated)
	if errors.Is(err, sql.ErrNoRows) {
		return e, notFound("power map entry")
	}
	return e, err
}

// AddPowerMapEntry adds a power-map entry.
func (db *DB) AddPowerMapEntry(ctx context.Context, e domain.PowerMapEntry, by domain.Actor) (domain.PowerMapEntry, error) {
	if e.WrittenOn == "" {
		e.WrittenOn = db.today()
	}
	if err := e.Validate(); err != nil {
		return e, err
	}
	return addFor(ctx, db, by, e.ClientID, "power_map_entry", func(tx *sql.Tx, now string) (int64, error) {
		return lastID(tx.ExecContext(ctx, `INSERT INTO power_map_entries (client_id, written_on, difference, shows_up, agreed, visibility, author, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, e.ClientID, e.WrittenOn, e.Difference, e.ShowsUp, e.Agreed, string(e.Visibility), string(e.Author), now, now))
	}, db.powerMapEntry)
}

// UpdatePowerMapEntry changes a power-map entry.
func (db *DB) UpdatePowerMapEntry(ctx context.Context, e domain.PowerMapEntry, by domain.Actor) (domain.PowerMapEntry, error) {
	if err := e.Validate(); err != nil {
		return e, err
	}
	var out domain.PowerMapEntry
	err := db.tx(ctx, func(tx *sql.Tx) error {
		before, err := db.powerMapEntry(ctx, tx, e.ID)
		if err != nil {
			return err
		}
		if before.ClientID != e.ClientID {
			return notFound("power map entry")
		}
		if err := db.requireOpenClient(ctx, tx, e.ClientID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE power_map_entries SET written_on = ?, difference = ?, shows_up = ?, agreed = ?, visibility = ?,
			author = ?, updated_at = ? WHERE id = ?`, e.WrittenOn, e.Difference, e.ShowsUp, e.Agreed, string(e.Visibility), string(e.Author), db.stamp(), e.ID); err != nil {
			return fmt.Errorf("update power map entry: %w", err)
		}
		if out, err = db.powerMapEntry(ctx, tx, e.ID); err != nil {
			return err
		}
		return db.record(ctx, tx, by, e.ClientID, "power_map_entry", e.ID, "update", before, out)
	})
	return out, err
}

func (db *DB) plan(ctx context.Context, clientID int64) ([]domain.PlanItem, error) {
	return db.planItems(ctx, db.sql, `p.client_id = ?`, clientID)
}

func (db *DB) planItem(ctx context.Context, q querier, id int64) (domain.PlanItem, error) {
	items, err := db.planItems(ctx, q, `p.id = ?`, id)
	if err != nil {
		return domain.PlanItem{}, err
	}
	if len(items) == 0 {
		return domain.PlanItem{}, notFound("goal or intention")
	}
	return items[0], nil
}

// PlanItem returns one goal or intention with its wording history.
func (db *DB) PlanItem(ctx context.Context, id int64) (domain.PlanItem, error) {
	return db.planItem(ctx, db.sql, id)
}

// planItems reads items with their revisions, goals before intentions,
// each in position order.
func (db *DB) planItems(ctx context.Context, q querier, where string, arg any) ([]domain.PlanItem, error) {
	rows, err := q.QueryContext(ctx, `SELECT p.id, p.client_id, p.kind, p.proposed_by, p.status, p.agreed_on, p.retired_reason, p.position, p.created_at,
			r.at, r.author, r.text, r.note
		FROM plan_items p JOIN plan_revisions r ON r.item_id = p.id
		WHERE `+where+` ORDER BY p.kind, p.position, p.id, r.id`, arg)
	if err != nil {
		return nil, fmt.Errorf("read plan: %w", err)
	}
	defer rows.Close()
	out := []domain.PlanItem{}
	for rows.Next() {
		var it domain.PlanItem
		var rev domain.Revision
		if err := rows.Scan(&it.ID, &it.ClientID, &it.Kind, &it.ProposedBy, &it.Status, &it.AgreedOn, &it.RetiredReason, &it.Position, &it.Created,
			&rev.At, &rev.Author, &rev.Text, &rev.Note); err != nil {
			return nil, err
		}
		if n := len(out); n == 0 || out[n-1].ID != it.ID {
			out = append(out, it)
		}
		last := &out[len(out)-1]
		last.Revisions = append(last.Revisions, rev)
		last.Text = rev.Text
	}
	return out, rows.Err()
}

// AddPlanItem proposes a goal or intention. The first wording is the
// proposer's, and the item goes to the end of its list.
func (db *DB) AddPlanItem(ctx context.Context, n domain.NewPlanItem, by domain.Actor) (domain.PlanItem, error) {
	if err := n.Validate(); err != nil {
		return domain.PlanItem{}, err
	}
	return addFor(ctx, db, by, n.ClientID, "plan_item", func(tx *sql.Tx, now string) (int64, error) {
		var pos int
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(position), -1) + 1 FROM plan_items WHERE client_id = ? AND kind = ?`, n.ClientID, string(n.Kind)).Scan(&pos); err != nil {
			return 0, err
		}
		id, err := lastID(tx.ExecContext(ctx, `INSERT INTO plan_items (client_id, kind, proposed_by, status, position, created_at) VALUES (?, ?, ?, 'proposed', ?, ?)`,
			n.ClientID, string(n.Kind), string(n.ProposedBy), pos, now))
		if err != nil {
			return 0, err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO plan_revisions (item_id, at, author, text) VALUES (?, ?, ?, ?)`, id, now, string(n.ProposedBy), n.Text)
		return id, err
	}, db.planItem)
}

// changePlanItem runs change on an item inside one transaction and records
// the before and after.
func (db *DB) changePlanItem(ctx context.Context, id int64, by domain.Actor, action string, change func(tx *sql.Tx, it domain.PlanItem) error) (domain.PlanItem, error) {
	return changeFor(ctx, db, by, "plan_item", id, action, db.planItem, func(it domain.PlanItem) int64 { return it.ClientID }, change)
}

// RevisePlanItem adds a wording by author; the item's status becomes
// revised (an agreed item needs agreeing again).
func (db *DB) RevisePlanItem(ctx context.Context, id int64, text, note string, author domain.Actor) (domain.PlanItem, error) {
	text, note, err := domain.CleanRevision(text, note, author)
	if err != nil {
		return domain.PlanItem{}, err
	}
	return db.changePlanItem(ctx, id, author, "revise", func(tx *sql.Tx, it domain.PlanItem) error {
		if it.Status == domain.Retired {
			return domain.Errorf(domain.EINVALID, "This item was retired. Propose a new one instead of revising it.")
		}
		if text == it.Text {
			return domain.FieldError("text", "The new wording is the same as the current one.")
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO plan_revisions (item_id, at, author, text, note) VALUES (?, ?, ?, ?, ?)`, id, db.stamp(), string(author), text, note); err != nil {
			return fmt.Errorf("revise plan item: %w", err)
		}
		_, err := tx.ExecContext(ctx, `UPDATE plan_items SET status = 'revised', agreed_on = '' WHERE id = ?`, id)
		return err
	})
}

// AgreePlanItem records the client's agreement on the given date ("" for
// today).
func (db *DB) AgreePlanItem(ctx context.Context, id int64, on string, by domain.Actor) (domain.PlanItem, error) {
	if on == "" {
		on = db.today()
	}
	on, err := domain.ParseDate("agreedOn", "The date of agreement", on, true)
	if err != nil {
		return domain.PlanItem{}, err
	}
	return db.changePlanItem(ctx, id, by, "agree", func(tx *sql.Tx, it domain.PlanItem) error {
		if it.Status == domain.Retired {
			return domain.Errorf(domain.EINVALID, "This item was retired and cannot be agreed.")
		}
		if proposed := db.dayOf(it.Created); on < proposed {
			return domain.FieldError("agreedOn", "The date of agreement cannot be before the item was proposed ("+proposed+").")
		}
		_, err := tx.ExecContext(ctx, `UPDATE plan_items SET status = 'agreed', agreed_on = ? WHERE id = ?`, on, id)
		return err
	})
}

// RetirePlanItem retires an item with a reason.
func (db *DB) RetirePlanItem(ctx context.Context, id int64, reason string, by domain.Actor) (domain.PlanItem, error) {
	reason, err := domain.CleanText("reason", "The reason", reason, domain.MaxLongText, true)
	if err != nil {
		return domain.PlanItem{}, err
	}
	return db.changePlanItem(ctx, id, by, "retire", func(tx *sql.Tx, it domain.PlanItem) error {
		if it.Status == domain.Retired {
			return domain.Errorf(domain.EINVALID, "This item is already retired.")
		}
		_, err := tx.ExecContext(ctx, `UPDATE plan_items SET status = 'retired', retired_reason = ? WHERE id = ?`, reason, id)
		return err
	})
}

// MovePlanItem moves an item to a new position among its client's items
// of the same kind.
func (db *DB) MovePlanItem(ctx context.Context, id int64, position int, by domain.Actor) error {
	_, err := db.changePlanItem(ctx, id, by, "move", func(tx *sql.Tx, it domain.PlanItem) error {
		rows, err := tx.QueryContext(ctx, `SELECT id FROM plan_items WHERE client_id = ? AND kind = ? ORDER BY position, id`, it.ClientID, string(it.Kind))
		if err != nil {
			return err
		}
		var ids []int64
		for rows.Next() {
			var x int64
			if err := rows.Scan(&x); err != nil {
				rows.Close()
				return err
			}
			if x != id {
				ids = append(ids, x)
			}
		}
		rows.Close()
		position = min(max(position, 0), len(ids))
		ids = append(ids[:position], append([]int64{id}, ids[position:]...)...)
		for i, x := range ids {
			if _, err := tx.ExecContext(ctx, `UPDATE plan_items SET position = ? WHERE id = ?`, i, x); err != nil {
				return err
			}
		}
		return nil
	})
	return err
}
