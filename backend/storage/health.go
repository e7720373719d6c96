package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"tandem/backend/domain"
)

// Health and medication screening (domain.Health): medications, allergies
// and health history, the practice's contraindications checklist and the
// screenings against it. Every change is recorded in the history.

// health reads a client's health and screening.
func (db *DB) health(ctx context.Context, q querier, clientID int64) (domain.Health, error) {
	h := domain.Health{Medications: []domain.Medication{}, Screenings: []domain.Screening{}}
	err := q.QueryRowContext(ctx, `SELECT allergies, history, updated_at FROM client_health WHERE client_id = ?`, clientID).Scan(&h.Allergies, &h.History, &h.Updated)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return h, fmt.Errorf("read health: %w", err)
	}
	if h.Medications, err = db.medications(ctx, q, `client_id = ?`, clientID); err != nil {
		return h, err
	}
	index := map[int64]int{}
	if err := eachRow(ctx, q, "read screenings", `SELECT id, client_id, screened_on, answered_by, note, created_at FROM screenings WHERE client_id = ? ORDER BY screened_on, id`, func(rows *sql.Rows) error {
		var s domain.Screening
		if err := rows.Scan(&s.ID, &s.ClientID, &s.ScreenedOn, &s.AnsweredBy, &s.Note, &s.Created); err != nil {
			return err
		}
		s.Answers = []domain.ScreeningAnswer{}
		index[s.ID] = len(h.Screenings)
		h.Screenings = append(h.Screenings, s)
		return nil
	}, clientID); err != nil {
		return h, err
	}
	err = eachRow(ctx, q, "read screenings", `SELECT a.screening_id, a.item_id, a.item, a.answer, a.note FROM screening_answers a
		JOIN screenings s ON s.id = a.screening_id WHERE s.client_id = ? ORDER BY a.screening_id, a.position`, func(rows *sql.Rows) error {
		var sid int64
		var a domain.ScreeningAnswer
		if err := rows.Scan(&sid, &a.ItemID, &a.Item, &a.Answer, &a.Note); err != nil {
			return err
		}
		if i, ok := index[sid]; ok {
			h.Screenings[i].Answers = append(h.Screenings[i].Answers, a)
		}
		return nil
	}, clientID)
	return h, err
}

// Health returns a client's health and screening.
func (db *DB) Health(ctx context.Context, clientID int64) (domain.Health, error) {
	if _, err := db.client(ctx, db.sql, clientID); err != nil {
		return domain.Health{}, err
	}
	return db.health(ctx, db.sql, clientID)
}

func (db *DB) medications(ctx context.Context, q querier, where string, arg any) ([]domain.Medication, error) {
	out := []domain.Medication{}
	err := eachRow(ctx, q, "read medications", `SELECT id, client_id, name, dose, since, prescriber, notes, stopped_on, author, created_at, updated_at
		FROM medications WHERE `+where+` ORDER BY id`, func(rows *sql.Rows) error {
		var m domain.Medication
		if err := rows.Scan(&m.ID, &m.ClientID, &m.Name, &m.Dose, &m.Since, &m.Prescriber, &m.Notes, &m.StoppedOn, &m.Author, &m.Created, &m.Updated); err != nil {
			return err
		}
		out = append(out, m)
		return nil
	}, arg)
	return out, err
}

func (db *DB) medication(ctx context.Context, q querier, id int64) (domain.Medication, error) {
	ms, err := db.medications(ctx, q, `id = ?`, id)
	if err != nil {
		return domain.Medication{}, err
	}
	if len(ms) == 0 {
		return domain.Medication{}, notFound("medication")
	}
	return ms[0], nil
}

// AddMedication adds a medication to a client's list.
func (db *DB) AddMedication(ctx context.Context, m domain.Medication) (domain.Medication, error) {
	if err := m.Validate(); err != nil {
		return domain.Medication{}, err
	}
	return addFor(ctx, db, m.Author, m.ClientID, "medication", func(tx *sql.Tx, now string) (int64, error) {
		return lastID(tx.ExecContext(ctx, `INSERT INTO medications (client_id, name, dose, since, prescriber, notes, stopped_on, author, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, m.ClientID, m.Name, m.Dose, m.Since, m.Prescriber, m.Notes, m.StoppedOn, string(m.Author), now, now))
	}, db.medication)
}

// UpdateMedication changes a medication (its client and author stay); a
// date in StoppedOn records that it was stopped.
func (db *DB) UpdateMedication(ctx context.Context, m domain.Medication, by domain.Actor) (domain.Medication, error) {
	if err := m.Validate(); err != nil {
		return domain.Medication{}, err
	}
	return changeFor(ctx, db, by, "medication", m.ID, "update", db.medication, func(b domain.Medication) int64 { return b.ClientID },
		func(tx *sql.Tx, before domain.Medication) error {
			if before.Name == m.Name && before.Dose == m.Dose && before.Since == m.Since && before.Prescriber == m.Prescriber &&
				before.Notes == m.Notes && before.StoppedOn == m.StoppedOn {
				return domain.Errorf(domain.EINVALID, "Nothing in the medication changed.")
			}
			_, err := tx.ExecContext(ctx, `UPDATE medications SET name = ?, dose = ?, since = ?, prescriber = ?, notes = ?, stopped_on = ?, updated_at = ? WHERE id = ?`,
				m.Name, m.Dose, m.Since, m.Prescriber, m.Notes, m.StoppedOn, db.stamp(), m.ID)
			return err
		})
}

// SaveHealthNotes writes a client's allergies and health history.
func (db *DB) SaveHealthNotes(ctx context.Context, clientID int64, allergies, history string, by domain.Actor) (domain.Health, error) {
	a, h, err := domain.CleanHealthNotes(allergies, history)
	if err != nil {
		return domain.Health{}, err
	}
	if !by.Valid() {
		return domain.Health{}, domain.FieldError("author", "Say who wrote this: the client, you, or the two of you together.")
	}
	type notes struct {
		Allergies string `json:"allergies"`
		History   string `json:"history"`
	}
	var out domain.Health
	err = db.tx(ctx, func(tx *sql.Tx) error {
		if err := db.requireOpenClient(ctx, tx, clientID); err != nil {
			return err
		}
		before, err := db.health(ctx, tx, clientID)
		if err != nil {
			return err
		}
		if before.Allergies == a && before.History == h {
			return domain.Errorf(domain.EINVALID, "Nothing in the allergies or health history changed.")
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO client_health (client_id, allergies, history, updated_at) VALUES (?, ?, ?, ?)
			ON CONFLICT (client_id) DO UPDATE SET allergies = excluded.allergies, history = excluded.history, updated_at = excluded.updated_at`,
			clientID, a, h, db.stamp()); err != nil {
			return fmt.Errorf("save health: %w", err)
		}
		if out, err = db.health(ctx, tx, clientID); err != nil {
			return err
		}
		return db.record(ctx, tx, by, clientID, "health", clientID, "update", notes{before.Allergies, before.History}, notes{a, h})
	})
	return out, err
}

// ScreeningItems returns the contraindications checklist in order; retired
// items too when all is true.
func (db *DB) ScreeningItems(ctx context.Context, all bool) ([]domain.ScreeningItem, error) {
	return db.screeningItems(ctx, db.sql, all)
}

func (db *DB) screeningItems(ctx context.Context, q querier, all bool) ([]domain.ScreeningItem, error) {
	where := `retired_at = ''`
	if all {
		where = `1`
	}
	out := []domain.ScreeningItem{}
	err := eachRow(ctx, q, "read checklist", `SELECT id, text, position, retired_at FROM screening_items WHERE `+where+` ORDER BY position, id`, func(rows *sql.Rows) error {
		var it domain.ScreeningItem
		if err := rows.Scan(&it.ID, &it.Text, &it.Position, &it.Retired); err != nil {
			return err
		}
		out = append(out, it)
		return nil
	})
	return out, err
}

// AddScreeningItem adds an item at the end of the checklist.
func (db *DB) AddScreeningItem(ctx context.Context, text string) (domain.ScreeningItem, error) {
	t, err := domain.CleanScreeningItem(text)
	if err != nil {
		return domain.ScreeningItem{}, err
	}
	var it domain.ScreeningItem
	err = db.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM screening_items WHERE retired_at = '' AND text = ?`, t).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return domain.FieldError("text", "The checklist already asks this.")
		}
		id, err := lastID(tx.ExecContext(ctx, `INSERT INTO screening_items (text, position, created_at)
			VALUES (?, (SELECT coalesce(max(position), 0) + 1 FROM screening_items), ?)`, t, db.stamp()))
		if err != nil {
			return fmt.Errorf("add checklist item: %w", err)
		}
		it = domain.ScreeningItem{ID: id, Text: t}
		err = tx.QueryRowContext(ctx, `SELECT position FROM screening_items WHERE id = ?`, id).Scan(&it.Position)
		if err != nil {
			return err
		}
		return db.record(ctx, tx, domain.ByTherapist, 0, "screening_item", id, "create", nil, it)
	})
	return it, err
}

// RewordScreeningItem changes an item's wording; answers already given
// keep the wording they were given to.
func (db *DB) RewordScreeningItem(ctx context.Context, id int64, text string) (domain.ScreeningItem, error) {
	t, err := domain.CleanScreeningItem(text)
	if err != nil {
		return domain.ScreeningItem{}, err
	}
	return db.changeScreeningItem(ctx, id, "reword", func(tx *sql.Tx, it domain.ScreeningItem) error {
		if it.Text == t {
			return domain.Errorf(domain.EINVALID, "The wording did not change.")
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM screening_items WHERE retired_at = '' AND text = ? AND id != ?`, t, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return domain.FieldError("text", "The checklist already asks this.")
		}
		_, err := tx.ExecContext(ctx, `UPDATE screening_items SET text = ? WHERE id = ?`, t, id)
		return err
	})
}

// RetireScreeningItem stops asking an item; its answers stay.
func (db *DB) RetireScreeningItem(ctx context.Context, id int64) (domain.ScreeningItem, error) {
	return db.changeScreeningItem(ctx, id, "retire", func(tx *sql.Tx, it domain.ScreeningItem) error {
		if it.Retired != "" {
			return domain.Errorf(domain.EINVALID, "This item is no longer asked.")
		}
		_, err := tx.ExecContext(ctx, `UPDATE screening_items SET retired_at = ? WHERE id = ?`, db.stamp(), id)
		return err
	})
}

func (db *DB) changeScreeningItem(ctx context.Context, id int64, action string, change func(tx *sql.Tx, it domain.ScreeningItem) error) (domain.ScreeningItem, error) {
	read := func(q querier) (domain.ScreeningItem, error) {
		var it domain.ScreeningItem
		err := q.QueryRowContext(ctx, `SELECT id, text, position, retired_at FROM screening_items WHERE id = ?`, id).Scan(&it.ID, &it.Text, &it.Position, &it.Retired)
		if errors.Is(err, sql.ErrNoRows) {
			return it, notFound("checklist item")
		}
		return it, err
	}
	var out domain.ScreeningItem
	err := db.tx(ctx, func(tx *sql.Tx) error {
		before, err := read(tx)
		if err != nil {
			return err
		}
		if err := change(tx, before); err != nil {
			return err
		}
		if out, err = read(tx); err != nil {
			return err
		}
		return db.record(ctx, tx, domain.ByTherapist, 0, "screening_item", id, action, before, out)
	})
	return out, err
}

// AddScreening records a round of answers to the checklist's items in use.
func (db *DB) AddScreening(ctx context.Context, n domain.NewScreening) (domain.Screening, error) {
	var out domain.Screening
	err := db.tx(ctx, func(tx *sql.Tx) error {
		if err := db.requireOpenClient(ctx, tx, n.ClientID); err != nil {
			return err
		}
		items, err := db.screeningItems(ctx, tx, false)
		if err != nil {
			return err
		}
		if err := n.Validate(items); err != nil {
			return err
		}
		if n.ScreenedOn > db.today() {
			return domain.FieldError("screenedOn", "A screening cannot be dated in the future.")
		}
		now := db.stamp()
		id, err := lastID(tx.ExecContext(ctx, `INSERT INTO screenings (client_id, screened_on, answered_by, note, created_at) VALUES (?, ?, ?, ?, ?)`,
			n.ClientID, n.ScreenedOn, string(n.AnsweredBy), n.Note, now))
		if err != nil {
			return fmt.Errorf("add screening: %w", err)
		}
		for i, a := range n.Answers {
			if _, err := tx.ExecContext(ctx, `INSERT INTO screening_answers (screening_id, position, item_id, item, answer, note) VALUES (?, ?, ?, ?, ?, ?)`,
				id, i, a.ItemID, a.Item, string(a.Answer), a.Note); err != nil {
				return fmt.Errorf("add screening: %w", err)
			}
		}
		out = domain.Screening{ID: id, ClientID: n.ClientID, ScreenedOn: n.ScreenedOn, AnsweredBy: n.AnsweredBy, Note: n.Note, Answers: n.Answers, Created: now}
		return db.record(ctx, tx, n.AnsweredBy, n.ClientID, "screening", id, "create", nil, out)
	})
	return out, err
}
