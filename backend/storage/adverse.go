package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"tandem/backend/domain"
)

// Adverse events: recorded at any time, finalised or not (safety comes
// before tidiness), from the session's form or opened in the moment by an
// adverse entry of the live log (AddLogEntry).

// AddAdverseEvent records an adverse event of a session, finalised or not.
func (db *DB) AddAdverseEvent(ctx context.Context, e domain.AdverseEvent) (domain.Session, error) {
	var err error
	if e.At, err = domain.CleanLine("at", "When it happened", e.At, domain.MaxShortText, false); err != nil {
		return domain.Session{}, err
	}
	if e.Description, err = domain.CleanText("description", "What happened", e.Description, domain.MaxLongText, true); err != nil {
		return domain.Session{}, err
	}
	if e.Response, err = domain.CleanText("response", "What was done", e.Response, domain.MaxLongText, false); err != nil {
		return domain.Session{}, err
	}
	if e.Visibility, err = e.Visibility.Choice("visibility", "this event"); err != nil {
		return domain.Session{}, err
	}
	return db.changeSession(ctx, e.SessionID, domain.ByTherapist, "adverse_event", true, func(tx *sql.Tx, _ domain.Session) error {
		_, err := insertAdverseEvent(ctx, tx, e, db.stamp())
		return err
	})
}

// insertAdverseEvent writes a checked adverse event and returns its id.
func insertAdverseEvent(ctx context.Context, tx *sql.Tx, e domain.AdverseEvent, now string) (int64, error) {
	id, err := lastID(tx.ExecContext(ctx, `INSERT INTO adverse_events (session_id, at, description, response, created_at, visibility) VALUES (?, ?, ?, ?, ?, ?)`,
		e.SessionID, e.At, e.Description, e.Response, now, string(e.Visibility)))
	if err != nil {
		return 0, fmt.Errorf("add adverse event: %w", err)
	}
	return id, nil
}

// RespondToAdverseEvent writes what was done about an adverse event
// recorded without it (an adverse entry of the live log opens one, in the
// moment). Finalised or not, as adverse events are; a response once written
// stays as it is (an addendum adds to it).
func (db *DB) RespondToAdverseEvent(ctx context.Context, eventID int64, response string) (domain.Session, error) {
	response, err := domain.CleanText("response", "What was done", response, domain.MaxLongText, true)
	if err != nil {
		return domain.Session{}, err
	}
	var sessionID int64
	var before string
	err = db.sql.QueryRowContext(ctx, `SELECT session_id, response FROM adverse_events WHERE id = ?`, eventID).Scan(&sessionID, &before)
	if errors.Is(err, sql.ErrNoRows) {
		return domain.Session{}, notFound("adverse event")
	}
	if err != nil {
		return domain.Session{}, fmt.Errorf("read adverse event: %w", err)
	}
	return db.changeSession(ctx, sessionID, domain.ByTherapist, "adverse_response", true, func(tx *sql.Tx, _ domain.Session) error {
		res, err := tx.ExecContext(ctx, `UPDATE adverse_events SET response = ? WHERE id = ? AND response = ''`, response, eventID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return domain.Errorf(domain.EINVALID, "What was done is already written for this event. Add an addendum to say more.")
		}
		return nil
	})
}
