package storage

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"tandem/backend/domain"
)

const clientColumns = `id, chosen_name, pronouns, legal_name, date_of_birth, email, phone, address, emergency_contact,
	languages, status, intake_note, created_at, updated_at, coalesce(archived_at, ''), share_positionality != 0, agenda`

func scanClient(row interface{ Scan(...any) error }, c *domain.Client) error {
	var agenda string
	err := row.Scan(&c.ID, &c.ChosenName, &c.Pronouns, &c.LegalName, &c.DateOfBirth, &c.Email, &c.Phone, &c.Address,
		&c.EmergencyContact, &c.Languages, &c.Status, &c.IntakeNote, &c.Created, &c.Updated, &c.Archived, &c.SharePositionality, &agenda)
	c.Agenda = domain.ParseAgenda(agenda)
	return err
}

// Clients lists clients: active first, then paused, then closed, each by
// name. The query matches chosen and legal names, ignoring case and accents.
func (db *DB) Clients(ctx context.Context, f domain.ClientFilter) ([]domain.ClientSummary, error) {
	q := `SELECT id, chosen_name, pronouns, status, updated_at, archived_at IS NOT NULL,
		coalesce((SELECT max(written_on) FROM power_map_entries p WHERE p.client_id = clients.id
			AND p.visibility = 'shared' AND p.author IN ('client', 'together')), '')
		FROM clients WHERE `
	var args []any
	if f.Archived {
		q += `archived_at IS NOT NULL`
	} else {
		q += `archived_at IS NULL`
	}
	if f.Status != "" {
		if !f.Status.Valid() {
			return nil, domain.FieldError("status", "Choose active, paused or closed.")
		}
		q += ` AND status = ?`
		args = append(args, string(f.Status))
	}
	if query := strings.TrimSpace(domain.Fold(f.Query)); query != "" {
		for _, word := range strings.Fields(query) {
			q += ` AND instr(names_folded, ?) > 0`
			args = append(args, word)
		}
	}
	q += ` ORDER BY CASE status WHEN 'active' THEN 0 WHEN 'paused' THEN 1 ELSE 2 END, names_folded, id`
	rows, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list clients: %w", err)
	}
	defer rows.Close()
	out := []domain.ClientSummary{}
	for rows.Next() {
		var s domain.ClientSummary
		if err := rows.Scan(&s.ID, &s.ChosenName, &s.Pronouns, &s.Status, &s.Updated, &s.Archived, &s.PowerMapRevisited); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// Client returns one client's details and identities, without the rest of
// the record.
func (db *DB) Client(ctx context.Context, id int64) (domain.Client, error) {
	return db.client(ctx, db.sql, id)
}

func (db *DB) client(ctx context.Context, q querier, id int64) (domain.Client, error) {
	var c domain.Client
	err := scanClient(q.QueryRowContext(ctx, `SELECT `+clientColumns+` FROM clients WHERE id = ?`, id), &c)
	if errors.Is(err, sql.ErrNoRows) {
		return c, notFound("client record")
	}
	if err != nil {
		return c, fmt.Errorf("read client: %w", err)
	}
	rows, err := q.QueryContext(ctx, `SELECT facet, description FROM client_identities WHERE client_id = ? ORDER BY position`, id)
	if err != nil {
		return c, fmt.Errorf("read identities: %w", err)
	}
	defer rows.Close()
	c.Identities = []domain.Identity{}
	for rows.Next() {
		var i domain.Identity
		if err := rows.Scan(&i.Facet, &i.Description); err != nil {
			return c, err
		}
		c.Identities = append(c.Identities, i)
	}
	return c, rows.Err()
}

// CreateClient adds a client, written by by, and returns the stored record.
func (db *DB) CreateClient(ctx context.Context, c domain.Client, by domain.Actor) (domain.Client, error) {
	if err := c.Validate(); err != nil {
		return domain.Client{}, err
	}
	if !by.Valid() {
		return domain.Client{}, domain.FieldError("author", "Unknown author.")
	}
	var out domain.Client
	err := db.tx(ctx, func(tx *sql.Tx) error {
		now := db.stamp()
		res, err := tx.ExecContext(ctx, `INSERT INTO clients (chosen_name, pronouns, legal_name, date_of_birth, email, phone, address,
			emergency_contact, languages, status, intake_note, names_folded, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.ChosenName, c.Pronouns, c.LegalName, c.DateOfBirth, c.Email, c.Phone, c.Address, c.EmergencyContact,
			c.Languages, string(c.Status), c.IntakeNote, foldedNames(c), now, now)
		if err != nil {
			return fmt.Errorf("create client: %w", err)
		}
		id, _ := res.LastInsertId()
		if err := writeIdentities(ctx, tx, id, c.Identities); err != nil {
			return err
		}
		if out, err = db.client(ctx, tx, id); err != nil {
			return err
		}
		return db.record(ctx, tx, by, id, "client", id, "create", nil, out)
	})
	return out, err
}

func foldedNames(c domain.Client) string {
	return domain.Fold(c.ChosenName + " " + c.LegalName)
}

func writeIdentities(ctx context.Context, tx *sql.Tx, clientID int64, ids []domain.Identity) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM client_identities WHERE client_id = ?`, clientID); err != nil {
		return fmt.Errorf("write identities: %w", err)
	}
	for i, id := range ids {
		if _, err := tx.ExecContext(ctx, `INSERT INTO client_identities (client_id, position, facet, description) VALUES (?, ?, ?, ?)`,
			clientID, i, id.Facet, id.Description); err != nil {
			return fmt.Errorf("write identities: %w", err)
		}
	}
	return nil
}

// UpdateClient changes a client's details; an archived record must be
// restored first.
func (db *DB) UpdateClient(ctx context.Context, c domain.Client, by domain.Actor) (domain.Client, error) {
	if err := c.Validate(); err != nil {
		return domain.Client{}, err
	}
	if !by.Valid() {
		return domain.Client{}, domain.FieldError("author", "Unknown author.")
	}
	var out domain.Client
	err := db.tx(ctx, func(tx *sql.Tx) error {
		before, err := db.client(ctx, tx, c.ID)
		if err != nil {
			return err
		}
		if before.Archived != "" {
			return domain.Errorf(domain.EINVALID, "This client's record is archived. Restore it before changing it.")
		}
		if _, err := tx.ExecContext(ctx, `UPDATE clients SET chosen_name = ?, pronouns = ?, legal_name = ?, date_of_birth = ?, email = ?,
			phone = ?, address = ?, emergency_contact = ?, languages = ?, status = ?, intake_note = ?, names_folded = ?, updated_at = ?
			WHERE id = ?`,
			c.ChosenName, c.Pronouns, c.LegalName, c.DateOfBirth, c.Email, c.Phone, c.Address, c.EmergencyContact,
			c.Languages, string(c.Status), c.IntakeNote, foldedNames(c), db.stamp(), c.ID); err != nil {
			return fmt.Errorf("update client: %w", err)
		}
		if err := writeIdentities(ctx, tx, c.ID, c.Identities); err != nil {
			return err
		}
		if out, err = db.client(ctx, tx, c.ID); err != nil {
			return err
		}
		return db.record(ctx, tx, by, c.ID, "client", c.ID, "update", before, out)
	})
	return out, err
}

// ArchiveClient archives a client's record, restorably (RestoreClient).
func (db *DB) ArchiveClient(ctx context.Context, id int64) error {
	return db.setArchived(ctx, id, true)
}

// RestoreClient brings an archived record back.
func (db *DB) RestoreClient(ctx context.Context, id int64) error {
	return db.setArchived(ctx, id, false)
}

func (db *DB) setArchived(ctx context.Context, id int64, archived bool) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		before, err := db.client(ctx, tx, id)
		if err != nil {
			return err
		}
		var val any
		action := "restore"
		if archived {
			val, action = db.stamp(), "archive"
		}
		if _, err := tx.ExecContext(ctx, `UPDATE clients SET archived_at = ? WHERE id = ?`, val, id); err != nil {
			return fmt.Errorf("%s client: %w", action, err)
		}
		after, err := db.client(ctx, tx, id)
		if err != nil {
			return err
		}
		return db.record(ctx, tx, domain.ByTherapist, id, "client", id, action, before.Archived, after.Archived)
	})
}

// EraseClient deletes an archived client for good; typedName must be the
// client's chosen name, as a deliberate confirmation. The client's records
// and their history are deleted; one history entry, without content, says
// that a record was erased and when. Nothing of the client stays in the
// search index (reindex merges its segments), and the log is emptied.
func (db *DB) EraseClient(ctx context.Context, id int64, typedName string) error {
	err := db.tx(ctx, func(tx *sql.Tx) error {
		c, err := db.client(ctx, tx, id)
		if err != nil {
			return err
		}
		if c.Archived == "" {
			return domain.Errorf(domain.EINVALID, "Archive this client's record first; only an archived record can be erased.")
		}
		if strings.TrimSpace(typedName) != c.ChosenName {
			return domain.FieldError("typedName", "Type the client's chosen name exactly as it is written to erase the record.")
		}
		for _, q := range []string{`DELETE FROM history WHERE client_id = ?`, `DELETE FROM clients WHERE id = ?`} {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return fmt.Errorf("erase client: %w", err)
			}
		}
		return db.record(ctx, tx, domain.ByTherapist, 0, "client", id, "erase", nil, nil)
	})
	if err != nil {
		return err
	}
	// The write-ahead log still holds the pages as they were: move them
	// into the database file (where secure_delete has zeroed what was
	// freed) and empty it. Best effort: a reader may hold the log.
	db.Checkpoint(ctx)
	return nil
}

// ClientRecord returns the client and everything written with or about
// them.
func (db *DB) ClientRecord(ctx context.Context, id int64) (domain.ClientRecord, error) {
	r, err := db.ClientPage(ctx, id)
	if err != nil {
		return r, err
	}
	r.History, err = db.History(ctx, id)
	return r, err
}

// ClientPage is the client record without its history, which is the
// largest part of a long record and is read only when it is shown.
func (db *DB) ClientPage(ctx context.Context, id int64) (domain.ClientRecord, error) {
	var r domain.ClientRecord
	var err error
	if r.Client, err = db.client(ctx, db.sql, id); err != nil {
		return r, err
	}
	if r.PowerMap, err = db.powerMap(ctx, id); err != nil {
		return r, err
	}
	if r.Plan, err = db.plan(ctx, id); err != nil {
		return r, err
	}
	if r.Agreements, err = db.agreements(ctx, id); err != nil {
		return r, err
	}
	if r.Reflections, err = db.Reflections(ctx, id); err != nil {
		return r, err
	}
	if r.Health, err = db.health(ctx, db.sql, id); err != nil {
		return r, err
	}
	if r.Client.SharePositionality {
		err = db.sql.QueryRowContext(ctx, `SELECT statement, written_on FROM practice_positionality ORDER BY id DESC LIMIT 1`).
			Scan(&r.TherapistPositionality.Text, &r.TherapistPositionality.Dated)
		if errors.Is(err, sql.ErrNoRows) {
			err = nil
		}
		if err != nil {
			return r, fmt.Errorf("read positionality: %w", err)
		}
		if r.TherapistPositionality.Text == "" {
			r.TherapistPositionality.Dated = ""
		}
	}
	return r, nil
}

// SaveAgenda records what the two chose to work on together in
// co-creation mode (domain.CleanAgenda), and returns the client.
func (db *DB) SaveAgenda(ctx context.Context, clientID int64, sections []string) (domain.Client, error) {
	agenda, err := domain.CleanAgenda(sections)
	if err != nil {
		return domain.Client{}, err
	}
	var out domain.Client
	err = db.tx(ctx, func(tx *sql.Tx) error {
		before, err := db.client(ctx, tx, clientID)
		if err != nil {
			return err
		}
		if slices.Equal(before.Agenda, agenda) {
			out = before
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE clients SET agenda = ? WHERE id = ?`, strings.Join(agenda, ","), clientID); err != nil {
			return fmt.Errorf("save agenda: %w", err)
		}
		if out, err = db.client(ctx, tx, clientID); err != nil {
			return err
		}
		// Ticking four sections is one choice, not four: a change within
		// agendaCoalesce of the last one, with nothing else recorded for
		// the client between them, updates that history entry's "after".
		var lastID int64
		var lastAction, lastAt string
		err = tx.QueryRowContext(ctx, `SELECT id, action, at FROM history WHERE client_id = ? ORDER BY id DESC LIMIT 1`, clientID).Scan(&lastID, &lastAction, &lastAt)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("read history: %w", err)
		}
		if at, perr := time.Parse(time.RFC3339, lastAt); err == nil && perr == nil && lastAction == "agenda" && db.now().Sub(at) < agendaCoalesce {
			after, err := json.Marshal(out.Agenda)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `UPDATE history SET after = ?, at = ? WHERE id = ?`, string(after), db.stamp(), lastID); err != nil {
				return fmt.Errorf("record history: %w", err)
			}
			return db.reindex(ctx, tx, "client", clientID, "agenda")
		}
		return db.record(ctx, tx, domain.ByTherapist, clientID, "client", clientID, "agenda", before.Agenda, out.Agenda)
	})
	return out, err
}

// agendaCoalesce is how close together changes of a client's agenda are
// recorded as one choice in the history.
const agendaCoalesce = 10 * time.Minute

// SharePositionality records the therapist's choice to share, or no longer
// share, their positionality statement with a client, and returns the
// client. The choice is the therapist's, recorded in the history.
func (db *DB) SharePositionality(ctx context.Context, clientID int64, share bool) (domain.Client, error) {
	var out domain.Client
	err := db.tx(ctx, func(tx *sql.Tx) error {
		before, err := db.client(ctx, tx, clientID)
		if err != nil {
			return err
		}
		if before.SharePositionality == share {
			out = before
			return nil
		}
		if _, err := tx.ExecContext(ctx, `UPDATE clients SET share_positionality = ? WHERE id = ?`, share, clientID); err != nil {
			return fmt.Errorf("share positionality: %w", err)
		}
		if out, err = db.client(ctx, tx, clientID); err != nil {
			return err
		}
		action := "unshare-positionality"
		if share {
			action = "share-positionality"
		}
		return db.record(ctx, tx, domain.ByTherapist, clientID, "client", clientID, action, before.SharePositionality, out.SharePositionality)
	})
	return out, err
}
