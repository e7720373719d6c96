package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"tandem/backend/domain"
)

// This file holds what every read and write of a record goes through: the
// transaction, the stamps and days of the clock, the history entry a
// change records, and the shapes of adding and changing one entity. A new
// kind of record uses these rather than writing its own.

// querier is what the database, a transaction and a connection all offer,
// so that a read (or a dump's write) runs inside a transaction or outside
// one alike.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// tx runs fn in one transaction, committing when fn returns nil.
func (db *DB) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// stamp is the current time as stored: UTC, RFC 3339.
func (db *DB) stamp() string { return db.now().UTC().Format(time.RFC3339) }

// today is the current date, in the clock's time zone.
func (db *DB) today() string { return db.now().Format(time.DateOnly) }

// dayOf is the date of a stamp in the clock's time zone, the day the
// therapist lived it: a stamp is UTC, so its own date is a day off in the
// evening west of UTC and the morning east of it. A date (2006-01-02), or
// anything else that is not a stamp, is returned as it is.
func (db *DB) dayOf(stamp string) string {
	t, err := time.Parse(time.RFC3339, stamp)
	if err != nil {
		return stamp
	}
	return t.In(db.now().Location()).Format(time.DateOnly)
}

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

// requireOpenClient refuses writes for a client that is missing or archived.
func (db *DB) requireOpenClient(ctx context.Context, q querier, clientID int64) error {
	var archived sql.NullString
	err := q.QueryRowContext(ctx, `SELECT archived_at FROM clients WHERE id = ?`, clientID).Scan(&archived)
	if errors.Is(err, sql.ErrNoRows) {
		return notFound("client record")
	}
	if err != nil {
		return fmt.Errorf("read client: %w", err)
	}
	if archived.Valid {
		return domain.Errorf(domain.EINVALID, "This client's record is archived. Restore it before changing it.")
	}
	return nil
}

// addFor adds one entity for an open client in one transaction: insert
// writes it and returns its id, read reads it back, and the history records
// its creation by the actor. clientID 0 means an entity about no client.
func addFor[T any](ctx context.Context, db *DB, by domain.Actor, clientID int64, entity string,
	insert func(tx *sql.Tx, now string) (int64, error), read func(ctx context.Context, q querier, id int64) (T, error)) (T, error) {
	var out T
	err := db.tx(ctx, func(tx *sql.Tx) error {
		if clientID != 0 {
			if err := db.requireOpenClient(ctx, tx, clientID); err != nil {
				return err
			}
		}
		id, err := insert(tx, db.stamp())
		if err != nil {
			return fmt.Errorf("add %s: %w", entity, err)
		}
		if out, err = read(ctx, tx, id); err != nil {
			return err
		}
		return db.record(ctx, tx, by, clientID, entity, id, "create", nil, out)
	})
	return out, err
}

// changeFor changes one entity of an open client in one transaction: read
// reads it before and after, clientOf names its client, change makes the
// change, and the history records both sides under action by the actor.
func changeFor[T any](ctx context.Context, db *DB, by domain.Actor, entity string, id int64, action string,
	read func(ctx context.Context, q querier, id int64) (T, error), clientOf func(T) int64, change func(tx *sql.Tx, before T) error) (T, error) {
	var out T
	if !by.Valid() {
		return out, domain.FieldError("author", "Say who made this change: the client, you, or the two of you together.")
	}
	err := db.tx(ctx, func(tx *sql.Tx) error {
		before, err := read(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := db.requireOpenClient(ctx, tx, clientOf(before)); err != nil {
			return err
		}
		if err := change(tx, before); err != nil {
			return err
		}
		if out, err = read(ctx, tx, id); err != nil {
			return err
		}
		return db.record(ctx, tx, by, clientOf(before), entity, id, action, before, out)
	})
	return out, err
}

// changePractice changes something of the practice's (not of a client's)
// in one transaction and records it in the history.
func (db *DB) changePractice(ctx context.Context, entity string, id int64, action string, before any, change func(tx *sql.Tx) (after any, err error)) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		after, err := change(tx)
		if err != nil {
			return err
		}
		return db.record(ctx, tx, domain.ByTherapist, 0, entity, id, action, before, after)
	})
}

// lastID returns the id of the row an INSERT made.
func lastID(res sql.Result, err error) (int64, error) {
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// eachRow runs query with args and calls scan for each row; what names the
// read in an error.
func eachRow(ctx context.Context, q querier, what, query string, scan func(rows *sql.Rows) error, args ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// notFound is the error for a record that does not exist (any more).
func notFound(what string) error {
	return domain.Errorf(domain.ENOTFOUND, "This %s no longer exists. It may have been erased.", what)
}
