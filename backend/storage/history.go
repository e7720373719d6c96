package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"tandem/backend/domain"
)

// record adds a history entry inside tx. before and after are marshalled to
// JSON (nil gives "").
func (db *DB) record(ctx context.Context, tx *sql.Tx, by domain.Actor, clientID int64, entity string, entityID int64, action string, before, after any) error {
	enc := func(v any) (string, error) {
		if v == nil {
			return "", nil
		}
		b, err := json.Marshal(v)
		return string(b), err
	}
	b, err := enc(before)
	if err != nil {
		return err
	}
	a, err := enc(after)
	if err != nil {
		return err
	}
	var cid any
	if clientID != 0 {
		cid = clientID
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO history (at, actor, client_id, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		db.stamp(), string(by), cid, entity, entityID, action, b, a); err != nil {
		return fmt.Errorf("record history: %w", err)
	}
	return db.reindex(ctx, tx, entity, entityID, action)
}

// History returns a client's history, oldest first (clientID 0: the
// entries about no client, such as general reflections).
func (db *DB) History(ctx context.Context, clientID int64) ([]domain.HistoryEntry, error) {
	q := `SELECT id, at, actor, coalesce(client_id, 0), entity, entity_id, action, before, after FROM history WHERE client_id = ? ORDER BY id`
	args := []any{clientID}
	if clientID == 0 {
		q = `SELECT id, at, actor, 0, entity, entity_id, action, before, after FROM history WHERE client_id IS NULL ORDER BY id`
		args = nil
	}
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("read history: %w", err)
	}
	defer rows.Close()
	var out []domain.HistoryEntry
	for rows.Next() {
		var h domain.HistoryEntry
		if err := rows.Scan(&h.ID, &h.At, &h.Actor, &h.ClientID, &h.Entity, &h.EntityID, &h.Action, &h.Before, &h.After); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}
