package storage

import (
	"context"
	"fmt"

	"tandem/backend/domain"
)

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
