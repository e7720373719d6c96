package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"tandem/backend/domain"
)

// ---- power map ----

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

// ---- plan ----

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

// ---- agreements ----

func (db *DB) agreements(ctx context.Context, clientID int64) ([]domain.Agreement, error) {
	return db.readAgreements(ctx, db.sql, `a.client_id = ?`, clientID)
}

func (db *DB) agreement(ctx context.Context, q querier, id int64) (domain.Agreement, error) {
	as, err := db.readAgreements(ctx, q, `a.id = ?`, id)
	if err != nil {
		return domain.Agreement{}, err
	}
	if len(as) == 0 {
		return domain.Agreement{}, notFound("agreement")
	}
	return as[0], nil
}

// Agreement returns one agreement with every version.
func (db *DB) Agreement(ctx context.Context, id int64) (domain.Agreement, error) {
	return db.agreement(ctx, db.sql, id)
}

func (db *DB) readAgreements(ctx context.Context, q querier, where string, arg any) ([]domain.Agreement, error) {
	rows, err := q.QueryContext(ctx, `SELECT a.id, a.client_id, a.kind, v.at, v.author, v.title, v.terms_json, v.confirmed_name, v.confirmed_on
		FROM agreements a JOIN agreement_versions v ON v.agreement_id = a.id
		WHERE `+where+` ORDER BY a.id, v.id`, arg)
	if err != nil {
		return nil, fmt.Errorf("read agreements: %w", err)
	}
	defer rows.Close()
	out := []domain.Agreement{}
	for rows.Next() {
		var a domain.Agreement
		var v domain.AgreementVersion
		var terms string
		if err := rows.Scan(&a.ID, &a.ClientID, &a.Kind, &v.At, &v.Author, &v.Title, &terms, &v.ConfirmedName, &v.ConfirmedOn); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(terms), &v.Terms); err != nil {
			return nil, fmt.Errorf("read agreement terms: %w", err)
		}
		if n := len(out); n == 0 || out[n-1].ID != a.ID {
			out = append(out, a)
		}
		last := &out[len(out)-1]
		last.Versions = append(last.Versions, v)
		last.Title, last.Terms, last.ConfirmedName, last.ConfirmedOn, last.Updated = v.Title, v.Terms, v.ConfirmedName, v.ConfirmedOn, v.At
	}
	return out, rows.Err()
}

// AddAgreement writes a new agreement.
func (db *DB) AddAgreement(ctx context.Context, n domain.NewAgreement, by domain.Actor) (domain.Agreement, error) {
	title, terms, err := domain.CleanAgreement(n.Kind, n.Title, n.Terms)
	if err != nil {
		return domain.Agreement{}, err
	}
	if !by.Valid() {
		return domain.Agreement{}, domain.FieldError("author", "Unknown author.")
	}
	return addFor(ctx, db, by, n.ClientID, "agreement", func(tx *sql.Tx, now string) (int64, error) {
		id, err := lastID(tx.ExecContext(ctx, `INSERT INTO agreements (client_id, kind, created_at) VALUES (?, ?, ?)`, n.ClientID, string(n.Kind), now))
		if err != nil {
			return 0, err
		}
		return id, insertAgreementVersion(ctx, tx, id, now, by, title, terms, "", "")
	}, db.agreement)
}

func insertAgreementVersion(ctx context.Context, tx *sql.Tx, id int64, at string, by domain.Actor, title string, terms []domain.AgreementTerm, name, on string) error {
	b, err := json.Marshal(terms)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO agreement_versions (agreement_id, at, author, title, terms_json, confirmed_name, confirmed_on)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, id, at, string(by), title, string(b), name, on); err != nil {
		return fmt.Errorf("write agreement: %w", err)
	}
	return nil
}

func (db *DB) changeAgreement(ctx context.Context, id int64, by domain.Actor, action string, change func(tx *sql.Tx, a domain.Agreement) error) (domain.Agreement, error) {
	var out domain.Agreement
	err := db.tx(ctx, func(tx *sql.Tx) error {
		before, err := db.agreement(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := db.requireOpenClient(ctx, tx, before.ClientID); err != nil {
			return err
		}
		if err := change(tx, before); err != nil {
			return err
		}
		if out, err = db.agreement(ctx, tx, id); err != nil {
			return err
		}
		// The history keeps the wording in force before and after, not
		// every earlier version again (those stay in the agreement itself).
		after := out
		before.Versions, after.Versions = nil, nil
		return db.record(ctx, tx, by, before.ClientID, "agreement", id, action, before, after)
	})
	return out, err
}

// ReviseAgreement writes a new version; a confirmed agreement becomes
// unconfirmed until the client confirms again.
func (db *DB) ReviseAgreement(ctx context.Context, id int64, title string, terms []domain.AgreementTerm, by domain.Actor) (domain.Agreement, error) {
	if !by.Valid() {
		return domain.Agreement{}, domain.FieldError("author", "Unknown author.")
	}
	return db.changeAgreement(ctx, id, by, "revise", func(tx *sql.Tx, a domain.Agreement) error {
		t, cleaned, err := domain.CleanAgreement(a.Kind, title, terms)
		if err != nil {
			return err
		}
		if t == a.Title && termsEqual(cleaned, a.Terms) {
			return domain.Errorf(domain.EINVALID, "Nothing in the agreement changed.")
		}
		// A changed agreement is no longer the one the client confirmed.
		return insertAgreementVersion(ctx, tx, id, db.stamp(), by, t, cleaned, "", "")
	})
}

func termsEqual(a, b []domain.AgreementTerm) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// ConfirmAgreement records that the client confirms the wording in force,
// by typing their name, on a date.
func (db *DB) ConfirmAgreement(ctx context.Context, id int64, typedName, on string) (domain.Agreement, error) {
	name, err := domain.CleanLine("typedName", "Your name", typedName, domain.MaxShortText, true)
	if err != nil {
		return domain.Agreement{}, err
	}
	if on == "" {
		on = db.today()
	}
	if on, err = domain.ParseDate("confirmedOn", "The date", on, true); err != nil {
		return domain.Agreement{}, err
	}
	return db.changeAgreement(ctx, id, domain.ByClient, "confirm", func(tx *sql.Tx, a domain.Agreement) error {
		if a.ConfirmedName != "" {
			return domain.Errorf(domain.EINVALID, "This wording is already confirmed.")
		}
		if written := db.dayOf(a.Updated); on < written {
			return domain.FieldError("confirmedOn", "The confirmation cannot be dated before this wording was written ("+written+").")
		}
		_, err := tx.ExecContext(ctx, `UPDATE agreement_versions SET confirmed_name = ?, confirmed_on = ?
			WHERE id = (SELECT max(id) FROM agreement_versions WHERE agreement_id = ?)`, name, on, id)
		return err
	})
}

// ---- reflections ----

// Reflections returns the therapist's reflections about one client, or the
// general ones for clientID 0, newest first.
func (db *DB) Reflections(ctx context.Context, clientID int64) ([]domain.Reflection, error) {
	q := `SELECT id, coalesce(client_id, 0), written_on, kind, text, updated_at FROM reflections WHERE client_id = ? ORDER BY written_on DESC, id DESC`
	args := []any{clientID}
	if clientID == 0 {
		q = `SELECT id, 0, written_on, kind, text, updated_at FROM reflections WHERE client_id IS NULL ORDER BY written_on DESC, id DESC`
		args = nil
	}
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("read reflections: %w", err)
	}
	defer rows.Close()
	out := []domain.Reflection{}
	for rows.Next() {
		var r domain.Reflection
		if err := rows.Scan(&r.ID, &r.ClientID, &r.WrittenOn, &r.Kind, &r.Text, &r.Updated); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func cleanReflection(r *domain.Reflection, today string) error {
	var err error
	if r.WrittenOn == "" {
		r.WrittenOn = today
	}
	if r.WrittenOn, err = domain.ParseDate("writtenOn", "The date", r.WrittenOn, true); err != nil {
		return err
	}
	if r.Kind == "" {
		r.Kind = "other"
	}
	known := false
	for _, k := range domain.ReflectionKinds {
		known = known || k == r.Kind
	}
	if !known {
		return domain.FieldError("kind", "Choose what kind of reflection this is.")
	}
	r.Text, err = domain.CleanText("text", "The reflection", r.Text, domain.MaxLongText, true)
	return err
}

func (db *DB) reflection(ctx context.Context, q querier, id int64) (domain.Reflection, error) {
	var r domain.Reflection
	err := q.QueryRowContext(ctx, `SELECT id, coalesce(client_id, 0), written_on, kind, text, updated_at FROM reflections WHERE id = ?`, id).
		Scan(&r.ID, &r.ClientID, &r.WrittenOn, &r.Kind, &r.Text, &r.Updated)
	if errors.Is(err, sql.ErrNoRows) {
		return r, notFound("reflection")
	}
	return r, err
}

// AddReflection writes a private reflection.
func (db *DB) AddReflection(ctx context.Context, r domain.Reflection) (domain.Reflection, error) {
	if err := cleanReflection(&r, db.today()); err != nil {
		return r, err
	}
	var cid any
	if r.ClientID != 0 {
		cid = r.ClientID
	}
	return addFor(ctx, db, domain.ByTherapist, r.ClientID, "reflection", func(tx *sql.Tx, now string) (int64, error) {
		return lastID(tx.ExecContext(ctx, `INSERT INTO reflections (client_id, written_on, kind, text, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
			cid, r.WrittenOn, r.Kind, r.Text, now, now))
	}, db.reflection)
}

// UpdateReflection changes a private reflection.
func (db *DB) UpdateReflection(ctx context.Context, r domain.Reflection) (domain.Reflection, error) {
	if err := cleanReflection(&r, db.today()); err != nil {
		return r, err
	}
	var out domain.Reflection
	err := db.tx(ctx, func(tx *sql.Tx) error {
		before, err := db.reflection(ctx, tx, r.ID)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE reflections SET written_on = ?, kind = ?, text = ?, updated_at = ? WHERE id = ?`,
			r.WrittenOn, r.Kind, r.Text, db.stamp(), r.ID); err != nil {
			return fmt.Errorf("update reflection: %w", err)
		}
		if out, err = db.reflection(ctx, tx, r.ID); err != nil {
			return err
		}
		return db.record(ctx, tx, domain.ByTherapist, before.ClientID, "reflection", r.ID, "update", before, out)
	})
	return out, err
}
