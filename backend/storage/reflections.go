package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"tandem/backend/domain"
)

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
